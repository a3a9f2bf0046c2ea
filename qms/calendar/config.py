"""What an agency configures: office hours, the cut-off time, and its own days off and make-up working days.

This is the content of ``calendar.yaml`` once read (:mod:`qms.calendar.read`),
or built in code; :meth:`qms.calendar.WorkCalendar.build` turns it into a calendar.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from qms.calendar.codes import CalendarCode
from qms.calendar.errors import ConfigError
from qms.calendar.hours import OfficeHours
from qms.diagnostics import Location
from qms.i18n import Message, _
from qms.model.values import echo

# Years a calendar can cover: the `holidays` package has Vietnam's observed days off from 1995; later than 2100 is a typo.
MIN_YEAR = 1995
MAX_YEAR = 2100
DEFAULT_YEARS = (2000, 2040)
# Same-day procedures: a dossier received after 15:00 is handled on the next working day (Circular 21/2019/TT-BGDĐT Art. 31).
DEFAULT_CUTOFF = 15 * 3600

_ISO = re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$")
_VN = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{4})\s*$")


@dataclass(frozen=True)
class DayOverride:
    """One day the agency counts differently from the national calendar, with why and on whose announcement."""

    day: date
    working: bool  # True: a working day (make-up Saturday); False: a day off
    reason: str
    document: str  # the announcing document, "Thông báo số .../TB-VPCP"
    location: Location | None = field(default=None, compare=False)  # where calendar.yaml declares it


@dataclass(frozen=True)
class CalendarConfig:
    """Office hours, cut-off (seconds since midnight; ``None``: no cut-off) and the agency's own days."""

    hours: OfficeHours = field(default_factory=OfficeHours)
    cutoff: int | None = DEFAULT_CUTOFF
    days: tuple[DayOverride, ...] = ()

    def __post_init__(self) -> None:
        seen: set[date] = set()
        for entry in self.days:
            if entry.day in seen:
                raise ConfigError(CalendarCode.DUPLICATE, _twice(entry.day))
            seen.add(entry.day)
            check_year(entry.day)


def parse_day(text: str) -> date:
    """A date written ``2025-04-26`` or ``26/04/2025``, within the supported years."""
    iso, vn = _ISO.match(text), _VN.match(text)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
    elif vn:
        day, month, year = (int(g) for g in vn.groups())
    else:
        raise ConfigError(
            CalendarCode.DATE,
            _("«{value}» không phải một ngày").format(value=echo(text)),
            _("viết ngày dạng 2025-04-26 hoặc 26/04/2025"),
        )
    try:
        found = date(year, month, day)
    except ValueError:
        raise ConfigError(
            CalendarCode.DATE,
            _("ngày «{value}» không có thật").format(value=echo(text)),
            _("kiểm tra ngày và tháng (tháng 2 có 28 hoặc 29 ngày; ngày viết trước tháng khi dùng dấu /)"),
        ) from None
    return check_year(found)


def check_year(day: date) -> date:
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ConfigError(
            CalendarCode.DATE,
            _("ngày {value} nằm ngoài các năm lịch hỗ trợ ({first}–{last})").format(value=day.isoformat(), first=MIN_YEAR, last=MAX_YEAR),
            _("kiểm tra năm"),
        )
    return day


def _twice(day: date) -> Message:
    return _("ngày {day} được khai báo hai lần").format(day=day.isoformat())


__all__ = ["DEFAULT_CUTOFF", "DEFAULT_YEARS", "MAX_YEAR", "MIN_YEAR", "CalendarConfig", "DayOverride", "check_year", "parse_day"]
