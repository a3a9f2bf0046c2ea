"""Benchmark: ``qms analyze`` on a one-row-per-dossier CSV log, end to end, beside DuckDB's own scan of the same file.

The log is written by ``generate_log.py`` (QT-TTHC-01, 2026, seed 1, dossier shape) into ``--tmp`` (default /tmp),
or an existing one is reused with ``--log``. In the same run:

* **DuckDB scan**, in this process: ``SELECT count(*), count(c1), ..., count(cN) FROM read_csv(path, all_varchar=true)``,
  a count of every column, so that every field of every row is parsed (``count(*)`` alone lets DuckDB skip the
  values; it is shown too, for reference). Best of ``--scan-repeat``; default threads (one per core).
* **qms analyze**, as a child process, what a user types: ``qms analyze LOG --process QT-TTHC-01 --by unit
  --dossiers OUT.csv`` (start-up, reading and checking every row, judging every dossier on the working-day calendar,
  counting, the summary and the per-dossier CSV written). Wall time, and the child's peak resident memory
  (``ru_maxrss`` of ``os.wait4`` on that child alone). Exit 1 (a KPI target missed) is normal for this data.

Targets (the analyze issue, for 1,000,000 dossiers on 2 cores): under 10× the every-column scan, under 30 s, peak
memory under 2 GB. This script exits 1 when one is missed (checked at any ``--dossiers``: at small sizes the
interpreter's start-up, shown as ``qms --version``, weighs on the ratio).

    .venv/bin/python benchmarks/bench_analyze.py --dossiers 100000
    .venv/bin/python benchmarks/bench_analyze.py --log /tmp/d1m.csv       # reuse a 1,000,000-dossier log

Results are recorded in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from pathlib import Path

import duckdb

ROOT = Path(__file__).resolve().parent.parent
QMS = Path(sys.executable).parent / "qms"
PROCESS = "QT-TTHC-01"
MAX_RATIO, MAX_SECONDS, MAX_MB = 10.0, 30.0, 2000.0


def generate(dossiers: int, out: Path) -> float:
    """Write the log with generate_log.py (a child process); the seconds it took."""
    command = [
        sys.executable, str(ROOT / "benchmarks" / "generate_log.py"), str(ROOT / "processes" / f"{PROCESS}.yaml"),
        "--dossiers", str(dossiers), "--from", "2026-01-01", "--to", "2026-12-31", "--seed", "1", "--out", str(out),
    ]  # fmt: skip
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(f"generate_log.py failed (exit {done.returncode}):\n{done.stderr}")
    return time.perf_counter() - start


def scan(path: Path, repeat: int) -> tuple[float, float, int, int]:
    """DuckDB reading ``path``: best seconds for count(*) and for a count of every column, rows and columns."""
    con = duckdb.connect()
    names = [row[0] for row in con.execute("DESCRIBE SELECT * FROM read_csv(?, all_varchar=true)", [str(path)]).fetchall()]
    counts = ", ".join('count("' + n.replace('"', '""') + '")' for n in names)
    star = every = float("inf")
    rows = 0
    for _ in range(repeat):
        start = time.perf_counter()
        (rows,) = con.execute("SELECT count(*) FROM read_csv(?, all_varchar=true)", [str(path)]).fetchone()  # type: ignore[misc]
        star = min(star, time.perf_counter() - start)
        start = time.perf_counter()
        con.execute(f"SELECT count(*), {counts} FROM read_csv(?, all_varchar=true)", [str(path)]).fetchone()
        every = min(every, time.perf_counter() - start)
    con.close()
    return star, every, int(rows), len(names)


def run(command: list[str]) -> tuple[float, float, int, str]:
    """Run ``command`` as a child: wall seconds, its peak resident memory (MB), its exit status, its output."""
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "QMS_LANG": "en"})
    assert child.stdout is not None
    output = child.stdout.read().decode("utf-8", "replace")
    _pid, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss * 1024 / 1e6, child.returncode, output


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--dossiers", type=int, default=1_000_000, help="dossiers to generate (ignored with --log)")
    parser.add_argument("--log", type=Path, help="reuse this dossier log instead of generating one")
    parser.add_argument("--tmp", type=Path, default=Path("/tmp"), help="folder for the generated log and the per-dossier output")
    parser.add_argument("--scan-repeat", type=int, default=3, help="best of this many DuckDB scans")
    args = parser.parse_args()

    if args.log:
        log, made = args.log, None
    else:
        log = args.tmp / f"qms-bench-analyze-{args.dossiers}.csv"
        made = generate(args.dossiers, log)
    out = args.tmp / f"{log.stem}-out.csv"
    size = log.stat().st_size / 1e6

    star, every, rows, columns = scan(log, args.scan_repeat)
    startup, _mb, _code, _out = run([str(QMS), "--version"])
    command = [str(QMS), "analyze", str(log), "--process", PROCESS, "--by", "unit", "--dossiers", str(out)]
    seconds, peak, code, output = run(command)
    if code not in (0, 1):
        raise SystemExit(f"qms analyze failed (exit {code}):\n{output}")
    with duckdb.connect() as con:
        (written,) = con.execute("SELECT count(*) FROM read_csv(?, all_varchar=true)", [str(out)]).fetchone()  # type: ignore[misc]
    ratio = seconds / every

    print(f"{time.strftime('%Y-%m-%d')}; {os.cpu_count()} cores, Python {platform.python_version()}, DuckDB {duckdb.__version__}")
    print(f"log: {log} ({rows:,} rows, {columns} columns, {size:.1f} MB){f', generated in {made:.1f} s' if made else ', reused'}")
    shown = [os.path.relpath(QMS, ROOT) if c == str(QMS) else c for c in command]
    print(f"command: {' '.join(shown)} (exit {code}; {written:,} dossiers written)")
    print()
    print("| measure | value | target | met |")
    print("|---|---|---|---|")
    print(f"| DuckDB scan, count(*) (best of {args.scan_repeat}) | {star:.2f} s | — | — |")
    print(f"| DuckDB scan, count of each of the {columns} columns (best of {args.scan_repeat}) | {every:.2f} s | — | — |")
    print(f"| qms start-up (`qms --version`) | {startup:.2f} s | — | — |")
    checks = [
        ("qms analyze, end to end", f"{seconds:.2f} s", f"< {MAX_SECONDS:.0f} s", seconds < MAX_SECONDS),
        ("ratio to the every-column scan", f"{ratio:.1f}×", f"< {MAX_RATIO:.0f}×", ratio < MAX_RATIO),
        ("qms analyze, peak memory (RSS)", f"{peak:,.0f} MB", f"< {MAX_MB:,.0f} MB", peak < MAX_MB),
    ]
    for name, value, target, met in checks:
        print(f"| {name} | {value} | {target} | {'yes' if met else '**no**'} |")
    sys.exit(0 if all(met for *_rest, met in checks) else 1)


if __name__ == "__main__":
    main()
