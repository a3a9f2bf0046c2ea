"""The page of a dossier log measured against a process (``do-luong/<code>.md``): the report of :mod:`qms.report.analysis_page`.

Its charts are SVG files beside the page (:func:`qms.handbook.links.chart_path`), shown by ``<object>``: the
handbook's allow-list keeps inline SVG out of pages (:mod:`qms.handbook.safe_html`). Each chart's figures are
also in a table under it, so the page reads the same without them.
"""

from __future__ import annotations

import json

from qms.handbook.labels import label
from qms.handbook.links import chart_path, href
from qms.handbook.pages.common import link, md, text
from qms.i18n import Lang
from qms.measure import Analysis
from qms.model import Process
from qms.report.analysis_page import CHART_KEYS, analysis_charts, analysis_markdown, report_title

XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n'


def measure_title(process: Process, lang: Lang) -> str:
    """«Kết quả giải quyết hồ sơ — <process title>», escaped (menus and the page's <title>)."""
    return text(report_title(lang, process.title.get(lang)))


def measure_page(
    analysis: Analysis, process: Process, page: str, paths: dict[str, str], log_name: str, lang: Lang, extra: str = ""
) -> dict[str, str]:
    """The Markdown page ``page`` and its charts: path (relative to the handbook's folder) -> content; ``extra``
    (Markdown, escaped by its maker) goes after the report: the conformance of a log of step events."""
    title = report_title(lang, process.title.get(lang))
    charts = {chart_path(page, key): XML_DECLARATION + svg for key, svg in analysis_charts(analysis, lang).items()}
    body = analysis_markdown(analysis, lang, title=title, chart_files={key: href(page, chart_path(page, key)) for key in CHART_KEYS})
    shown = link(process, paths, page) if process.code in paths else text(process.code)
    source = label("measured_from", lang, process=shown, log=md(log_name))
    # An explicit title, escaped: mkdocs would take the heading's unescaped text (see pages.process).
    front = ["---", f"title: {json.dumps(measure_title(process, lang), ensure_ascii=False)}", "---", ""]
    sections = [body.rstrip("\n"), extra.rstrip("\n")] if extra else [body.rstrip("\n")]
    return {page: "\n".join(front) + "\n" + "\n\n".join(sections) + "\n\n" + source + "\n", **charts}
