"""Each step's working time on the calendar, the waiting before it, the bottlenecks (qms.conformance.timing).

fixtures/aliases/timing.csv: four dossiers on QT-AL-01 (Tiếp nhận → Thẩm định, declared 2 giờ → Trả kết quả,
declared 30 phút), labelled by the process file's aliases. Office hours 07:30-11:30 and 13:30-17:00. Expected
minutes, by hand (each from the dossier's previous event):

* K1 (lunch break): Mon 2/3/2026 10:00 → 14:00 Thẩm định = 90 + 30 = 120; → 14:45 Trả = 45 (over 30);
* K2 (weekend): Fri 6/3 16:00 → Mon 9/3 08:30 Thẩm định = 60 + 60 = 120; → 09:00 Trả = 30;
* K3 (30/4 and 1/5, then the weekend): Wed 29/4 15:00 → Mon 4/5 10:00 Thẩm định = 120 + 150 = 270 (over 120);
  → 10:20 Trả = 20;
* K4 (Tết 16-20/2/2026): Thu 12/2 16:30 → Fri 13/2 08:00 «Gọi điện cho công dân» (not in the process) = 30 + 30;
  → Mon 23/2 08:00 Thẩm định = 210 + 210 + 30 = 450 (over); → 08:30 Trả = 30.

Thẩm định: 120, 120, 270, 450 → median 195, 90th percentile 270 + 0.7 × 180 = 396, over 2 of 4, total 960.
Trả kết quả: 45, 30, 20, 30 → median 30, 90th percentile 30 + 0.7 × 15 = 40.5, over 1 of 4, total 125.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from qms.calendar import default_calendar
from qms.conformance import ConformanceError, conform, conform_files
from qms.conformance.timing import StepFigures, bottlenecks, declared_seconds, over_duration
from qms.load import load_paths
from qms.logs import read_log
from qms.model import Process
from qms.model.values import Duration
from qms.report.conformance_files import conformance_json, conformance_markdown

ALIASES = Path(__file__).parent / "fixtures" / "aliases"
LOG = ALIASES / "timing.csv"


@pytest.fixture(scope="module")
def timed() -> Process:
    return load_paths([ALIASES / "QT-AL-01.yaml"]).processes[0]


def test_each_steps_working_time_on_the_calendar_against_its_declared_duration(timed: Process) -> None:
    result = conform(read_log(LOG), timed)
    figures = result.figures_by_step
    appraisal, giving = figures["tham-dinh"], figures["tra"]
    assert (appraisal.executions, appraisal.measured, appraisal.declared_minutes) == (4, 4, 120)
    assert (appraisal.median_minutes, appraisal.p90_minutes) == (195, pytest.approx(396))
    assert (appraisal.over_duration_share, appraisal.total_minutes) == (0.5, 960)
    assert (giving.median_minutes, giving.p90_minutes, giving.over_duration_share, giving.total_minutes) == (30, 40.5, 0.25, 125)
    assert (figures["nhan"].executions, figures["nhan"].measured, figures["nhan"].median_minutes) == (4, 0, None)  # the entry: no time
    assert "?Gọi điện cho công dân" not in figures and "Gọi điện cho công dân" not in figures  # only the process's steps
    assert all(f.median_waiting_minutes is None for f in result.step_figures) and not result.has_waiting  # one time per event


def test_the_bottlenecks_hold_the_most_dossier_time_and_the_steps_most_over_their_duration(timed: Process) -> None:
    result = conform(read_log(LOG), timed)
    assert [f.step for f in result.step_figures] == ["tham-dinh", "tra", "nhan"]
    assert [f.step for f in result.bottlenecks] == ["tham-dinh", "tra"]
    assert [f.step for f in result.over_duration] == ["tham-dinh", "tra"]


def test_a_step_that_stops_the_clock_is_the_citizens_time_not_a_bottleneck() -> None:
    def figures(step: str, total: float, stops: bool = False, over: float | None = None) -> StepFigures:
        return StepFigures(step, 1, 1, total, total, None, over, None, total, stops_clock=stops)

    steps = (figures("cho-bo-sung", 5000, stops=True), figures("tham-dinh", 900, over=0.2), figures("tra", 30, over=0.6), figures("x", 0))
    assert [f.step for f in bottlenecks(steps)] == ["tham-dinh", "tra"]
    assert [f.step for f in over_duration(steps)] == ["tra", "tham-dinh"]


def test_each_dossiers_working_time_and_slowest_step_in_the_csv(timed: Process, tmp_path: Path) -> None:
    target = tmp_path / "dossiers.csv"
    conform_files([LOG], timed, dossiers_csv=target)
    rows = {row["dossier"]: row for row in csv.DictReader(target.open(encoding="utf-8"))}
    assert {d: (r["working_minutes"], r["slowest_step"], r["slowest_step_minutes"]) for d, r in rows.items()} == {
        "K1": ("165.0", "tham-dinh", "120.0"),
        "K2": ("150.0", "tham-dinh", "120.0"),
        "K3": ("290.0", "tham-dinh", "270.0"),
        "K4": ("540.0", "tham-dinh", "450.0"),  # 60 of it at «Gọi điện cho công dân», an activity not in the process
    }
    assert {r["waiting_minutes"] for r in rows.values()} == {""}  # not measured: no start times


def test_with_start_times_the_wait_before_a_step_is_measured_apart(timed: Process) -> None:
    log = read_log(LOG)
    # A log that records when each step began (qms.logs does not read one yet): K1's appraisal began at 13:45.
    log.connection.execute("ALTER TABLE events ADD COLUMN started TIMESTAMP")
    log.connection.execute("UPDATE events SET started = TIMESTAMP '2026-03-02 13:45' WHERE dossier = 'K1' AND step = 'XL_HS'")
    result = conform(log, timed)
    appraisal = result.figures_by_step["tham-dinh"]
    assert appraisal.median_waiting_minutes == 105  # 10:00-11:30 and 13:30-13:45; the other dossiers' waits unknown
    working = log.connection.execute("SELECT working / 60 FROM conformance_step_times WHERE step = 'tham-dinh' ORDER BY 1").fetchall()
    assert [w for (w,) in working] == [15, 120, 270, 450]  # K1's appraisal now works from 13:45 to 14:00
    assert result.has_waiting and appraisal.total_minutes == 15 + 105 + 120 + 270 + 450


def test_events_inside_one_call_are_one_execution_of_the_call(processes: dict[str, Process], process: Process, tmp_path: Path) -> None:
    lines = ["MaHoSo,MaTTHC,BuocXuLy,ThoiDiemXuLy"]
    lines += [f"Z,QT-THU-01,{step},02/03/2026 {hour}" for step, hour in (("nhan", "08:00"), ("kiem-tra", "09:00"), ("tham-dinh", "10:00"))]
    lines += [f"Z,QT-THU-01,{step},02/03/2026 {hour}" for step, hour in (("duyet", "11:00"), ("Ký số", "14:00"), ("Phát hành", "15:00"))]
    lines.append("Z,QT-THU-01,tra,02/03/2026 15:30")
    path = tmp_path / "call.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    release = conform(read_log(path), process, called=processes).figures_by_step["ban-hanh"]
    assert (release.executions, release.median_minutes) == (1, 120)  # 11:00 → 15:00 less the lunch break


def test_a_declared_duration_in_office_seconds_of_the_calendar() -> None:
    calendar = default_calendar()
    assert declared_seconds(Duration.parse("1 ngày làm việc"), calendar) == 450 * 60  # the calendar's office day, not 8 h
    assert declared_seconds(Duration.parse("1 ngày làm việc 2 giờ"), calendar) == (450 + 120) * 60
    assert declared_seconds(Duration.parse("30 phút"), calendar) == 30 * 60
    assert declared_seconds(None, calendar) is None


def test_each_variants_median_time_from_first_event_to_last(timed: Process) -> None:
    result = conform(read_log(LOG), timed)
    assert result.variant_minutes == {1: 165, 2: 540}  # K1, K2, K3: 165, 150, 290; K4 (with the phone call): 540


def test_the_reports_carry_the_steps_times(timed: Process) -> None:
    result = conform(read_log(LOG), timed)
    markdown = conformance_markdown(result, timed, "vi")
    assert "| Thẩm định | 4 | 195 | 396 | 120 | 50.0% | 16.0 |" in markdown
    assert "Bước tắc nghẽn" in markdown and "Thẩm định \\(16.0 giờ\\)" in markdown
    data = json.loads(conformance_json(result))
    assert data["bottlenecks"] == ["tham-dinh", "tra"] and data["waiting_measured"] is False
    assert [v["median_minutes"] for v in data["variants"]] == [165, 540]
    assert data["step_figures"][0] == {
        "step": "tham-dinh",
        "executions": 4,
        "measured": 4,
        "median_minutes": 195.0,
        "p90_minutes": pytest.approx(396.0),
        "declared_minutes": 120.0,
        "over_duration_share": 0.5,
        "median_waiting_minutes": None,
        "total_minutes": 960.0,
        "deviation_share": 0.0,
        "stops_clock": False,
    }


def test_the_agencys_calendar_counts_its_own_day_off(timed: Process, tmp_path: Path) -> None:
    calendar = tmp_path / "calendar.yaml"
    calendar.write_text(
        "days:\n  - date: 2026-03-09\n    kind: off\n    reason: Nghỉ để tổ chức hội nghị\n    document: Thông báo số 12/TB-UBND\n",
        encoding="utf-8",
    )
    result, _ = conform_files([LOG], timed, calendar=calendar)
    # K2: Fri 6/3 16:00 → Mon 9/3, now a day off: only Friday's last hour; its return the same day off takes no time
    assert result.figures_by_step["tham-dinh"].total_minutes == 60 + 120 + 270 + 450
    giving = result.figures_by_step["tra"]
    assert (giving.median_minutes, giving.total_minutes) == (25, 0 + 20 + 30 + 45)


def test_a_calendar_with_errors_is_a_clear_error(timed: Process, tmp_path: Path) -> None:
    calendar = tmp_path / "calendar.yaml"
    calendar.write_text("days: [{date: 2026-13-40, kind: off}]\n", encoding="utf-8")
    with pytest.raises(ConformanceError) as caught:
        conform_files([LOG], timed, calendar=calendar)
    assert caught.value.message.vi == f"lịch làm việc «{calendar}» có lỗi" and caught.value.diagnostics


def test_each_deviation_kind_and_step_against_the_conforming_dossiers_processing_time(timed: Process) -> None:
    # Processing time, first event to last (the docstring's minutes): K1 120 + 45 = 165, K2 120 + 30 = 150,
    # K3 270 + 20 = 290 conform: median 165. K4 (the unknown «Gọi điện cho công dân») 60 + 450 + 30 = 540: +375.
    result = conform(read_log(LOG), timed)
    assert result.conforming_median_minutes == 165
    (kind,) = result.by_kind
    (step,) = result.by_step
    assert (kind.median_minutes, kind.mean_minutes, kind.effect_minutes) == (540, 540, 375)
    assert (step.step, step.median_minutes, step.effect_minutes) == ("Gọi điện cho công dân", 540, 375)
    data = json.loads(conformance_json(result))
    assert data["conforming_median_minutes"] == 165
    assert (data["by_kind"][0]["effect_minutes"], data["by_step"][0]["median_minutes"]) == (375, 540)
    markdown = conformance_markdown(result, timed, "vi")
    assert "| 540 | +375 |" in markdown
