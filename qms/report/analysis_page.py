"""The report of a measured dossier log, as a Markdown page (the handbook, a repository) or a standalone HTML page.

What it says: the period, which counting was used, the rows of the log read, used and rejected, the dossiers of
the period, each measure against its target (met or missed), and three charts, each with the same figures in a
table beside it: the share resolved early or on time by month (with the target line), the working time used,
and the late dossiers by unit. Nothing is computed here beyond formatting: every figure comes from
:class:`~qms.measure.Analysis`.

The page is first a list of blocks (headings, paragraphs, tables, charts) holding plain text; each format then
escapes every text for itself (:mod:`qms.report.escaping`): unit names, procedure codes and KPI names are data.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from qms.escape import html_text, markdown_text
from qms.i18n import Lang, _
from qms.measure import Analysis, TargetCheck
from qms.model import Measure
from qms.report import charts
from qms.report.analysis import CHANNELS, MEASURE_LABELS, figure

# The working-time unit in the sentences that name it (English has plurals there; UNIT_LABELS follow a figure).
UNIT_TEXTS = {
    "days": {
        "intro": _("Thời gian tính bằng ngày làm việc."),
        "axis": _("số ngày làm việc đã dùng (làm tròn xuống)"),
        "head": _("số ngày làm việc đã dùng"),
        "about": _("Mỗi cột là số hồ sơ đã giải quyết đã dùng từ n đến dưới n + 1 ngày làm việc (n ở dưới cột)."),
    },
    "hours": {
        "intro": _("Thời gian tính bằng giờ làm việc."),
        "axis": _("số giờ làm việc đã dùng (làm tròn xuống)"),
        "head": _("số giờ làm việc đã dùng"),
        "about": _("Mỗi cột là số hồ sơ đã giải quyết đã dùng từ n đến dưới n + 1 giờ làm việc (n ở dưới cột)."),
    },
}
HISTOGRAM_CAP = 30  # qms.measure puts every dossier that used this many units or more in the last bin
CHART_KEYS = ("months", "time", "late", "steps")  # the charts of a report, in order (ids in the page, names of their files)


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2


@dataclass(frozen=True)
class Paragraph:
    text: str


@dataclass(frozen=True)
class Items:
    texts: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = field(default_factory=frozenset)  # columns aligned right


@dataclass(frozen=True)
class Figure:
    key: str  # one of CHART_KEYS
    title: str
    svg: str


Block = Heading | Paragraph | Items | Table | Figure


def _intro(analysis: Analysis, lang: Lang | str) -> Items:
    period, log = analysis.period, analysis.log
    lines = [
        _("Kỳ đo: từ {first} đến {last}.").format(first=period.first.isoformat(), last=period.last.isoformat()),
        _("Cách tính: {counting}.").format(counting=analysis.counting.label(lang)),
        _("Nhật ký hồ sơ: đọc {read} dòng, dùng {used}, loại {rejected}.").format(
            read=log.rows_read, used=log.rows_used, rejected=log.rows_rejected
        ),
        UNIT_TEXTS[analysis.unit]["intro"],
    ]
    if analysis.baseline_period is not None:
        base = analysis.baseline_period
        lines.append(_("Kỳ gốc: từ {first} đến {last}.").format(first=base.first.isoformat(), last=base.last.isoformat()))
    return Items([line.get(lang) for line in lines])


def _totals(analysis: Analysis, lang: Lang | str) -> list[Block]:
    c = analysis.total
    heads = (
        *(_("tiếp nhận"), _("đã giải quyết"), _("trước hạn"), _("đúng hạn"), _("quá hạn")),
        *(_("chưa xong, quá hạn"), _("chưa xong, trong hạn"), _("không xét được")),
    )
    numbers = (c.received, c.resolved, c.early, c.on_time, c.late, c.open_overdue, c.open, c.unjudged)
    rows = [[head.get(lang), str(n)] for head, n in zip(heads, numbers, strict=True)]
    return [Heading(_("Hồ sơ trong kỳ").get(lang)), Table([_("trạng thái").get(lang), _("số hồ sơ").get(lang)], rows, frozenset({1}))]


def _verdict(check: TargetCheck | None, lang: Lang | str) -> str:
    if check is None:
        return ""
    if check.met is None:
        return _("không đo được").get(lang)
    return (_("đạt") if check.met else _("không đạt")).get(lang)


def _source(check: TargetCheck | None, lang: Lang | str) -> str:
    if check is None:
        return ""
    name = check.goal.name.get(lang) if check.goal.name is not None else ""
    return f"{check.goal.source} — {name}" if name else check.goal.source


def _verdict_line(analysis: Analysis, lang: Lang | str) -> str:
    missed = [c for c in analysis.checks if not c.met]
    if not analysis.checks:
        return _("Không có chỉ tiêu nào để so.").get(lang)
    if not missed:
        return _("Đạt mọi chỉ tiêu ({n}).").format(n=len(analysis.checks)).get(lang)
    return _("Không đạt {n} chỉ tiêu: {names}.").format(n=len(missed), names=", ".join(c.goal.source for c in missed)).get(lang)


def _measures(analysis: Analysis, lang: Lang | str) -> list[Block]:
    rows = []
    for measure in Measure:
        if measure is Measure.TIME_CHANGE and analysis.baseline is None:
            continue
        value = figure(analysis, measure, analysis.value(measure), lang)
        found: list[TargetCheck | None] = [c for c in analysis.checks if c.goal.measure is measure] or [None]
        for check in found:
            target = str(check.goal.target) if check else ""
            rows.append([MEASURE_LABELS[measure].get(lang), value, target, _source(check, lang), _verdict(check, lang)])
    heads = [h.get(lang) for h in (_("số đo"), _("giá trị"), _("chỉ tiêu"), _("nguồn"), _("kết quả"))]
    return [Heading(_("Số đo và chỉ tiêu").get(lang)), Table(heads, rows, frozenset({1})), Paragraph(_verdict_line(analysis, lang))]


def rate_check(analysis: Analysis) -> TargetCheck | None:
    """The target of the share early or on time, in %, when one is set: the line on the monthly chart."""
    return next((c for c in analysis.checks if c.goal.measure is Measure.IN_TIME_RATE and c.goal.target.is_percentage), None)


def _month_chart(analysis: Analysis, lang: Lang | str) -> list[Block]:
    title = _("Tỷ lệ hồ sơ trước và đúng hạn theo tháng").get(lang)
    check = rate_check(analysis)
    bars, rows = [], []
    for group in analysis.months:
        rate = analysis.value(Measure.IN_TIME_RATE, group.counts)
        shown = figure(analysis, Measure.IN_TIME_RATE, rate, lang)
        tone = "base" if check is None or rate is None else ("good" if check.goal.target.is_met_by(round(rate, 6)) else "bad")
        bars.append(charts.Bar(group.key, rate, shown, tone))
        c = group.counts
        rows.append([group.key, str(c.judged), str(c.early + c.on_time), str(c.late + c.open_overdue), shown])
    blocks: list[Block] = [Heading(title)]
    if not any(b.value is not None for b in bars):
        return [*blocks, Paragraph(_("Không có hồ sơ nào được xét trong kỳ.").get(lang))]
    figures = ", ".join(f"{b.label}: {b.shown}" for b in bars)
    if check is not None:
        target = _("chỉ tiêu {target}").format(target=str(check.goal.target)).get(lang)
        line = charts.Line(check.goal.target.value, target)
        about = _("Mỗi cột là tỷ lệ hồ sơ trước và đúng hạn trong số hồ sơ được xét của một tháng; đường ngang là {target}.")
        description = about.format(target=target).get(lang) + " " + figures
    else:
        line, description = (
            None,
            _("Mỗi cột là tỷ lệ hồ sơ trước và đúng hạn trong số hồ sơ được xét của một tháng.").get(lang) + " " + figures,
        )
    chart = charts.Chart("qms-chart-months", title, description, _("tháng").get(lang))
    heads = [h.get(lang) for h in (_("tháng"), _("xét"), _("trước và đúng hạn"), _("quá hạn"), _("tỷ lệ trước và đúng hạn"))]
    svg = charts.column_chart(chart, bars, top=100.0, line=line, percent=True)
    return [*blocks, Figure("months", title, svg), Table(heads, rows, frozenset({1, 2, 3, 4}))]


def _bin_label(units: int) -> str:
    return f"≥ {units}" if units >= HISTOGRAM_CAP else f"{units}–{units + 1}"


def _time_chart(analysis: Analysis, lang: Lang | str) -> list[Block]:
    words = {key: text.get(lang) for key, text in UNIT_TEXTS[analysis.unit].items()}
    title = _("Thời gian xử lý hồ sơ đã giải quyết").get(lang)
    if not analysis.histogram:
        return [Heading(title), Paragraph(_("Không có hồ sơ nào đã giải quyết có thời gian xử lý.").get(lang))]
    counts = dict(analysis.histogram)
    bins = range(max(counts) + 1)
    bars = [charts.Bar(f"{b}+" if b >= HISTOGRAM_CAP else str(b), counts.get(b, 0), str(counts.get(b, 0))) for b in bins]
    figures = ", ".join(f"{_bin_label(b)}: {counts.get(b, 0)}" for b in bins)
    chart = charts.Chart("qms-chart-time", title, words["about"] + " " + figures, words["axis"])
    heads = [words["head"], _("số hồ sơ").get(lang)]
    rows = [[_bin_label(b), str(counts.get(b, 0))] for b in bins]
    return [Heading(title), Figure("time", title, charts.column_chart(chart, bars)), Table(heads, rows, frozenset({1}))]


def _late_chart(analysis: Analysis, lang: Lang | str) -> list[Block]:
    title = _("Hồ sơ quá hạn theo đơn vị").get(lang)
    if not analysis.late_by_unit:
        return [Heading(title), Paragraph(_("Không có hồ sơ quá hạn.").get(lang))]
    no_unit = _("(không ghi đơn vị)").get(lang)
    named = [(unit or no_unit, n) for unit, n in analysis.late_by_unit]
    about = _("Mỗi thanh là số hồ sơ quá hạn (đã giải quyết quá hạn, hoặc chưa xong mà đã quá hạn) của một đơn vị.").get(lang)
    return _late_rows("late", title, about, _("đơn vị").get(lang), named, lang)


def _step_chart(analysis: Analysis, lang: Lang | str) -> list[Block]:
    """Event logs only: for each step, the late dossiers it took the most working time of."""
    if not analysis.late_by_step:
        return []
    title = _("Hồ sơ quá hạn theo bước chậm nhất").get(lang)
    about = _("Mỗi thanh là số hồ sơ quá hạn mà bước này chiếm nhiều thời gian làm việc nhất (không tính thời gian chờ bổ sung).").get(lang)
    return _late_rows("steps", title, about, _("bước").get(lang), analysis.late_by_step, lang)


def _late_rows(key: str, title: str, about: str, head: str, named: list[tuple[str, int]], lang: Lang | str) -> list[Block]:
    figures = ", ".join(f"{name}: {n}" for name, n in named)
    chart = charts.Chart(f"qms-chart-{key}", title, about + " " + figures, _("hồ sơ quá hạn").get(lang))
    svg = charts.row_chart(chart, [charts.Bar(name, n, str(n), "bad") for name, n in named])
    table = Table([head, _("hồ sơ quá hạn").get(lang)], [[name, str(n)] for name, n in named], frozenset({1}))
    return [Heading(title), Paragraph(about), Figure(key, title, svg), table]


def _groups(analysis: Analysis, lang: Lang | str) -> list[Block]:
    if not analysis.groups or str(analysis.by) == "month":
        return []
    labels = {"procedure": _("thủ tục"), "unit": _("đơn vị"), "channel": _("hình thức tiếp nhận")}
    by = labels[str(analysis.by)].get(lang) if str(analysis.by) in labels else str(analysis.by)
    rows = []
    for group in analysis.groups:
        name = (
            f"{group.key} {CHANNELS[group.key].get(lang)}" if str(analysis.by) == "channel" and group.key in CHANNELS else group.key or "-"
        )
        c, rate = group.counts, analysis.value(Measure.IN_TIME_RATE, group.counts)
        rows.append(
            [name, str(c.received), str(c.judged), figure(analysis, Measure.IN_TIME_RATE, rate, lang), str(c.late + c.open_overdue)]
        )
    heads = [h.get(lang) for h in (_("nhóm"), _("tiếp nhận"), _("xét"), _("trước và đúng hạn"), _("quá hạn"))]
    return [Heading(_("Theo {by}").format(by=by).get(lang)), Table(heads, rows, frozenset({1, 2, 3, 4}))]


def report_title(lang: Lang | str = Lang.VI, name: str | None = None) -> str:
    """«Kết quả giải quyết hồ sơ», or «Kết quả giải quyết hồ sơ — ``name``» (a process's title): plain text."""
    title = _("Kết quả giải quyết hồ sơ").get(lang)
    return f"{title} — {name}" if name else title


def report_blocks(analysis: Analysis, lang: Lang | str = Lang.VI, title: str | None = None) -> list[Block]:
    """The report as blocks of plain text, in order; :func:`analysis_markdown` and :func:`analysis_html` write them."""
    blocks: list[Block] = [Heading(title or report_title(lang), 1), _intro(analysis, lang)]
    blocks += _totals(analysis, lang) + _measures(analysis, lang) + _groups(analysis, lang)
    blocks += _month_chart(analysis, lang) + _time_chart(analysis, lang) + _late_chart(analysis, lang) + _step_chart(analysis, lang)
    if analysis.notes:
        blocks += [Heading(_("Ghi chú").get(lang)), Items([note.get(lang) for note in analysis.notes])]
    return blocks


def analysis_charts(analysis: Analysis, lang: Lang | str = Lang.VI) -> dict[str, str]:
    """The report's charts, key (:data:`CHART_KEYS`) -> SVG; a chart with nothing to show is left out."""
    return {b.key: b.svg for b in report_blocks(analysis, lang) if isinstance(b, Figure)}


def _markdown_table(table: Table) -> list[str]:
    cells = lambda row: "| " + " | ".join(markdown_text(cell) or " " for cell in row) + " |"  # noqa: E731
    # No «---:»: Python-Markdown would align with a style attribute, which the handbook's allow-list removes.
    rule = "|" + "|".join("---" for _header in table.headers) + "|"
    return [cells(table.headers), rule, *(cells(row) for row in table.rows), ""]


def _markdown_block(block: Block, chart_files: Mapping[str, str] | None) -> list[str]:
    if isinstance(block, Heading):
        return ["#" * block.level + " " + markdown_text(block.text), ""]
    if isinstance(block, Paragraph):
        return [markdown_text(block.text), ""]
    if isinstance(block, Items):
        return [*(f"- {markdown_text(text)}" for text in block.texts), ""]
    if isinstance(block, Table):
        return _markdown_table(block)
    if chart_files is not None and block.key in chart_files:
        data = html_text(chart_files[block.key])
        return [f'<object class="qms-chart" type="image/svg+xml" data="{data}">{html_text(block.title)}</object>', ""]
    # A raw HTML block (Markdown leaves its content alone up to the blank line after it; the SVG has none).
    return ['<div class="qms-chart">', block.svg, "</div>", ""]


def analysis_markdown(
    analysis: Analysis, lang: Lang | str = Lang.VI, *, title: str | None = None, chart_files: Mapping[str, str] | None = None
) -> str:
    """The report as Markdown (tables need the ``tables`` extension); the charts inline as SVG.

    ``title`` (plain text) replaces «Kết quả giải quyết hồ sơ». With ``chart_files`` (chart key -> URL of its
    SVG file, written by the caller from :func:`analysis_charts`) the charts are ``<object>`` elements instead:
    for sites that keep SVG out of pages, as the handbook's allow-list does.
    """
    lines: list[str] = []
    for block in report_blocks(analysis, lang, title):
        lines += _markdown_block(block, chart_files)
    return "\n".join(lines)


STYLE = """body { font-family: 'Noto Sans', 'DejaVu Sans', Arial, sans-serif; color: #212121; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.5; }
table { border-collapse: collapse; margin: 0.5rem 0 1.5rem; }
th, td { border: 1px solid #bdbdbd; padding: 0.25rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f5f5f5; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
figure { margin: 1rem 0 0.5rem; }
figure svg { max-width: 100%; height: auto; }
"""


def _html_table(table: Table) -> str:
    head = "".join(f'<th scope="col">{html_text(cell)}</th>' for cell in table.headers)
    number = ' class="number"'
    body = "".join(
        "<tr>" + "".join(f"<td{number if i in table.numeric else ''}>{html_text(cell)}</td>" for i, cell in enumerate(row)) + "</tr>"
        for row in table.rows
    )
    return f"<table>\n<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table>"


def _html_block(block: Block) -> str:
    if isinstance(block, Heading):
        return f"<h{block.level}>{html_text(block.text)}</h{block.level}>"
    if isinstance(block, Paragraph):
        return f"<p>{html_text(block.text)}</p>"
    if isinstance(block, Items):
        return "<ul>" + "".join(f"<li>{html_text(text)}</li>" for text in block.texts) + "</ul>"
    if isinstance(block, Table):
        return _html_table(block)
    return f'<figure class="qms-chart">\n{block.svg}\n</figure>'


def analysis_html(analysis: Analysis, lang: Lang | str = Lang.VI, *, title: str | None = None) -> str:
    """The report as a standalone HTML page: its style inside, the charts inline as SVG, nothing loaded from elsewhere."""
    blocks = report_blocks(analysis, lang, title)
    heading = blocks[0].text if isinstance(blocks[0], Heading) else report_title(lang)
    body = "\n".join(_html_block(block) for block in blocks)
    return (
        f'<!DOCTYPE html>\n<html lang="{html_text(Lang(lang).value)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{html_text(heading)}</title>\n'
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


REPORT_FORMATS = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}


def write_report(analysis: Analysis, path: Path, lang: Lang | str = Lang.VI, *, title: str | None = None) -> None:
    """Write the report to ``path``: Markdown for ``.md``, a standalone HTML page for ``.html``; ValueError otherwise."""
    kind = REPORT_FORMATS.get(path.suffix.lower())
    if kind is None:
        raise ValueError(f"a report is written as .md (Markdown) or .html, not {path.suffix or 'a file without suffix'}: {path}")
    text = analysis_markdown(analysis, lang, title=title) if kind == "markdown" else analysis_html(analysis, lang, title=title)
    path.write_text(text, encoding="utf-8")


__all__ = [
    "CHART_KEYS",
    "REPORT_FORMATS",
    "analysis_charts",
    "analysis_html",
    "analysis_markdown",
    "rate_check",
    "report_blocks",
    "report_title",
    "write_report",
]
