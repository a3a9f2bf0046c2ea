"""Statutory time limits, the deadline they give, and whether a result came early, on time or late.

The clock arithmetic here works on *stamps*: whole office seconds counted
from the first working day of the calendar (see :mod:`qms.calendar.work_calendar`),
so that a pause, a deadline and the time used are sums and differences of integers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from qms.calendar.zone import local_day, to_local
from qms.i18n import Lang, _
from qms.model.values import MINUTES_PER_WORKING_DAY, Duration, fold

_DAY_WORDS = ("ngay lam viec", "working day", "wd")


@dataclass(frozen=True)
class TimeLimit:
    """A statutory time limit: whole working days, working minutes, or both (``TimeLimit(days=5)``, ``TimeLimit.hours(4)``).

    ``TimeLimit()`` (nothing) is a same-day procedure ("trả trong ngày").
    """

    days: int = 0
    minutes: int = 0

    def __post_init__(self) -> None:
        if isinstance(self.days, bool) or not isinstance(self.days, int) or self.days < 0:
            raise ValueError(f"days must be a whole number of working days, 0 or more, not {self.days!r}")
        if isinstance(self.minutes, bool) or not isinstance(self.minutes, int) or self.minutes < 0:
            raise ValueError(f"minutes must be a whole number, 0 or more, not {self.minutes!r}")

    @classmethod
    def hours(cls, hours: float) -> TimeLimit:
        return cls(minutes=round(hours * 60))

    @classmethod
    def from_duration(cls, duration: Duration) -> TimeLimit:
        """The limit a process file's :class:`~qms.model.values.Duration` states.

        A duration keeps only its total in minutes (a working day counted as
        ``MINUTES_PER_WORKING_DAY``); when its text names working days ("5 ngày
        làm việc", "1 ngày làm việc 4 giờ") the whole days are taken back out
        of the total, otherwise ("4 giờ", "30 phút") it is all working time.
        Calendar days ("10 ngày lịch") are refused: they were converted to an
        approximate number of working days already.
        """
        if duration.approximate:
            raise ValueError(f"«{duration.text}» is in calendar days, which the working-day calendar does not count")
        text = fold(duration.text)
        if any(word in text for word in _DAY_WORDS):
            days, minutes = divmod(duration.minutes, MINUTES_PER_WORKING_DAY)
            return cls(days, minutes)
        return cls(minutes=duration.minutes)


class Timeliness(StrEnum):
    """How a result compares with its deadline: before the due day, on it (or by the due moment), after."""

    EARLY = "early"
    ON_TIME = "on_time"
    LATE = "late"

    def label(self, lang: Lang | str = Lang.VI) -> str:
        return _LABELS[self].get(lang)


_LABELS = {
    Timeliness.EARLY: _("trước hạn"),
    Timeliness.ON_TIME: _("đúng hạn"),
    Timeliness.LATE: _("quá hạn"),
}


def compare_days(returned: date | datetime, due: date | datetime) -> Timeliness:
    """The "dates only" view: by calendar day in Vietnam, early before the due day, on time on it, late after it.

    Datetimes are taken as Vietnamese time (aware ones converted); the time of day does not count.
    """
    returned_day, due_day = local_day(returned), local_day(due)
    if returned_day < due_day:
        return Timeliness.EARLY
    return Timeliness.ON_TIME if returned_day == due_day else Timeliness.LATE


@dataclass(frozen=True)
class Deadline:
    """When a dossier received at ``received`` is due under ``limit``; datetimes are aware, Vietnamese time.

    ``start`` is when the clock starts (the next working day's opening for a
    dossier received after the cut-off); ``at`` the due moment (for a limit in
    days, the close of office hours on the due day, moved on by the paused
    working time); ``allowance_minutes`` the working time the limit gives from
    ``start``; ``paused_minutes`` the working time the clock stood still before ``at``.
    """

    received: datetime
    start: datetime
    at: datetime
    limit: TimeLimit
    allowance_minutes: float
    paused_minutes: float

    @property
    def day(self) -> date:
        """The due day (the "dates only" view compares with it)."""
        return self.at.date()

    def timeliness(self, returned: date | datetime, *, dates_only: bool = False) -> Timeliness:
        """Early (before the due day), on time, or late: after ``at``, or with ``dates_only`` (or a date) after the due day."""
        if dates_only or not isinstance(returned, datetime):
            return compare_days(returned, self.day)
        if to_local(returned) > to_local(self.at):
            return Timeliness.LATE
        return Timeliness.EARLY if local_day(returned) < self.day else Timeliness.ON_TIME


def merge(intervals: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Intervals ``(start, end)`` sorted, empty ones dropped and overlapping or touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(i for i in intervals if i[1] > i[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def run_clock(start: int, allowance: int, pauses: list[tuple[int, int]]) -> tuple[int, int]:
    """The stamp at which ``allowance`` of running time has passed from ``start``, and the paused time before it.

    ``pauses`` are merged stamp intervals (:func:`merge`); the clock stands
    still in them. Linear in the number of pauses.
    """
    cursor, remaining, paused = start, allowance, 0
    for pause_start, pause_end in pauses:
        if pause_end <= cursor:
            continue
        pause_start = max(pause_start, cursor)
        if pause_start - cursor >= remaining:
            break
        remaining -= pause_start - cursor
        paused += pause_end - pause_start
        cursor = pause_end
    return cursor + remaining, paused


def restart_clock(start: int, due: int, pauses: list[tuple[int, int]], restarted: Callable[[int], int]) -> int:
    """The due stamp when each supplement restarts the clock: the full limit counts again from its receipt.

    ``due`` is the stamp due before any pause; ``restarted(end)`` the stamp due when the clock starts anew at the
    pause ending at ``end`` (the receipt of the completed dossier: the cut-off and days off apply as to a receipt).
    A pause restarts the clock only when it ends after the clock's ``start`` and starts before the due moment it would
    replace, as in :func:`run_clock`; ``pauses`` are merged (:func:`merge`).
    """
    for pause_start, pause_end in pauses:
        if pause_end <= start:
            continue
        if pause_start >= due:
            break
        due = restarted(pause_end)
    return due


def paused_within(pauses: list[tuple[int, int]], start: int, end: int) -> int:
    """Stamps of the merged ``pauses`` that fall within ``[start, end)``."""
    return sum(max(0, min(b, end) - max(a, start)) for a, b in pauses)


__all__ = ["Deadline", "TimeLimit", "Timeliness", "compare_days", "merge", "paused_within", "restart_clock", "run_clock"]
