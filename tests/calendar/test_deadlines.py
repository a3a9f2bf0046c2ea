"""Deadlines: hours across the lunch break and a weekend, the 15:00 cut-off, the supplement clock, the dates-only view.

Default calendar: office hours 07:30-11:30 (240 min) and 13:30-17:00 (210 min), 450 minutes a day, cut-off 15:00.
"""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta

import pytest

from qms.calendar import ZONE, CalendarConfig, OfficeHours, TimeLimit, Timeliness, WorkCalendar, compare_days, default_calendar
from qms.model import Duration

CAL = default_calendar()


def vn(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    """A moment in Vietnamese time."""
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


def test_hours_cross_the_lunch_break_and_the_weekend() -> None:
    # 8 working hours from Friday 6/3/2026 10:00: 10:00-11:30 (1.5 h) + 13:30-17:00 (3.5 h) = 5 h on Friday;
    # the 3 h left run from Monday 07:30 -> Monday 9/3/2026 10:30.
    assert CAL.add_working_time(datetime(2026, 3, 6, 10, 0), timedelta(hours=8)) == vn(2026, 3, 9, 10, 30)
    assert CAL.due_date(datetime(2026, 3, 6, 10, 0), TimeLimit.hours(8)).at == vn(2026, 3, 9, 10, 30)
    assert CAL.working_minutes_between(datetime(2026, 3, 6, 10, 0), datetime(2026, 3, 9, 10, 30)) == 480
    # Exactly to the lunch break: 1.5 h from 10:00 is 11:30, not 13:30; from 11:45 (lunch) 1 h is 14:30.
    assert CAL.add_working_time(datetime(2026, 3, 6, 10, 0), timedelta(hours=1.5)) == vn(2026, 3, 6, 11, 30)
    assert CAL.add_working_time(datetime(2026, 3, 6, 11, 45), timedelta(hours=1)) == vn(2026, 3, 6, 14, 30)
    # A whole day ends at the close, not at the next opening: 450 min from Friday 07:30 is Friday 17:00.
    assert CAL.add_working_time(datetime(2026, 3, 6, 7, 30), timedelta(minutes=450)) == vn(2026, 3, 6, 17, 0)
    # Nothing to add: the moment itself.
    assert CAL.add_working_time(datetime(2026, 3, 7, 9, 0), timedelta(0)) == vn(2026, 3, 7, 9, 0)


def test_the_15_00_cut_off() -> None:
    same_day = TimeLimit()  # "trả trong ngày"
    # Tuesday 10/3/2026: by 15:00 due the same day at 17:00; after 15:00 the next working day.
    assert CAL.due_date(datetime(2026, 3, 10, 14, 59), same_day).at == vn(2026, 3, 10, 17, 0)
    assert CAL.due_date(datetime(2026, 3, 10, 15, 0), same_day).at == vn(2026, 3, 10, 17, 0)  # at 15:00 is not after
    assert CAL.due_date(datetime(2026, 3, 10, 15, 1), same_day).at == vn(2026, 3, 11, 17, 0)
    assert CAL.clock_start(datetime(2026, 3, 10, 15, 1)) == vn(2026, 3, 11, 7, 30)
    # Friday 13/3 15:30 -> Monday 16/3; a Saturday receipt -> Monday too.
    assert CAL.due_date(datetime(2026, 3, 13, 15, 30), same_day).at == vn(2026, 3, 16, 17, 0)
    assert CAL.due_date(datetime(2026, 3, 14, 9, 0), same_day).at == vn(2026, 3, 16, 17, 0)
    # In days the start day moves too: Tue 10/3 15:30, 1 working day -> start Wed 11 -> due Thu 12 at 17:00.
    assert CAL.due_date(datetime(2026, 3, 10, 15, 30), TimeLimit(days=1)).at == vn(2026, 3, 12, 17, 0)
    # In hours the clock starts at the next opening: Fri 13/3 15:30 + 4 h -> Mon 16/3 07:30-11:30.
    assert CAL.due_date(datetime(2026, 3, 13, 15, 30), TimeLimit.hours(4)).at == vn(2026, 3, 16, 11, 30)
    # Before opening or at lunch the clock waits for the office: 06:50 -> 07:30, 12:10 -> 13:30.
    assert CAL.clock_start(datetime(2026, 3, 10, 6, 50)) == vn(2026, 3, 10, 7, 30)
    assert CAL.clock_start(datetime(2026, 3, 10, 12, 10)) == vn(2026, 3, 10, 13, 30)


def test_the_cut_off_and_the_hours_are_configurable() -> None:
    later = WorkCalendar.build(CalendarConfig(cutoff=16 * 3600))
    assert later.due_date(datetime(2026, 3, 10, 15, 30), TimeLimit()).at == vn(2026, 3, 10, 17, 0)
    none = WorkCalendar.build(CalendarConfig(cutoff=None))
    assert none.due_date(datetime(2026, 3, 10, 16, 30), TimeLimit()).at == vn(2026, 3, 10, 17, 0)
    assert none.due_date(datetime(2026, 3, 10, 17, 0), TimeLimit()).at == vn(2026, 3, 11, 17, 0)  # closed: next day
    # 07:00-11:30 and 13:00-17:00 (8.5 h): 8 h from Friday 6/3 10:00 = 1.5 h + 4 h on Friday, 2.5 h Monday -> 09:30.
    hours = OfficeHours.parse(["07:00-11:30", "13:00-17:00"])
    assert hours.seconds_per_day == 8.5 * 3600
    assert WorkCalendar.build(CalendarConfig(hours)).due_date(datetime(2026, 3, 6, 10, 0), TimeLimit.hours(8)).at == vn(2026, 3, 9, 9, 30)


def test_the_clock_stops_while_a_supplement_is_awaited() -> None:
    received = datetime(2026, 3, 2, 9, 0)  # Monday
    limit = TimeLimit(days=5)
    # Without a pause: 3, 4, 5, 6, 9 March -> Mon 9/3 at 17:00; allowance 360 (Mon from 09:00) + 5 x 450 = 2,610 min.
    plain = CAL.due_date(received, limit)
    assert plain.at == vn(2026, 3, 9, 17, 0) and plain.allowance_minutes == 2610 and plain.paused_minutes == 0
    # Supplement requested Wed 4/3 10:00, received Fri 6/3 15:00: paused 300 (Wed) + 450 (Thu) + 330 (Fri) = 1,080 min.
    # Due moves on 1,080 office minutes from Mon 9/3 17:00: Tue 10 (450), Wed 11 (450), Thu 12 07:30 + 180 -> 10:30.
    pause = (datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 6, 15, 0))
    paused = CAL.due_date(received, limit, [pause])
    assert paused.at == vn(2026, 3, 12, 10, 30) and paused.paused_minutes == 1080 and paused.day == date(2026, 3, 12)
    # Time used to Thu 12/3 10:00: 360 + 7 x 450 (3-11 March) + 150 = 3,660, less 1,080 paused = 2,580 < 2,610.
    assert CAL.working_minutes_used(received, datetime(2026, 3, 12, 10, 0), [pause]) == 2580
    assert paused.timeliness(datetime(2026, 3, 12, 10, 0)) is Timeliness.ON_TIME
    assert paused.timeliness(datetime(2026, 3, 12, 16, 0)) is Timeliness.LATE
    assert paused.timeliness(datetime(2026, 3, 12, 16, 0), dates_only=True) is Timeliness.ON_TIME
    assert paused.timeliness(datetime(2026, 3, 11, 16, 0)) is Timeliness.EARLY


def test_pauses_overlapping_or_after_the_deadline() -> None:
    received, limit = datetime(2026, 3, 2, 9, 0), TimeLimit(days=5)
    # Two overlapping pauses count once: Wed 4/3 10:00-17:00 and 14:00-Thu 11:30 = 300 + 240 = 540 min.
    two = [(datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 4, 17, 0)), (datetime(2026, 3, 4, 14, 0), datetime(2026, 3, 5, 11, 30))]
    # 540 from Mon 9/3 17:00: Tue 10 (450), then 90 from Wed 11 07:30 -> 09:00.
    assert CAL.due_date(received, limit, two).at == vn(2026, 3, 11, 9, 0)
    # A pause after the due moment changes nothing; one entirely on a weekend neither.
    late = [(datetime(2026, 3, 10, 8, 0), datetime(2026, 3, 11, 8, 0)), (datetime(2026, 3, 7, 8, 0), datetime(2026, 3, 8, 18, 0))]
    assert CAL.due_date(received, limit, late).at == vn(2026, 3, 9, 17, 0)
    with pytest.raises(ValueError, match="before it starts"):
        CAL.due_date(received, limit, [(datetime(2026, 3, 5), datetime(2026, 3, 4))])


def test_the_dates_only_view() -> None:
    due = date(2026, 3, 12)
    assert compare_days(date(2026, 3, 11), due) is Timeliness.EARLY
    assert compare_days(datetime(2026, 3, 12, 23, 59), due) is Timeliness.ON_TIME
    assert compare_days(datetime(2026, 3, 13, 0, 1), due) is Timeliness.LATE
    # 17:30 UTC on 11 March is 00:30 on 12 March in Vietnam: on the due day.
    assert compare_days(datetime(2026, 3, 11, 17, 30, tzinfo=UTC), due) is Timeliness.ON_TIME
    assert Timeliness.LATE.label("vi") == "quá hạn" and Timeliness.EARLY.label("en") == "early"


def test_aware_datetimes_are_read_in_vietnamese_time() -> None:
    # 07:59 UTC = 14:59 in Hanoi (before the cut-off); 08:01 UTC = 15:01 (after it).
    assert CAL.due_date(datetime(2026, 3, 10, 7, 59, tzinfo=UTC), TimeLimit()).at == vn(2026, 3, 10, 17, 0)
    assert CAL.due_date(datetime(2026, 3, 10, 8, 1, tzinfo=UTC), TimeLimit()).at == vn(2026, 3, 11, 17, 0)
    deadline = CAL.due_date(datetime(2026, 3, 10, 8, 1, tzinfo=UTC), TimeLimit())
    assert deadline.received == vn(2026, 3, 10, 15, 1) and deadline.at.tzinfo is ZONE


def test_limits_from_process_durations() -> None:
    assert TimeLimit.from_duration(Duration.parse("5 ngày làm việc")) == TimeLimit(days=5)
    assert TimeLimit.from_duration(Duration.parse("1 ngày làm việc 4 giờ")) == TimeLimit(days=1, minutes=240)
    assert TimeLimit.from_duration(Duration.parse("4 giờ")) == TimeLimit(minutes=240)
    assert TimeLimit.from_duration(Duration.parse("8 giờ")) == TimeLimit(minutes=480)  # hours stay hours
    with pytest.raises(ValueError, match="calendar days"):
        TimeLimit.from_duration(Duration.parse("10 ngày lịch"))
    with pytest.raises(ValueError):
        TimeLimit(days=-1)
    # Days and hours: the hours run on from the due day's close. Mon 2/3 09:00, 1 day 4 h -> Tue 3 17:00 + 4 h -> Wed 11:30.
    assert CAL.due_date(datetime(2026, 3, 2, 9, 0), TimeLimit(days=1, minutes=240)).at == vn(2026, 3, 4, 11, 30)


def test_adding_the_time_between_two_moments_lands_on_or_before_the_later_one() -> None:
    rng = random.Random(11)
    for _ in range(2000):
        start = datetime(2025, 1, 1) + timedelta(minutes=rng.randrange(0, 2 * 365 * 24 * 60))
        end = start + timedelta(minutes=rng.randrange(0, 30 * 24 * 60))
        minutes = CAL.working_minutes_between(start, end)
        assert minutes >= 0
        if minutes:
            landed = CAL.add_working_time(start, timedelta(minutes=minutes))
            assert landed <= end.replace(tzinfo=ZONE)
            assert CAL.working_minutes_between(start, landed) == minutes
