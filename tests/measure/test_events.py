"""Logs of step events measured against the process their dossiers followed (qms.measure.events)."""

from __future__ import annotations

import csv
import unicodedata
from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import log_generator

from qms.calendar import TimeLimit
from qms.load import load
from qms.logs import read_log
from qms.measure import analyze
from qms.model import Measure
from qms.report.analysis_page import analysis_charts

ROOT = Path(__file__).resolve().parents[2]
PROCESS = load(ROOT / "processes" / "QT-TTHC-01.yaml")  # clock: cap-giay-tiep-nhan to tra-ket-qua; 5 working days
SCHOOL = ROOT / "processes" / "QT-TTHC-GD-01.yaml"  # another process with a supplement wait (stops_clock)
THAM_DINH = "Thẩm định hồ sơ, dự thảo kết quả"
# March 2026, no holiday; an event's time is when its step was done
EVENTS = [
    ("X", "Cấp Giấy tiếp nhận và hẹn trả kết quả", "Bộ phận Một cửa", "02/03/2026 09:00"),  # the clock starts
    ("X", "phan-cong", "Phòng A", "02/03/2026 10:00"),
    ("X", THAM_DINH, "Phòng A", "04/03/2026 10:00"),  # 2 working days: X's slowest step
    ("X", "Hướng dẫn bổ sung, hoàn thiện hồ sơ một lần", "Bộ phận Một cửa", "04/03/2026 11:00"),
    ("X", "Người nộp bổ sung hồ sơ", "", "06/03/2026 11:00"),  # stops_clock: a 2-day wait, one supplement
    ("X", "tham-dinh", "Phòng A", "09/03/2026 11:00"),
    ("X", "tra-ket-qua", "Bộ phận Một cửa", "10/03/2026 09:00"),  # due 9/3 17:00 + 2 days = 11/3 17:00: early
    ("Y", "cap-giay-tiep-nhan", "Bộ phận Một cửa", "02/03/2026 09:00"),
    ("Y", THAM_DINH, "Phòng B", "10/03/2026 09:00"),
    ("Y", "Trả kết quả", "Bộ phận Một cửa", "10/03/2026 10:00"),  # due 9/3 17:00: late
    ("Z", "cap-giay-tiep-nhan", "Bộ phận Một cửa", "02/03/2026 09:00"),
    ("Z", unicodedata.normalize("NFD", THAM_DINH), "Phòng C", "09/03/2026 13:30"),  # the same name, decomposed
    ("Z", "Lập văn bản xin lỗi và đề nghị gia hạn", "Phòng C", "09/03/2026 14:00"),  # the apology, before the due moment
    ("Z", "tra-ket-qua", "Bộ phận Một cửa", "11/03/2026 09:00"),  # late
]


@pytest.fixture
def measured(tmp_path):
    path = tmp_path / "events.csv"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["MaHoSo", "MaTTHC", "BuocXuLy", "PhongBanXuLy", "ThoiDiemXuLy"])
        writer.writerows((d, "1.001", step, unit, at) for d, step, unit, at in EVENTS)
    log = read_log(path)
    assert (log.shape, log.rows_rejected) == ("event", 0)
    return analyze(log, process=PROCESS, default_limit=TimeLimit(days=5), first=date(2026, 3, 1), last=date(2026, 3, 31))


def test_dossiers_are_made_from_their_events_with_the_process_clock_and_waits(measured):
    rows = measured.connection.execute(
        "SELECT dossier, status, received, end_at, due_at, unit, supplements, apology FROM judged_all ORDER BY dossier"
    ).fetchall()
    assert rows == [
        ("X", "early", datetime(2026, 3, 2, 9), datetime(2026, 3, 10, 9), datetime(2026, 3, 11, 17), "Phòng A", 1, False),
        ("Y", "late", datetime(2026, 3, 2, 9), datetime(2026, 3, 10, 10), datetime(2026, 3, 9, 17), "Phòng B", 0, False),
        ("Z", "late", datetime(2026, 3, 2, 9), datetime(2026, 3, 11, 9), datetime(2026, 3, 9, 17), "Phòng C", 0, True),
    ]
    assert measured.total.apologised == 1 and measured.total.past_due == 2
    assert measured.value(Measure.ONLINE_RATE) is None  # an event log says nothing of the channel: not 0%


def test_the_slowest_step_of_each_late_dossier(measured):
    assert measured.late_by_step == [(THAM_DINH, 2)]
    svg = analysis_charts(measured)["steps"]  # the report's chart of late dossiers by step
    assert THAM_DINH in svg and ">2<" in svg
    minutes = dict(measured.connection.execute("SELECT step, minutes FROM step_times WHERE dossier = 'X'").fetchall())
    assert minutes["tham-dinh"] == 450  # the last event of a step wins in this map: 9/3 11:00, one working day after 6/3 11:00
    assert minutes["cho-bo-sung"] == 900  # the wait: 4/3 11:00 to 6/3 11:00


@pytest.mark.parametrize("process_file", [ROOT / "processes" / "QT-TTHC-01.yaml", SCHOOL], ids=["tthc", "school"])
def test_the_same_dossiers_as_events_and_as_rows_are_judged_alike(tmp_path, process_file):
    """The generator writes the same dossiers in both shapes: each must get the same start, due moment and status.

    (Only for a process with a ``stops_clock`` step: without one an event log cannot show the supplement waits.)"""
    generator, process = log_generator(), load(process_file)
    options = generator.Options(dossiers=300, first=date(2026, 1, 1), last=date(2026, 12, 31), seed=3)
    found = {}
    limit = TimeLimit.from_duration(process.deadline)
    for shape in ("dossier", "event"):
        generator.write(process, options, tmp_path / f"{shape}.csv", shape)
        analysis = analyze(read_log(tmp_path / f"{shape}.csv"), process=process, default_limit=limit)
        found[shape] = analysis.connection.execute(
            "SELECT dossier, status, received, due_at, past_due FROM judged_all ORDER BY dossier").fetchall()
    assert len(found["dossier"]) == 300
    assert found["event"] == found["dossier"]
