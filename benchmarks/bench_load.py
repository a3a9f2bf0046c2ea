"""Benchmark: load and validate N generated processes of S steps.

Compares, on the same files, PyYAML's C loader merely parsing them
(``yaml.load(..., CSafeLoader)``) with qms loading them (events with
positions, pydantic models, reference checks), building their graphs, and
running the whole rule catalogue (``qms check``).

    .venv/bin/python benchmarks/bench_load.py --processes 1000 --steps 30

Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

from qms import build_graph, load_paths  # noqa: E402
from qms.rules.engine import check_paths  # noqa: E402


def best_of(repeat: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--processes", type=int, default=1000)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = generate(Path(tmp), args.processes, args.steps)
        size = sum(f.stat().st_size for f in files)

        def parse_only() -> None:
            for f in files:
                yaml.load(f.read_bytes(), Loader=yaml.CSafeLoader)

        def load_all() -> None:
            result = load_paths([tmp])
            assert result.ok and len(result.processes) == args.processes, result.diagnostics[:3]

        def load_and_graph() -> None:
            for process in load_paths([tmp]).processes:
                _ = build_graph(process).longest_path  # computes the cached path

        def load_and_check() -> None:
            report = check_paths([tmp])
            assert not report.load_diagnostics and len(report.processes) == args.processes

        parse = best_of(args.repeat, parse_only)
        check = best_of(args.repeat, load_and_check)
        load = best_of(args.repeat, load_all)
        graph = best_of(args.repeat, load_and_graph)
    print(f"{args.processes} processes x {args.steps} steps, {size / 1e6:.1f} MB of YAML, best of {args.repeat}")
    print(f"| PyYAML CSafeLoader parse only | {parse:.2f} s |")
    print(f"| qms load + validate          | {load:.2f} s | {load / parse:.2f}x parse |")
    print(f"| qms load + validate + graph  | {graph:.2f} s | {graph / parse:.2f}x parse |")
    print(f"| qms load + validate + check (all rules) | {check:.2f} s | {check / parse:.2f}x parse |")


if __name__ == "__main__":
    main()
