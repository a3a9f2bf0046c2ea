"""The audit report as one self-contained HTML page (no external resources, no script).

Every text goes through :func:`qms.render.escape.html_text`, attribute values included.
"""

from __future__ import annotations

from qms.audit.report.causes import Shortfall
from qms.audit.report.model import AuditReport, Kind, Outcome
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
from qms.diagnostics import display_path
from qms.i18n import Lang, Message, _, pgettext
from qms.render.escape import html_text as h

_CSS = """
body{font-family:"Noto Sans","DejaVu Sans",Arial,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b;line-height:1.45}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem;border-bottom:1px solid #ccc}h3{font-size:1.05rem}
table{border-collapse:collapse;width:100%;font-size:.92rem}th,td{border:1px solid #ccc;padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:#f1f3f5}.muted{color:#555;font-size:.85rem}
.passed{color:#1e6b2f;font-weight:600}.nonconformity,.error{color:#a4161a;font-weight:600}.observation,.skipped{color:#8a5a00;font-weight:600}
.finding{border-left:4px solid #a4161a;padding:.2rem .9rem;margin:1rem 0;background:#fff7f7}
.finding.observation{border-color:#c98a00;background:#fffbf0;font-weight:normal}
code{background:#f1f3f5;padding:0 .2rem}
.signatures td{height:3.2rem}.signatures th:nth-child(5){width:22%}
@page{size:A4;margin:18mm 15mm}
@media print{body{margin:0;max-width:none;font-size:10.5pt}h2,h3{break-after:avoid}.finding,tr,.signatures{break-inside:avoid}
a{color:inherit;text-decoration:none}}
"""


def _t(text: Message, lang: Lang) -> str:
    return h(text.get(lang))


def _head(report: AuditReport, lang: Lang) -> list[str]:
    title = _t(pgettext("audit.report.title", "Báo cáo đánh giá theo tiêu chí"), lang)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{h(lang.value)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{title}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        f"<h1>{title}</h1>",
        "<ul>",
        *([f"<li>{_t(_('Cơ quan'), lang)}: {h(agency)}</li>"] if (agency := agency_text(report)) else []),
        f"<li>{_t(pgettext('audit.report.criteria', 'Tiêu chí'), lang)}: <code>{h(display_path(report.features))}</code></li>",
        f"<li>{_t(pgettext('audit.report.processes', 'Quy trình'), lang)}: <code>{h(display_path(report.processes))}</code></li>",
    ]
    if scope := selection(report):
        out.append(f"<li>{_t(_('Phạm vi'), lang)}: <code>{h(scope)}</code></li>")
    examined = "".join(f"<li>{h(line)}</li>" for line in examined_lines(report, lang))
    if examined:
        out[-1] = out[-1].removesuffix("</li>") + f"<ul>{examined}</ul></li>"
    if left_out := left_out_text(report, lang):
        out.append(f"<li>{h(left_out)}</li>")
    if made := provenance_text(report, lang):
        out.append(f"<li>{_t(_('Lập bằng'), lang)}: {h(made)}</li>")
    return [
        *out,
        f"<li>{_t(_('Ngày đánh giá'), lang)}: {report.started:%d/%m/%Y %H:%M}</li>",
        f"<li><strong>{h(report.summary(lang))}</strong></li>",
        "</ul>",
    ]


def _table(report: AuditReport, lang: Lang) -> list[str]:
    if not report.results:
        return []
    header = "".join(f"<th>{_t(key, lang)}</th>" for key in COLUMNS)
    out = ["<table>", f"<thead><tr><th>#</th>{header}</tr></thead>", "<tbody>"]
    for i, (r, label) in enumerate(zip(report.results, result_labels(report, lang), strict=True), 1):
        css = (r.kind or Kind.NONCONFORMITY).value if r.outcome is Outcome.FAILED else r.outcome.value
        out.append(
            f'<tr><td>{i}</td><td>{h(r.scenario)}<br><span class="muted">{h(file_line(r.file, r.line))}</span></td>'
            f"<td>{h(r.basis_text(lang))}</td><td>{h(', '.join(r.subjects))}</td>"
            f'<td class="{h(css)}">{h(label)}</td></tr>'
        )
    return [*out, "</tbody>", "</table>"]


def _criterion(line: CriterionLine, lang: Lang, several: bool) -> list[str]:
    """A criterion under its finding: alone, its own items as before; one of several, an item with its details under it."""
    criterion = _t(pgettext("audit.report.criterion", "Tiêu chí"), lang)
    basis = f" — {h(line.basis)}" if line.basis and several else ""
    head = f'<li>{criterion}: «{h(line.scenario)}» <span class="muted">{h(line.place)}</span>{basis}'
    details = []
    if line.step is not None:
        details.append(f'<li>{_t(_("Bước"), lang)}: «{h(line.step)}» <span class="muted">{h(line.step_place)}</span></li>')
    if line.text is not None:
        details.append(f"<li>{h(line.text)}</li>")
    if line.evidence is not None:
        details.append(f"<li>{_t(_('Bằng chứng'), lang)}: <code>{h(line.evidence)}</code></li>")
    if several:
        return [head + ("<ul>" + "".join(details) + "</ul>" if details else "") + "</li>"]
    return [head + "</li>", *details]


def _finding(report: AuditReport, found: Shortfall, lang: Lang) -> list[str]:
    title = h(report.finding_title(found, lang))
    out = [f'<div class="finding {h(found.kind.value)}">', f"<h3>{found.number}. {title}</h3>"]
    code = f"<code>{h(found.code)}</code>" if found.code else ""
    out += [f"<p>{coded(code, h(found.message.get(lang)))}</p>", "<ul>"]
    if found.evidence:
        out.append(f"<li>{_t(_('Bằng chứng'), lang)}: <code>{h(location_text(found.evidence, lang))}</code></li>")
    several = len(found.criteria) > 1
    criteria = [x for line in criterion_lines(found, lang) for x in _criterion(line, lang, several)]
    out += [f"<li>{h(failed_criteria_label(found, lang))}:<ul>", *criteria, "</ul></li>"] if several else criteria
    if found.hint:
        out.append(f"<li>{_t(_('Gợi ý'), lang)}: {h(found.hint.get(lang))}</li>")
    return [*out, "</ul>", "</div>"]


def _findings(report: AuditReport, lang: Lang) -> list[str]:
    out = [f"<h2>{_t(_('Phát hiện'), lang)}</h2>"]
    found = report.shortfalls
    if not found:
        out.append(f"<p>{_t(_('Không có phát hiện nào.'), lang)}</p>")
    for each in found:
        out += _finding(report, each, lang)
    return out


def _errors(report: AuditReport, lang: Lang) -> list[str]:
    entries = error_lines(report, lang)
    if not entries:
        return []
    out = [f"<h2>{_t(_('Tiêu chí không chạy được'), lang)}</h2>", "<ul>"]
    for e in entries:
        place = f"<code>{h(e.place)}</code>: " if e.place else ""
        scenario = f"«{h(e.scenario)}»: " if e.scenario is not None else ""
        hint = f' <span class="muted">({h(e.hint)})</span>' if e.hint is not None else ""
        code = f"<code>{h(e.code)}</code> " if e.code else ""
        out.append(f"<li>{place}{code}{scenario}{h(e.text)}{hint}</li>")
    return [*out, "</ul>"]


def _load(report: AuditReport, lang: Lang) -> list[str]:
    if not report.load_diagnostics:
        return []
    items = [f"<li><code>{h(diagnostic_text(d, lang))}</code></li>" for d in report.load_diagnostics]
    return [f"<h2>{_t(_('Tệp quy trình có lỗi'), lang)}</h2>", "<ul>", *items, "</ul>"]


def _waived(report: AuditReport, lang: Lang) -> list[str]:
    entries = waived_lines(report, lang)
    if not entries:
        return []
    out = [f"<h2>{_t(_('Phát hiện được miễn áp dụng'), lang)}</h2>", "<ul>"]
    for e in entries:
        reason = f"{_t(_('lý do'), lang)}: {h(e.reason)}"
        out.append(
            f'<li><code>{h(e.place)}</code>: <code>{h(e.code)}</code> {h(e.text)} — {reason} <span class="muted">({h(e.approved)})</span></li>'
        )
    return [*out, "</ul>"]


def _signatures(report: AuditReport, lang: Lang) -> list[str]:
    header = "".join(f"<th>{_t(key, lang)}</th>" for key in SIGNATURE_COLUMNS)
    rows = [
        f"<tr><td>{h(p.role.get(lang))}</td><td>{h(p.name)}</td><td>{h(p.title)}</td><td></td><td></td></tr>" for p in signatories(report)
    ]
    return [
        f"<h2>{_t(_('Xác nhận'), lang)}</h2>",
        '<table class="signatures">',
        f"<thead><tr>{header}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
    ]


def report_html(report: AuditReport, lang: Lang | str | None = None) -> str:
    chosen = Lang(lang or report.lang)
    sections = (_head, _table, _findings, _waived, _errors, _load, _signatures)
    return "\n".join([*(line for section in sections for line in section(report, chosen)), "</body>", "</html>"]) + "\n"


__all__ = ["report_html"]
