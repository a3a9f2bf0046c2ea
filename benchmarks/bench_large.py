"""Benchmark: one very large process, checked and exported to BPMN, at growing sizes.

For each shape of ``generate.py`` (``mixed``: the usual flow with decisions and rework loops; ``chain``: one long
chain; ``branchy``: decisions with branches skipping ahead and looping back; ``returns``: every rework branch back to
the first task; ``lanes``: one role per ten steps)
and each number of steps N, one process of N steps is written to a folder and, in a fresh interpreter each:

* ``qms check``: :func:`qms.rules.engine.check_paths` (load, validate, graph, every rule), what the command calls;
* ``qms export bpmn``: :func:`qms.load.load_paths` then :func:`qms.bpmn.export_processes`, what the command calls.

The table gives each time and its ratio to the time for the previous N: with N doubling, about 2 means linear,
4 quadratic. A measurement that exceeds ``--timeout`` is shown as ``> T s`` and the larger sizes of that shape are
skipped for it.

    .venv/bin/python benchmarks/bench_large.py
    .venv/bin/python benchmarks/bench_large.py --shapes chain --sizes 1250,2500 --timeout 60 --clock cpu

Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import SHAPES, generate  # noqa: E402

SIZES = (1_250, 2_500, 5_000, 10_000, 20_000)
KINDS = ("check", "export")


def measure(kind: str, folder: Path, repeat: int, clock: str) -> dict[str, float]:
    """Run in the child: the best time of ``repeat`` runs of ``kind`` on the process in ``folder``."""
    from qms.bpmn import export_processes
    from qms.load import load_paths
    from qms.rules.engine import check_paths

    now = time.process_time if clock == "cpu" else time.perf_counter
    best: dict[str, float] = {}
    for _ in range(repeat):
        start = now()
        if kind == "check":
            report = check_paths([folder])
            assert not report.load_diagnostics and len(report.processes) == 1, report.load_diagnostics[:3]
            times = {"total": now() - start}
        else:
            loaded = load_paths([folder])
            assert loaded.ok and len(loaded.processes) == 1, loaded.diagnostics[:3]
            loaded_at = now()
            with tempfile.TemporaryDirectory() as out:
                export_processes(loaded.processes, out)
            end = now()
            times = {"total": end - start, "load": loaded_at - start, "export": end - loaded_at}
        best = {k: min(v, best.get(k, v)) for k, v in times.items()}
    return best


def run_child(kind: str, folder: Path, repeat: int, timeout: float, clock: str) -> dict[str, float] | None:
    """``kind`` measured in a fresh interpreter (nothing cached from a previous size); None after ``timeout`` seconds."""
    command = [sys.executable, __file__, "--child", kind, str(folder), "--repeat", str(repeat), "--clock", clock]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=True)
    except subprocess.TimeoutExpired:
        return None
    except subprocess.CalledProcessError as exc:
        raise SystemExit(f"{kind} failed on {folder}:\n{exc.stderr}") from None
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def cell(value: float | None, previous: float | None, timeout: float, skipped: bool) -> str:
    if skipped:
        return "not run | —"
    if value is None:
        return f"> {timeout:.0f} s | —"
    ratio = f"{value / previous:.2f}" if previous else "—"
    return f"{value:.2f} s | {ratio}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--shapes", default=",".join(SHAPES), help=f"comma-separated, of {', '.join(SHAPES)}")
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="numbers of steps, comma-separated")
    parser.add_argument("--repeat", type=int, default=1, help="best of this many runs per measurement")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds (of the wall clock) before a measurement is given up")
    parser.add_argument(
        "--clock", choices=("wall", "cpu"), default="wall", help="wall: elapsed time; cpu: the process's CPU time, steadier on a busy machine"
    )
    parser.add_argument("--child", nargs=2, metavar=("KIND", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        kind, folder = args.child
        print(json.dumps(measure(kind, Path(folder), args.repeat, args.clock)))
        return
    shapes = [s.strip() for s in args.shapes.split(",") if s.strip()]
    sizes = [int(n) for n in args.sizes.split(",")]
    print(f"one process of N steps per shape; {args.clock} time, best of {args.repeat}; timeout {args.timeout:.0f} s; ratio: to the previous N")
    print("| shape | steps | YAML | qms check (load + all rules) | ratio | qms export bpmn (load + export) | ratio | of which export |")
    print("|---|---|---|---|---|---|---|---|")
    for shape in shapes:
        previous: dict[str, float | None] = dict.fromkeys(KINDS)
        given_up: set[str] = set()
        for steps in sizes:
            with tempfile.TemporaryDirectory() as tmp:
                (file,) = generate(Path(tmp), 1, steps, shape)
                size = file.stat().st_size
                results: dict[str, dict[str, float] | None] = {}
                skipped = set(given_up)
                for kind in KINDS:
                    results[kind] = None if kind in given_up else run_child(kind, Path(tmp), args.repeat, args.timeout, args.clock)
                    if results[kind] is None:
                        given_up.add(kind)
            check, export = results["check"], results["export"]
            check_total = check["total"] if check else None
            export_total = export["total"] if export else None
            part = f"{export['export']:.2f} s" if export else "—"
            print(
                f"| {shape} | {steps:,} | {size / 1e6:.1f} MB | {cell(check_total, previous['check'], args.timeout, 'check' in skipped)} "
                f"| {cell(export_total, previous['export'], args.timeout, 'export' in skipped)} | {part} |",
                flush=True,
            )
            previous = {"check": check_total, "export": export_total}


if __name__ == "__main__":
    main()
