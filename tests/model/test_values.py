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


# --- numbers too large to be meant ----------------------------------------------------------------
# "9" * 400 is infinity as a float (round() and ceil() raised OverflowError); "9" * 5000 cannot be
# read as an int (ValueError since Python 3.11); bounded or not, each is a clean validation error.

NINES = "9" * 400
MANY = "9" * 5000


@pytest.mark.parametrize(
    ("parse", "text", "kind"),
    [
        (Duration.parse, f"{NINES} giờ", "qms_duration_too_large"),
        (Duration.parse, f"{NINES} ngày lịch", "qms_duration_too_large"),
        (Duration.parse, f"{MANY} phút", "qms_duration_too_large"),
        (Duration.parse, f"1 giờ {NINES} phút", "qms_duration_too_large"),
        (Duration.parse, "26073 ngày làm việc", "qms_duration_too_large"),
        (Duration.parse, "36501 ngày lịch", "qms_duration_too_large"),
        (Duration.parse, "1e400 giờ", "qms_duration"),
        (Duration.parse, "inf giờ", "qms_duration"),
        (Duration.parse, "nan phút", "qms_duration"),
        (Duration.parse, "-0 giờ", "qms_duration"),
        (Target.parse, NINES, "qms_target_too_large"),
        (Target.parse, f"<= {MANY} điểm", "qms_target_too_large"),
        (Target.parse, f"{NINES}%", "qms_target"),
        (Target.parse, "inf", "qms_target"),
        (Target.parse, "-0%", "qms_target"),
        (Retention.parse, f"{MANY} năm", "qms_retention_too_large"),
        (Retention.parse, f"{NINES} tháng", "qms_retention_too_large"),
        (Retention.parse, "101 năm", "qms_retention_too_large"),
        (Retention.parse, "1201 tháng", "qms_retention_too_large"),
        (Retention.parse, "000 năm", "qms_retention"),
        (Retention.parse, "٠ năm", "qms_retention"),  # a zero in Arabic-Indic digits is still zero
    ],
)
def test_huge_or_non_finite_numbers_are_clean_validation_errors(parse, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PydanticCustomError) as caught:
        parse(text)
    assert caught.value.type == kind
    assert len(str(caught.value.context["value"])) <= 60  # quoted shortened in the message


@pytest.mark.parametrize(
    ("parse", "text", "expected"),
    [
        (lambda t: Duration.parse(t).minutes, "26072 ngày làm việc", 26072 * WD),  # 100 years of working days
        (lambda t: Duration.parse(t).minutes, "36500 ngày lịch", 26072 * WD),
        (lambda t: Duration.parse(t).minutes, f"0.{'0' * 400}1 giờ", 0),
        (lambda t: Retention.parse(t).months, "100 năm", 1200),
        (lambda t: Retention.parse(t).months, "0012 tháng", 12),
        (lambda t: Target.parse(t).value, "≤ 1" + "0" * 300 + " điểm", 1e300),
    ],
)
def test_numbers_up_to_the_limits_are_accepted(parse, text: str, expected: float) -> None:  # type: ignore[no-untyped-def]
    assert parse(text) == expected


@pytest.mark.parametrize(("annotation", "kind"), [(Duration, "qms_duration_too_large"), (Target, "qms_target_too_large"), (Retention, "qms_retention_too_large")])
def test_an_int_too_long_to_write_out_is_a_validation_error(annotation: type, kind: str) -> None:
    with pytest.raises(ValidationError) as caught:
        TypeAdapter(annotation).validate_python(10**5000)  # str() of it raises ValueError
    assert caught.value.errors()[0]["type"] == kind


@pytest.mark.parametrize("value", [float("inf"), float("nan"), -0.0])
def test_non_finite_and_negative_zero_floats_are_validation_errors(value: float) -> None:
    for annotation in (Duration, Target):
        with pytest.raises(ValidationError):
            TypeAdapter(annotation).validate_python(value)
