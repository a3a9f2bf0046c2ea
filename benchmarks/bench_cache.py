"""Benchmark: the results cache and the pool of ``qms check`` (issue 15, items 2 and 3), beside each other in one run.

On N generated processes of S steps (``generate.py``; each calls the one before, so a change ripples to one caller):

* PyYAML's C loader merely parsing the files (``yaml.load(..., CSafeLoader)``): the floor;
* a cold check without the cache, one process (``qms.rules.check_paths``, what ``--no-cache`` runs);
* a cold check writing the cache, on one process and on two (``--jobs 1`` / ``--jobs 2``), wall and CPU time;
* a warm re-check of the unchanged tree, and a re-check after one file changed (the middle one);
* the same warm and cold runs end to end: ``qms check DIR --format json -o FILE`` in a fresh interpreter.

    .venv/bin/python benchmarks/bench_cache.py --processes 1000 --steps 30

Every cached result is compared with the uncached one (the same JSON report, made outside the timing), so a fast
wrong answer fails the run.
Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate

from qms.load.cache import open_cache
from qms.report.formats import report_json
from qms.rules.cached import check_paths_cached
from qms.rules.engine import CheckReport, check_paths


def cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def best_of(
    repeat: int, fn: Callable[[], object], before: Callable[[], object] = lambda: None, check: Callable[[Any], object] = lambda _: None
) -> tuple[float, float]:
    """The best wall time of ``repeat`` runs, and the CPU time of that run (``before`` runs untimed before each, ``check``
    untimed on each result after it)."""
    runs = []
    for _ in range(repeat):
        before()
        wall, spent = time.perf_counter(), cpu()
        result = fn()
        runs.append((time.perf_counter() - wall, cpu() - spent))
        check(result)
    return min(runs)


def command(tree: Path, out: Path, *extra: str) -> Callable[[], object]:
    qms = Path(sys.executable).with_name("qms")
    args = [str(qms), "check", str(tree), "--format", "json", "-o", str(out), "--fail-on", "never", *extra]
    return lambda: subprocess.run(args, check=True, cwd=tree.parent, env={**os.environ, "QMS_NO_CACHE": ""})


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--processes", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"load average at the start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        tree = Path(tmp) / "processes"
        files = generate(tree, args.processes, args.steps)
        root = Path(tmp)
        expected = report_json(check_paths([tree]), "vi")

        def same(report: CheckReport) -> None:
            assert report_json(report, "vi") == expected, "a cached report differs from the uncached one"

        def forget() -> None:
            shutil.rmtree(root / ".qms_cache", ignore_errors=True)

        rows: dict[str, tuple[float, float]] = {}
        rows["PyYAML CSafeLoader, parse only"] = best_of(
            args.repeat, lambda: [yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader) for f in files]
        )
        rows["cold, no cache (--no-cache), 1 process"] = best_of(args.repeat, lambda: check_paths([tree]), check=same)
        rows["cold, writing the cache, --jobs 1"] = best_of(
            args.repeat, lambda: check_paths_cached([tree], open_cache(root), jobs=1), forget, same
        )
        rows["cold, writing the cache, --jobs 2"] = best_of(
            args.repeat, lambda: check_paths_cached([tree], open_cache(root), jobs=2), forget, same
        )
        rows["warm, nothing changed"] = best_of(args.repeat, lambda: check_paths_cached([tree], open_cache(root), jobs=1), check=same)
        middle = files[len(files) // 2]
        original = middle.read_text(encoding="utf-8")
        edits = iter(range(10**6))

        def change() -> None:
            middle.write_text(original.replace('version: "1.0"', f'version: "1.{next(edits) + 1}"'), encoding="utf-8")

        changed = best_of(args.repeat, lambda: check_paths_cached([tree], open_cache(root), jobs=1), change)
        middle.write_text(original, encoding="utf-8")
        rows["one file changed (and its caller)"] = changed
        out = Path(tmp) / "report.json"
        rows["qms check DIR --format json, --no-cache (end to end)"] = best_of(args.repeat, command(tree, out, "--no-cache"))
        check_paths_cached([tree], open_cache(root))
        rows["qms check DIR --format json, warm (end to end)"] = best_of(args.repeat, command(tree, out))
    parse, cold = rows["PyYAML CSafeLoader, parse only"][0], rows["cold, no cache (--no-cache), 1 process"][0]
    print(f"{args.processes} processes x {args.steps} steps, best of {args.repeat} (wall; CPU of that run, children included)")
    print("| run | wall | CPU | against the parse | against the cold check |")
    print("|---|---|---|---|---|")
    for name, (wall, spent) in rows.items():
        print(f"| {name} | {wall:.2f} s | {spent:.2f} s | {wall / parse:.2f}x | {100 * wall / cold:.1f} % |")
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
