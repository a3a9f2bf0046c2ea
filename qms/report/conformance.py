"""What ``qms conform`` prints: how a log's dossiers follow their process, as Rich tables (qms.conformance)."""

from __future__ import annotations

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qms.conformance import KIND_LABELS, Conformance, DeviationKind, StepCount
from qms.conformance.deviations import UNKNOWN
from qms.conformance.groups import GroupConformance
from qms.diagnostics import visible
from qms.i18n import Lang, _
from qms.model import Process


def share_text(share: float | None) -> str:
    """A share of dossiers (0 to 1) as a percentage, «-» when there is none."""
    return "-" if share is None else f"{100 * share:.1f}%"


def step_name(process: Process, step: str, lang: Lang | str) -> str:
    """A step's name in ``lang`` (its id when the process has no such step)."""
    found = process.steps_by_id.get(step)
    return found.name.get(lang) if found else step


def place_name(process: Process, count: StepCount, lang: Lang | str) -> str:
    """Where a deviation is: the step's name, or the log's own label for an activity not in the process."""
    return count.step if count.kind is DeviationKind.UNKNOWN_ACTIVITY else step_name(process, count.step, lang)


def path_text(process: Process, path: tuple[str, ...], lang: Lang | str) -> str:
    """A variant's path by step names, an activity not in the process by its label: «Tiếp nhận → Gọi điện → …»."""
    return " → ".join(label.removeprefix(UNKNOWN) if label.startswith(UNKNOWN) else step_name(process, label, lang) for label in path)


def conformance_summary(result: Conformance, process: Process, lang: Lang | str) -> list[RenderableType]:
    """The totals, the deviations by kind and step, the most frequent variants."""
    totals = Table(title=_("Tuân thủ quy trình {code}").format(code=process.code).get(lang), show_header=False)
    totals.add_column()
    totals.add_column(justify="right")
    totals.add_row(_("số hồ sơ").get(lang), str(result.dossiers))
    totals.add_row(_("hồ sơ đi đúng quy trình").get(lang), f"{result.conforming} ({share_text(result.conforming_share)})")
    totals.add_row(_("độ khớp của nhật ký (token replay, như pm4py)").get(lang), f"{result.log_fitness:.4f}" if result.dossiers else "-")
    totals.add_row(_("số biến thể (đường đi khác nhau)").get(lang), str(result.variant_count))
    shown: list[RenderableType] = [totals]
    if not result.dossiers:
        return [*shown, Text(_("Nhật ký không có hồ sơ nào để so.").get(lang), style="yellow")]
    if result.by_step:
        shown.append(_deviations(result, process, lang))
    for title, groups in ((_("tháng"), result.by_month), (_("đơn vị"), result.by_unit)):
        if len(groups) > 1:
            shown.append(_groups(title.get(lang), groups, lang))
    shown.append(_variants(result, process, lang))
    if not result.by_step:
        shown.append(Text(_("Mọi hồ sơ đi đúng quy trình.").get(lang), style="green"))
    return shown


def _deviations(result: Conformance, process: Process, lang: Lang | str) -> Table:
    table = Table(title=_("Sai lệch theo loại và bước").get(lang))
    for header, justify in ((_("loại"), "left"), (_("bước / hoạt động"), "left"), (_("số hồ sơ"), "right"), (_("tỷ lệ hồ sơ"), "right")):
        table.add_column(header.get(lang), justify=justify)  # type: ignore[arg-type]
    for count in result.by_step:
        table.add_row(
            KIND_LABELS[count.kind].get(lang), visible(place_name(process, count, lang)), str(count.dossiers), share_text(count.share)
        )
    return table


def _groups(title: str, groups: tuple[GroupConformance, ...], lang: Lang | str) -> Table:
    table = Table(title=_("Theo {what}").format(what=title).get(lang))
    table.add_column(title)
    for header in (_("số hồ sơ"), _("đúng quy trình"), _("độ khớp")):
        table.add_column(header.get(lang), justify="right")
    for group in groups:
        table.add_row(visible(group.group or "-"), str(group.dossiers), share_text(group.share), f"{group.fitness:.3f}")
    return table


def _variants(result: Conformance, process: Process, lang: Lang | str) -> Table:
    table = Table(title=_("Các biến thể thường gặp nhất").get(lang))
    table.add_column("#", justify="right")
    for header, justify in ((_("số hồ sơ"), "right"), (_("độ khớp"), "right"), (_("đường đi"), "left")):
        table.add_column(header.get(lang), justify=justify)  # type: ignore[arg-type]
    for variant in result.variants:
        path = path_text(process, variant.path, lang)
        mark = "" if variant.conforming else " ✗"
        table.add_row(str(variant.variant), str(variant.dossiers), f"{variant.tokens.fitness:.3f}{mark}", visible(path))
    return table
