"""The audit report as Markdown: what ``qms audit`` prints, and the handbook's audit page.

Every text from criteria and processes (scenario names, process titles, messages quoting step names) goes through
:func:`qms.render.escape.markdown_text`: no HTML, link, emphasis or attribute list can be made from it, and a
``|`` or a backslash in it cannot split a row of the results table.
"""

from __future__ import annotations

from collections.abc import Callable

from qms.audit.report.causes import Shortfall
from qms.audit.report.model import AuditReport
from qms.audit.report.text import (
    COLUMNS,
    SIGNATURE_COLUMNS,
    CriterionLine,
    agency_text,
    coded,
    criterion_lines,
    diagnostic_text,
    error_lines,
    examined_lines,
    failed_criteria_label,
    file_line,
    left_out_text,
    location_text,
    provenance_text,
    result_labels,
    selection,
    signatories,
    waived_lines,
)
from qms.diagnostics import display_path, visible
from qms.escape import LINE_BREAK
from qms.i18n import Lang, Message, _, pgettext
from qms.render.escape import markdown_text as md

Escape = Callable[[object], str]


def _t(text: Message, lang: Lang) -> str:
    return text.get(lang)


def _head(report: AuditReport, lang: Lang, esc: Escape) -> list[str]:
    lines = [f"# {_t(pgettext('audit.report.title', 'Báo cáo đánh giá theo tiêu chí'), lang)}", ""]
    if agency := agency_text(report):
        lines.append(f"- {_t(_('Cơ quan'), lang)}: {esc(agency)}")
    lines.append(f"- {_t(pgettext('audit.report.criteria', 'Tiêu chí'), lang)}: {esc(display_path(report.features))}")
    lines.append(f"- {_t(pgettext('audit.report.processes', 'Quy trình'), lang)}: {esc(display_path(report.processes))}")
    if scope := selection(report):
        lines.append(f"- {_t(_('Phạm vi'), lang)}: {esc(scope)}")
    lines += [f"  - {esc(line)}" for line in examined_lines(report, lang)]
    if left_out := left_out_text(report, lang):
        lines.append(f"- {esc(left_out)}")
    lines.append(f"- {_t(_('Ngày đánh giá'), lang)}: {report.started:%d/%m/%Y %H:%M}")
    if made := provenance_text(report, lang):
        lines.append(f"- {_t(_('Lập bằng'), lang)}: {esc(made)}")
    return [*lines, f"- **{esc(report.summary(lang))}**", ""]


def _table(report: AuditReport, lang: Lang, esc: Escape) -> list[str]:
    if not report.results:
        return []
    header = [_t(key, lang) for key in COLUMNS]
    lines = ["| # | " + " | ".join(header) + " |", "|---|" + "---|" * len(header)]
    for i, (r, label) in enumerate(zip(report.results, result_labels(report, lang), strict=True), 1):
        criterion = f"{esc(r.scenario)} ({esc(file_line(r.file, r.line))})"
        cells = [criterion, esc(r.basis_text(lang)), esc(", ".join(r.subjects)), esc(label)]
        lines.append(f"| {i} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _criterion(line: CriterionLine, lang: Lang, esc: Escape, indent: str) -> list[str]:
    """A criterion under its finding: alone, its own lines as before; one of several, an item with its details under it."""
    criterion = _t(pgettext("audit.report.criterion", "Tiêu chí"), lang)
    basis = f" — {esc(line.basis)}" if line.basis and indent else ""
    lines = [f"- {criterion}: «{esc(line.scenario)}» ({esc(line.place)}){basis}"]
    if line.step is not None:
        lines.append(f"{indent}- {_t(_('Bước'), lang)}: «{esc(line.step)}» ({esc(line.step_place)})")
    if line.text is not None:
        lines.append(f"{indent}- {esc(line.text)}")
    if line.evidence is not None:
        lines.append(f"{indent}- {_t(_('Bằng chứng'), lang)}: {esc(line.evidence)}")
    return lines


def _finding(report: AuditReport, found: Shortfall, lang: Lang, esc: Escape) -> list[str]:
    lines = [f"### {found.number}. {esc(report.finding_title(found, lang))}", ""]
    lines += [coded(found.code, esc(found.message.get(lang))), ""]
    if found.evidence:
        lines.append(f"- {_t(_('Bằng chứng'), lang)}: {esc(location_text(found.evidence, lang))}")
    several = len(found.criteria) > 1
    if several:
        lines.append(f"- {esc(failed_criteria_label(found, lang))}:")
    for line in criterion_lines(found, lang):
        lines += [("  " if several else "") + x for x in _criterion(line, lang, esc, "  " if several else "")]
    if found.hint:
        lines.append(f"- {_t(_('Gợi ý'), lang)}: {esc(found.hint.get(lang))}")
    return [*lines, ""]


def _findings(report: AuditReport, lang: Lang, esc: Escape) -> list[str]:
    lines = [f"## {_t(_('Phát hiện'), lang)}", ""]
    found = report.shortfalls
    if not found:
        lines += [_t(_("Không có phát hiện nào."), lang), ""]
    for each in found:
        lines += _finding(report, each, lang, esc)
    return lines


def _errors(report: AuditReport, lang: Lang, esc: Escape) -> list[str]:
    entries = error_lines(report, lang)
    if not entries:
        return []
    lines = [f"## {_t(_('Tiêu chí không chạy được'), lang)}", ""]
    for e in entries:
        place = f"{esc(e.place)}: " if e.place else ""
        scenario = f"«{esc(e.scenario)}»: " if e.scenario is not None else ""
        code = f"{e.code} " if e.code else ""
        lines.append(f"- {place}{code}{scenario}{esc(e.text)}" + (f" ({esc(e.hint)})" if e.hint is not None else ""))
    return [*lines, ""]


def _load(report: AuditReport, lang: Lang, esc: Escape) -> list[str]:
    if not report.load_diagnostics:
        return []
    return [f"## {_t(_('Tệp quy trình có lỗi'), lang)}", "", *(f"- {esc(diagnostic_text(d, lang))}" for d in report.load_diagnostics), ""]


def _waived(report: AuditReport, lang: Lang, esc: Escape) -> list[str]:
    entries = waived_lines(report, lang)
    if not entries:
        return []
    lines = [f"## {_t(_('Phát hiện được miễn áp dụng'), lang)}", ""]
    for e in entries:
        lines.append(f"- {esc(e.place)}: {e.code}: {esc(e.text)} — {_t(_('lý do'), lang)}: {esc(e.reason)} ({esc(e.approved)})")
    return [*lines, ""]


def _signatures(report: AuditReport, lang: Lang, esc: Escape) -> list[str]:
    header = [_t(key, lang) for key in SIGNATURE_COLUMNS]
    lines = [f"## {_t(_('Xác nhận'), lang)}", "", "| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    for person in signatories(report):
        lines.append(f"| {esc(person.role.get(lang))} | {esc(person.name)} | {esc(person.title)} | | |")
    return [*lines, ""]


def plain(value: object) -> str:
    """Text for a terminal: as written (no Markdown escapes, no HTML entities), what a terminal would act on shown
    as escapes, on one line."""
    return LINE_BREAK.sub(" ", visible(str(value)))


def report_markdown(report: AuditReport, lang: Lang | str | None = None, escape: Escape = md) -> str:
    """The report as Markdown; with ``escape=plain``, the same lines as plain text for the terminal."""
    chosen = Lang(lang or report.lang)
    sections = (_head, _table, _findings, _waived, _errors, _load, _signatures)
    return "\n".join(line for section in sections for line in section(report, chosen, escape)).rstrip() + "\n"


def report_text(report: AuditReport, lang: Lang | str | None = None) -> str:
    """What ``qms audit`` prints: the Markdown report's lines with the text as written."""
    return report_markdown(report, lang, plain)


__all__ = ["plain", "report_markdown", "report_text"]
