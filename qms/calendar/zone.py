"""The calendar's time zone, Asia/Ho_Chi_Minh (UTC+07:00 all year, no daylight saving since 1975).

Every computation runs on naive local times: a naive datetime given to the
calendar is read as Vietnamese time, an aware one is converted to it first;
every datetime the calendar returns is aware, in this zone.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

ZONE = ZoneInfo("Asia/Ho_Chi_Minh")


def to_local(moment: datetime) -> datetime:
    """``moment`` as naive Vietnamese time (a naive one is taken as already so)."""
    if not isinstance(moment, datetime):
        raise TypeError(f"a datetime is needed here, not {type(moment).__name__} {moment!r}")
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment
    return moment.astimezone(ZONE).replace(tzinfo=None)


def aware(local: datetime) -> datetime:
    """A naive Vietnamese time as an aware datetime."""
    return local.replace(tzinfo=ZONE)


def local_day(moment: date | datetime) -> date:
    """The Vietnamese calendar day of ``moment`` (a date is its own day)."""
    return to_local(moment).date() if isinstance(moment, datetime) else moment


__all__ = ["ZONE", "aware", "local_day", "to_local"]
