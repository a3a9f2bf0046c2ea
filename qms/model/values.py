"""Value types written as text in process files: durations, targets, retention.

Each parses the Vietnamese (and English) way people write these values in
agencies' documents, keeps the original text for display, and raises a
``PydanticCustomError`` whose type (``qms_duration`` ...) the loader turns
into a bilingual message with a hint.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator, GetCoreSchemaHandler, GetJsonSchemaHandler, StringConstraints, WithJsonSchema
from pydantic_core import PydanticCustomError, core_schema

# A civil servant's working day is 8 hours (Labour Code 2019 Art. 105: at
# most 8 hours a day in normal hours) [M: agencies' own rules may differ].
MINUTES_PER_WORKING_DAY = 8 * 60
# Longest duration or retention period accepted: anything longer is a typo (a number written
# with too many digits), and unbounded numbers overflow later ("1" followed by 400 zeros is
# infinity as a float; 5,000 digits cannot even be read as an int).
MAX_YEARS = 100
MAX_DURATION_MINUTES = math.ceil(MAX_YEARS * 365 * 5 / 7) * MINUTES_PER_WORKING_DAY
MAX_RETENTION_MONTHS = MAX_YEARS * 12


@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """Lowercase and strip diacritics ("Ngày Làm Việc" -> "ngay lam viec")."""
    text = unicodedata.normalize("NFD", text.lower()).replace("đ", "d")
    return "".join(c for c in text if not unicodedata.combining(c))


def label_key(text: str) -> str:
    """``text`` as step labels are compared (a log's activities, a step's aliases): NFC, no diacritics, lower case,
    runs of spaces made one («Thẩm định  hồ sơ» = «tham dinh ho so»)."""
    return " ".join(fold(unicodedata.normalize("NFC", text)).split())


class TimeUnit(StrEnum):
    MINUTE = "minute"
    HOUR = "hour"
    WORKING_DAY = "working_day"
    CALENDAR_DAY = "calendar_day"


# Unit words after folding; longest first so "ngay lam viec" wins over "ngay".
_UNITS: list[tuple[str, TimeUnit | None]] = sorted(
    [
        ("ngay lam viec", TimeUnit.WORKING_DAY),
        ("working days", TimeUnit.WORKING_DAY),
        ("working day", TimeUnit.WORKING_DAY),
        ("wd", TimeUnit.WORKING_DAY),
        ("ngay lich", TimeUnit.CALENDAR_DAY),
        ("calendar days", TimeUnit.CALENDAR_DAY),
        ("calendar day", TimeUnit.CALENDAR_DAY),
        ("gio lam viec", TimeUnit.HOUR),
        ("working hours", TimeUnit.HOUR),
        ("working hour", TimeUnit.HOUR),
        ("gio", TimeUnit.HOUR),
        ("tieng", TimeUnit.HOUR),
        ("hours", TimeUnit.HOUR),
        ("hour", TimeUnit.HOUR),
        ("h", TimeUnit.HOUR),
        ("phut", TimeUnit.MINUTE),
        ("minutes", TimeUnit.MINUTE),
        ("minute", TimeUnit.MINUTE),
        ("min", TimeUnit.MINUTE),
        ("ph", TimeUnit.MINUTE),
        ("p", TimeUnit.MINUTE),
        # A bare "day" is ambiguous in law (working or calendar): refused with a hint.
        ("ngay", None),
        ("days", None),
        ("day", None),
    ],
    key=lambda pair: -len(pair[0]),
)
_UNIT_RE = "|".join(re.escape(word) for word, _ in _UNITS)
_PART_RE = re.compile(rf"\s*(\d+(?:[.,]\d+)?)\s*({_UNIT_RE})(?![a-z])\s*")
_UNIT_OF = dict(_UNITS)


def echo(text: str) -> str:
    """``text`` as an error message quotes it: shortened when very long (a line of 400 nines)."""
    return text if len(text) <= 60 else f"{text[:40]}…{text[-12:]}"


class _ParsedFromText:
    """Mixin: pydantic validates the type by calling ``cls.parse`` on the text."""

    @classmethod
    def parse(cls, text: str) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    @classmethod
    def __get_pydantic_core_schema__(cls, source: Any, handler: GetCoreSchemaHandler) -> core_schema.CoreSchema:
        def validate(value: Any) -> Any:
            if isinstance(value, cls):
                return value
            if isinstance(value, bool) or not isinstance(value, (str, int, float)):
                raise PydanticCustomError(f"qms_{cls.__name__.lower()}", "invalid", {"value": echo(str(value))})
            try:
                text = str(value)
            except ValueError:  # an int of more than 4,300 digits cannot be written out
                raise PydanticCustomError(f"qms_{cls.__name__.lower()}_too_large", "too large", {"value": "…", "years": MAX_YEARS}) from None
            return parse(text)

        # The same texts recur across steps and processes ("4 giờ", ">= 95%"); values are frozen, so share them.
        parse = lru_cache(maxsize=4096)(cls.parse)

        return core_schema.no_info_plain_validator_function(validate, serialization=core_schema.plain_serializer_function_ser_schema(str))


# A same-day deadline as officers write it («trả trong ngày»: Circular 21/2019/TT-BGDĐT Art. 31 for certified copies).
_SAME_DAY = ("trong ngay", "trong ngay lam viec", "trong cung ngay", "same day", "same working day", "within the day")


@dataclass(frozen=True)
class Duration(_ParsedFromText):
    """A span of working time, as written (``text``) and in working minutes.

    Calendar days are converted at 5 working days per 7 calendar days,
    rounded up to whole working days; ``approximate`` says so, because the
    exact figure depends on the dates and holidays (see ``qms.calendar``).
    """

    text: str
    minutes: int
    approximate: bool = False

    @property
    def working_days(self) -> float:
        return self.minutes / MINUTES_PER_WORKING_DAY

    @property
    def same_day(self) -> bool:
        """«trong ngày» (or 0): a deadline due at the close of the day the clock starts, which after the cut-off hour
        is the next working day (qms.calendar); the work must fit in one working day."""
        return self.minutes == 0

    @property
    def work_minutes(self) -> int:
        """The most working time the deadline leaves for the work (QMS302, the audit's timing checks): its minutes, or
        one working day for a same-day deadline."""
        return MINUTES_PER_WORKING_DAY if self.same_day else self.minutes

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str) -> Duration:
        raw = str(text).strip()
        folded = fold(raw)
        if re.fullmatch(r"0+", folded) or " ".join(folded.split()) in _SAME_DAY:
            return cls(raw, 0)
        pos, minutes, approximate = 0, 0.0, False
        for match in _PART_RE.finditer(folded):
            if match.start() != pos:
                break
            number = float(match.group(1).replace(",", "."))
            unit = _UNIT_OF[match.group(2)]
            if unit is None:
                raise PydanticCustomError("qms_duration_bare_day", "ambiguous day unit", {"value": echo(raw), "n": echo(match.group(1))})
            if not number <= MAX_DURATION_MINUTES:  # every unit is at least a minute; also refuses inf (400 digits)
                raise PydanticCustomError("qms_duration_too_large", "duration too long", {"value": echo(raw), "years": MAX_YEARS})
            if unit is TimeUnit.CALENDAR_DAY:
                minutes += math.ceil(number * 5 / 7) * MINUTES_PER_WORKING_DAY
                approximate = True
            else:
                minutes += number * {TimeUnit.MINUTE: 1, TimeUnit.HOUR: 60, TimeUnit.WORKING_DAY: MINUTES_PER_WORKING_DAY}[unit]
            pos = match.end()
        if pos == 0 or pos != len(folded):
            raise PydanticCustomError("qms_duration", "invalid duration", {"value": echo(raw)})
        if minutes > MAX_DURATION_MINUTES:
            raise PydanticCustomError("qms_duration_too_large", "duration too long", {"value": echo(raw), "years": MAX_YEARS})
        return cls(raw, round(minutes), approximate)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {
            "type": "string",
            "description": "Thời lượng / duration: «3 ngày làm việc», «4 giờ», «4h», «30 phút», «10 ngày lịch», «trong ngày» "
            "(thời hạn trả trong ngày / a same-day deadline)",
            "examples": ["5 ngày làm việc", "4h", "30 phút", "1 ngày làm việc 4 giờ", "trong ngày"],
        }


class Comparison(StrEnum):
    AT_LEAST = ">="
    AT_MOST = "<="
    MORE_THAN = ">"
    LESS_THAN = "<"
    EQUAL = "="


_COMPARISON_WORDS = {
    ">=": Comparison.AT_LEAST,
    "≥": Comparison.AT_LEAST,
    "=>": Comparison.AT_LEAST,
    "<=": Comparison.AT_MOST,
    "≤": Comparison.AT_MOST,
    "=<": Comparison.AT_MOST,
    ">": Comparison.MORE_THAN,
    "<": Comparison.LESS_THAN,
    "=": Comparison.EQUAL,
    "==": Comparison.EQUAL,
}
_TARGET_RE = re.compile(r"^\s*(>=|<=|=>|=<|==|≥|≤|>|<|=)?\s*(\d+(?:[.,]\d+)?)\s*(%|.*?)\s*$")


@dataclass(frozen=True)
class Target(_ParsedFromText):
    """A KPI target such as ``>= 95%``; a bare ``100%`` means "at least"."""

    text: str
    comparison: Comparison
    value: float
    unit: str  # "%", a duration text, or a free unit word ("điểm"); "" for a plain number

    @property
    def is_percentage(self) -> bool:
        return self.unit == "%"

    def is_met_by(self, actual: float) -> bool:
        return {
            Comparison.AT_LEAST: actual >= self.value,
            Comparison.AT_MOST: actual <= self.value,
            Comparison.MORE_THAN: actual > self.value,
            Comparison.LESS_THAN: actual < self.value,
            Comparison.EQUAL: actual == self.value,
        }[self.comparison]

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str) -> Target:
        raw = str(text).strip()
        match = _TARGET_RE.match(raw)
        if not match:
            raise PydanticCustomError("qms_target", "invalid target", {"value": echo(raw)})
        word, number, unit = match.groups()
        comparison = _COMPARISON_WORDS[word] if word else Comparison.AT_LEAST
        value = float(number.replace(",", "."))
        if unit == "%" and not 0 <= value <= 100:
            raise PydanticCustomError("qms_target", "invalid target", {"value": echo(raw)})
        if not math.isfinite(value):  # more than 308 digits: infinity as a float
            raise PydanticCustomError("qms_target_too_large", "target too large", {"value": echo(raw)})
        return cls(raw, comparison, value, unit)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"type": ["string", "number"], "description": "Chỉ tiêu / target: «>= 95%», «100%», «<= 2 ngày làm việc»", "examples": [">= 95%", "100%"]}


_RETENTION_RE = re.compile(r"^\s*(\d+)\s*(nam|years?|thang|months?)\s*$")
_PERMANENT = {"vinh vien", "permanent", "permanently", "lau dai"}


@dataclass(frozen=True)
class Retention(_ParsedFromText):
    """How long a record is kept: a number of months, or permanently (``None``)."""

    text: str
    months: int | None

    @property
    def permanent(self) -> bool:
        return self.months is None

    def __str__(self) -> str:
        return self.text

    @classmethod
    def parse(cls, text: str) -> Retention:
        raw = str(text).strip()
        folded = fold(raw)
        if folded in _PERMANENT:
            return cls(raw, None)
        match = _RETENTION_RE.match(folded)
        digits = match.group(1).lstrip("0") if match else ""
        # int() refuses more than 4,300 digits (ValueError); a number of more than 6 is too long anyway.
        n = int(digits or "0") if len(digits) <= 6 else MAX_RETENTION_MONTHS + 1
        if not match or n == 0:
            raise PydanticCustomError("qms_retention", "invalid retention", {"value": echo(raw)})
        months = n * 12 if match.group(2).startswith(("nam", "year")) else n
        if months > MAX_RETENTION_MONTHS:
            raise PydanticCustomError("qms_retention_too_large", "retention too long", {"value": echo(raw), "years": MAX_YEARS})
        return cls(raw, months)

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return {"type": "string", "description": "Thời hạn lưu trữ / retention: «5 năm», «18 tháng», «vĩnh viễn»", "examples": ["5 năm", "vĩnh viễn"]}


_VN_DATE = re.compile(r"^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$")


def _date_input(value: Any) -> Any:
    """Accept ISO dates and the Vietnamese day/month/year form (01/7/2025)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str):
        match = _VN_DATE.match(value)
        if match:
            day, month, year = (int(g) for g in match.groups())
            try:
                return date(year, month, day)
            except ValueError:
                return value
    return value


Date = Annotated[
    date,
    BeforeValidator(_date_input),
    WithJsonSchema(
        {
            "type": "string",
            "description": "Ngày / date: 2025-07-01 hoặc 01/07/2025",
            "pattern": r"^(\d{4}-\d{2}-\d{2}|\d{1,2}[/.-]\d{1,2}[/.-]\d{4})$",
        }
    ),
]

# The code of an administrative procedure in the national database (mã TTHC), «1.005092»; a province's portal may
# add parts after it («1.005092.000.00.00.H31»).
PROCEDURE_CODE_PATTERN = r"^\d\.\d{6}(?:\.[0-9A-Z]+)*$"
# An unquoted «1.005092» is a number to a YAML editor, as a version is.
ProcedureCode = Annotated[
    str,
    StringConstraints(pattern=PROCEDURE_CODE_PATTERN),
    WithJsonSchema({"type": ["string", "number"], "pattern": PROCEDURE_CODE_PATTERN}),
]

# An hour of the day, «15:00». YAML 1.1 (PyYAML) reads an unquoted 15:00 as the base-60 number 900: taken back.
CLOCK_TIME_PATTERN = r"^([01]\d|2[0-3]):[0-5]\d$"


def _clock_time(value: Any) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return f"{value // 60:02d}:{value % 60:02d}"
    return value


ClockTime = Annotated[
    str,
    BeforeValidator(_clock_time),
    StringConstraints(pattern=CLOCK_TIME_PATTERN),
    WithJsonSchema({"type": "string", "pattern": CLOCK_TIME_PATTERN, "description": "Giờ trong ngày / hour of the day, e.g. 15:00"}),
]
