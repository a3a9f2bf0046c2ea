"""Report periods and their cut-off windows (Decree 09/2019/NĐ-CP, art. 12): every expected date written by hand."""

from datetime import date
from pathlib import Path

import pytest

from qms.i18n import Message
from qms.plan import Frequency, Plan, read_plan
from qms.plan.periods import PeriodError, parse_period, periods_of_year, reporting_calendar
from qms.plan.status import recurring_due_dates

ROOT = Path(__file__).resolve().parents[2]
D = date


@pytest.mark.parametrize(
    ("key", "first", "last", "window_first", "window_last", "label"),
    [
        # a quarter: from the 15th of the month before it to the 14th of its last month
        ("2026-Q1", D(2026, 1, 1), D(2026, 3, 31), D(2025, 12, 15), D(2026, 3, 14), "Quý I năm 2026"),
        ("2026-Q2", D(2026, 4, 1), D(2026, 6, 30), D(2026, 3, 15), D(2026, 6, 14), "Quý II năm 2026"),
        ("2026-Q3", D(2026, 7, 1), D(2026, 9, 30), D(2026, 6, 15), D(2026, 9, 14), "Quý III năm 2026"),
        ("2026-Q4", D(2026, 10, 1), D(2026, 12, 31), D(2026, 9, 15), D(2026, 12, 14), "Quý IV năm 2026"),
        # 6 months: from 15 December of the year before to 14 June; the second half from 15 June to 14 December
        ("2026-H1", D(2026, 1, 1), D(2026, 6, 30), D(2025, 12, 15), D(2026, 6, 14), "6 tháng đầu năm 2026"),
        ("2026-H2", D(2026, 7, 1), D(2026, 12, 31), D(2026, 6, 15), D(2026, 12, 14), "6 tháng cuối năm 2026"),
        # a year: from 15 December of the year before to 14 December
        ("2026", D(2026, 1, 1), D(2026, 12, 31), D(2025, 12, 15), D(2026, 12, 14), "Năm 2026"),
        # a month: from the 15th of the month before to the 14th of the month
        ("2026-03", D(2026, 3, 1), D(2026, 3, 31), D(2026, 2, 15), D(2026, 3, 14), "Tháng 3 năm 2026"),
        ("2026-01", D(2026, 1, 1), D(2026, 1, 31), D(2025, 12, 15), D(2026, 1, 14), "Tháng 1 năm 2026"),
        ("2028-02", D(2028, 2, 1), D(2028, 2, 29), D(2028, 1, 15), D(2028, 2, 14), "Tháng 2 năm 2028"),
        ("2026-12", D(2026, 12, 1), D(2026, 12, 31), D(2026, 11, 15), D(2026, 12, 14), "Tháng 12 năm 2026"),
    ],
)
def test_the_calendar_days_and_the_cut_off_window(key, first, last, window_first, window_last, label):
    period = parse_period(key)
    assert (period.key, period.first, period.last, period.window_first, period.window_last) == (key, first, last, window_first, window_last)
    assert period.label.vi == label
    assert period.phrase.vi == label[0].lower() + label[1:]


@pytest.mark.parametrize(("text", "key"), [("2026-q1", "2026-Q1"), (" 2026-H2 ", "2026-H2"), ("2026-3", "2026-03"), ("2026", "2026")])
def test_keys_are_read_in_any_case_and_written_one_way(text, key):
    assert parse_period(text).key == key


@pytest.mark.parametrize(
    ("key", "every"), [("2026-03", Frequency.MONTH), ("2026-Q2", Frequency.QUARTER), ("2026-H1", Frequency.HALF), ("2026", Frequency.YEAR)]
)
def test_a_period_knows_its_frequency(key, every):
    assert parse_period(key).every is every


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("2026-Q5", "«2026-Q5» không phải là kỳ báo cáo"),
        ("2026-H3", "«2026-H3» không phải là kỳ báo cáo"),
        ("2026-13", "«2026-13»: không có tháng 13"),
        ("2026-00", "«2026-00»: không có tháng 00"),
        ("Q1-2026", "«Q1-2026» không phải là kỳ báo cáo"),
        ("Quý I/2026", "«Quý I/2026» không phải là kỳ báo cáo"),
        ("26", "«26» không phải là kỳ báo cáo"),
        ("", "«» không phải là kỳ báo cáo"),
        ("2026-Q1-extra", "«2026-Q1-extra» không phải là kỳ báo cáo"),
        ("0999", "«0999»: năm 0999 nằm ngoài khoảng đọc được"),
        ("9999", "«9999»: năm 9999 nằm ngoài khoảng đọc được"),
    ],
)
def test_a_bad_period_is_a_value_error_with_a_message_and_a_hint(text, says):
    with pytest.raises(ValueError) as caught:
        parse_period(text)
    error = caught.value
    assert isinstance(error, PeriodError) and isinstance(error.message, Message)
    assert error.message.vi == says and str(error) == says
    assert "2026-Q1" in error.hint.vi


def test_the_periods_of_a_year():
    assert [p.key for p in periods_of_year(2026, Frequency.QUARTER)] == ["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]
    assert [p.key for p in periods_of_year(2026, Frequency.HALF)] == ["2026-H1", "2026-H2"]
    assert len(periods_of_year(2026, Frequency.MONTH)) == 12 and periods_of_year(2026, Frequency.YEAR)[0].key == "2026"


def test_the_keys_of_the_status_module_are_periods_of_this_one():
    plan = _plan_with_every_frequency()
    for task in plan.recurring:
        for key, _due in recurring_due_dates(task, D(2026, 1, 1), D(2026, 12, 31)):
            assert parse_period(key).key == key


def _plan_with_every_frequency() -> Plan:
    return Plan.model_validate(
        {
            "code": "KH-1",
            "title": "Kế hoạch",
            "period": {"start": "2026-01-01", "end": "2026-12-31"},
            "recurring": [
                {"id": "BC-NAM", "content": "Báo cáo năm", "every": "year", "due_day": 10, "in_next_month": True},
                {"id": "BC-THANG", "content": "Báo cáo tháng", "every": "month", "due_day": 31},
                {"id": "BC-6T", "content": "Báo cáo 6 tháng", "every": "half", "due_day": 20},
                {"id": "BC-QUY", "content": "Báo cáo quý", "every": "quarter", "due_day": 8},
            ],
        }
    )


def test_the_reporting_calendar_of_a_quarterly_and_a_yearly_report():
    plan = Plan.model_validate(
        {
            "code": "KH-CCHC-2026",
            "title": "Kế hoạch",
            "period": {"start": "2026-01-01", "end": "2026-12-31"},
            "recurring": [
                {"id": "BC-QUY", "content": "Báo cáo quý", "every": "quarter", "due_day": 8},
                {"id": "BC-NAM", "content": "Báo cáo năm", "every": "year", "due_day": 8},
            ],
        }
    )
    rows = [(due, task.id, period.key) for due, task, period in reporting_calendar(plan, 2026)]
    assert rows == [
        (D(2026, 3, 8), "BC-QUY", "2026-Q1"),
        (D(2026, 6, 8), "BC-QUY", "2026-Q2"),
        (D(2026, 9, 8), "BC-QUY", "2026-Q3"),
        (D(2026, 12, 8), "BC-QUY", "2026-Q4"),
        (D(2026, 12, 8), "BC-NAM", "2026"),  # the same day: in the plan's order
    ]


def test_the_shipped_plan_reports_in_the_last_month_of_each_period_or_the_next():
    plan_file, problems = read_plan(ROOT / "plans" / "KH-CCHC-2026.yaml")
    assert problems == [] and plan_file is not None
    rows = reporting_calendar(plan_file.plan, 2026)
    assert rows and [due for due, _task, _period in rows] == sorted(due for due, _task, _period in rows)
    for due, task, period in rows:
        months = (due.year * 12 + due.month) - (period.last.year * 12 + period.last.month)
        assert months == (1 if task.in_next_month else 0) and task.every is period.every


def test_the_reporting_calendar_by_due_date_clamped_and_in_the_next_month():
    rows = [(due, task.id, period.key) for due, task, period in reporting_calendar(_plan_with_every_frequency(), 2026)]
    assert len(rows) == 1 + 12 + 2 + 4
    assert rows == sorted(rows, key=lambda row: row[0])
    assert (D(2026, 2, 28), "BC-THANG", "2026-02") in rows  # 31 February: its last day
    assert (D(2026, 6, 20), "BC-6T", "2026-H1") in rows and (D(2026, 12, 20), "BC-6T", "2026-H2") in rows
    assert rows[-1] == (D(2027, 1, 10), "BC-NAM", "2026")  # due in the month after the year
    assert reporting_calendar(_plan_with_every_frequency(), 2026)[0][2].window_first == D(2025, 12, 15)
