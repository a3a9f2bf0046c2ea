"""How a measured log is shown: Rich tables for ``qms analyze`` and its JSON, from an :class:`~qms.measure.Analysis`.

Nothing is computed here beyond formatting: every figure comes from :mod:`qms.measure`.
"""

from __future__ import annotations

from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qms.diagnostics import visible
from qms.i18n import Lang, _
from qms.measure import Analysis, Counts, TargetCheck
from qms.model import Measure
from qms.report.payloads import dumps

MEASURE_LABELS = {
    Measure.IN_TIME_RATE: _("trước và đúng hạn"),
    Measure.EARLY_RATE: _("trước hạn"),
    Measure.LATE_RATE: _("quá hạn"),
    Measure.APOLOGY_RATE: _("quá hạn có xin lỗi trước hạn"),
    Measure.ONLINE_RATE: _("tiếp nhận trực tuyến"),
    Measure.FULLY_ONLINE_RATE: _("trực tuyến toàn trình"),
    Measure.MEDIAN_TIME: _("thời gian xử lý, trung vị"),
    Measure.P90_TIME: _("thời gian xử lý, 90% hồ sơ"),
    Measure.TIME_CHANGE: _("thay đổi thời gian so với kỳ gốc"),
}
UNIT_LABELS = {"days": _("ngày làm việc"), "hours": _("giờ làm việc")}
CHANNELS = {"1": _("trực tiếp"), "2": _("trực tuyến"), "3": _("bưu chính")}
BAR = 20  # cells of a full bar


def figure(analysis: Analysis, measure: Measure, value: float | None, lang: Lang | str) -> str:
    """``90.4%``, ``3.7 ngày làm việc``, ``-12.0%`` or ``-`` when nothing could be counted."""
    if value is None:
        return "-"
    if measure in (Measure.MEDIAN_TIME, Measure.P90_TIME):
        return f"{value:.1f} {UNIT_LABELS[analysis.unit].get(lang)}"
    return f"{value:+.1f}%" if measure is Measure.TIME_CHANGE else f"{value:.1f}%"


def _verdict(check: TargetCheck, lang: Lang | str) -> Text:
    if check.met is None:
        return Text(_("không đo được").get(lang), style="yellow")
    return Text(_("đạt").get(lang), style="green") if check.met else Text(_("không đạt").get(lang), style="red")


def _bar(rate: float | None, target: float | None) -> Text:
    """A bar of ``rate`` (%) in BAR cells, ``|`` where the target falls."""
    if rate is None:
        return Text("")
    filled = round(rate / 100 * BAR)
    cells = ["█" if i < filled else "·" for i in range(BAR)]
    if target is not None:
        cells[min(BAR - 1, round(target / 100 * BAR))] = "|"
    return Text("".join(cells), style="green" if target is None or rate >= target else "red")


def header(analysis: Analysis, lang: Lang | str) -> Text:
    log, period = analysis.log, analysis.period
    text = _("Nhật ký: đọc {read} dòng, dùng {used}, loại {rejected}. Kỳ: {first} đến {last}. {counting}.").format(
        read=log.rows_read,
        used=log.rows_used,
        rejected=log.rows_rejected,
        first=period.first.isoformat(),
        last=period.last.isoformat(),
        counting=_capital(analysis.counting.label(lang)),
    )
    return Text(text.get(lang), style="bold")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def totals_table(analysis: Analysis, lang: Lang | str) -> Table:
    c = analysis.total
    table = Table(title=_("Hồ sơ trong kỳ").get(lang), show_header=True, header_style="bold")
    heads = (
        _("tiếp nhận"),
        _("đã giải quyết"),
        _("trước hạn"),
        _("đúng hạn"),
        _("quá hạn"),
        _("chưa xong, quá hạn"),
        _("chưa xong, trong hạn"),
        _("không xét được"),
    )
    for head in heads:
        table.add_column(head.get(lang), justify="right")
    table.add_row(*(str(n) for n in (c.received, c.resolved, c.early, c.on_time, c.late, c.open_overdue, c.open, c.unjudged)))
    return table


def measures_table(analysis: Analysis, lang: Lang | str) -> Table:
    table = Table(title=_("Số đo").get(lang), show_header=True, header_style="bold")
    for head in (_("số đo"), _("giá trị"), _("chỉ tiêu"), _("nguồn"), _("kết quả")):
        table.add_column(head.get(lang))
    for measure in Measure:
        value = analysis.value(measure)
        if measure is Measure.TIME_CHANGE and analysis.baseline is None:
            continue
        found: list[TargetCheck | None] = [c for c in analysis.checks if c.goal.measure is measure] or [None]
        for check in found:
            target = str(check.goal.target) if check else ""
            source = check.goal.source if check else ""
            table.add_row(
                MEASURE_LABELS[measure].get(lang),
                figure(analysis, measure, value, lang),
                visible(target),
                visible(source),
                _verdict(check, lang) if check else "",
            )
    return table


def _rate_target(analysis: Analysis) -> float | None:
    for check in analysis.checks:
        if check.goal.measure is Measure.IN_TIME_RATE and check.goal.target.is_percentage:
            return check.goal.target.value
    return None


def groups_table(analysis: Analysis, lang: Lang | str, monthly: bool = False) -> Table | None:
    groups = analysis.months if monthly else analysis.groups
    if not groups:
        return None
    title = _("Theo tháng") if monthly else _("Theo {by}").format(by=_by_label(analysis.by, lang))
    table = Table(title=title.get(lang), show_header=True, header_style="bold")
    heads = (_("nhóm"), _("tiếp nhận"), _("xét"), _("trước và đúng hạn"), _("trước hạn"), _("quá hạn"), _("xin lỗi"), _("trung vị"), "")
    for head in heads:
        table.add_column(head if isinstance(head, str) else head.get(lang), justify="left" if head in (heads[0], "") else "right")
    target = _rate_target(analysis)
    for group in groups:
        c, rate = group.counts, analysis.value(Measure.IN_TIME_RATE, group.counts)
        table.add_row(
            visible(_group_name(analysis, group.key, lang)),
            str(c.received),
            str(c.judged),
            figure(analysis, Measure.IN_TIME_RATE, rate, lang),
            figure(analysis, Measure.EARLY_RATE, analysis.value(Measure.EARLY_RATE, c), lang),
            str(c.late + c.open_overdue),
            figure(analysis, Measure.APOLOGY_RATE, analysis.value(Measure.APOLOGY_RATE, c), lang),
            _short_time(analysis, c),
            _bar(rate, target),
        )
    return table


def _short_time(analysis: Analysis, counts: Counts) -> str:
    value = analysis.value(Measure.MEDIAN_TIME, counts)
    return "-" if value is None else f"{value:.1f}"


def _by_label(by: object, lang: Lang | str) -> str:
    labels = {"procedure": _("thủ tục"), "unit": _("đơn vị"), "month": _("tháng"), "channel": _("hình thức tiếp nhận")}
    return labels[str(by)].get(lang) if str(by) in labels else str(by)


def _group_name(analysis: Analysis, key: str, lang: Lang | str) -> str:
    if str(analysis.by) == "channel" and key in CHANNELS:
        return f"{key} {CHANNELS[key].get(lang)}"
    return key or "-"


def analysis_summary(analysis: Analysis, lang: Lang | str) -> list[RenderableType]:
    """What ``qms analyze`` prints: the header, the counts, each measure against its target, the groups, the notes."""
    shown: list[RenderableType] = [header(analysis, lang), totals_table(analysis, lang), measures_table(analysis, lang)]
    for table in (groups_table(analysis, lang), None if str(analysis.by) == "month" else groups_table(analysis, lang, monthly=True)):
        if table is not None:
            shown.append(table)
    shown += [Text("• " + note.get(lang), style="yellow") for note in analysis.notes]
    shown.append(_verdict_line(analysis, lang))
    return shown


def _verdict_line(analysis: Analysis, lang: Lang | str) -> Text:
    missed = [c for c in analysis.checks if not c.met]
    if not analysis.checks:
        return Text(_("Không có chỉ tiêu nào để so (thêm --target, hoặc «measure» cho KPI của quy trình).").get(lang))
    if not missed:
        return Text(_("Đạt mọi chỉ tiêu ({n}).").format(n=len(analysis.checks)).get(lang), style="green")
    names = ", ".join(c.goal.source for c in missed)
    return Text(_("Không đạt {n} chỉ tiêu: {names}.").format(n=len(missed), names=visible(names)).get(lang), style="red")


def _counts_dict(analysis: Analysis, counts: Counts) -> dict[str, Any]:
    values = {m.value: analysis.value(m, counts) for m in Measure}
    return {**vars(counts), "judged": counts.judged, "measures": values}


def analysis_json(analysis: Analysis, lang: Lang | str) -> str:
    """The analysis as JSON: period, counting, totals, measures, targets, groups, months, notes."""
    payload = {
        "period": {"from": analysis.period.first.isoformat(), "to": analysis.period.last.isoformat()},
        "counting": analysis.counting.value,
        "unit": analysis.unit,
        "rows": {"read": analysis.log.rows_read, "used": analysis.log.rows_used, "rejected": analysis.log.rows_rejected},
        "total": _counts_dict(analysis, analysis.total),
        "targets": [
            {"measure": c.goal.measure.value, "target": str(c.goal.target), "source": c.goal.source, "actual": c.actual, "met": c.met}
            for c in analysis.checks
        ],
        "by": str(analysis.by) if analysis.by else None,
        "groups": [{"key": g.key, **_counts_dict(analysis, g.counts)} for g in analysis.groups],
        "months": [{"key": g.key, **_counts_dict(analysis, g.counts)} for g in analysis.months],
        "notes": [n.get(lang) for n in analysis.notes],
    }
    return dumps(payload)


__all__ = ["CHANNELS", "MEASURE_LABELS", "UNIT_LABELS", "analysis_json", "analysis_summary", "figure"]
