"""What ``qms conform`` prints: how a log's dossiers follow their process, as Rich tables (qms.conformance)."""

from __future__ import annotations

from dataclasses import replace

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qms.conformance import KIND_LABELS, Conformance, DeviationKind, StepCount
from qms.conformance.deviations import UNKNOWN
from qms.conformance.groups import CHANNEL_LABELS, GroupConformance
from qms.conformance.timing import StepFigures
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


def minutes_text(minutes: float | None) -> str:
    """Office minutes, whole, «-» when not measured."""
    return "-" if minutes is None else f"{minutes:.0f}"


def effect_text(minutes: float | None) -> str:
    """A difference of office minutes with its sign («+375», «-20»), «-» when not measured."""
    return "-" if minutes is None else f"{minutes:+.0f}"


EFFECT = _("chênh trung vị so với hồ sơ đúng quy trình (phút)")  # a difference of medians, not a cause (docs/conformance.md)


def channel_groups(groups: tuple[GroupConformance, ...], lang: Lang | str) -> tuple[GroupConformance, ...]:
    """The channel groups named as people read them: «2 trực tuyến»."""
    return tuple(replace(g, group=f"{g.group} {CHANNEL_LABELS[g.group].get(lang)}") if g.group in CHANNEL_LABELS else g for g in groups)


def step_table(result: Conformance, process: Process, lang: Lang | str) -> tuple[list[str], list[list[str]]]:
    """The header and rows of the steps' times (texts not escaped), the bottlenecks first; no waiting column when
    the log did not record when steps began."""
    header = [_("bước"), _("số lần"), _("trung vị"), _("phân vị 90"), _("khai báo"), _("vượt khai báo")]
    header += [_("chờ trước (trung vị)")] if result.has_waiting else []
    header += [_("tổng (giờ)")]

    def row(f: StepFigures) -> list[str]:
        cells = [step_name(process, f.step, lang), str(f.executions), minutes_text(f.median_minutes), minutes_text(f.p90_minutes)]
        cells += [minutes_text(f.declared_minutes), share_text(f.over_duration_share)]
        cells += [minutes_text(f.median_waiting_minutes)] if result.has_waiting else []
        return [*cells, f"{f.total_minutes / 60:.1f}"]

    return [h.get(lang) for h in header], [row(f) for f in result.step_figures if f.measured]  # a first event has no time


def bottleneck_lines(result: Conformance, process: Process, lang: Lang | str) -> list[str]:
    """The sentences under the steps' table: the bottlenecks, the steps most often over their duration, how time was measured."""
    lines = []
    if result.bottlenecks:
        steps = ", ".join(
            _("{step} ({hours} giờ)").format(step=step_name(process, f.step, lang), hours=f"{f.total_minutes / 60:.1f}").get(lang)
            for f in result.bottlenecks
        )
        lines.append(_("Bước tắc nghẽn (tổng thời gian các hồ sơ nằm ở bước): {steps}.").format(steps=steps).get(lang))
    if result.over_duration:
        steps = ", ".join(f"{step_name(process, f.step, lang)} ({share_text(f.over_duration_share)})" for f in result.over_duration)
        lines.append(_("Hay vượt thời gian khai báo nhất: {steps}.").format(steps=steps).get(lang))
    if not result.has_waiting:
        lines.append(ONE_TIMESTAMP.get(lang))
    return lines


VARIANT_TIME = _("trung vị (phút)")  # a variant's median time, first event to last, office minutes
ONE_TIMESTAMP = _(
    "Phút làm việc theo lịch (giờ hành chính, trừ nghỉ trưa, cuối tuần, ngày lễ). Nhật ký chỉ ghi một thời điểm cho mỗi "
    "bước: thời gian của bước tính từ sự kiện trước đến sự kiện của bước, gồm cả lúc chờ; thời gian chờ giữa các bước không đo được."
)


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
    for title, groups in (
        (_("tháng"), result.by_month),
        (_("đơn vị"), result.by_unit),
        (_("hình thức"), channel_groups(result.by_channel, lang)),
    ):
        if len(groups) > 1:
            shown.append(_groups(title.get(lang), groups, lang))
    if any(f.measured for f in result.step_figures):
        shown += _steps(result, process, lang)
    shown.append(_variants(result, process, lang))
    if not result.by_step:
        shown.append(Text(_("Mọi hồ sơ đi đúng quy trình.").get(lang), style="green"))
    return shown


def _deviations(result: Conformance, process: Process, lang: Lang | str) -> Table:
    table = Table(title=_("Sai lệch theo loại và bước").get(lang))
    for header, justify in ((_("loại"), "left"), (_("bước / hoạt động"), "left"), (_("số hồ sơ"), "right"), (_("tỷ lệ hồ sơ"), "right")):
        table.add_column(header.get(lang), justify=justify)  # type: ignore[arg-type]
    table.add_column(VARIANT_TIME.get(lang), justify="right")
    table.add_column(EFFECT.get(lang), justify="right")
    for count in result.by_step:
        table.add_row(
            KIND_LABELS[count.kind].get(lang),
            visible(place_name(process, count, lang)),
            str(count.dossiers),
            share_text(count.share),
            minutes_text(count.median_minutes),
            effect_text(count.effect_minutes),
        )
    return table


def _steps(result: Conformance, process: Process, lang: Lang | str) -> list[RenderableType]:
    header, rows = step_table(result, process, lang)
    table = Table(title=_("Thời gian theo bước (phút làm việc; bước giữ hồ sơ lâu nhất trước)").get(lang))
    for i, text in enumerate(header):
        table.add_column(text, justify="left" if i == 0 else "right")
    for row in rows:
        table.add_row(visible(row[0]), *row[1:])
    return [table, *(Text(line) for line in bottleneck_lines(result, process, lang))]


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
    for header, justify in ((_("số hồ sơ"), "right"), (_("độ khớp"), "right"), (VARIANT_TIME, "right"), (_("đường đi"), "left")):
        table.add_column(header.get(lang), justify=justify)  # type: ignore[arg-type]
    for variant in result.variants:
        path = path_text(process, variant.path, lang)
        mark = "" if variant.conforming else " ✗"
        time = minutes_text(result.variant_minutes.get(variant.variant))
        table.add_row(str(variant.variant), str(variant.dossiers), f"{variant.tokens.fitness:.3f}{mark}", time, visible(path))
    return table
