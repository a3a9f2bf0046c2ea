"""Tables and totals for people: after ``qms validate``, ``qms check``, ``qms coverage`` and ``qms rules``.

Each function returns Rich renderables for the command to print; cells that
hold user text are escaped (:func:`~qms.diagnostics.visible`) and never read
as markup.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qms.diagnostics import CodeInfo, Diagnostic, Severity, Status, visible
from qms.i18n import Lang, Message, _, ngettext, pgettext
from qms.report.terminal import SEVERITY_STYLE

if TYPE_CHECKING:  # the rules (and networkx under them) are imported where used: «qms validate» needs none of it
    from qms.report.coverage import CoverageRow
    from qms.rules.engine import CheckReport


def _table(lang: Lang | str, *headings: Message, title: str | None = None) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    for heading in headings:
        table.add_column(heading.get(lang))
    return table


def _severity(severity: Severity, lang: Lang | str) -> Text:
    return Text(severity.label(lang), style=SEVERITY_STYLE[severity])


def invalid_sentence(errors: int, files: int) -> Message:
    """"Có 2 lỗi cần sửa trong 1 tệp." / "2 errors to fix in 1 file."."""
    found = ngettext("{n} lỗi", "{n} lỗi", errors).format(n=errors)
    where = ngettext("{n} tệp", "{n} tệp", files).format(n=files)
    return _("Có {errors} cần sửa trong {files}.").format(errors=found, files=where)


def load_summary(files: int, valid: int, diagnostics: Sequence[Diagnostic], lang: Lang | str) -> list[RenderableType]:
    """``qms validate``'s table of files, valid processes, errors and warnings, and its one-sentence verdict."""
    errors = [d for d in diagnostics if d.severity is Severity.ERROR]
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    table = _table(lang, _("Tệp đã đọc"), _("Quy trình hợp lệ"), pgettext("cli.summary.errors", "Lỗi"), _("Cảnh báo"))
    for column in table.columns:
        column.justify = "right"
    table.add_row(str(files), str(valid), Text(str(len(errors)), style="red") if errors else "0", str(warnings))
    if errors:
        verdict = Text(invalid_sentence(len(errors), len({d.location.path for d in errors})).get(lang), style="red")
    else:
        sentence = ngettext("Tất cả {n} quy trình đều hợp lệ.", "Tất cả {n} quy trình đều hợp lệ.", valid).format(n=valid)
        verdict = Text(sentence.get(lang), style="green")
    return [table, verdict]


def check_totals(report: CheckReport) -> Message:
    """"4 quy trình, 40 quy tắc: 0 lỗi, ..." with the English nouns in the singular where a count is 1."""
    from qms.report.formats import summary_counts

    counts = summary_counts(report)
    parts = [
        ngettext("{n} quy trình", "{n} quy trình", len(report.processes)).format(n=len(report.processes)),
        ngettext("{n} quy tắc", "{n} quy tắc", len(report.rules)).format(n=len(report.rules)),
        ngettext("{n} lỗi", "{n} lỗi", counts["error"]).format(n=counts["error"]),
        ngettext("{n} cảnh báo", "{n} cảnh báo", counts["warning"]).format(n=counts["warning"]),
        ngettext("{n} thông tin", "{n} thông tin", counts["info"]).format(n=counts["info"]),
        _("{n} đã miễn").format(n=counts["waived"]),
        ngettext("{n} tệp lỗi định dạng", "{n} tệp lỗi định dạng", counts["load_errors"]).format(n=counts["load_errors"]),
    ]
    template = Message("{0}, {1}: {2}, {3}, {4}, {5}, {6}.", "{0}, {1}: {2}, {3}, {4}, {5}, {6}.")
    return Message(template.vi.format(*(p.vi for p in parts)), template.en.format(*(p.en for p in parts)))


def check_summary(report: CheckReport, lang: Lang | str) -> list[RenderableType]:
    """``qms check``'s table of findings by code (rules, then the engine's codes), and its totals."""
    from qms.codes import code_info

    table = _table(
        lang, _("Mã"), _("Quy tắc"), pgettext("cli.check.col_severity", "Mức"), _("Phát hiện"), _("Đã miễn"),
        title=_("Tổng hợp theo quy tắc").get(lang),
    )  # fmt: skip
    by_code: dict[str, list[Diagnostic]] = {}
    for finding in report.findings:
        by_code.setdefault(finding.code, []).append(finding)
    ran = {r.code: r for r in report.rules}
    for code in [r.code for r in report.rules if r.code in by_code] + sorted(set(by_code) - set(ran)):
        mine = by_code[code]
        active = [f for f in mine if not f.waived]
        info = code_info(code)
        title = info.title if info is not None else mine[0].message
        severity = active[0].severity if active else (ran[code].severity if code in ran else mine[0].severity)
        table.add_row(code, visible(title.get(lang)), _severity(severity, lang), str(len(active)), str(len(mine) - len(active)))
    shown: list[RenderableType] = [table] if table.rows else []
    return [*shown, Text(check_totals(report).get(lang))]


def coverage_table(rows: Sequence[CoverageRow], lang: Lang | str) -> list[RenderableType]:
    """The clause coverage matrix, then its gaps and the clauses the project declares not applicable."""
    table = _table(
        lang, _("Tiêu chuẩn"), _("Điều khoản / lĩnh vực"), _("Quy tắc"), _("Quy trình đáp ứng"), pgettext("cli.coverage.rules", "Quy tắc kiểm tra"),
        title=pgettext("cli.coverage.title", "Ma trận điều khoản ISO").get(lang),
    )  # fmt: skip
    none = _("— chưa có —").get(lang)
    for r in rows:
        missing = Text(none, style="dim" if r.not_applicable else "red")
        evidence = Text(visible(", ".join(r.processes))) if r.processes else missing.copy()
        if r.not_applicable:
            evidence.append("\n" + visible(_("không áp dụng: {reason}").format(reason=r.not_applicable).get(lang), keep="\n"), style="dim")
        table.add_row(r.standard, r.key, visible(r.title.get(lang)), evidence, ", ".join(r.rules) if r.rules else missing)
    gaps = [r.key for r in rows if r.gap]
    if gaps:
        verdict = ngettext(
            "{n} điều khoản/lĩnh vực chưa có quy trình đáp ứng hoặc quy tắc kiểm tra: {keys}",
            "{n} điều khoản/lĩnh vực chưa có quy trình đáp ứng hoặc quy tắc kiểm tra: {keys}",
            len(gaps),
        ).format(n=len(gaps), keys=", ".join(gaps))
    else:
        verdict = _("Mọi điều khoản đều có quy trình đáp ứng và quy tắc kiểm tra.")
    lines: list[RenderableType] = [table, Text(verdict.get(lang))]
    excluded = [r.key for r in rows if r.not_applicable]
    if excluded:
        lines.append(Text(_("Không áp dụng (ISO 9001 4.3, theo cấu hình dự án): {keys}").format(keys=", ".join(excluded)).get(lang)))
    return lines


def codes_table(codes: Sequence[CodeInfo], lang: Lang | str) -> Table:
    """``qms rules``: one row per registered code (its rule's name and basis when it is a rule's)."""
    from qms.rules.registry import rule_by_code

    table = _table(lang, _("Mã"), _("Tên"), pgettext("cli.check.col_severity", "Mức"), _("Căn cứ"), _("Quy tắc"))
    for info in codes:
        rule = rule_by_code(info.code) if info.kind == "rule" else None
        basis = ", ".join(rule.basis()) if rule is not None else ""
        title = info.title.get(lang) + (f" ({info.status.label(lang)})" if info.status is not Status.STABLE else "")
        table.add_row(info.code, info.name or "", _severity(info.severity, lang), visible(basis), visible(title))
    return table
