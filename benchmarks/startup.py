"""Benchmark: how long ``qms`` takes to start (issue 15, fast start).

Each command runs ``--repeat`` times in a fresh interpreter (``python -m qms ...``, what the console script does),
beside ``python -c pass`` in the same run, and its CPU time (user + system, from ``getrusage`` of the child) is
taken; the table gives the best and the median. The commands:

* ``python -c pass``: the interpreter alone, the floor;
* ``qms --version``: answered before Typer is imported (``qms.cli.start``);
* ``qms --lang vi --version``: the same answer from the Typer application, so the cost of declaring every command;
* ``qms validate ONE_FILE``: one shipped process file (``processes/QT-VB-01.yaml``);
* ``qms check ONE_FILE``: the same file through the 40 rules (no target; for comparison).

``--imports`` adds, for each command, the packages that cost most to import (``python -X importtime``).
``--before DIR`` also runs, interleaved with this checkout's, the ``qms`` package found in DIR: an older commit
unpacked with ``git archive COMMIT qms | tar -x -C DIR``, so before and after are measured in the same run
(``--source DIR`` replaces this checkout's). The run exits 1 when a target of this checkout's (``--version`` under
0.15 s, ``validate`` under 0.5 s of CPU, the median) is missed.

    .venv/bin/python benchmarks/startup.py
    .venv/bin/python benchmarks/startup.py --repeat 20 --imports
    git archive HEAD~1 qms | (mkdir -p /tmp/qms-before && tar -x -C /tmp/qms-before)
    .venv/bin/python benchmarks/startup.py --before /tmp/qms-before

Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ONE_FILE = ROOT / "processes" / "QT-VB-01.yaml"
TARGETS = {"qms --version": 0.15, "qms validate ONE_FILE": 0.5}  # seconds of CPU (user + system)
COMMANDS: dict[str, list[str]] = {
    "python -c pass": ["-c", "pass"],
    "qms --version": ["-m", "qms", "--version"],
    "qms --lang vi --version": ["-m", "qms", "--lang", "vi", "--version"],
    "qms validate ONE_FILE": ["-m", "qms", "validate", str(ONE_FILE)],
    "qms check ONE_FILE": ["-m", "qms", "check", str(ONE_FILE)],
}


def run_once(args: list[str], env: dict[str, str], cwd: Path, importtime: bool = False) -> tuple[float, float, str]:
    """One run in a fresh interpreter: its CPU time (user + system), wall time and standard error."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    command = [sys.executable, *(["-X", "importtime"] if importtime else []), *args]
    result = subprocess.run(command, env=env, cwd=cwd, capture_output=True, text=True, timeout=120, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(args)} ended with {result.returncode}:\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return cpu, wall, result.stderr


def heaviest_imports(stderr: str, count: int) -> list[tuple[str, float]]:
    """The packages whose modules took longest to import (their own time, ms), from ``-X importtime``'s lines.

    A qms module counts for its subpackage (``qms.load``), any other for its distribution's top package (``pydantic``).
    """
    totals: dict[str, float] = {}
    for line in stderr.splitlines():
        if not line.startswith("import time:") or "cumulative" in line:
            continue
        own, _, name = line.removeprefix("import time:").split("|")
        parts = name.strip().split(".")
        package = ".".join(parts[:2]) if parts[0] == "qms" else parts[0]
        totals[package] = totals.get(package, 0.0) + int(own) / 1000
    return sorted(totals.items(), key=lambda item: -item[1])[:count]


def environment(source: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("QMS_LANG", "QMS_DEBUG", "PYTHONPATH")}
    env.update(PYTHONPATH=str(source), NO_COLOR="1", PYTHONIOENCODING="utf-8")
    return env


Run = tuple[str, str]  # (command, which qms: "" for this checkout, "before")


def label_of(run: Run) -> str:
    name, label = run
    return f"`{name}`" + (f" ({label})" if label else "")


def measure(repeat: int, sources: dict[str, Path], imports: int) -> dict[Run, tuple[float, float, float]]:
    """Each run's best CPU, median CPU and median wall time, all runs interleaved so that noise hits them alike."""
    runs = {(name, label): (args, environment(source)) for label, source in sources.items() for name, args in COMMANDS.items()}
    runs = {run: spec for run, spec in runs.items() if run[1] == "" or run[0] != "python -c pass"}
    cpu: dict[Run, list[float]] = {run: [] for run in runs}
    wall: dict[Run, list[float]] = {run: [] for run in runs}
    with tempfile.TemporaryDirectory() as folder:  # not the checkout: ``-m qms`` would find ./qms before the source asked for
        cwd = Path(folder)
        for args, env in runs.values():  # warm the file cache and write the bytecode once
            run_once(args, env, cwd)
        for _ in range(repeat):
            for run, (args, env) in runs.items():
                seconds, elapsed, _ = run_once(args, env, cwd)
                cpu[run].append(seconds)
                wall[run].append(elapsed)
        for run, (args, env) in runs.items() if imports else ():
            heavy = heaviest_imports(run_once(args, env, cwd, importtime=True)[2], imports)
            print(f"{label_of(run)}: " + ", ".join(f"{module} {ms:.0f} ms" for module, ms in heavy))
    return {run: (min(cpu[run]), statistics.median(cpu[run]), statistics.median(wall[run])) for run in runs}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=10)
    parser.add_argument("--source", type=Path, default=ROOT, help="folder holding the qms package to run (default: this checkout)")
    parser.add_argument("--before", type=Path, help="folder holding an older qms package, measured in the same run")
    parser.add_argument("--imports", nargs="?", type=int, const=6, default=0, help="show the N heaviest imports of each command")
    options = parser.parse_args()
    sources = {"": options.source.resolve(), **({"before": options.before.resolve()} if options.before else {})}
    for source in sources.values():
        if not (source / "qms" / "__init__.py").is_file():
            parser.error(f"no qms package in {source}")
    results = measure(options.repeat, sources, options.imports)
    where = ", ".join(f"{label or 'qms'} from {source}" for label, source in sources.items())
    print(f"\n{platform.python_implementation()} {platform.python_version()}, {os.cpu_count()} cores, {options.repeat} runs each; {where}")
    print("| command | CPU, best | CPU, median | wall, median | target |")
    print("|---|---|---|---|---|")
    missed = []
    for (name, label), (best, median, wall) in results.items():
        target = TARGETS.get(name) if not label else None
        verdict = "" if target is None else f"< {target} s: {'met' if median < target else 'MISSED'}"
        if target is not None and median >= target:
            missed.append(name)
        print(f"| {label_of((name, label))} | {best:.3f} s | {median:.3f} s | {wall:.3f} s | {verdict} |")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
