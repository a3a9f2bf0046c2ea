"""Conformance by month and by unit, each dossier's result as CSV, and the Markdown and JSON reports.

Four dossiers on QT-THU-01: P (March, Phòng A) and R (April, Phòng B) follow the process; Q (April, Phòng A) and
S (April, Phòng B) skip the appraisal (tham-dinh). A dossier belongs to the month and unit of its first event.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from qms.conformance import conform, conform_files
from qms.conformance.groups import DOSSIER_COLUMNS, GroupConformance
from qms.logs import read_log
from qms.model import Process
from qms.report.conformance_files import conformance_json, conformance_markdown

FULL = ("nhan", "kiem-tra", "tham-dinh", "duyet", "ban-hanh", "tra")
SKIPS = ("nhan", "kiem-tra", "duyet", "ban-hanh", "tra")
DOSSIERS = {"P": ("03", "Phòng A", FULL), "Q": ("04", "Phòng A", SKIPS), "R": ("04", "Phòng B", FULL), "S": ("04", "Phòng B", SKIPS)}


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    lines = ["MaHoSo,MaTTHC,BuocXuLy,PhongBanXuLy,ThoiDiemXuLy"]
    for dossier, (month, unit, path) in DOSSIERS.items():
        # the last step is recorded by another unit: the dossier still belongs to the unit it entered by
        lines += [
            f"{dossier},QT-THU-01,{step},{unit if i < len(path) - 1 else 'Văn thư'},0{i + 1}/{month}/2026 08:00"
            for i, step in enumerate(path)
        ]
    path = tmp_path / "events.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_each_month_and_unit_with_its_share_of_conforming_dossiers(log_file: Path, processes: dict[str, Process], process: Process) -> None:
    result = conform(read_log(log_file), process, called=processes)
    assert (result.dossiers, result.conforming) == (4, 2)
    assert [(g.group, g.dossiers, g.conforming) for g in result.by_month] == [("2026-03", 1, 1), ("2026-04", 3, 1)]
    assert [(g.group, g.dossiers, g.conforming) for g in result.by_unit] == [("Phòng A", 2, 1), ("Phòng B", 2, 1)]
    march, april = result.by_month
    assert march.fitness == 1.0 and april.fitness < 1.0 and april.share == pytest.approx(1 / 3)


def test_each_dossiers_result_is_written_as_csv(log_file: Path, tmp_path: Path, processes: dict[str, Process], process: Process) -> None:
    target = tmp_path / "out" / "dossiers.csv"
    conform_files([log_file], process, called=processes, dossiers_csv=target)
    rows = list(csv.DictReader(target.open(encoding="utf-8")))
    assert tuple(rows[0]) == DOSSIER_COLUMNS
    by_dossier = {row["dossier"]: row for row in rows}
    assert sorted(by_dossier) == ["P", "Q", "R", "S"]
    assert by_dossier["P"]["conforming"] == "true" and by_dossier["P"]["deviations"] == ""
    assert by_dossier["Q"]["conforming"] == "false" and by_dossier["Q"]["deviations"] == "missing:tham-dinh"


def test_the_reports_carry_the_same_figures(log_file: Path, processes: dict[str, Process], process: Process) -> None:
    result = conform(read_log(log_file), process, called=processes)
    data = json.loads(conformance_json(result))
    assert data["format_version"] == "1" and (data["dossiers"], data["conforming"]) == (4, 2)
    assert data["by_month"][1] == {
        "group": "2026-04",
        "dossiers": 3,
        "conforming": 1,
        "share": pytest.approx(1 / 3),
        "fitness": pytest.approx(result.by_month[1].fitness),
    }
    assert [s["step"] for s in data["by_step"]] == ["tham-dinh"]
    page = conformance_markdown(result, process, "vi")
    assert "## Theo tháng" in page and "| 2026-04 | 3 | 33.3% |" in page and "## Theo đơn vị" in page
    assert "Phòng B" in page and "50.0%" in page


def test_a_single_group_is_not_a_breakdown() -> None:
    from qms.report.conformance_files import _groups

    assert _groups("tháng", (GroupConformance("2026-03", 2, 2, 1.0),), "vi") == []  # type: ignore[arg-type]


def test_by_channel_when_the_events_say_how_each_dossier_came(log_file: Path, processes: dict[str, Process], process: Process) -> None:
    log = read_log(log_file)
    assert conform(log, process, called=processes).by_channel == ()  # this log has no HinhThuc column: no channel groups
    # As if its events carried HinhThuc (tests/logs/test_csv_files.py reads one that does): P and Q in person, R online, S by post
    log.connection.execute("UPDATE events SET channel = CASE dossier WHEN 'R' THEN 2 WHEN 'S' THEN 3 ELSE 1 END")
    result = conform(log, process, called=processes)
    assert [(g.group, g.dossiers, g.conforming) for g in result.by_channel] == [("1", 2, 1), ("2", 1, 1), ("3", 1, 0)]
    assert json.loads(conformance_json(result))["by_channel"][2]["share"] == 0.0
    page = conformance_markdown(result, process, "vi")
    assert "## Theo hình thức" in page and "| 2 trực tuyến | 1 | 100.0% |" in page
