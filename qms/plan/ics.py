"""The reporting due dates of a plan's year as an iCalendar file (RFC 5545), for Outlook, Thunderbird, Google Calendar.

One all-day event (``VEVENT`` with ``DTSTART;VALUE=DATE``) per report due (:func:`qms.plan.periods.reporting_calendar`),
its summary the report and its period, its description the plan, the lead unit, the recipient and the days the
figures are counted over. Written by hand, as RFC 5545 asks: lines end in CRLF and are folded at 75 octets (a
continuation line starts with one space, and a UTF-8 character is never cut); in text values backslash, semicolon,
comma and line breaks are escaped (3.3.11), and characters a TEXT value cannot hold (controls) are replaced. A
``UID`` is built from the plan code, the task id and the period key, so that importing the file again updates the
same events instead of adding copies.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from qms.escape import xml_chars
from qms.i18n import Lang, Message, _
from qms.plan.model import Plan, Recurring
from qms.plan.periods import ReportPeriod, reporting_calendar

PRODID = "-//qms//plan reporting calendar//VI"
LINE_OCTETS = 75  # RFC 5545, 3.1: lines of at most 75 octets, line break excluded
CRLF = "\r\n"


def ics_text(value: object) -> str:
    """``value`` as an RFC 5545 TEXT value (3.3.11): ``\\`` ``;`` ``,`` escaped, line breaks as ``\\n``, controls
    (and what UTF-8 cannot encode) replaced by U+FFFD."""
    text = xml_chars(value).replace("\r\n", "\n").replace("\r", "\n")
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded (3.1): no physical line longer than 75 octets in UTF-8, each continuation after CRLF and a space."""
    lines, current, size = [], "", 0
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > LINE_OCTETS:
            lines.append(current)
            current, size = " ", 1
        current += char
        size += octets
    lines.append(current)
    return CRLF.join(lines)


def _day(day: date) -> str:
    return day.strftime("%Y%m%d")


def _shown(day: date) -> Message:
    return Message(day.strftime("%d/%m/%Y"), day.isoformat())


def _event(plan: Plan, due: date, task: Recurring, period: ReportPeriod, stamp: str, lang: Lang | str) -> list[str]:
    content = Message(task.content.vi, task.content.get(Lang.EN))
    summary = _("Hạn gửi: {content} ({period})").format(content=content, period=period.phrase).get(lang)
    about = [
        Message(plan.title.vi, plan.title.get(Lang.EN)),
        _("Chốt số liệu từ {first} đến {last}").format(first=_shown(period.window_first), last=_shown(period.window_last)),
    ]
    if task.lead:
        lead = next((u.name for u in plan.units if u.id == task.lead), None)
        about.append(_("Đơn vị chủ trì: {unit}").format(unit=lead.get(lang) if lead else task.lead))
    if task.recipient:
        about.append(_("Nơi nhận: {recipient}").format(recipient=task.recipient))
    return [
        "BEGIN:VEVENT",
        f"UID:{ics_text(f'{plan.code}-{task.id}-{period.key}@qms')}",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{_day(due)}",
        f"DTEND;VALUE=DATE:{_day(due + timedelta(days=1))}",
        f"SUMMARY:{ics_text(summary)}",
        f"DESCRIPTION:{ics_text(chr(10).join(line.get(lang) for line in about))}",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def calendar_ics(plan: Plan, year: int, lang: Lang | str = Lang.VI, *, stamp: datetime | None = None) -> str:
    """The reports due for the periods of ``year`` as an iCalendar text (``stamp``: the DTSTAMP, now by default)."""
    when = (stamp or datetime.now(UTC)).astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    name = _("Lịch báo cáo {code} năm {year}").format(code=plan.code, year=year).get(lang)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH", f"X-WR-CALNAME:{ics_text(name)}"]
    for due, task, period in reporting_calendar(plan, year):
        lines += _event(plan, due, task, period, when, lang)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)


def write_ics(plan: Plan, year: int, path: Path, lang: Lang | str = Lang.VI, *, stamp: datetime | None = None) -> None:
    """Write :func:`calendar_ics` to ``path`` (UTF-8, CRLF line ends kept)."""
    Path(path).write_bytes(calendar_ics(plan, year, lang, stamp=stamp).encode("utf-8"))


__all__ = ["LINE_OCTETS", "PRODID", "calendar_ics", "fold", "ics_text", "write_ics"]
