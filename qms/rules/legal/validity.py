"""Shared by the legal rules: the days a process is judged on, and how document numbers compare."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from qms.i18n import Message, _
from qms.model import LegalDocument, Status
from qms.rules.base import RuleContext

# "118/2025/NĐ-CP", "03/2025/TT-VPCP", "1330/2025/QĐ-UBND": number, year, symbol.
# Decisions numbered without a year ("1330/QĐ-UBND") are not recognised.
DOCUMENT_NUMBER = re.compile(r"\d+/\d{4}/[A-ZĐa-zđ][A-ZĐa-zđ-]*")
_DASHES = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-"})


def day_text(day: date) -> Message:
    """A date the way each language writes it (01/07/2025 / 2025-07-01)."""
    return Message(day.strftime("%d/%m/%Y"), day.isoformat())


@dataclass(frozen=True)
class CheckDay:
    """A day the process applies on, and how a finding names it."""

    day: date
    label: Message


def check_days(ctx: RuleContext) -> list[CheckDay]:
    """The days on which a process must rest on documents in force; none for an obsolete process.

    That is its effective date (the check date when it has none) and, once it
    has taken effect, also the check date: a document that expired after the
    process was approved must not go on being applied (ISO 9001 7.5.3).
    """
    process, today = ctx.process, day_text(ctx.today)
    if process.status is Status.OBSOLETE:
        return []
    if process.effective_date is None:
        undated = _("ngày kiểm tra ({today}; quy trình chưa có ngày hiệu lực)").format(today=today)
        return [CheckDay(ctx.today, undated)]
    effective = day_text(process.effective_date)
    on_effective = _("ngày hiệu lực của quy trình ({effective})").format(effective=effective)
    days = [CheckDay(process.effective_date, on_effective)]
    if process.effective_date < ctx.today:
        applied = _("ngày kiểm tra ({today}; quy trình đang áp dụng)").format(today=today)
        days.append(CheckDay(ctx.today, applied))
    return days


def out_of_force(document: LegalDocument, days: list[CheckDay]) -> tuple[CheckDay, Message] | None:
    """The first of ``days`` the document is not in force on, with the reason in words."""
    for check in days:
        if document.in_force_on(check.day):
            continue
        until = document.in_force_until
        if until is not None and check.day > until:
            end = day_text(until)
            return check, _("đã hết hiệu lực (ngày cuối còn hiệu lực {end})").format(end=end)
        start = day_text(document.in_force_from or check.day)  # not expired, so it starts after the day
        return check, _("chưa có hiệu lực (có hiệu lực từ {start})").format(start=start)
    return None


def number_key(number: str) -> str:
    """A document number in comparable form: NFC, upper case, Đ as D, no spaces, one kind of dash."""
    text = unicodedata.normalize("NFC", number).upper().replace("Đ", "D").translate(_DASHES)
    return re.sub(r"\s+", "", text)


def numbers_in(text: str) -> list[str]:
    """Document numbers written in a text, as written."""
    # "107 / 2021 / NĐ-CP" is the same number typed loosely.
    text = re.sub(r"\s*/\s*", "/", unicodedata.normalize("NFC", text).translate(_DASHES))
    return [m.rstrip("-") for m in DOCUMENT_NUMBER.findall(text)]


def cited_keys(document: LegalDocument) -> set[str]:
    """Comparable keys of a cited document's number; also when written «Nghị định số 61/2018/NĐ-CP»."""
    found = numbers_in(document.number)
    return {number_key(n) for n in found} if found else {number_key(document.number)}
