"""Which days are worked: weekends, Tết 2026 and 2027, a make-up Saturday, 24 November, the agency's own days.

Every expected value is worked out by hand in the comment beside it (and in docs/calendar.md).
"""

from __future__ import annotations

from datetime import date, datetime

import pytest

from qms.calendar import (
    ZONE,
    CalendarConfig,
    CalendarRangeError,
    DayKind,
    DayOverride,
    TimeLimit,
    WorkCalendar,
    default_calendar,
    national_days,
)

CAL = default_calendar()


def test_weekends_are_off_and_weekdays_worked() -> None:
    # March 2026 has no holiday: Friday 6 worked, Saturday 7 and Sunday 8 off, Monday 9 worked.
    assert [CAL.is_working_day(date(2026, 3, d)) for d in (6, 7, 8, 9)] == [True, False, False, True]
    assert CAL.describe(date(2026, 3, 7)).kind is DayKind.WEEKEND
    assert CAL.describe(date(2026, 3, 9)).kind is DayKind.WORKDAY


def test_tet_2026_is_16_to_20_february() -> None:
    # holidays 0.109: Giao thừa Mon 16 Feb, Tết Tue 17, mùng 2-4 Wed 18 - Fri 20; the weekends around are off anyway.
    off = [date(2026, 2, d) for d in range(16, 21)]
    assert not any(CAL.is_working_day(d) for d in off)
    assert CAL.describe(date(2026, 2, 17)).name == "Tết Nguyên Đán"
    assert CAL.next_working_day(date(2026, 2, 13)) == date(2026, 2, 23)  # Friday before Tết -> Monday after
    # 9-28 February: 9-13 (5) + 23-27 (5) = 10 working days.
    assert CAL.working_days_between(date(2026, 2, 9), date(2026, 2, 28)) == 10
    # Received Thursday 12 Feb 10:00, 3 working days: Fri 13 (1), Mon 23 (2), Tue 24 (3), due at the close.
    assert CAL.due_date(datetime(2026, 2, 12, 10, 0), TimeLimit(days=3)).at == _vn(2026, 2, 24, 17, 0)


def test_tet_2027_as_holidays_projects_it() -> None:
    # No official 2027 arrangement is known to us; holidays 0.109 computes: 29 Tết Thu 4 Feb, Giao thừa Fri 5,
    # Tết Sat 6, mùng 2 Sun 7, mùng 3 Mon 8, then the weekend days moved to Tue 9 (mùng 4) and Wed 10 (mùng 5).
    names = national_days(2027, 2027).off
    assert [d.day for d in names if d.month == 2] == [4, 5, 6, 7, 8, 9, 10]
    assert CAL.is_working_day(date(2027, 2, 3)) and CAL.is_working_day(date(2027, 2, 11))
    assert not any(CAL.is_working_day(date(2027, 2, d)) for d in range(4, 11))
    # February 2027: 20 weekdays, 5 of them (4, 5, 8, 9, 10) off -> 15 working days.
    assert CAL.working_days_between(date(2027, 2, 1), date(2027, 3, 1)) == 15
    # Received Wed 3 Feb 2027 14:00 (before the cut-off), 1 working day -> Thu 11 Feb at 17:00.
    assert CAL.due_date(datetime(2027, 2, 3, 14, 0), TimeLimit(days=1)).at == _vn(2027, 2, 11, 17, 0)


def test_the_make_up_saturday_of_april_2025_is_a_working_day() -> None:
    # 2025: Saturday 26 April worked, Friday 2 May off (holidays' weekend workdays). A calendar that only knows
    # "Saturday is off" (pm4py's, given the same holidays) counts 25-28 April as 2 working days; it is 3.
    assert CAL.is_working_day(date(2025, 4, 26)) and CAL.describe(date(2025, 4, 26)).kind is DayKind.MAKE_UP
    assert not CAL.is_working_day(date(2025, 5, 2))
    assert CAL.working_days_between(date(2025, 4, 25), date(2025, 4, 29)) == 3  # Fri 25, Sat 26, Mon 28
    assert CAL.working_days_in(date(2025, 4, 25), date(2025, 4, 28)) == [date(2025, 4, 25), date(2025, 4, 26), date(2025, 4, 28)]
    assert CAL.next_working_day(date(2025, 4, 25)) == date(2025, 4, 26)
    # Fri 25 07:30 to Mon 28 17:00: three full days of 450 office minutes.
    assert CAL.working_minutes_between(datetime(2025, 4, 25, 7, 30), datetime(2025, 4, 28, 17, 0)) == 3 * 450
    # Received Fri 25 April 10:00, 2 working days: Sat 26 (1), Mon 28 (2); pm4py's calendar would say Tue 29.
    assert CAL.due_date(datetime(2025, 4, 25, 10, 0), TimeLimit(days=2)).at == _vn(2025, 4, 28, 17, 0)
    # 4 working days: Sat 26, Mon 28, Tue 29, then 30/4, 1/5, 2/5 and the weekend off -> Mon 5 May.
    assert CAL.due_date(datetime(2025, 4, 25, 10, 0), TimeLimit(days=4)).at == _vn(2025, 5, 5, 17, 0)


def test_a_make_up_saturday_the_national_calendar_lacks_comes_from_the_agency() -> None:
    # Were a swap announced after the installed holidays release, calendar.yaml adds it: Saturday 2026-03-28 worked.
    own = DayOverride(date(2026, 3, 28), True, "Làm bù (ví dụ)", "Thông báo số 1/TB-VP (ví dụ)")
    cal = WorkCalendar.build(CalendarConfig(days=(own,)))
    assert cal.is_working_day(date(2026, 3, 28)) and not CAL.is_working_day(date(2026, 3, 28))
    assert cal.describe(date(2026, 3, 28)).kind is DayKind.AGENCY_WORKING
    assert cal.describe(date(2026, 3, 28)).document == "Thông báo số 1/TB-VP (ví dụ)"
    # Received Fri 27 March 10:00, 1 working day: the Saturday -> Sat 28 at 17:00 (Mon 30 without the entry).
    assert cal.due_date(datetime(2026, 3, 27, 10, 0), TimeLimit(days=1)).at == _vn(2026, 3, 28, 17, 0)
    assert CAL.due_date(datetime(2026, 3, 27, 10, 0), TimeLimit(days=1)).at == _vn(2026, 3, 30, 17, 0)


def test_24_november_is_a_holiday_from_2026() -> None:
    # Ngày Văn hóa Việt Nam (Resolution 80-NQ/TW as holidays cites it), from 2026: Tuesday 24/11/2026 off.
    assert not CAL.is_working_day(date(2026, 11, 24))
    assert CAL.describe(date(2026, 11, 24)).name == "Ngày Văn hóa Việt Nam"
    assert CAL.is_working_day(date(2025, 11, 24))  # Monday, before the holiday existed
    # Received Mon 23/11/2026 09:00, 1 working day: Tue 24 off -> Wed 25 at 17:00.
    assert CAL.due_date(datetime(2026, 11, 23, 9, 0), TimeLimit(days=1)).at == _vn(2026, 11, 25, 17, 0)
    # The same a year earlier: Mon 24/11/2025 09:00 -> Tue 25/11/2025 at 17:00.
    assert CAL.due_date(datetime(2025, 11, 24, 9, 0), TimeLimit(days=1)).at == _vn(2025, 11, 25, 17, 0)


def test_hung_kings_day_on_a_sunday_gives_the_monday_off() -> None:
    # 2026: 10/3 lunar is Sunday 26 April; holidays gives Monday 27 April in lieu.
    assert not CAL.is_working_day(date(2026, 4, 27))
    assert CAL.describe(date(2026, 4, 27)).kind is DayKind.HOLIDAY


def test_an_agency_day_off_moves_the_deadline() -> None:
    # Received Mon 23/3/2026 09:00, 5 working days: 24, 25, 26, 27, 30 -> Mon 30 at 17:00.
    assert CAL.due_date(datetime(2026, 3, 23, 9, 0), TimeLimit(days=5)).at == _vn(2026, 3, 30, 17, 0)
    # With Friday 27 March off for the agency: 24, 25, 26, 30, 31 -> Tue 31 at 17:00.
    own = DayOverride(date(2026, 3, 27), False, "Hội nghị cán bộ (ví dụ)", "Thông báo số 12/TB-SGDĐT (ví dụ)")
    cal = WorkCalendar.build(CalendarConfig(days=(own,)))
    assert not cal.is_working_day(date(2026, 3, 27))
    assert cal.describe(date(2026, 3, 27)).kind is DayKind.AGENCY_OFF
    assert cal.due_date(datetime(2026, 3, 23, 9, 0), TimeLimit(days=5)).at == _vn(2026, 3, 31, 17, 0)


def test_adding_and_counting_working_days() -> None:
    saturday, friday = date(2026, 3, 7), date(2026, 3, 6)
    assert CAL.add_working_days(friday, 0) == friday and CAL.add_working_days(saturday, 0) == date(2026, 3, 9)
    assert CAL.add_working_days(friday, 1) == date(2026, 3, 9) and CAL.add_working_days(saturday, 1) == date(2026, 3, 9)
    assert CAL.add_working_days(saturday, 2) == date(2026, 3, 10)
    assert CAL.previous_working_day(date(2026, 3, 9)) == friday
    assert CAL.working_days_between(date(2026, 3, 9), date(2026, 3, 2)) == -5
    assert CAL.working_day_index(date(2026, 3, 10)) - CAL.working_day_index(date(2026, 3, 2)) == 6


def test_dates_outside_the_calendar_are_refused() -> None:
    cal = WorkCalendar.build(years=(2025, 2026))
    with pytest.raises(CalendarRangeError, match="2024-12-31"):
        cal.is_working_day(date(2024, 12, 31))
    with pytest.raises(CalendarRangeError):
        cal.due_date(datetime(2026, 12, 31, 9, 0), TimeLimit(days=5))
    with pytest.raises(ValueError, match="years"):
        WorkCalendar.build(years=(1900, 2026))
    # An agency's own day widens the range.
    own = DayOverride(date(2030, 1, 2), False, "x", "y")
    assert WorkCalendar.build(CalendarConfig(days=(own,)), years=(2025, 2026)).last_year == 2030


def _vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)
