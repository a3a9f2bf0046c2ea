"""Parquet logs: a file, or a dataset folder with Hive partitions (province=…/month=…), read like the CSV export."""

from __future__ import annotations

from pathlib import Path

import duckdb

from qms.logs import read_log
from qms.measure import analyze
from tests.conftest import ROOT

CSV = ROOT / "processes" / "logs" / "QT-TTHC-01-2026.csv"


def _totals(path: Path) -> tuple[int, ...]:
    log = read_log(path)
    assert log.ok, [d.render("en") for d in log.diagnostics]
    total = analyze(log).total
    return (total.received, total.resolved, total.early, total.on_time, total.late, total.open)


def _as_parquet(target: str, partitioned: bool) -> None:
    con = duckdb.connect()
    source = f"read_csv('{CSV}', all_varchar = true)"
    if partitioned:  # the month of receipt as a Hive partition, as a national store would keep it
        con.execute(
            f"COPY (SELECT *, substr(NgayTiepNhan, 1, 6) AS thang FROM {source}) TO '{target}' (FORMAT parquet, PARTITION_BY (thang))"
        )
    else:
        con.execute(f"COPY (SELECT * FROM {source}) TO '{target}' (FORMAT parquet)")


def test_a_parquet_file_and_a_partitioned_folder_give_the_csvs_figures(tmp_path: Path) -> None:
    single, folder = tmp_path / "log.parquet", tmp_path / "dataset"
    _as_parquet(str(single), partitioned=False)
    _as_parquet(str(folder), partitioned=True)
    assert len(list(folder.glob("thang=*"))) > 1  # really partitioned
    expected = _totals(CSV)
    assert _totals(single) == expected
    assert _totals(folder) == expected


def test_a_file_that_is_not_parquet_is_a_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "log.parquet"
    bad.write_bytes(b"not parquet at all")
    log = read_log(bad)
    assert not log.ok and log.diagnostics and "Parquet" in log.diagnostics[0].render("vi")
    assert log.diagnostics[0].code == "LOG001"
