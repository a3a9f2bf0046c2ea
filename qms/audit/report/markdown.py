"""The audit report as Markdown: what ``qms audit`` prints, and the handbook's audit page.

Every text from criteria and processes (scenario names, process titles, messages quoting step names) goes through
:func:`qms.render.escape.markdown_text`: no HTML, link, emphasis or attribute list can be made from it, and a
``|`` or a backslash in it cannot split a row of the results table.
"""

from __future__ import annotations

from collections.abc import Callable

from qms.audit.report.model import AuditReport, CriterionResult
from qms.audit.report.text import (
    COLUMNS,
    SIGNATURE_COLUMNS,
    at,
    coded,
    diagnostic_text,
    error_lines,
    examined_lines,
    file_line,
    left_out_text,
    location_text,
    provenance_text,
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
    for i, r in enumerate(report.results, 1):
        criterion = f"{esc(r.scenario)} ({esc(file_line(r.file, r.line))})"
        cells = [criterion, esc(r.basis_text(lang)), esc(", ".join(r.subjects)), esc(r.label(lang))]
        lines.append(f"| {i} | " + " | ".join(cells) + " |")
    return [*lines, ""]


def _finding(report: AuditReport, i: int, r: CriterionResult, lang: Lang, esc: Escape) -> list[str]:
    lines = [f"### {i}. {esc(report.finding_title(r, lang))}", ""]
    lines += [coded(r.problem_code, esc(r.message.get(lang) if r.message else "")), ""]
    if r.evidence:
        lines.append(f"- {_t(_('Bằng chứng'), lang)}: {esc(location_text(r.evidence, lang))}")
    lines.append(f"- {_t(pgettext('audit.report.criterion', 'Tiêu chí'), lang)}: «{esc(r.scenario)}» ({esc(at(r.file, r.line, lang))})")
    if r.step:
        lines.append(f"- {_t(_('Bước'), lang)}: «{esc(r.step)}» ({esc(at(r.step.file, r.step.line, lang))})")
    if r.hint:
        lines.append(f"- {_t(_('Gợi ý'), lang)}: {esc(r.hint.get(lang))}")
    return [*lines, ""]


def _findings(report: AuditReport, lang: Lang, esc: Escape) -> list[str]:
    lines = [f"## {_t(_('Phát hiện'), lang)}", ""]
    if not report.failed:
        lines += [_t(_("Không có phát hiện nào."), lang), ""]
    for i, r in enumerate(report.failed, 1):
        lines += _finding(report, i, r, lang, esc)
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
