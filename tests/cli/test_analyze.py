"""``qms analyze``: a dossier log measured from the command line, exit 0 / 1 / 2."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from conftest import run_qms_many

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "processes" / "logs" / "QT-TTHC-01-2026.csv"
HEADER = "MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,HinhThuc,DonViXuLy,CoThuXinLoi,NgayXinLoi\n"
# two on time (one early), one a minute late with an apology before its due moment; March 2026
ROWS = (
    "A,1.001,02/03/2026 09:00,06/03/2026 17:00,05/03/2026 10:00,05/03/2026 10:05,1,Văn phòng <b>&,0,\n"
    "B,1.001,02/03/2026 09:00,06/03/2026 17:00,06/03/2026 16:00,06/03/2026 16:05,2,Văn phòng <b>&,0,\n"
    "C,1.001,02/03/2026 09:00,06/03/2026 17:00,06/03/2026 17:01,06/03/2026 17:05,1,Phòng Một cửa,1,06/03/2026 08:00\n"
)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> dict[str, object]:
    folder = tmp_path_factory.mktemp("analyze")
    log = folder / "log.csv"
    log.write_text(HEADER + ROWS, encoding="utf-8")
    events = folder / "events.csv"
    events.write_text("MaHoSo,BuocXuLy,ThoiDiemXuLy\nA,tiep-nhan,02/03/2026 09:00\n", encoding="utf-8")
    commands = {
        "sample": ["analyze", SAMPLE, "--process", "QT-TTHC-01", "--by", "month"],
        "met": ["analyze", log, "--target", "in_time_rate>=60%", "--target", "apology_rate>=100%", "--format", "json"],
        "missed": ["analyze", log, "--target", "in_time_rate>=95%", "--by", "unit", "--lang", "en",
                   "--dossiers", folder / "out" / "dossiers.csv"],
        "json_out": ["analyze", log, "--dossiers", folder / "dossiers.json", "--counting", "dates", "--format", "json"],
        "bad_target": ["analyze", log, "--target", "on_time_percent>=95%"],
        "bad_value": ["analyze", log, "--target", "in_time_rate>=lots"],
        "no_process": ["analyze", log, "--process", "QT-NOPE-99", "--processes", ROOT / "processes"],
        "no_log": ["analyze", folder / "missing.csv"],
        "bad_day": ["analyze", log, "--from", "2026-13-01"],
        "half_baseline": ["analyze", log, "--baseline-from", "2026-01-01"],
        "events_no_process": ["analyze", events],
        "reports": ["analyze", log, "--by", "unit", "--report", folder / "r" / "report.html", "--report", folder / "r" / "report.md"],
        "bad_report": ["analyze", log, "--report", folder / "report.pdf"],
    }
    results = run_qms_many(list(commands.values()))
    for result in results:
        assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return {"folder": folder, **dict(zip(commands, results, strict=True))}


def test_the_sample_is_measured_by_month_against_the_process_kpis(runs):
    result = runs["sample"]
    assert result.returncode in (0, 1), result.stderr
    for month in ("2026-01", "2026-06", "2026-12"):
        assert month in result.stdout
    assert "KPI-TTHC-01" in result.stdout and "Quyết định 766" in result.stdout


def test_targets_met_exit_0_and_the_json_has_the_figures(runs):
    result = runs["met"]
    assert result.returncode == 0, result.stdout + result.stderr
    data = json.loads(result.stdout)
    assert data["total"]["early"] == 1 and data["total"]["on_time"] == 1 and data["total"]["late"] == 1
    assert data["total"]["measures"]["in_time_rate"] == pytest.approx(200 / 3)
    assert [t["met"] for t in data["targets"]] == [True, True]  # C apologised at 08:00, before its 17:00 due moment


def test_a_missed_target_exits_1_in_english_with_the_per_dossier_csv(runs):
    result = runs["missed"]
    assert result.returncode == 1
    assert "missed" in result.stdout and "Văn phòng <b>&" in result.stdout
    rows = list(csv.DictReader((runs["folder"] / "out" / "dossiers.csv").open(encoding="utf-8")))
    assert {r["dossier"]: r["status"] for r in rows} == {"A": "early", "B": "on_time", "C": "late"}
    assert {r["dossier"]: r["apology_in_time"] for r in rows}["C"] == "true"


def test_dates_counting_and_json_dossiers(runs):
    result = runs["json_out"]
    assert result.returncode == 0  # no target: nothing missed
    assert json.loads(result.stdout)["counting"] == "dates"
    dossiers = json.loads((runs["folder"] / "dossiers.json").read_text(encoding="utf-8"))
    assert {d["dossier"]: d["status"] for d in dossiers}["C"] == "on_time"  # 17:01 on the due day


@pytest.mark.parametrize(
    ("run", "said"),
    [
        ("bad_target", "in_time_rate"),  # lists the measures
        ("bad_value", ">= 95%"),
        ("no_process", "QT-TTHC-01"),  # lists the codes there are
        ("no_log", "missing.csv"),
        ("bad_day", "2026-13-01"),
        ("half_baseline", "--baseline-to"),
        ("events_no_process", "--process"),  # a log of steps needs the process's clock steps
        ("bad_report", ".html"),
    ],
)
def test_usage_errors_exit_2_and_say_what_to_change(runs, run, said):
    result = runs[run]
    assert result.returncode == 2, result.stdout + result.stderr
    assert said in result.stderr


def test_reports_with_charts_are_written_in_each_format_asked(runs):
    assert runs["reports"].returncode == 0
    html = (runs["folder"] / "r" / "report.html").read_text(encoding="utf-8")
    markdown = (runs["folder"] / "r" / "report.md").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and html.count("<svg") >= 2
    assert "Văn phòng &lt;b&gt;&amp;" in html and "<b>&" not in html  # a unit name is text, not markup
    assert markdown.startswith("# ") and "66.7%" in markdown
