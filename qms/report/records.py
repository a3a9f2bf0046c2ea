"""How audit records are shown: the closing sentence of ``qms records validate``, and the Rich tables of
``qms records status`` (nonconformities open, overdue and closed per process and per owner; today's reminders).

Nothing is computed here beyond formatting: every state comes from :mod:`qms.records.status`.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qms.diagnostics import Diagnostic, Severity, visible
from qms.i18n import Lang, Message, _
from qms.records.status import NcLine, NcState, RecordStatus

STATE_LABELS = {NcState.OPEN: _("đang mở"), NcState.OVERDUE: _("quá hạn"), NcState.CLOSED: _("đã đóng")}
STATE_STYLES = {NcState.OPEN: "", NcState.OVERDUE: "red", NcState.CLOSED: "green"}


def records_validate_summary(files: int, read: int, diagnostics: Sequence[Diagnostic], lang: Lang | str) -> Text:
    """``qms records validate``'s closing sentence: files, files usable, errors, warnings and notes found."""
    counts = {s: sum(d.severity is s for d in diagnostics) for s in Severity}
    text = _("Tệp đánh giá: {files}; đọc được: {read}; lỗi: {errors}; cảnh báo: {warnings}; thông tin: {infos}.").format(
        files=files, read=read, errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], infos=counts[Severity.INFO]
    )
    return Text(text.get(lang), style="red" if counts[Severity.ERROR] else "green")


def _count_table(status: RecordStatus, by: str, title: Message, head: Message, lang: Lang | str) -> Table:
    table = Table(title=title.get(lang), header_style="bold")
    table.add_column(head.get(lang))
    for state in NcState:
        table.add_column(STATE_LABELS[state].get(lang), justify="right", style=STATE_STYLES[state])
    for name, counts in status.count(by).items():
        table.add_row(Text(visible(name)), *(str(counts[state]) for state in NcState))
    return table


def _line_text(line: NcLine, lang: Lang | str) -> Text:
    due = line.due.isoformat() if line.due else "-"
    text = _("{audit} / {finding} ({process}, điều {clause}): {owner}, hạn {due}").format(
        audit=line.audit, finding=line.finding, process=line.process or "-", clause=line.clause, owner=line.owner or "-", due=due
    )
    return Text(visible(text.get(lang)))


def _listing(title: Message, lines: Sequence[NcLine], days: Message, lang: Lang | str, style: str) -> Table:
    table = Table(title=title.get(lang), header_style="bold")
    table.add_column(_("điểm không phù hợp").get(lang))
    table.add_column(days.get(lang), justify="right", style=style)
    for line in lines:
        table.add_row(_line_text(line, lang), str(abs(line.days_left or 0)))
    return table


def records_status_summary(status: RecordStatus, lang: Lang | str) -> list[RenderableType]:
    """The header, the counts per process and per owner, the overdue actions and today's reminders."""
    total = len(status.lines)
    header = _("Ngày xét: {as_of}; điểm không phù hợp: {total}; quá hạn: {overdue}.").format(
        as_of=status.as_of.isoformat(), total=total, overdue=len(status.overdue)
    )
    shown: list[RenderableType] = [Text(header.get(lang), style="bold red" if status.overdue else "bold")]
    if not total:
        return shown
    shown.append(_count_table(status, "process", _("Theo quy trình"), _("quy trình"), lang))
    shown.append(_count_table(status, "owner", _("Theo người chịu trách nhiệm"), _("đơn vị, người"), lang))
    if status.overdue:
        shown.append(_listing(_("Hành động khắc phục quá hạn"), status.overdue, _("số ngày quá hạn"), lang, "red"))
    reminders = status.reminders()
    if reminders:
        shown.append(_listing(_("Nhắc hạn hôm nay (7, 3, 1 ngày trước hạn)"), reminders, _("còn (ngày)"), lang, "yellow"))
    return shown


__all__ = ["STATE_LABELS", "records_status_summary", "records_validate_summary"]
