"""Benchmark: draw N generated processes as SVG (and optionally PNG), as ``qms render`` does.

    .venv/bin/python benchmarks/bench_render.py --processes 200 --steps 30

Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from generate import generate  # noqa: E402

from qms import load_paths  # noqa: E402
from qms.render import FlowchartOptions, render, render_all  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--processes", type=int, default=200)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--formats", default="svg,png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        generate(Path(tmp), args.processes, args.steps)
        processes = load_paths([tmp]).processes
        print(f"{len(processes)} processes x {args.steps} steps")
        for fmt in args.formats.split(","):
            start = time.perf_counter()
            size = sum(len(render(p, fmt)) for p in processes)
            elapsed = time.perf_counter() - start
            print(f"| {fmt}, one at a time | {elapsed:.2f} s | {elapsed / len(processes) * 1000:.0f} ms per process | {size / 1e6:.1f} MB |")
            start = time.perf_counter()
            for _ in render_all(processes, fmt, lambda p: FlowchartOptions()):
                pass
            elapsed = time.perf_counter() - start
            print(f"| {fmt}, render_all (one job per core) | {elapsed:.2f} s | {elapsed / len(processes) * 1000:.0f} ms per process | |")


if __name__ == "__main__":
    main()
