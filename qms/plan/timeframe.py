"""A task's time frame as officers write it in a plan's appendix, and the window of days it means.

Forms read (case, diacritics and spacing do not matter; Roman or Arabic numerals for quarters):

* a day: ``10/01/2023``, ``2023-01-10``, ``ngày 10/01/2023``, ``Trước ngày 15/3/2023`` (by that day);
* a month: ``Tháng 12/2022``, ``12/2022``;
* a quarter: ``Quý I/2023``, ``Quý 4/2023``, ``quý IV năm 2023``;
* a half-year: ``6 tháng đầu năm 2023``, ``6 tháng cuối năm 2023``;
* a year: ``Năm 2023``, ``Cả năm 2023``, ``Trong năm 2023``, ``Thường xuyên năm 2023``;
* a range of any two of these: ``Từ Quý IV/2022 đến Quý I/2023``, ``Tháng 3 - Tháng 5/2023``, ``Từ Quý I đến Quý IV/2026``;
* no date: ``Theo yêu cầu của Sở Nội vụ``, ``Thường xuyên``, ``Khi có yêu cầu``: on request, no deadline.

:func:`parse_time_frame` returns ``None`` for a text it cannot read; the plan loader reports it with its line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from pydantic import GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from qms.model.values import _ParsedFromText, echo, fold


class FrameKind(StrEnum):
    DAY = "day"
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"
    RANGE = "range"
    ON_REQUEST = "on_request"  # no deadline: when asked, continuous work


@dataclass(frozen=True)
class TimeFrame(_ParsedFromText):
    """``text`` as written, and the days ``first`` to ``last`` it means (``None`` for on request).

    A field of this type in a plan reads the text with :func:`parse_time_frame` (error ``qms_timeframe``)."""

    text: str
    kind: FrameKind
    first: date | None = None
    last: date | None = None

    @property
    def deadline(self) -> date | None:
        """The last day the task may be done on: the end of its window."""
        return self.last

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str) -> TimeFrame:
        found = parse_time_frame(text)
        if found is None:
            raise PydanticCustomError("qms_timeframe", "invalid time frame", {"value": echo(str(text))})
        return found

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {
            "type": ["string", "integer"],
            "description": "Thời gian / time frame: «10/01/2026», «Tháng 12/2026», «Quý I/2026», «6 tháng đầu năm 2026», «Năm 2026», "
            "«Từ Quý I đến Quý IV/2026», «Trước ngày 15/3/2026», «Theo yêu cầu»",
            "examples": ["Quý II/2026", "Tháng 10/2026", "Theo yêu cầu của Sở Nội vụ"],
        }


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4}
_NO_DATE = ("theo yeu cau", "khi co yeu cau", "thuong xuyen", "hang ngay", "dot xuat", "on request", "continuous")
_DAY = re.compile(r"^(?:ngay\s+)?(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_MONTH = re.compile(r"^(?:thang\s+)?(\d{1,2})\s*[/.-]\s*(\d{4})$|^thang\s+(\d{1,2})\s+(?:nam\s+)?(\d{4})$")
_QUARTER = re.compile(r"^quy\s+(iv|iii|ii|i|[1-4])\s*(?:[/.-]|\s+nam\s+|\s+)\s*(\d{4})$")
_HALF = re.compile(r"^6\s+thang\s+(dau|cuoi)\s+(?:nam\s+)?(\d{4})$")
_YEAR = re.compile(r"^(?:(?:ca|trong|thuong xuyen|suot)\s+)?(?:nam\s+)?(\d{4})$")
_RANGE = re.compile(r"^(?:tu\s+)?(.+?)\s*(?:\s+den\s+|\s+-\s+|\s*–\s*)\s*(.+)$")
_BARE_MONTH = re.compile(r"^(?:thang\s+)?(\d{1,2})$")


def _month_end(year: int, month: int) -> date:
    return (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


def _single(text: str) -> TimeFrame | None:
    """A day, month, quarter, half-year or year (``text`` folded, spaces collapsed)."""
    try:
        if m := _DAY.match(text):
            day = date(int(m[3]), int(m[2]), int(m[1]))
            return TimeFrame(text, FrameKind.DAY, day, day)
        if m := _ISO.match(text):
            day = date(int(m[1]), int(m[2]), int(m[3]))
            return TimeFrame(text, FrameKind.DAY, day, day)
        if m := _MONTH.match(text):
            month, year = (int(m[1]), int(m[2])) if m[1] else (int(m[3]), int(m[4]))
            return TimeFrame(text, FrameKind.MONTH, date(year, month, 1), _month_end(year, month))
    except ValueError:  # 31/02/2023, month 13
        return None
    if m := _QUARTER.match(text):
        quarter, year = _ROMAN.get(m[1]) or int(m[1]), int(m[2])
        return TimeFrame(text, FrameKind.QUARTER, date(year, 3 * quarter - 2, 1), _month_end(year, 3 * quarter))
    if m := _HALF.match(text):
        year = int(m[2])
        if m[1] == "dau":
            return TimeFrame(text, FrameKind.HALF, date(year, 1, 1), date(year, 6, 30))
        return TimeFrame(text, FrameKind.HALF, date(year, 7, 1), date(year, 12, 31))
    if m := _YEAR.match(text):
        year = int(m[1])
        return TimeFrame(text, FrameKind.YEAR, date(year, 1, 1), date(year, 12, 31))
    return None


def parse_time_frame(text: str) -> TimeFrame | None:
    """The window ``text`` means, or ``None`` when it is not one of the forms above."""
    raw = " ".join(str(text).split())
    folded = fold(raw).strip(" .;,")
    if not folded:
        return None
    if any(folded.startswith(words) for words in _NO_DATE) and not re.search(r"\d{4}", folded):
        return TimeFrame(raw, FrameKind.ON_REQUEST)
    found = _single(folded)
    if found is not None:
        return TimeFrame(raw, found.kind, found.first, found.last)
    if (by := re.match(r"^(?:truoc|han|cham nhat)\s+(?:ngay\s+)?(.+)$", folded)) and (day := _single(by[1])):
        return TimeFrame(raw, day.kind, day.first, day.last)
    if m := _RANGE.match(folded):
        start_text, end_text = m[1], m[2]
        end = _single(end_text)
        start = _single(start_text)
        if start is None and end is not None and end.first:  # «Tháng 3 - Tháng 5/2023», «Từ Quý I đến Quý IV/2026»: one year
            bare = _BARE_MONTH.match(start_text)
            start = _single(f"thang {bare[1]}/{end.first.year}") if bare else _single(f"{start_text}/{end.first.year}")
        if start and end and start.first and end.last and start.first <= end.last:
            return TimeFrame(raw, FrameKind.RANGE, start.first, end.last)
    return None


__all__ = ["FrameKind", "TimeFrame", "parse_time_frame"]
