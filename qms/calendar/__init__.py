"""The working-day calendar: working days, office time and statutory deadlines, in Vietnamese time.

Weekends are off; national public holidays, days off in lieu and announced
make-up working Saturdays come from the `holidays` package; an agency adds
its own days off and make-up days, office hours and cut-off in
``calendar.yaml``. A :class:`WorkCalendar` is built once and frozen; its
methods are pure and O(1) per question (see :mod:`qms.calendar.work_calendar`)::

    >>> from datetime import datetime
    >>> from qms.calendar import TimeLimit, default_calendar
    >>> cal = default_calendar()
    >>> deadline = cal.due_date(datetime(2026, 2, 12, 10, 0), TimeLimit(days=3))
    >>> deadline.at.isoformat()  # Thursday before Tết 2026; Tết is 16-20 February
    '2026-02-24T17:00:00+07:00'
    >>> deadline.timeliness(datetime(2026, 2, 24, 9, 0)).value
    'on_time'

See docs/calendar.md for how it counts, the file format and what is unverified.
"""

from qms.calendar.codes import CALENDAR_CODES, CalendarCode
from qms.calendar.config import DEFAULT_CUTOFF, DEFAULT_YEARS, MAX_YEAR, MIN_YEAR, CalendarConfig, DayOverride, parse_day
from qms.calendar.deadline import Deadline, TimeLimit, Timeliness, compare_days
from qms.calendar.errors import CalendarRangeError, ConfigError
from qms.calendar.hours import OfficeHours, parse_period, parse_time
from qms.calendar.national import NationalDays, national_days
from qms.calendar.read import load_calendar, parse_config, read_config
from qms.calendar.work_calendar import DayInfo, DayKind, Pause, WorkCalendar, default_calendar
from qms.calendar.zone import ZONE

__all__ = [
    "CALENDAR_CODES",
    "DEFAULT_CUTOFF",
    "DEFAULT_YEARS",
    "MAX_YEAR",
    "MIN_YEAR",
    "ZONE",
    "CalendarCode",
    "CalendarConfig",
    "CalendarRangeError",
    "ConfigError",
    "DayInfo",
    "DayKind",
    "DayOverride",
    "Deadline",
    "NationalDays",
    "OfficeHours",
    "Pause",
    "TimeLimit",
    "Timeliness",
    "WorkCalendar",
    "compare_days",
    "default_calendar",
    "load_calendar",
    "national_days",
    "parse_config",
    "parse_day",
    "parse_period",
    "parse_time",
    "read_config",
]
