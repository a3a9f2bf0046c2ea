"""A procedure's published facts on its process page: code, level, announcement, channels, fees, linked procedures.

What the province publishes about an administrative procedure (qms.model.procedure) is what the one-stop shop's staff
tell citizens: it is shown on the process page as written, in one section, or not at all for an internal process.
"""

from __future__ import annotations

from qms.handbook.html_blocks import table
from qms.handbook.labels import label
from qms.handbook.pages.common import headers, text
from qms.i18n import Lang, _, day_text
from qms.model import Process
from qms.model.procedure import Channel, ChargeKind, Level

LEVEL = {Level.CENTRAL: _("Trung ương (bộ, ngành)"), Level.PROVINCE: _("Cấp tỉnh"), Level.COMMUNE: _("Cấp xã")}
CHANNEL = {
    Channel.DIRECT: _("trực tiếp"),
    Channel.POSTAL: _("bưu chính công ích"),
    Channel.ONLINE_PARTIAL: _("trực tuyến một phần"),
    Channel.ONLINE_FULL: _("trực tuyến toàn trình"),
}
CHARGE_KIND = {ChargeKind.FEE: _("Phí"), ChargeKind.CHARGE: _("Lệ phí")}


def _amount(amount: int, lang: Lang) -> str:
    """«15.000» in Vietnamese, «15,000» in English; «Không thu» for nothing."""
    if amount == 0:
        return label("free", lang)
    grouped = f"{amount:,}"
    return grouped if lang is Lang.EN else grouped.replace(",", ".")


def _facts(process: Process, lang: Lang) -> list[list[str]]:
    facts: list[list[str]] = []
    if process.procedure_code:
        facts.append([label("procedure_code", lang), text(process.procedure_code)])
    if process.level:
        facts.append([label("procedure_level", lang), text(LEVEL[process.level].get(lang))])
    if (announced := process.announcement) is not None:
        when = f" ({day_text(announced.date, lang)})" if announced.date else ""
        facts.append([label("announcement", lang), text(announced.decision + when)])
    service = process.citizen_service
    if service is not None:
        if service.channels:
            facts.append([label("channels", lang), text(", ".join(CHANNEL[c].get(lang) for c in service.channels))])
        for key, value in (
            ("online_reason", service.online_reason),
            ("charges", service.fees),
            ("publication", service.publication),
            ("feedback", service.feedback),
        ):
            if value is not None:
                facts.append([label(key, lang), text(value, lang)])
    return facts


def procedure_section(process: Process, lang: Lang) -> list[str]:
    """The section, or nothing for a process with none of these facts."""
    facts = _facts(process, lang)
    service = process.citizen_service
    charges = service.charges if service else []
    if not (facts or charges or process.linked_procedures):
        return []
    parts = [f"## {label('procedure', lang)}", ""]
    if facts:
        parts.append(table(["", ""], facts))
    if charges:
        rows = [
            [
                text(c.name, lang),
                text(CHARGE_KIND[c.kind].get(lang)),
                text(_amount(c.amount, lang)),
                text(c.per, lang),
                text(c.exemptions, lang),
            ]
            for c in charges
        ]
        parts += [
            f"### {label('charges', lang)}",
            "",
            table(headers(lang, ("charge_name", "charge_kind", "amount", "per", "exemptions")), rows),
        ]
    if process.linked_procedures:
        rows = [[text(p.agency, lang), text(p.name, lang), text(p.procedure_code)] for p in process.linked_procedures]
        parts += [f"### {label('linked_procedures', lang)}", "", table(headers(lang, ("agency", "procedure_name", "procedure_code")), rows)]
    return parts


__all__ = ["procedure_section"]
