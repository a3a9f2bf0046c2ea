"""Shared by the legal rules: the days a process is judged on, and the numbers a cited document stands for.

Numbers are recognised and compared by :mod:`qms.legal.citations` (``number_key``, ``numbers_in``, kept importable here).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from qms.i18n import Lang, Message, _
from qms.i18n import day_text as i18n_day
from qms.legal.citations import number_key, numbers_in
from qms.model import LegalDocument, Status
from qms.rules.base import RuleContext


def day_text(day: date) -> Message:
    """A date the way each language writes it (01/07/2025 / 2025-07-01)."""
    return Message(i18n_day(day, Lang.VI), i18n_day(day, Lang.EN))


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


def cited_keys(document: LegalDocument) -> set[str]:
    """Comparable keys of a cited document's number; also when written «Nghị định số 61/2018/NĐ-CP»."""
    found = numbers_in(document.number)
    return {number_key(n) for n in found} if found else {number_key(document.number)}


__all__ = ["CheckDay", "check_days", "cited_keys", "day_text", "number_key", "numbers_in", "out_of_force"]
