"""Plain text the report formats share: places in files, load diagnostics, the scope of a run.

Nothing here is escaped: each writer escapes for its own format (:mod:`qms.render.escape`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qms.audit.report.causes import Shortfall
from qms.audit.report.model import BLANK_SIGNATORIES, AuditReport, Outcome, Signatory
from qms.diagnostics import Diagnostic, Location, display_path
from qms.i18n import Lang, Message, _, ngettext, pgettext

# The columns of the results table, after «#».
COLUMNS = (pgettext("audit.report.criterion", "Tiêu chí"), _("Căn cứ"), pgettext("audit.report.process", "Quy trình"), _("Kết quả"))


def at(path: Path | str | None, line: int, lang: Lang | str) -> str:
    """«processes/QT-TTHC-01.yaml, dòng 12» (line 12), the path relative to the current folder."""
    return _("{path}, dòng {line}").format(path=display_path(path), line=line).get(lang)


def location_text(location: Location, lang: Lang | str) -> str:
    return at(location.path, location.line, lang)


def file_line(path: Path | str, line: int) -> str:
    """«features/x.feature:7»: a place as editors and terminals link it."""
    return f"{display_path(path)}:{line}"


def diagnostic_line(diagnostic: Diagnostic, lang: Lang | str) -> str:
    """«path:line:column: CODE severity: message», the line every qms output has, the path relative; no hint."""
    loc = diagnostic.location
    return f"{display_path(loc.path)}:{loc.line}:{loc.column}: {diagnostic.code} {diagnostic.label(lang)}: {diagnostic.message.get(lang)}"


def coded(code: str | None, text: str) -> str:
    """«AUD001: text»: a finding's or an error's text after its code."""
    return f"{code}: {text}" if code and text else code or text


def diagnostic_text(diagnostic: Diagnostic, lang: Lang | str) -> str:
    """A load diagnostic with its path shown relative to the current folder."""
    text = diagnostic.render(lang)
    prefix = str(diagnostic.location.path)
    return display_path(prefix) + text[len(prefix) :] if text.startswith(prefix) else text


def selection(report: AuditReport) -> str:
    """The tags and the process the run was limited to, «» for a run of every criterion."""
    return " · ".join(x for x in (report.tags, report.process) if x)


# The columns of the signature block.
SIGNATURE_COLUMNS = (_("Vai trò"), _("Họ và tên"), _("Chức vụ"), _("Ngày"), _("Chữ ký"))


def examined_lines(report: AuditReport, lang: Lang | str) -> list[str]:
    """Each process the criteria looked at, with the issue audited: «QT-TTHC-01 phiên bản 2.0 — Giải quyết…»."""
    lines = []
    for code in report.examined:
        version = report.process_versions.get(code)
        title = report.process_titles.get(code)
        named = _("{code} phiên bản {version}").format(code=code, version=version).get(lang) if version else code
        lines.append(f"{named} — {title.get(lang)}" if title else named)
    return lines


def provenance_text(report: AuditReport, lang: Lang | str) -> str | None:
    """«qms 0.1.0, commit 1a2b3c4d5e6f (có thay đổi chưa commit)»: what the report was made with and from."""
    made = report.provenance
    if made is None:
        return None
    if made.commit is None:
        return _("{tool}; thư mục quy trình không thuộc kho git").format(tool=made.tool).get(lang)
    changed = _(" (có thay đổi chưa commit)") if made.changed else Message("", "")
    return _("{tool}, commit {commit}{changed}").format(tool=made.tool, commit=made.commit, changed=changed).get(lang)


def agency_text(report: AuditReport) -> str | None:
    """«Sở Giáo dục và Đào tạo — Ủy ban nhân dân tỉnh … — Số 1, …»: the auditee, as the project's qms.toml names it."""
    agency = report.agency
    return " — ".join(x for x in (agency.name, agency.parent, agency.address) if x) if agency is not None else None


def left_out_text(report: AuditReport, lang: Lang | str) -> str | None:
    """How many criteria files in another language were left out, so that nobody thinks they ran."""
    n = len(report.left_out)
    if not n:
        return None
    text = ngettext(
        "{n} tệp tiêu chí viết bằng ngôn ngữ khác không chạy (báo cáo một ngôn ngữ; --all-languages để chạy cả)",
        "{n} tệp tiêu chí viết bằng ngôn ngữ khác không chạy (báo cáo một ngôn ngữ; --all-languages để chạy cả)",
        n,
    )
    return text.format(n=n).get(lang)


@dataclass(frozen=True)
class WaivedLine:
    """A rule finding an approved waiver covers: where, what, and why it was waived by whom."""

    place: str
    code: str
    text: str
    reason: str
    approved: str


def waived_lines(report: AuditReport, lang: Lang | str) -> list[WaivedLine]:
    lines = []
    for finding in report.waived:
        waiver = finding.waiver
        assert waiver is not None
        approved = _("chấp thuận: {role}").format(role=waiver.approved_by).get(lang)
        if waiver.date is not None:
            approved += f", {waiver.date:%d/%m/%Y}"
        place = location_text(finding.location, lang)
        lines.append(WaivedLine(place, finding.code, finding.message.get(lang), waiver.reason.get(lang), approved))
    return lines


def signatories(report: AuditReport) -> list[Signatory]:
    return list(report.signatories) or list(BLANK_SIGNATORIES)


def result_labels(report: AuditReport, lang: Lang | str) -> list[str]:
    """The «Kết quả» cell of each criterion; a failed one names the finding it is listed under: «Điểm không phù hợp, mục 2»."""
    number = {id(r): found.number for found in report.shortfalls for r in found.criteria}
    labels = []
    for r in report.results:
        label = r.label(lang)
        if r.outcome is Outcome.FAILED and id(r) in number:
            label = _("{label}, mục {number}").format(label=label, number=number[id(r)]).get(lang)
        labels.append(label)
    return labels


@dataclass(frozen=True)
class CriterionLine:
    """A criterion a cause fails, as the finding lists it: where it is, its clauses, its step, what it adds."""

    scenario: str
    place: str
    basis: str
    step: str | None
    step_place: str | None
    text: str | None  # its own finding, when it says more than the cause
    evidence: str | None  # where it shows the cause, when elsewhere than the cause's evidence


def criterion_lines(found: Shortfall, lang: Lang | str) -> list[CriterionLine]:
    lines = []
    for r in found.criteria:
        own, where = found.own_message(r), found.own_evidence(r)
        lines.append(
            CriterionLine(
                r.scenario,
                at(r.file, r.line, lang),
                r.basis_text(lang),
                str(r.step) if r.step else None,
                at(r.step.file, r.step.line, lang) if r.step else None,
                own.get(lang) if own is not None else None,
                location_text(where, lang) if where is not None else None,
            )
        )
    return lines


def failed_criteria_label(found: Shortfall, lang: Lang | str) -> str:
    """«Tiêu chí không đạt vì cùng nguyên nhân (3)»: the heading of the criteria one cause fails (always more than one)."""
    return _("Tiêu chí không đạt vì cùng nguyên nhân ({n})").format(n=len(found.criteria)).get(lang)


@dataclass(frozen=True)
class ErrorLine:
    """One entry of the section «criteria that could not run»: a criteria file, the run itself, or a criterion."""

    place: str  # «» for a problem of the run itself
    code: str  # what the error is (AUD002...)
    scenario: str | None  # the criterion's name, for a criterion that could not run
    text: str
    hint: str | None


def error_lines(report: AuditReport, lang: Lang | str) -> list[ErrorLine]:
    """The errors of the run and its files first, then the criteria that could not run, each at its place.

    A criterion went wrong at its unknown or failing step, or failing that at the criterion itself.
    """
    lines: list[ErrorLine] = []
    for e in report.errors:
        place = at(e.file, e.line, lang) if e.file else ""
        lines.append(ErrorLine(place, str(e.code), None, e.message.get(lang), e.hint.get(lang) if e.hint else None))
    for r in report.criterion_errors:
        place = location_text(r.place, lang)
        lines.append(
            ErrorLine(
                place, r.problem_code or "", r.scenario, r.message.get(lang) if r.message else "", r.hint.get(lang) if r.hint else None
            )
        )
    return lines


__all__ = [
    "COLUMNS",
    "SIGNATURE_COLUMNS",
    "CriterionLine",
    "ErrorLine",
    "WaivedLine",
    "agency_text",
    "at",
    "coded",
    "criterion_lines",
    "diagnostic_line",
    "diagnostic_text",
    "error_lines",
    "examined_lines",
    "failed_criteria_label",
    "file_line",
    "left_out_text",
    "location_text",
    "provenance_text",
    "result_labels",
    "selection",
    "signatories",
    "waived_lines",
]
