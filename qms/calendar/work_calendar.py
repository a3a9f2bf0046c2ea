"""The working-day calendar: which days are worked, office time between two moments, deadlines.

Built once from a :class:`~qms.calendar.config.CalendarConfig` for a range of
years, a :class:`WorkCalendar` is frozen and every method is a pure function
of its arguments, so one calendar serves any number of dossiers and threads.

How it stays fast (a million dossiers): building walks the D days of the range
once (O(D), about 15,000 days for 2000–2040) and keeps three tables: whether
each day is worked, the number of working days before each day (a cumulative
count) and the working days in order. Then every question is O(1) table
look-ups plus a loop over the day's office periods (two by default): no loop
over days or minutes. A moment becomes a *stamp*, the office seconds between
the calendar's first working day and it::

    stamp(t) = working_days_before(t.date) * seconds_per_day + office_seconds_before(t.time)

so working time between two moments is a subtraction, and adding working
time is a division (which working day) and a walk over that day's periods.
Pauses cost O(p log p) for p pauses (sorting them).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from enum import StrEnum
from functools import cache
from types import MappingProxyType

from qms.calendar.config import DEFAULT_YEARS, MAX_YEAR, MIN_YEAR, CalendarConfig, DayOverride
from qms.calendar.deadline import Deadline, TimeLimit, merge, paused_within, restart_clock, run_clock
from qms.calendar.errors import CalendarRangeError
from qms.calendar.hours import OfficeHours
from qms.calendar.national import NationalDays, national_days
from qms.calendar.zone import aware, to_local
from qms.i18n import Lang, _

Pause = tuple[datetime, datetime]


class DayKind(StrEnum):
    """Why a day is worked or not."""

    WORKDAY = "workday"  # Monday to Friday, nothing announced
    WEEKEND = "weekend"
    HOLIDAY = "holiday"  # a national public holiday or day off in lieu
    MAKE_UP = "make_up"  # a weekend day worked nationally (announced swap)
    AGENCY_OFF = "agency_off"  # the agency's own day off (calendar.yaml)
    AGENCY_WORKING = "agency_working"  # the agency's own make-up working day (calendar.yaml)

    def label(self, lang: Lang | str = Lang.VI) -> str:
        return _KIND_LABELS[self].get(lang)


_KIND_LABELS = {
    DayKind.WORKDAY: _("ngày làm việc"),
    DayKind.WEEKEND: _("nghỉ cuối tuần"),
    DayKind.HOLIDAY: _("nghỉ lễ, Tết"),
    DayKind.MAKE_UP: _("ngày làm bù"),
    DayKind.AGENCY_OFF: _("ngày nghỉ của cơ quan"),
    DayKind.AGENCY_WORKING: _("ngày làm việc bù của cơ quan"),
}


@dataclass(frozen=True)
class DayInfo:
    """One day explained: worked or not, why, and the holiday's name or the announcing document."""

    day: date
    working: bool
    kind: DayKind
    name: str | None = None  # the holiday's Vietnamese name, or the agency's reason
    document: str | None = None  # the agency's announcing document


@dataclass(frozen=True, eq=False)
class WorkCalendar:
    """A frozen working-day calendar for the years ``first_year`` to ``last_year``; build it with :meth:`build`."""

    config: CalendarConfig
    first_year: int
    last_year: int
    _national: NationalDays = field(repr=False)
    _overrides: Mapping[date, DayOverride] = field(repr=False)
    _base: int = field(repr=False)  # ordinal of 1 January of first_year
    _working: bytes = field(repr=False)  # 1 per worked day, by offset from _base
    _before: tuple[int, ...] = field(repr=False)  # working days before each offset (one more entry: the end)
    _days: tuple[int, ...] = field(repr=False)  # ordinals of the working days, in order

    @classmethod
    def build(cls, config: CalendarConfig | None = None, years: tuple[int, int] = DEFAULT_YEARS) -> WorkCalendar:
        """The calendar of ``config`` (default hours and cut-off, no own days) for ``years`` (inclusive).

        The range is widened to the years of the agency's own days. O(days in the range).
        """
        config = config or CalendarConfig()
        first, last = years
        for entry in config.days:
            first, last = min(first, entry.day.year), max(last, entry.day.year)
        if not MIN_YEAR <= first <= last <= MAX_YEAR:
            raise ValueError(f"years must lie within {MIN_YEAR}–{MAX_YEAR}, first before last, not {years!r}")
        national = national_days(first, last)
        overrides = MappingProxyType({entry.day: entry for entry in config.days})
        base, end = date(first, 1, 1).toordinal(), date(last, 12, 31).toordinal() + 1
        working = bytearray(end - base)
        before = [0] * (end - base + 1)
        days: list[int] = []
        for offset in range(end - base):
            day = date.fromordinal(base + offset)
            own = overrides.get(day)
            if own.working if own is not None else national.is_working_day(day):
                working[offset] = 1
                days.append(base + offset)
            before[offset + 1] = len(days)
        return cls(config, first, last, national, overrides, base, bytes(working), tuple(before), tuple(days))

    # --- days -------------------------------------------------------------

    @property
    def hours(self) -> OfficeHours:
        return self.config.hours

    def _offset(self, day: date) -> int:
        offset = day.toordinal() - self._base
        if not 0 <= offset < len(self._working):
            raise CalendarRangeError(day, self.first_year, self.last_year)
        return offset

    def is_working_day(self, day: date) -> bool:
        return bool(self._working[self._offset(day)])

    def describe(self, day: date) -> DayInfo:
        """Whether ``day`` is worked and why (holiday name, agency's reason and document)."""
        working = self.is_working_day(day)
        entry = self._overrides.get(day)
        if entry is not None:
            return DayInfo(day, working, DayKind.AGENCY_WORKING if working else DayKind.AGENCY_OFF, entry.reason, entry.document)
        if day in self._national.off:
            return DayInfo(day, working, DayKind.HOLIDAY, self._national.off[day])
        if day in self._national.make_up:
            return DayInfo(day, working, DayKind.MAKE_UP)
        return DayInfo(day, working, DayKind.WORKDAY if working else DayKind.WEEKEND)

    def add_working_days(self, day: date, n: int) -> date:
        """The ``n``-th working day after ``day``; ``n = 0`` gives ``day`` if it is worked, else the next working day."""
        if n < 0:
            raise ValueError(f"n must be 0 or more, not {n}")
        offset = self._offset(day)
        index = self._before[offset] + n - (0 if self._working[offset] or n == 0 else 1)
        return self._working_day(index)

    def next_working_day(self, day: date) -> date:
        """The first working day after ``day``."""
        return self.add_working_days(day, 1)

    def previous_working_day(self, day: date) -> date:
        """The last working day before ``day``."""
        index = self._before[self._offset(day)] - 1
        if index < 0:
            raise CalendarRangeError(day - timedelta(days=1), self.first_year, self.last_year)
        return date.fromordinal(self._days[index])

    def working_days_between(self, start: date, end: date) -> int:
        """Working days ``d`` with ``start <= d < end`` (``end`` not counted, as in ``range``); negative if ``end < start``."""
        return self._before[self._edge(end)] - self._before[self._edge(start)]

    def _edge(self, day: date) -> int:
        """Offset of ``day`` where the day after the range is allowed too (an exclusive end)."""
        offset = day.toordinal() - self._base
        if not 0 <= offset <= len(self._working):
            raise CalendarRangeError(day, self.first_year, self.last_year)
        return offset

    def _working_day(self, index: int) -> date:
        if not 0 <= index < len(self._days):
            raise CalendarRangeError(f"working day no. {index + 1}", self.first_year, self.last_year)
        return date.fromordinal(self._days[index])

    # --- office time ------------------------------------------------------

    def _stamp(self, local: datetime) -> int:
        """Office seconds from the calendar's first working day to the naive local moment ``local``."""
        offset = self._offset(local.date())
        stamp = self._before[offset] * self.hours.seconds_per_day
        if self._working[offset]:
            stamp += self.hours.worked_before(local.hour * 3600 + local.minute * 60 + local.second)
        return stamp

    def _moment(self, stamp: int) -> datetime:
        """The earliest naive local moment with ``stamp`` office seconds behind it (a day's close rather than the next opening)."""
        index, worked = divmod(stamp, self.hours.seconds_per_day)
        if worked == 0 and index > 0:
            index, worked = index - 1, self.hours.seconds_per_day
        day = self._working_day(index)
        second = self.hours.second_at(worked) if worked else self.hours.opening
        return datetime.combine(day, datetime.min.time()) + timedelta(seconds=second)

    def working_minutes_between(self, start: datetime, end: datetime) -> float:
        """Office minutes between two moments (negative if ``end`` is before ``start``); to the second."""
        return (self._stamp(to_local(end)) - self._stamp(to_local(start))) / 60

    def add_working_time(self, start: datetime, duration: timedelta) -> datetime:
        """The earliest moment at which ``duration`` of office time has passed since ``start`` (no cut-off applied).

        Office time runs only in office hours on working days, so it crosses the
        lunch break, nights, weekends and holidays; a total reached exactly at a
        period's end gives that end (11:30, not 13:30).
        """
        seconds = int(duration.total_seconds())
        if seconds < 0:
            raise ValueError(f"duration must not be negative, not {duration}")
        local = to_local(start)
        if seconds == 0:
            return aware(local)
        return aware(self._moment(self._stamp(local) + seconds))

    # --- dossiers ---------------------------------------------------------

    def _clock(self, local: datetime) -> tuple[int, int, datetime]:
        """Where the clock of a dossier received at ``local`` starts: stamp, index of the start day, moment."""
        offset = self._offset(local.date())
        second = local.hour * 3600 + local.minute * 60 + local.second + (1 if local.microsecond else 0)
        cutoff = self.config.cutoff
        resume = self.hours.resume(second) if self._working[offset] and (cutoff is None or second <= cutoff) else None
        if resume is not None:
            moment = datetime.combine(local.date(), datetime.min.time()) + timedelta(seconds=resume)
            return self._stamp(moment), self._before[offset], moment
        index = self._before[offset + 1]  # the next working day after this date
        moment = datetime.combine(self._working_day(index), datetime.min.time()) + timedelta(seconds=self.hours.opening)
        return index * self.hours.seconds_per_day, index, moment

    def clock_start(self, received: datetime) -> datetime:
        """When the clock starts for a dossier received at ``received``.

        At once when received in office hours on a working day up to the cut-off
        (15:00 by default); at the next period when received before opening or
        during the lunch break; at the opening of the next working day when
        received after the cut-off, after closing or on a day off.
        """
        return aware(self._clock(to_local(received))[2])

    def _pauses(self, pauses: Iterable[Pause]) -> list[tuple[int, int]]:
        stamps = []
        for pause_start, pause_end in pauses:
            local_start, local_end = to_local(pause_start), to_local(pause_end)
            if local_end < local_start:
                raise ValueError(f"a pause ends ({pause_end}) before it starts ({pause_start})")
            stamps.append((self._stamp(local_start), self._stamp(local_end)))
        return merge(stamps)

    def due_date(self, received: datetime, limit: TimeLimit, pauses: Iterable[Pause] = (), *, restart: bool = False) -> Deadline:
        """The deadline of a dossier received at ``received`` (complete and valid) under the statutory ``limit``.

        In days: the start day is the receipt's day, or the next working day
        after the cut-off or on a day off; the due day is the ``limit.days``-th
        working day after it, due at its close of office hours (``TimeLimit()``:
        the start day itself). Extra ``limit.minutes`` run on from there. In
        minutes only: that much office time from the clock's start. Each pause
        ``(from, to)`` (awaiting a supplement) moves the due moment on by the
        office time it covers before the due moment; with ``restart`` (a
        procedure whose clock starts again after a supplement) a pause that
        starts before the due moment gives the whole limit again, counted from
        the pause's end as from a receipt (cut-off, days off).
        """
        local = to_local(received)
        start, start_index, start_moment = self._clock(local)
        allowance = self._allowance(start, start_index, limit)
        if restart:
            end = restart_clock(start, start + allowance, self._pauses(pauses), lambda back: self._restarted(back, limit))
            paused = end - start - allowance  # how far the restarts moved the due moment on
        else:
            end, paused = run_clock(start, allowance, self._pauses(pauses))
        return Deadline(aware(local), aware(start_moment), aware(self._moment(end)), limit, allowance / 60, paused / 60)

    def _allowance(self, start: int, start_index: int, limit: TimeLimit) -> int:
        """Office seconds ``limit`` gives a clock starting at stamp ``start`` on working day ``start_index``."""
        if limit.days or not limit.minutes:
            return (start_index + limit.days + 1) * self.hours.seconds_per_day - start + limit.minutes * 60
        return limit.minutes * 60

    def _restarted(self, back: int, limit: TimeLimit) -> int:
        """The due stamp of a clock started anew by a supplement received at stamp ``back``."""
        start, start_index, _moment = self._clock(self._moment(back))
        return start + self._allowance(start, start_index, limit)

    def working_minutes_used(self, received: datetime, end: datetime, pauses: Iterable[Pause] = ()) -> float:
        """Office minutes a dossier used from its clock start to ``end``, less the paused office time; 0 if ``end`` comes first."""
        start = self._clock(to_local(received))[0]
        finish = self._stamp(to_local(end))
        if finish <= start:
            return 0.0
        return (finish - start - paused_within(self._pauses(pauses), start, finish)) / 60

    def working_day_index(self, day: date) -> int:
        """How many working days of the calendar come before ``day`` (an O(1) cumulative count)."""
        return self._before[self._edge(day)]

    def tables(self) -> tuple[date, tuple[int, ...], bytes, tuple[date, ...]]:
        """The calendar as arrays, for vectorised use (:mod:`qms.measure.calendar_sql`): its first day; for each day from
        it, the working days before it (one more entry: the end) and 1 if it is worked; the working days in order."""
        return date.fromordinal(self._base), self._before, self._working, tuple(date.fromordinal(o) for o in self._days)

    def working_days_in(self, first: date, last: date) -> list[date]:
        """The working days from ``first`` to ``last`` inclusive."""
        lo = bisect_right(self._days, first.toordinal() - 1)
        hi = bisect_right(self._days, last.toordinal())
        return [date.fromordinal(o) for o in self._days[lo:hi]]


@cache
def default_calendar() -> WorkCalendar:
    """The national calendar with default office hours (07:30–11:30, 13:30–17:00) and cut-off (15:00), 2000–2040."""
    return WorkCalendar.build()


__all__ = ["DayInfo", "DayKind", "Pause", "WorkCalendar", "default_calendar"]
