"""Where a plan stands on a date: task states, warnings, periodic reports and targets, on plans made by hand.

tests/plan/fixtures/tracking.yaml, its tasks' deadlines: 1 31/3 (done 20/3), 2 31/3 (done 10/4), 3 15/6 (open),
4 31/12 (open), 5 on request, 6 cancelled, 7 10/4 (done, no date), 8 continuous (done 1/2). Expected by hand.
"""

from datetime import date
from pathlib import Path

import pytest

from qms.plan import Frequency, Recurring, read_plan
from qms.plan.status import TaskState, plan_status, recurring_due_dates, recurring_lines

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]
S = TaskState
D = date


def _plan(path: Path):
    plan_file, problems = read_plan(path)
    assert problems == [] and plan_file is not None
    return plan_file


@pytest.fixture(scope="module")
def tracking():
    return _plan(FIXTURES / "tracking.yaml")


def _grid(**counts: int) -> dict[TaskState, int]:
    return {state: counts.get(state.value, 0) for state in TaskState}


@pytest.mark.parametrize(
    ("as_of", "grid", "states"),
    [
        # 25/3: task 2 is done only on 10/4, so still open; 6 days to its deadline
        (D(2026, 3, 25), _grid(done_in_time=2, open_in_time=3, no_deadline=2, cancelled=1), "D O O O N C D N"),
        # 5/4: task 2 is 5 days past its deadline and not yet done
        (D(2026, 4, 5), _grid(done_in_time=2, open_in_time=2, overdue=1, no_deadline=2, cancelled=1), "D X O O N C D N"),
        # 13/6: task 2 done late (10/4 after 31/3); task 3 due in 2 days
        (D(2026, 6, 13), _grid(done_in_time=2, done_late=1, open_in_time=2, no_deadline=2, cancelled=1), "D L O O N C D N"),
    ],
)
def test_the_grid_at_three_dates(tracking, as_of: date, grid: dict[TaskState, int], states: str) -> None:
    status = plan_status(tracking, as_of, measure=False)
    letters = {S.DONE_IN_TIME: "D", S.DONE_LATE: "L", S.OPEN_IN_TIME: "O", S.OVERDUE: "X", S.NO_DEADLINE: "N", S.CANCELLED: "C"}
    assert " ".join(letters[line.state] for line in status.tasks) == states
    assert status.grid() == grid
    assert status.no_deadline_done() == 1  # task 8 (done 1/2), not task 5


def test_deadlines_days_left_and_warnings(tracking) -> None:
    lines = plan_status(tracking, D(2026, 3, 25), measure=False).tasks
    assert [(line.deadline, line.days_left, line.warning) for line in lines[:4]] == [
        (D(2026, 3, 31), None, None),  # done: nothing left
        (D(2026, 3, 31), 6, 7),
        (D(2026, 6, 15), 82, None),
        (D(2026, 12, 31), 281, None),
    ]
    assert (lines[4].deadline, lines[4].days_left) == (None, None)  # on request
    overdue = plan_status(tracking, D(2026, 4, 5), measure=False).tasks[1]
    assert (overdue.state, overdue.days_left, overdue.warning) == (S.OVERDUE, -5, None)


@pytest.mark.parametrize(
    ("as_of", "days_left", "warning"),
    [(D(2026, 6, 7), 8, None), (D(2026, 6, 8), 7, 7), (D(2026, 6, 11), 4, 7), (D(2026, 6, 12), 3, 3), (D(2026, 6, 13), 2, 3),
     (D(2026, 6, 14), 1, 1), (D(2026, 6, 15), 0, 1), (D(2026, 6, 16), -1, None)],
)  # fmt: skip
def test_warnings_are_calendar_days_and_the_smallest_threshold_reached(tracking, as_of: date, days_left: int, warning: int | None) -> None:
    line = plan_status(tracking, as_of, measure=False).tasks[2]  # due 15/6/2026 (a Monday; the 13th and 14th are a weekend)
    assert (line.days_left, line.warning) == (days_left, warning)
    assert line.state is (S.OVERDUE if days_left < 0 else S.OPEN_IN_TIME)


def test_overdue_by_lead_unit_counts_tasks_and_report_periods(tracking) -> None:
    assert plan_status(tracking, D(2026, 4, 5), measure=False).overdue_by_unit() == [("b", 1)]
    # 20/9: task 3 (b) past 15/6; the Q3 report (a) due 8/9 not sent; task 2 done late is not overdue
    status = plan_status(tracking, D(2026, 9, 20), measure=False)
    assert status.overdue_by_unit() == [("a", 1), ("b", 1)]
    assert not status.on_track


def _recurring(every: Frequency, due_day: int, in_next_month: bool = False, done: list[date] | None = None) -> Recurring:
    return Recurring(id="BC", content="Báo cáo", every=every, due_day=due_day, in_next_month=in_next_month, done=done or [])


def test_quarterly_reports_due_on_the_8th_of_the_quarters_last_month() -> None:
    assert recurring_due_dates(_recurring(Frequency.QUARTER, 8), D(2026, 1, 1), D(2026, 12, 31)) == [
        ("2026-Q1", D(2026, 3, 8)), ("2026-Q2", D(2026, 6, 8)), ("2026-Q3", D(2026, 9, 8)), ("2026-Q4", D(2026, 12, 8)),
    ]  # fmt: skip


def test_a_due_day_past_the_months_end_is_its_last_day() -> None:
    assert recurring_due_dates(_recurring(Frequency.MONTH, 31), D(2026, 1, 1), D(2026, 4, 30)) == [
        ("2026-01", D(2026, 1, 31)), ("2026-02", D(2026, 2, 28)), ("2026-03", D(2026, 3, 31)), ("2026-04", D(2026, 4, 30)),
    ]  # fmt: skip
    assert recurring_due_dates(_recurring(Frequency.MONTH, 30), D(2024, 2, 1), D(2024, 2, 29)) == [("2024-02", D(2024, 2, 29))]


def test_other_frequencies_and_the_month_after_the_period() -> None:
    year = (D(2026, 1, 1), D(2026, 12, 31))
    assert recurring_due_dates(_recurring(Frequency.HALF, 15), *year) == [("2026-H1", D(2026, 6, 15)), ("2026-H2", D(2026, 12, 15))]
    assert recurring_due_dates(_recurring(Frequency.YEAR, 8), *year) == [("2026", D(2026, 12, 8))]
    assert recurring_due_dates(_recurring(Frequency.QUARTER, 5, in_next_month=True), *year) == [
        ("2026-Q1", D(2026, 4, 5)), ("2026-Q2", D(2026, 7, 5)), ("2026-Q3", D(2026, 10, 5)), ("2026-Q4", D(2027, 1, 5)),
    ]  # fmt: skip
    # a plan from mid-February to August: the quarters it overlaps
    assert [key for key, _due in recurring_due_dates(_recurring(Frequency.QUARTER, 8), D(2026, 2, 15), D(2026, 8, 31))] == [
        "2026-Q1", "2026-Q2", "2026-Q3",
    ]  # fmt: skip


def test_report_periods_sent_late_overdue_open(tracking) -> None:
    def states(as_of: date) -> list[tuple[str, date | None, TaskState]]:
        return [(line.period_key, line.sent, line.state) for line in plan_status(tracking, as_of, measure=False).recurring]

    # sent 6/3 (due 8/3) and 10/6 (due 8/6)
    assert states(D(2026, 9, 20)) == [
        ("2026-Q1", D(2026, 3, 6), S.DONE_IN_TIME), ("2026-Q2", D(2026, 6, 10), S.DONE_LATE),
        ("2026-Q3", None, S.OVERDUE), ("2026-Q4", None, S.OPEN_IN_TIME),
    ]  # fmt: skip
    # on 9/6 the report sent on 10/6 is not sent yet: Q2 is overdue by one day
    assert [state for _key, _sent, state in states(D(2026, 6, 9))] == [S.DONE_IN_TIME, S.OVERDUE, S.OPEN_IN_TIME, S.OPEN_IN_TIME]
    # on the due day itself the report is still open
    assert states(D(2026, 6, 8))[1] == ("2026-Q2", None, S.OPEN_IN_TIME)


def test_a_date_before_a_period_starts_is_not_its_report() -> None:
    # the plan runs from 1/4: the date 5/1 is before Q2's first day, so it is no Q2 report
    lines = recurring_lines(_recurring(Frequency.QUARTER, 8, done=[D(2026, 1, 5), D(2026, 6, 2)]), D(2026, 4, 1), D(2026, 9, 30), D(2026, 9, 30))
    assert [(line.period_key, line.sent, line.state) for line in lines] == [
        ("2026-Q2", D(2026, 6, 2), S.DONE_IN_TIME), ("2026-Q3", None, S.OVERDUE),
    ]  # fmt: skip
