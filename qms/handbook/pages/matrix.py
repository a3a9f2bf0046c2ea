"""The ISO clause matrix: ISO 9001 clauses and ISO 18091 areas, the processes that evidence each, the rules that check it."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from qms.handbook.html_blocks import table
from qms.handbook.labels import label
from qms.handbook.links import MATRIX
from qms.handbook.pages.common import headers, link, text, titled
from qms.i18n import Lang
from qms.model import Process
from qms.report.coverage import CoverageRow, coverage_matrix
from qms.rules.base import Finding, Rule


def _summary(rows: Sequence[CoverageRow], lang: Lang) -> str:
    """The gaps (or that there are none), then the clauses the project excludes."""
    gaps = [row.key for row in rows if row.gap]
    summary = label("gaps", lang, gaps=text(", ".join(gaps))) if gaps else label("no_gaps", lang)
    excluded = [row.key for row in rows if row.not_applicable]
    if excluded:
        summary += " " + label("excluded", lang, keys=text(", ".join(excluded)))
    return summary


def matrix_page(
    processes: Sequence[Process], paths: dict[str, str], rules: Sequence[type[Rule]], findings: Sequence[Finding], not_applicable: Mapping[str, str], lang: Lang
) -> str:
    """ISO 9001 clauses and ISO 18091 areas: which processes evidence each, which rules check it (as «qms coverage»)."""
    by_code = {p.code: p for p in processes}
    rows = coverage_matrix(processes, rules, findings, not_applicable)
    none = text(label("none", lang))

    def evidence(row: CoverageRow) -> str:
        links = ", ".join(link(by_code[c], paths, MATRIX) for c in row.processes) or none
        return links + (f"<br><small>{text(label('not_applicable', lang, reason=row.not_applicable))}</small>" if row.not_applicable else "")

    table_rows = [[text(row.standard), text(row.key), text(row.title.get(lang)), evidence(row), text(", ".join(row.rules)) or none] for row in rows]
    columns = headers(lang, ("standard", "clause", "requirement", "evidenced_by", "checked_by"))
    return titled("matrix", lang, f"{_summary(rows, lang)}\n\n" + table(columns, table_rows))
