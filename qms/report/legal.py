"""How the legal register is shown: ``qms legal`` (the register as a table), ``qms legal impact`` (every place a
text is cited) and ``qms legal check`` (the texts out of force on a day, and where they are still cited).

Nothing is computed here beyond formatting: the register comes from :mod:`qms.legal.read`, the places from
:mod:`qms.legal.impact`.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qms.diagnostics import display_path, visible
from qms.i18n import Lang, Message, _
from qms.legal.impact import CitingPlace, OutOfForce
from qms.legal.model import LegalText, TextKind
from qms.legal.register import Register

KIND_LABELS = {
    TextKind.LAW: _("luật"),
    TextKind.DECREE: _("nghị định"),
    TextKind.CIRCULAR: _("thông tư"),
    TextKind.DECISION: _("quyết định"),
    TextKind.STANDARD: _("tiêu chuẩn"),
    TextKind.OTHER: _("khác"),
}


def _day(day: date | None) -> str:
    return day.isoformat() if day else "-"


def _validity(text: LegalText) -> str:
    return f"{_day(text.in_force_from)} – {_day(text.in_force_until)}" if text.in_force_from or text.in_force_until else "-"


def register_table(register: Register, lang: Lang | str) -> Table:
    """One row per text: number, kind, title, validity, what replaced it, whether it was checked against the official text."""
    where = ", ".join(display_path(p) for p in register.files) or _("sổ có sẵn của công cụ").get(lang)
    table = Table(title=_("Sổ văn bản pháp luật ({where})").format(where=where).get(lang), header_style="bold")
    for head in (_("Số, ký hiệu"), _("Loại"), _("Trích yếu"), _("Hiệu lực"), _("Thay thế bởi"), _("Đã xác minh")):
        table.add_column(head.get(lang))
    for text in register.texts:
        change = register.replacement_of(text.number)
        replaced = f"{change.replacement} ({change.effective.isoformat()})" if change else "-"
        checked = _("đã xác minh") if text.verified else _("chưa xác minh")
        table.add_row(
            Text(visible(text.number)),
            KIND_LABELS[text.kind].get(lang),
            Text(visible(text.title.get(lang))),
            _validity(text),
            Text(visible(replaced)),
            Text(checked.get(lang), style="green" if text.verified else "yellow"),
        )
    return table


def places_table(title: Message, places: Sequence[CitingPlace], lang: Lang | str) -> Table:
    """Each citing place: the process, the step (if in one), file:line, and the number as written there."""
    table = Table(title=title.get(lang), header_style="bold")
    for head in (_("Quy trình"), _("Bước"), _("Vị trí"), _("Viết là")):
        table.add_column(head.get(lang))
    for place in places:
        where = f"{display_path(place.location.path)}:{place.location.line}"
        table.add_row(place.process, place.step or "-", where, Text(visible(place.written)))
    return table


def impact_summary(number: str, places: Sequence[CitingPlace], lang: Lang | str) -> list[RenderableType]:
    """``qms legal impact``: every place the text is cited, or a sentence saying no process cites it."""
    if not places:
        return [Text(_("không quy trình nào viện dẫn «{number}»").format(number=number).get(lang), style="green")]
    processes = len({p.process for p in places})
    title = _("«{number}» được viện dẫn {count} lần trong {processes} quy trình").format(
        number=number, count=len(places), processes=processes
    )
    return [places_table(title, places, lang)]


def out_of_force_summary(found: Sequence[OutOfForce], day: date, lang: Lang | str) -> list[RenderableType]:
    """``qms legal check``: each text not in force on ``day``, why, and where it is still cited."""
    if not found:
        return [Text(_("ngày {day}: mọi văn bản trong sổ đều đang có hiệu lực").format(day=day.isoformat()).get(lang), style="green")]
    shown: list[RenderableType] = []
    table = Table(title=_("Văn bản không có hiệu lực ngày {day}").format(day=day.isoformat()).get(lang), header_style="bold")
    for head in (_("Số, ký hiệu"), _("Tình trạng"), _("Số chỗ viện dẫn")):
        table.add_column(head.get(lang))
    for item in found:
        style = "red" if item.places else ""
        table.add_row(Text(visible(item.text.number)), Text(visible(item.why.get(lang))), Text(str(len(item.places)), style=style))
    shown.append(table)
    for item in found:
        if item.places:
            title = _("Nơi còn viện dẫn «{number}»").format(number=item.text.number)
            shown.append(places_table(title, item.places, lang))
    return shown


__all__ = ["KIND_LABELS", "impact_summary", "out_of_force_summary", "places_table", "register_table"]
