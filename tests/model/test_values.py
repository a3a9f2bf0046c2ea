"""Durations, targets, retention periods and dates as agencies write them."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import TypeAdapter, ValidationError
from pydantic_core import PydanticCustomError

from qms.model import MINUTES_PER_WORKING_DAY, Comparison, Duration, Retention, Target
from qms.model.values import Date, fold

WD = MINUTES_PER_WORKING_DAY


def test_a_working_day_is_eight_hours() -> None:
    assert WD == 8 * 60


# --- Duration -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minutes"),
    [
        ("3 ngày làm việc", 3 * WD),
        ("3 NGÀY LÀM VIỆC", 3 * WD),
        ("4h", 4 * 60),
        ("4 h", 4 * 60),
        ("4 giờ", 4 * 60),
        ("4 tiếng", 4 * 60),
        ("2 giờ làm việc", 2 * 60),
        ("30 phút", 30),
        ("30p", 30),
        ("90 min", 90),
        ("1 ngày làm việc 4 giờ", WD + 4 * 60),
        ("1 giờ 30 phút", 90),
        ("0,5 ngày làm việc", WD // 2),
        ("0.5 ngày làm việc", WD // 2),
        ("1,5h", 90),
        ("2 working days", 2 * WD),
        ("3 wd", 3 * WD),
        ("0", 0),
    ],
)
def test_duration_minutes(text: str, minutes: int) -> None:
    duration = Duration.parse(text)
    assert duration.minutes == minutes
    assert duration.approximate is False
    assert duration.text == str(duration) == text


def test_calendar_days_are_converted_approximately_at_five_working_days_per_week() -> None:
    ten = Duration.parse("10 ngày lịch")
    assert ten.approximate is True
    assert ten.minutes == 8 * WD  # 10 * 5/7 = 7.14..., rounded up to 8 working days
    assert ten.working_days == 8
    assert Duration.parse("7 ngày lịch").minutes == 5 * WD
    assert Duration.parse("1 calendar day").minutes == 1 * WD


def test_working_days_property() -> None:
    assert Duration.parse("1 ngày làm việc 4 giờ").working_days == 1.5


@pytest.mark.parametrize("text", ["3 ngày", "3 days", "1 day", "2 ngày 4 giờ"])
def test_bare_days_are_refused_as_ambiguous(text: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        Duration.parse(text)
    assert caught.value.type == "qms_duration_bare_day"
    assert caught.value.context["n"] in text


@pytest.mark.parametrize("text", ["abc", "3", "", "  ", "-3h", "4 giờ nữa", "3 ngày làm việc, 4 giờ", "h", "ba ngày làm việc"])
def test_invalid_durations_are_refused(text: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        Duration.parse(text)
    assert caught.value.type == "qms_duration"


def test_duration_in_a_model_accepts_numbers_only_as_zero() -> None:
    adapter = TypeAdapter(Duration)
    assert adapter.validate_python("4h").minutes == 240
    assert adapter.validate_python(0).minutes == 0
    with pytest.raises(ValidationError):
        adapter.validate_python(3)
    with pytest.raises(ValidationError):
        adapter.validate_python(True)
    assert adapter.dump_python(Duration.parse("4 giờ")) == "4 giờ"


# --- Target ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "comparison", "value", "unit"),
    [
        (">= 95%", Comparison.AT_LEAST, 95, "%"),
        ("≥ 90%", Comparison.AT_LEAST, 90, "%"),
        ("=> 90%", Comparison.AT_LEAST, 90, "%"),
        ("100%", Comparison.AT_LEAST, 100, "%"),  # a bare figure means "at least"
        ("0%", Comparison.AT_LEAST, 0, "%"),
        ("<= 2 ngày làm việc", Comparison.AT_MOST, 2, "ngày làm việc"),
        ("≤ 2 ngày làm việc", Comparison.AT_MOST, 2, "ngày làm việc"),
        ("< 5", Comparison.LESS_THAN, 5, ""),
        ("> 4,5 điểm", Comparison.MORE_THAN, 4.5, "điểm"),
        ("= 0", Comparison.EQUAL, 0, ""),
    ],
)
def test_target_parsing(text: str, comparison: Comparison, value: float, unit: str) -> None:
    target = Target.parse(text)
    assert (target.comparison, target.value, target.unit) == (comparison, value, unit)
    assert target.is_percentage is (unit == "%")
    assert str(target) == text


@pytest.mark.parametrize("text", ["101%", ">= 120%", "-5%", "abc", "", ">= %"])
def test_invalid_targets_are_refused(text: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        Target.parse(text)
    assert caught.value.type == "qms_target"


def test_target_is_met_by() -> None:
    at_least = Target.parse(">= 95%")
    assert at_least.is_met_by(95) and at_least.is_met_by(99.5) and not at_least.is_met_by(94.9)
    bare = Target.parse("100%")
    assert bare.is_met_by(100) and not bare.is_met_by(99.9)
    at_most = Target.parse("≤ 2 ngày làm việc")
    assert at_most.is_met_by(2) and at_most.is_met_by(1) and not at_most.is_met_by(2.5)
    assert Target.parse("> 4").is_met_by(4.1) and not Target.parse("> 4").is_met_by(4)
    assert Target.parse("< 4").is_met_by(3.9) and not Target.parse("< 4").is_met_by(4)
    assert Target.parse("= 0").is_met_by(0) and not Target.parse("= 0").is_met_by(1)


def test_target_in_a_model_accepts_a_number() -> None:
    target = TypeAdapter(Target).validate_python(95)
    assert (target.comparison, target.value, target.unit) == (Comparison.AT_LEAST, 95, "")


# --- Retention ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "months"),
    [("5 năm", 60), ("5 nam", 60), ("18 tháng", 18), ("1 tháng", 1), ("10 years", 120), ("1 year", 12), ("6 months", 6)],
)
def test_retention_months(text: str, months: int) -> None:
    retention = Retention.parse(text)
    assert retention.months == months
    assert retention.permanent is False
    assert str(retention) == text


@pytest.mark.parametrize("text", ["vĩnh viễn", "Vĩnh Viễn", "lâu dài", "permanent"])
def test_permanent_retention(text: str) -> None:
    retention = Retention.parse(text)
    assert retention.months is None and retention.permanent is True


@pytest.mark.parametrize("text", ["0 năm", "năm", "5", "mãi mãi", "5 ngày", "1,5 năm", ""])
def test_invalid_retention_is_refused(text: str) -> None:
    with pytest.raises(PydanticCustomError) as caught:
        Retention.parse(text)
    assert caught.value.type == "qms_retention"


# --- Date -------------------------------------------------------------------------------------------

DATE = TypeAdapter(Date)


@pytest.mark.parametrize("text", ["2025-07-01", "01/07/2025", "1/7/2025", "01.07.2025", "01-07-2025"])
def test_dates_iso_and_day_month_year(text: str) -> None:
    assert DATE.validate_python(text) == date(2025, 7, 1)


@pytest.mark.parametrize("text", ["31/02/2025", "2025-13-01", "07/2025", "hôm nay", "32/01/2025"])
def test_invalid_dates_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        DATE.validate_python(text)


def test_fold_strips_case_and_diacritics_including_d_stroke() -> None:
    assert fold("Ngày Làm Việc") == "ngay lam viec"
    assert fold("Đơn vị ĐĂNG KÝ") == "don vi dang ky"
