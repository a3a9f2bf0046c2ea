"""Reading an agency's ``calendar.yaml``: office hours, cut-off and its own days, each problem a diagnostic.

The file is read by the process loader's safe YAML reader
(:func:`qms.load.source.read_document`: size limit, no alias bombs, duplicate
keys refused, every value kept as written text with its line and column),
so a calendar is never trusted more than a process file. Every problem of the
content is reported (not only the first), at its line and column, with a hint::

    office_hours: ["07:30-11:30", "13:30-17:00"]   # optional, the default
    cutoff: "15:00"                                # optional, the default; null: none
    days:
      - date: 2025-04-26
        kind: working                              # or: off
        reason: Làm bù cho ngày 02/5/2025
        document: "Thông báo số 6150/TB-BLĐTBXH"
"""

from __future__ import annotations

import difflib
from datetime import date
from pathlib import Path
from typing import Any

from qms.calendar.codes import CalendarCode
from qms.calendar.config import DEFAULT_CUTOFF, DEFAULT_YEARS, CalendarConfig, DayOverride, parse_day
from qms.calendar.errors import ConfigError
from qms.calendar.hours import OfficeHours, parse_period, parse_time
from qms.calendar.national import national_days
from qms.calendar.work_calendar import WorkCalendar
from qms.diagnostics import Diagnostic, Severity, error, sort_key
from qms.i18n import Message, _
from qms.load.source import Document, Path_, SourceError, SourceMap, parse_document, read_document
from qms.model.values import echo

FIELDS = ("office_hours", "cutoff", "days")
ENTRY_FIELDS = ("date", "kind", "reason", "document")
KINDS = {"working": True, "off": False}


def read_config(path: Path | str) -> tuple[CalendarConfig | None, list[Diagnostic]]:
    """The configuration ``path`` holds, or ``None`` and the errors (sorted by place) that keep it from being used."""
    try:
        document = read_document(Path(path))
    except SourceError as exc:
        return None, [exc.diagnostic]
    return config_from_document(document)


def parse_config(text: str, path: Path | str) -> tuple[CalendarConfig | None, list[Diagnostic]]:
    """As :func:`read_config`, from text already read (``path`` names it in diagnostics)."""
    try:
        document = parse_document(text, Path(path))
    except SourceError as exc:
        return None, [exc.diagnostic]
    return config_from_document(document)


def config_from_document(document: Document) -> tuple[CalendarConfig | None, list[Diagnostic]]:
    reader = _Reader(document.source)
    config = reader.read(document.data)
    return (None if reader.problems else config), sorted(reader.problems, key=sort_key)


def load_calendar(path: Path | str, years: tuple[int, int] = DEFAULT_YEARS) -> tuple[WorkCalendar | None, list[Diagnostic]]:
    """The calendar ``path`` configures (national days plus the agency's own), with warnings; ``None`` on any error."""
    config, problems = read_config(path)
    if config is None:
        return None, problems
    calendar = WorkCalendar.build(config, years)
    return calendar, sorted(problems + no_effect(calendar), key=sort_key)


def no_effect(calendar: WorkCalendar) -> list[Diagnostic]:
    """CAL008 for each own day that the national calendar already counts the same way (a mistyped date, a known swap)."""
    national = national_days(calendar.first_year, calendar.last_year)
    found = []
    for entry in calendar.config.days:
        if national.is_working_day(entry.day) != entry.working or entry.location is None:
            continue
        if entry.working:
            message = _("ngày {day} đã là ngày làm việc theo lịch quốc gia: mục này không thay đổi gì").format(day=entry.day.isoformat())
        else:
            why = national.off.get(entry.day) or _("cuối tuần")
            message = _("ngày {day} đã là ngày nghỉ theo lịch quốc gia ({why}): mục này không thay đổi gì").format(
                day=entry.day.isoformat(), why=why
            )
        found.append(Diagnostic(CalendarCode.NO_EFFECT, Severity.WARNING, entry.location, message, _NO_EFFECT_HINT))
    return found


_NO_EFFECT_HINT = _("kiểm tra lại ngày; xoá mục nếu lịch quốc gia đã có")


class _Reader:
    """Walks the document's values, collecting every problem with its place."""

    def __init__(self, source: SourceMap):
        self.source = source
        self.problems: list[Diagnostic] = []

    def report(self, code: str, loc: Path_, message: Message, hint: Message | None = None, *, key: bool = False) -> None:
        location = self.source.key(loc) if key else self.source.value(loc)
        self.problems.append(error(code, location, message, hint))

    def refuse(self, problem: ConfigError, loc: Path_) -> None:
        self.report(problem.code, loc, problem.message, problem.hint)

    def wrong_type(self, loc: Path_, wanted: Message) -> None:
        self.report(
            CalendarCode.SCHEMA,
            loc,
            _("«{field}» phải là {wanted}").format(field=_name(loc), wanted=wanted),
            _("xem mẫu trong docs/calendar.md"),
        )

    def unknown_fields(self, data: dict[str, Any], known: tuple[str, ...], loc: Path_) -> None:
        for name in data:
            if name not in known:
                close = difflib.get_close_matches(str(name), known, n=1)
                hint = (
                    _("có phải «{name}»?").format(name=close[0])
                    if close
                    else _("các trường được dùng: {names}").format(names=", ".join(known))
                )
                message = _("trường lạ «{name}»").format(name=echo(str(name)))
                self.report(CalendarCode.SCHEMA, (*loc, name), message, hint, key=True)

    def read(self, data: Any) -> CalendarConfig | None:
        if not isinstance(data, dict):
            self.wrong_type((), _("một bảng có office_hours, cutoff, days"))
            return None
        self.unknown_fields(data, FIELDS, ())
        hours = self.hours(data.get("office_hours"))
        cutoff = self.cutoff(data["cutoff"]) if "cutoff" in data else DEFAULT_CUTOFF
        days = self.days(data.get("days"))
        return CalendarConfig(hours or OfficeHours(), cutoff, days)

    def hours(self, value: Any) -> OfficeHours | None:
        """The office hours, each period checked against those before it so a problem is shown at its period."""
        if value is None:
            return None
        items = [value] if isinstance(value, str) else value
        if not isinstance(items, list):
            self.wrong_type(("office_hours",), _("danh sách khoảng giờ như «07:30-11:30»"))
            return None
        periods: list[tuple[int, int]] = []
        hours = None
        for i, item in enumerate(items):
            loc: Path_ = ("office_hours",) if isinstance(value, str) else ("office_hours", i)
            if not isinstance(item, str):
                self.wrong_type(loc, _("một khoảng giờ như «07:30-11:30»"))
                return None
            try:
                periods.append(parse_period(item))
                hours = OfficeHours(tuple(periods))
            except ConfigError as problem:
                self.refuse(problem, loc)
                return None
        if hours is None:
            self.refuse(_no_hours(), ("office_hours",))
        return hours

    def cutoff(self, value: Any) -> int | None:
        if value is None:
            return None
        if not isinstance(value, str):
            self.wrong_type(("cutoff",), _("một giờ như «15:00», hoặc null"))
            return DEFAULT_CUTOFF
        try:
            return parse_time(value, CalendarCode.CUTOFF)
        except ConfigError as problem:
            self.refuse(problem, ("cutoff",))
            return DEFAULT_CUTOFF

    def days(self, value: Any) -> tuple[DayOverride, ...]:
        if value is None:
            return ()
        if not isinstance(value, list):
            self.wrong_type(("days",), _("danh sách các ngày"))
            return ()
        found: list[DayOverride] = []
        first_line: dict[date, int] = {}
        for i, item in enumerate(value):
            entry = self.entry(i, item)
            if entry is None:
                continue
            where = self.source.value(("days", i, "date"))
            if entry.day in first_line:
                self.report(
                    CalendarCode.DUPLICATE,
                    ("days", i, "date"),
                    _("ngày {day} đã được khai báo ở dòng {line}").format(day=entry.day.isoformat(), line=first_line[entry.day]),
                    _("giữ một mục và xoá mục còn lại"),
                )
                continue
            first_line[entry.day] = where.line
            found.append(entry)
        return tuple(found)

    def entry(self, i: int, item: Any) -> DayOverride | None:
        loc: Path_ = ("days", i)
        if not isinstance(item, dict):
            self.wrong_type(loc, _("một mục có date, kind, reason, document"))
            return None
        self.unknown_fields(item, ENTRY_FIELDS, loc)
        texts: dict[str, str] = {}
        for name in ENTRY_FIELDS:
            text = self.text(item, name, loc)
            if text is not None:
                texts[name] = text
        day, working = self.day(texts.get("date"), loc), self.kind(texts.get("kind"), loc)
        if day is None or working is None or len(texts) < len(ENTRY_FIELDS):
            return None
        return DayOverride(day, working, texts["reason"], texts["document"], self.source.value((*loc, "date")))

    def text(self, item: dict[str, Any], name: str, loc: Path_) -> str | None:
        """The entry's field ``name`` as non-empty text; CAL004 when missing or empty, CAL001 when not text."""
        value = item.get(name)
        if isinstance(value, str) and value.strip():
            return value.strip()
        if value is not None and not isinstance(value, str):
            self.wrong_type((*loc, name), _("một dòng chữ"))
            return None
        self.report(
            CalendarCode.MISSING,
            (*loc, name) if name in item else loc,
            _("mục thiếu «{name}» ({what})").format(name=name, what=_WHAT[name]),
            _MISSING_HINTS[name],
        )
        return None

    def day(self, text: str | None, loc: Path_) -> date | None:
        if text is None:
            return None
        try:
            return parse_day(text)
        except ConfigError as problem:
            self.refuse(problem, (*loc, "date"))
            return None

    def kind(self, text: str | None, loc: Path_) -> bool | None:
        if text is None:
            return None
        if text.lower() in KINDS:
            return KINDS[text.lower()]
        close = difflib.get_close_matches(text.lower(), list(KINDS), n=1, cutoff=0.5)
        self.report(
            CalendarCode.KIND,
            (*loc, "kind"),
            _("loại ngày «{value}» không rõ").format(value=echo(text)),
            _("có phải «{name}»? Dùng «working» (làm việc, làm bù) hoặc «off» (nghỉ)").format(name=close[0])
            if close
            else _("dùng «working» (làm việc, làm bù) hoặc «off» (nghỉ)"),
        )
        return None


_WHAT = {
    "date": _("ngày"),
    "kind": _("loại: working hoặc off"),
    "reason": _("lý do"),
    "document": _("văn bản thông báo"),
}
_MISSING_HINTS = {
    "date": _("thêm date: 2025-04-26"),
    "kind": _("thêm kind: working (làm bù) hoặc kind: off (nghỉ)"),
    "reason": _("thêm reason: lý do nghỉ hay làm bù"),
    "document": _('thêm document: số, ký hiệu văn bản đã thông báo, ví dụ "Thông báo số .../TB-VPCP"'),
}


def _name(loc: Path_) -> str:
    return ".".join(str(part) for part in loc) or "calendar.yaml"


def _no_hours() -> ConfigError:
    return ConfigError(
        CalendarCode.HOURS,
        _("không có khoảng giờ làm việc nào"),
        _("khai báo ít nhất một khoảng, ví dụ 07:30-11:30"),
    )


__all__ = ["ENTRY_FIELDS", "FIELDS", "KINDS", "config_from_document", "load_calendar", "no_effect", "parse_config", "read_config"]
