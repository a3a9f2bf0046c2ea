"""Vietnam's national days off and make-up working days, from the `holidays` package.

``holidays.VN`` gives the public holidays of Labour Code 2019 Art. 112
(lunar Tết and Hùng Kings' day computed from the Vietnamese lunar calendar),
its own days off in lieu when a holiday falls on a weekend (2026-04-27 for the
Sunday 26 April), 24 November from 2026, and the yearly announced swaps it
knows of (2025: Saturday 26 April worked, Friday 2 May off) as "weekend
workdays". Names are Vietnamese (``language="vi"``). A swap announced after
the installed release, or one of the agency's own, goes in ``calendar.yaml``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import MappingProxyType

import holidays


@dataclass(frozen=True)
class NationalDays:
    """The national days off (name by date: holidays and days in lieu) and make-up working weekend days of some years."""

    first_year: int
    last_year: int
    off: Mapping[date, str]
    make_up: frozenset[date]

    def is_working_day(self, day: date) -> bool:
        """Monday to Friday unless a national day off; a weekend day only when announced as a make-up working day."""
        if day in self.make_up:
            return True
        return day.weekday() < 5 and day not in self.off


@cache
def national_days(first_year: int, last_year: int) -> NationalDays:
    """The national calendar of ``first_year`` to ``last_year`` (inclusive); built once per range (about 2 ms a year)."""
    table = holidays.country_holidays("VN", years=range(first_year, last_year + 1), language="vi")
    off = {day: str(name) for day, name in sorted(table.items()) if first_year <= day.year <= last_year}
    make_up = frozenset(day for day in table.weekend_workdays if first_year <= day.year <= last_year)
    return NationalDays(first_year, last_year, MappingProxyType(off), make_up)


__all__ = ["NationalDays", "national_days"]
