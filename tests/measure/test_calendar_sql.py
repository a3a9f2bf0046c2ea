"""The SQL calendar macros give what the Python calendar gives, moment for moment."""

import random
from datetime import date, datetime, timedelta

import duckdb
import pytest

from qms.calendar import CalendarConfig, DayOverride, TimeLimit, WorkCalendar, default_calendar
from qms.measure.calendar_sql import install


def _moments(seed: int, n: int) -> list[datetime]:
    rng = random.Random(seed)
    start = datetime(2025, 1, 1)
    found = []
    for _ in range(n):
        moment = start + timedelta(seconds=rng.randrange(0, 3 * 365 * 86400))
        if rng.random() < 0.3:  # on the edges people type: opening, lunch, cut-off, closing
            hour, minute = rng.choice([(7, 30), (11, 30), (12, 0), (13, 30), (15, 0), (15, 1), (17, 0), (0, 0)])
            moment = moment.replace(hour=hour, minute=minute, second=0)
        found.append(moment)
    # 25-28/4/2025 (make-up Saturday 26/4), Tết 2026, a holiday in lieu
    found += [datetime(2025, 4, 26, 9), datetime(2025, 4, 25, 16), datetime(2026, 2, 13, 14, 59, 59), datetime(2026, 2, 16, 8)]
    return found


@pytest.fixture(scope="module", params=["national", "agency"])
def calendar(request) -> WorkCalendar:
    if request.param == "national":
        return default_calendar()
    own = (DayOverride(date(2026, 3, 7), True, "làm bù", "TB 1/2026"), DayOverride(date(2026, 3, 9), False, "nghỉ", "TB 1/2026"))
    return WorkCalendar.build(CalendarConfig(days=own, cutoff=None), (2024, 2030))


def test_stamp_clock_start_allowance_and_moment_match_the_python_calendar(calendar):
    con = duckdb.connect()
    install(con, calendar)
    moments = _moments(7, 3000)
    limits = [TimeLimit(days=5), TimeLimit(), TimeLimit(minutes=240), TimeLimit(days=1, minutes=120)]
    con.execute("CREATE TABLE m AS SELECT unnest(?::TIMESTAMP[]) AS t, generate_subscripts(?::TIMESTAMP[], 1) AS i", [moments, moments])
    rows = con.execute(
        "SELECT i, cal_stamp(t), cal_start(t), "
        + ", ".join(f"cal_moment(cal_start(t) + cal_allowance(t, {lim.days}, {lim.minutes}))" for lim in limits)
        + " FROM m ORDER BY i"
    ).fetchall()
    for (_, stamp, start, *dues), moment in zip(rows, moments, strict=True):
        assert stamp == calendar._stamp(moment), moment
        assert start == calendar._clock(moment)[0], moment
        for due, limit in zip(dues, limits, strict=True):
            assert due == calendar.due_date(moment, limit).at.replace(tzinfo=None), (moment, limit)


def test_a_moment_outside_the_calendar_gives_null():
    con = duckdb.connect()
    install(con, WorkCalendar.build(years=(2025, 2026)))
    assert con.execute("SELECT cal_stamp(TIMESTAMP '2031-01-05 09:00'), cal_start(TIMESTAMP '1999-01-05 09:00')").fetchall() == [
        (None, None)
    ]
