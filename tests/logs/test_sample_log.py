"""The generator's KetQuaDienTu (result returned electronically) and the shipped sample, read whole with it filled."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from conftest import log_generator

from qms.load import load
from qms.logs import read_log

ROOT = Path(__file__).resolve().parents[2]
PROCESS = ROOT / "processes" / "QT-TTHC-01.yaml"
SAMPLE = ROOT / "processes" / "logs" / "QT-TTHC-01-2026.csv"


gl = log_generator()


def _rows(tmp_path: Path, **shares: float) -> list[dict[str, str]]:
    out = tmp_path / "log.csv"
    gl.write(load(PROCESS), gl.Options(dossiers=300, first=date(2026, 1, 1), last=date(2026, 12, 31), seed=5, **shares), out)
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_shares_decide_who_gets_the_result_electronically(tmp_path: Path) -> None:
    online_only = _rows(tmp_path, e_result_share=1.0, e_result_other_share=0.0)
    assert {r["KetQuaDienTu"] for r in online_only} == {"0", "1"}
    assert all((r["KetQuaDienTu"] == "1") == (r["HinhThuc"] == "2" and bool(r["NgayTra"])) for r in online_only)
    others_only = _rows(tmp_path, e_result_share=0.0, e_result_other_share=1.0)
    assert all((r["KetQuaDienTu"] == "1") == (r["HinhThuc"] != "2" and bool(r["NgayTra"])) for r in others_only)
    # the draw is made for every dossier: the rest of the log does not depend on the shares
    assert [{**r, "KetQuaDienTu": ""} for r in online_only] == [{**r, "KetQuaDienTu": ""} for r in others_only]


def test_e_result_shares_must_be_between_0_and_1(tmp_path: Path) -> None:
    with pytest.raises(SystemExit):
        gl.main([str(PROCESS), "--dossiers", "5", "--e-result-share", "1.5", "--out", str(tmp_path / "x.csv")])


def test_the_shipped_sample_has_the_e_result_of_every_dossier() -> None:
    result = read_log(SAMPLE)
    assert (result.rows_read, result.rows_used, result.rows_rejected, result.diagnostics) == (400, 400, 0, [])
    rows = result.connection.execute("SELECT channel, e_result, returned IS NOT NULL FROM dossiers").fetchall()
    assert all(e_result is not None for _channel, e_result, _returned in rows)
    assert not any(e_result and not returned for _channel, e_result, returned in rows)  # 1 only for a result handed over
    online = [e_result for channel, e_result, returned in rows if channel == 2 and returned]
    other = [e_result for channel, e_result, returned in rows if channel != 2 and returned]
    assert sum(online) / len(online) > 0.7 and 0 < sum(other) / len(other) < 0.25
