"""Office hours: the periods of a working day the clock runs in, and times of day written as text.

Times are kept as seconds since midnight. A working day has the same hours
every working day (a make-up Saturday included); the default is 07:30–11:30
and 13:30–17:00, 7.5 hours, with the 15:00 cut-off of same-day counting.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from qms.calendar.codes import CalendarCode
from qms.calendar.errors import ConfigError
from qms.i18n import _
from qms.model.values import echo

DAY_SECONDS = 24 * 3600
_TIME = re.compile(r"^\s*(\d{1,2})\s*(?:[:hH]\s*(\d{2})?)?\s*$")
_PERIOD = re.compile(r"^\s*([^-–—]+?)\s*[-–—]\s*([^-–—]+?)\s*$")


def parse_time(text: str, code: str = CalendarCode.HOURS) -> int:
    """Seconds since midnight of ``"07:30"``, ``"7:30"``, ``"7h30"``, ``"15h"`` or ``"15"``; ``"24:00"`` is the day's end."""
    match = _TIME.match(text)
    hour, minute = (int(match.group(1)), int(match.group(2) or 0)) if match else (-1, -1)
    if not match or minute > 59 or hour > 24 or (hour == 24 and minute):
        raise ConfigError(
            code,
            _("«{value}» không phải giờ trong ngày").format(value=echo(text)),
            _("viết giờ:phút, ví dụ 07:30 hoặc 15:00"),
        )
    return hour * 3600 + minute * 60


def parse_period(text: str) -> tuple[int, int]:
    """``"07:30-11:30"`` (or with an en dash) as (start, end) seconds since midnight; the end must come after the start."""
    match = _PERIOD.match(text)
    if not match:
        raise ConfigError(
            CalendarCode.HOURS,
            _("«{value}» không phải khoảng giờ bắt đầu-kết thúc").format(value=echo(text)),
            _("viết giờ bắt đầu, dấu gạch ngang, giờ kết thúc: 07:30-11:30"),
        )
    start, end = parse_time(match.group(1)), parse_time(match.group(2))
    if end <= start:
        raise ConfigError(
            CalendarCode.HOURS,
            _("khoảng giờ «{value}» kết thúc ({end}) không sau lúc bắt đầu ({start})").format(
                value=echo(text), start=clock_text(start), end=clock_text(end)
            ),
            _("viết giờ bắt đầu trước, ví dụ 07:30-17:00; giờ nghỉ trưa thì viết thành hai khoảng 07:30-11:30 và 13:30-17:00"),
        )
    return start, end


def clock_text(second: int) -> str:
    """Seconds since midnight as ``HH:MM``."""
    return f"{second // 3600:02d}:{second % 3600 // 60:02d}"


@dataclass(frozen=True)
class OfficeHours:
    """The periods ``[start, end)`` of a working day in seconds since midnight, in order, not overlapping."""

    periods: tuple[tuple[int, int], ...] = ((7 * 3600 + 30 * 60, 11 * 3600 + 30 * 60), (13 * 3600 + 30 * 60, 17 * 3600))
    seconds_per_day: int = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.periods:
            raise ConfigError(
                CalendarCode.HOURS,
                _("không có khoảng giờ làm việc nào"),
                _("khai báo ít nhất một khoảng, ví dụ 07:30-11:30"),
            )
        previous_end = 0
        for start, end in self.periods:
            if not 0 <= start < end <= DAY_SECONDS:
                raise ConfigError(
                    CalendarCode.HOURS,
                    _("khoảng giờ {start}-{end} không hợp lệ").format(start=clock_text(start), end=clock_text(end)),
                    _("giờ kết thúc phải sau giờ bắt đầu, trong cùng một ngày"),
                )
            if start < previous_end:
                raise ConfigError(
                    CalendarCode.HOURS,
                    _("khoảng giờ bắt đầu {start} chồng lên hoặc đứng trước khoảng trước nó (kết thúc {end})").format(
                        start=clock_text(start), end=clock_text(previous_end)
                    ),
                    _("liệt kê các khoảng theo thứ tự trong ngày, không chồng nhau"),
                )
            previous_end = end
        object.__setattr__(self, "seconds_per_day", sum(end - start for start, end in self.periods))

    @classmethod
    def parse(cls, texts: list[str] | tuple[str, ...]) -> OfficeHours:
        return cls(tuple(parse_period(text) for text in texts))

    @property
    def opening(self) -> int:
        return self.periods[0][0]

    @property
    def closing(self) -> int:
        return self.periods[-1][1]

    def worked_before(self, second: int) -> int:
        """Office seconds of a working day before the moment ``second`` (seconds since midnight)."""
        worked = 0
        for start, end in self.periods:
            if second <= start:
                break
            worked += min(second, end) - start
        return worked

    def second_at(self, worked: int) -> int:
        """The earliest moment of a working day with ``worked`` office seconds behind it (``0 < worked <= seconds_per_day``).

        A total reached exactly at the end of a period gives that end (11:30, not 13:30).
        """
        for start, end in self.periods:
            if worked <= end - start:
                return start + worked
            worked -= end - start
        return self.closing

    def resume(self, second: int) -> int | None:
        """The first moment at or after ``second`` the clock runs on a working day, or ``None`` after closing."""
        for start, end in self.periods:
            if second < end:
                return max(second, start)
        return None

    def texts(self) -> tuple[str, ...]:
        return tuple(f"{clock_text(start)}-{clock_text(end)}" for start, end in self.periods)


__all__ = ["DAY_SECONDS", "OfficeHours", "clock_text", "parse_period", "parse_time"]
