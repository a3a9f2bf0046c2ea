"""Targets measured from a dossier log (paths from the plan file), taken from a value, or not measurable.

The log has four dossiers received Monday 2/3/2026 and due Friday 6/3 17:00: A ends Thursday 5/3 (early), B Friday
6/3 10:00 (on time, same day: not early), C Wednesday 4/3 (early), D Monday 9/3 (late). Over the plan's period up
to 15/10: in time 3/4 = 75%, early 2/4 = 50%. Up to 5/3: A and C resolved, B and D open and not yet due, so
in time 2/2 = 100%.
"""

from datetime import date
from pathlib import Path

import pytest

from qms.measure import Request, analyze_files
from qms.model import Measure
from qms.plan import read_plan
from qms.plan.status import TaskState, plan_status

ROOT = Path(__file__).resolve().parents[2]
LOG = """MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,HinhThuc
A,QT-TTHC-01,02/03/2026 09:00,06/03/2026 17:00,05/03/2026 10:00,05/03/2026 10:10,1
B,QT-TTHC-01,02/03/2026 09:00,06/03/2026 17:00,06/03/2026 10:00,06/03/2026 10:10,1
C,QT-TTHC-01,02/03/2026 09:00,06/03/2026 17:00,04/03/2026 10:00,04/03/2026 10:10,2
D,QT-TTHC-01,02/03/2026 09:00,06/03/2026 17:00,09/03/2026 10:00,09/03/2026 10:10,1
"""
PLAN = """code: KH-CHI-TIEU
title: Kế hoạch thử chỉ tiêu
period: {start: 2026-01-01, end: 2026-12-31}
targets:
  - {code: CT-01, name: Đúng hạn, target: ">= 70%", measure: in_time_rate, logs: [../logs/log.csv]}
  - {code: CT-02, name: Trước hạn, target: ">= 60%", measure: early_rate, logs: [../logs/log.csv]}
  - {code: CT-03, name: Theo KPI, target: ">= 70%", kpi: KPI-TTHC-01, process: QT-TTHC-01, logs: [../logs/log.csv]}
  - {code: CT-04, name: Hài lòng, target: ">= 95%", value: 96.2, evidence: Khảo sát quý III}
  - {code: CT-05, name: KPI không nhật ký, target: ">= 95%", kpi: KPI-TTHC-01, process: QT-TTHC-01}
  - {code: CT-06, name: Không cách đo, target: ">= 80%"}
  - {code: CT-07, name: Nhật ký không có, target: ">= 80%", measure: in_time_rate, logs: [../logs/missing.csv]}
"""


@pytest.fixture(scope="module")
def plan_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("targets")
    (folder / "logs").mkdir()
    (folder / "logs" / "log.csv").write_text(LOG, encoding="utf-8")
    (folder / "plans").mkdir()
    (folder / "plans" / "plan.yaml").write_text(PLAN, encoding="utf-8")
    found, problems = read_plan(folder / "plans" / "plan.yaml")
    assert problems == [] and found is not None
    return found


def test_each_way_a_target_is_known(plan_file) -> None:
    lines = plan_status(plan_file, date(2026, 10, 15), processes=ROOT / "processes").targets
    assert [(line.target.code, line.source, line.actual, line.met) for line in lines] == [
        ("CT-01", "log", 75.0, True),
        ("CT-02", "log", 50.0, False),
        ("CT-03", "log", 75.0, True),  # the KPI's measure (in_time_rate) in the process file
        ("CT-04", "value", 96.2, True),
        ("CT-05", "kpi", None, None),
        ("CT-06", "none", None, None),
        ("CT-07", "log", None, None),
    ]
    notes = {line.target.code: line.note.get("vi") if line.note else None for line in lines}
    assert notes["CT-01"] is None and notes["CT-04"] is None
    assert "KPI-TTHC-01" in notes["CT-05"] and "«logs»" in notes["CT-05"]
    assert notes["CT-07"].startswith("không đo được: ")


def test_a_target_is_measured_up_to_the_status_date(plan_file) -> None:
    lines = plan_status(plan_file, date(2026, 3, 5), processes=ROOT / "processes").targets
    assert [(line.actual, line.met) for line in lines[:2]] == [(100.0, True), (100.0, True)]


def test_without_measuring_or_before_the_plan_starts_nothing_is_measured(plan_file) -> None:
    for status in (plan_status(plan_file, date(2026, 10, 15), measure=False), plan_status(plan_file, date(2025, 12, 31))):
        line = status.targets[0]
        assert (line.actual, line.met, line.source) == (None, None, "log") and line.note is not None
        assert status.targets[3].actual == 96.2  # a value needs no log


def test_a_missed_target_puts_the_plan_off_track(plan_file) -> None:
    status = plan_status(plan_file, date(2026, 10, 15), processes=ROOT / "processes")
    assert status.tasks == [] and not status.on_track  # CT-02 missed; those without a value do not count


def test_the_shipped_plan_on_15_october_2026() -> None:
    plan_file, problems = read_plan(ROOT / "plans" / "KH-CCHC-2026.yaml")
    assert problems == [] and plan_file is not None
    status = plan_status(plan_file, date(2026, 10, 15), processes=ROOT / "processes")
    S = TaskState
    # 1 done 9/1 (Jan), 2 on request, 3 Q3 not done, 4 Q2 done 3/7, 5 continuous, 6 Q1-Q4, 7 H1 done 20/5, 8 Oct, 9 Dec, 10 year
    assert [line.state for line in status.tasks] == [
        S.DONE_IN_TIME, S.NO_DEADLINE, S.OVERDUE, S.DONE_LATE, S.NO_DEADLINE, S.OPEN_IN_TIME, S.DONE_IN_TIME, S.OPEN_IN_TIME,
        S.OPEN_IN_TIME, S.OPEN_IN_TIME,
    ]  # fmt: skip
    assert status.tasks[2].days_left == -15 and status.tasks[7].days_left == 16  # 30/9 and 31/10
    assert status.overdue_by_unit() == [("thanh-tra", 1)]
    assert [(r.recurring.id, r.period_key, r.state) for r in status.recurring] == [
        ("BC-QUY", "2026-Q1", S.DONE_IN_TIME), ("BC-QUY", "2026-Q2", S.DONE_IN_TIME), ("BC-QUY", "2026-Q3", S.DONE_LATE),
        ("BC-QUY", "2026-Q4", S.OPEN_IN_TIME), ("BC-NAM", "2026", S.OPEN_IN_TIME),
    ]  # fmt: skip
    log = ROOT / "processes" / "logs" / "QT-TTHC-01-2026.csv"
    same = analyze_files(Request([log], "QT-TTHC-01", ROOT / "processes", first=date(2026, 1, 1), last=date(2026, 10, 15)))
    ct01, ct02, ct03, ct04, ct05 = status.targets
    assert ct01.actual == same.value(Measure.IN_TIME_RATE) and ct01.met is (ct01.actual is not None and ct01.actual >= 95)
    assert ct02.actual == same.value(Measure.EARLY_RATE) and ct03.actual == same.value(Measure.APOLOGY_RATE)
    assert (ct04.actual, ct04.met, ct04.source) == (96.2, True, "value")
    assert (ct05.source, ct05.actual) == ("none", None)
