"""The internal audits' pages: the programme of each year (``danh-gia-noi-bo/chuong-trinh.md``) and the corrective
actions (``danh-gia-noi-bo/hanh-dong-khac-phuc.md``).

The programme's page lists each audit planned (month, processes and clauses of its scope, planned lead) and whether it
was carried out: a record with that id was read, with its dates and team. The actions' page lists every
nonconformity not closed with its due date and the days left (or overdue) on the build's date
(:func:`qms.records.status.record_status`), then the closed ones with their effectiveness check, the counts per
process and per owner, and the REC findings of the records at their ``file:line``. Nothing is judged here: states
come from :mod:`qms.records.status` and findings from :mod:`qms.records.findings`. Every value from a file is escaped.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from qms.diagnostics import Diagnostic
from qms.handbook.html_blocks import table
from qms.handbook.pages.common import md, text
from qms.i18n import Lang, Message, _
from qms.records import ActionStatus, AuditRecord, Finding, FindingKind, ProgrammeFile, RecordFile
from qms.records.model import Auditor, PlannedAudit, Result
from qms.records.status import NcLine, NcState, RecordStatus
from qms.report.plan_report import day_text

W: dict[str, Message] = {
    "programme_title": _("Chương trình đánh giá nội bộ"),
    "actions_title": _("Hành động khắc phục"),
    "as_of": _("Tình hình đến ngày {day}, theo hồ sơ đánh giá: {files}."),
    "approved": _("Phê duyệt: {by}, ngày {day}."),
    "no_programme": _("Chưa có chương trình đánh giá nào."),
    "done_count": _("Đã thực hiện {done}/{total} cuộc đánh giá của chương trình."),
    "audit": _("Cuộc đánh giá"),
    "month": _("Tháng"),
    "processes": _("Quy trình"),
    "clauses": _("Điều khoản"),
    "clauses_of_processes": _("theo các quy trình"),
    "lead": _("Trưởng đoàn dự kiến"),
    "carried_out": _("Thực hiện"),
    "dates": _("Ngày đánh giá"),
    "team": _("Đoàn đánh giá"),
    "done": _("đã thực hiện"),
    "late": _("chưa thực hiện, đã qua tháng dự kiến"),
    "planned": _("chưa đến tháng dự kiến"),
    "lead_mark": _("{name} (trưởng đoàn)"),
    "unplanned": _("Cuộc đánh giá không có trong chương trình nào đã đọc"),
    "programme": _("Chương trình"),
    "open": _("Điểm không phù hợp chưa đóng"),
    "none_open": _("Không có điểm không phù hợp nào chưa đóng."),
    "closed": _("Điểm không phù hợp đã đóng"),
    "none_closed": _("Chưa có điểm không phù hợp nào đã đóng."),
    "finding": _("Mã"),
    "kind": _("Loại"),
    "statement": _("Nội dung"),
    "owner": _("Người chịu trách nhiệm"),
    "due": _("Hạn"),
    "days": _("Thời hạn còn lại"),
    "days_left": _("còn {n} ngày"),
    "days_overdue": _("quá hạn {n} ngày"),
    "status": _("Trạng thái"),
    "closed_on": _("Ngày đóng"),
    "effectiveness": _("Xác minh hiệu lực"),
    "unchecked": _("chưa xác minh"),
    "checked": _("{day}: {result}; {evidence} ({by})"),
    "by_process": _("Theo quy trình"),
    "by_owner": _("Theo người chịu trách nhiệm"),
    "n_open": _("Trong hạn"),
    "n_overdue": _("Quá hạn"),
    "n_closed": _("Đã đóng"),
    "n_total": _("Tổng"),
    "findings": _("Phát hiện về hồ sơ đánh giá"),
    "no_findings": _("Hồ sơ đánh giá không có phát hiện nào."),
    "where": _("Vị trí"),
    "code": _("Mã phát hiện"),
    "severity": _("Mức"),
    "message": _("Nội dung"),
}
KINDS = {
    FindingKind.MAJOR: _("không phù hợp nặng"),
    FindingKind.MINOR: _("không phù hợp nhẹ"),
    FindingKind.OBSERVATION: _("điểm lưu ý"),
    FindingKind.OPPORTUNITY: _("cơ hội cải tiến"),
}
STATUSES = {ActionStatus.OPEN: _("chưa thực hiện"), ActionStatus.IN_PROGRESS: _("đang thực hiện"), ActionStatus.CLOSED: _("đã đóng")}
RESULTS = {Result.EFFECTIVE: _("có hiệu lực"), Result.NOT_EFFECTIVE: _("không hiệu lực")}


@dataclass(frozen=True)
class AuditData:
    """What the pages are made from: the programmes and records read, their REC findings (with the place each is
    shown at, ``file:line``), the actions' status, and the names of the files or folders read."""

    programmes: Sequence[ProgrammeFile]
    records: Sequence[RecordFile]
    findings: Sequence[tuple[str, Diagnostic]]
    status: RecordStatus
    files: Sequence[str]


def word(key: str, lang: Lang, **args: object) -> str:
    return W[key].get(lang).format(**args)


def _words(keys: Sequence[str], lang: Lang) -> list[str]:
    return [text(word(key, lang)) for key in keys]


def _front(title: str, data: AuditData, lang: Lang) -> list[str]:
    intro = word("as_of", lang, day=day_text(data.status.as_of, lang), files=", ".join(data.files))
    return ["---", f"title: {json.dumps(text(title), ensure_ascii=False)}", "---", "", f"# {md(title)}", "", md(intro), ""]


def _team(team: Sequence[Auditor], lang: Lang) -> str:
    return ", ".join(word("lead_mark", lang, name=a.name) if a.lead else a.name for a in team)


def _dates(record: AuditRecord, lang: Lang) -> str:
    first, last = record.dates.start, record.dates.end
    return day_text(first, lang) if last is None or last == first else f"{day_text(first, lang)}–{day_text(last, lang)}"


def _carried(audit: PlannedAudit, year: int, record: AuditRecord | None, as_of: date, lang: Lang) -> list[str]:
    if record is not None:
        return [word("done", lang), _dates(record, lang), _team(record.team, lang)]
    past = (year, audit.month) < (as_of.year, as_of.month)
    return [word("late" if past else "planned", lang), "", ""]


def _programme(programme_file: ProgrammeFile, by_id: dict[str, AuditRecord], as_of: date, lang: Lang) -> list[str]:
    programme = programme_file.programme
    heading = f"{programme.title.get(lang)} ({programme.code})" if programme.title else programme.code
    lines = [f"## {md(heading)}", ""]
    if programme.approved_by or programme.approved_on:
        lines += [md(word("approved", lang, by=programme.approved_by or "-", day=day_text(programme.approved_on, lang))), ""]
    rows = []
    for audit in programme.audits:
        clauses = ", ".join(audit.scope.clauses) or word("clauses_of_processes", lang)
        cells = [audit.id, str(audit.month), ", ".join(audit.scope.processes), clauses, audit.lead or "-"]
        rows.append([text(cell) for cell in cells + _carried(audit, programme.year, by_id.get(audit.id), as_of, lang)])
    keys = ("audit", "month", "processes", "clauses", "lead", "carried_out", "dates", "team")
    done = sum(1 for audit in programme.audits if audit.id in by_id)
    return [*lines, table(_words(keys, lang), rows), md(word("done_count", lang, done=done, total=len(programme.audits))), ""]


def _unplanned(data: AuditData, lang: Lang) -> list[str]:
    planned = {audit.id for p in data.programmes for audit in p.programme.audits}
    records = [r.record for r in data.records if r.record.id not in planned]
    if not records:
        return []
    rows = [
        [text(r.id), text(r.programme or "-"), text(", ".join(r.scope.processes)), text(_dates(r, lang)), text(_team(r.team, lang))]
        for r in records
    ]
    return [f"## {md(word('unplanned', lang))}", "", table(_words(("audit", "programme", "processes", "dates", "team"), lang), rows)]


def programme_page(data: AuditData, lang: Lang) -> str:
    """The page ``chuong-trinh.md``: each programme, in the order of its year, and the records outside them."""
    lines = _front(word("programme_title", lang), data, lang)
    by_id = {r.record.id: r.record for r in data.records}
    if not data.programmes:
        lines += [md(word("no_programme", lang)), ""]
    for programme_file in sorted(data.programmes, key=lambda p: (p.programme.year, p.programme.code)):
        lines += _programme(programme_file, by_id, data.status.as_of, lang)
    lines += _unplanned(data, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def _findings_of(data: AuditData) -> dict[tuple[str, str], Finding]:
    return {(r.record.id, f.id): f for r in data.records for f in r.record.findings}


def _days(line: NcLine, lang: Lang) -> str:
    if line.days_left is None:
        return "-"
    return word("days_overdue", lang, n=-line.days_left) if line.days_left < 0 else word("days_left", lang, n=line.days_left)


def _open(data: AuditData, lang: Lang) -> list[str]:
    lines = [line for line in data.status.lines if line.state is not NcState.CLOSED]
    if not lines:
        return [f"## {md(word('open', lang))}", "", md(word("none_open", lang)), ""]
    lines.sort(key=lambda line: (line.days_left is None, line.days_left or 0, line.audit, line.finding))
    findings, rows = _findings_of(data), []
    for line in lines:
        finding = findings[(line.audit, line.finding)]
        rows.append([text(line.audit), text(line.finding), text(KINDS[line.kind].get(lang)), text(line.process or "-"), text(line.clause),
                     text(finding.statement, lang), text(line.owner or "-"), text(day_text(line.due, lang)), text(_days(line, lang)),
                     text(STATUSES[finding.status].get(lang))])  # fmt: skip
    keys = ("audit", "finding", "kind", "processes", "clauses", "statement", "owner", "due", "days", "status")
    return [f"## {md(word('open', lang))}", "", table(_words(keys, lang), rows)]


def _check(finding: Finding, lang: Lang) -> str:
    check = finding.effectiveness
    if check is None:
        return word("unchecked", lang)
    result = RESULTS[check.result].get(lang)
    return word("checked", lang, day=day_text(check.date, lang), result=result, evidence=check.evidence or "-", by=check.by or "-")


def _closed(data: AuditData, lang: Lang) -> list[str]:
    lines = [line for line in data.status.lines if line.state is NcState.CLOSED]
    if not lines:
        return [f"## {md(word('closed', lang))}", "", md(word("none_closed", lang)), ""]
    findings, rows = _findings_of(data), []
    for line in lines:
        finding = findings[(line.audit, line.finding)]
        rows.append([text(line.audit), text(line.finding), text(line.process or "-"), text(line.clause), text(line.owner or "-"),
                     text(day_text(line.due, lang)), text(day_text(finding.closed, lang)), text(_check(finding, lang))])  # fmt: skip
    keys = ("audit", "finding", "processes", "clauses", "owner", "due", "closed_on", "effectiveness")
    return [f"## {md(word('closed', lang))}", "", table(_words(keys, lang), rows)]


def _counts(status: RecordStatus, by: str, heading: str, lang: Lang) -> list[str]:
    states = (NcState.OPEN, NcState.OVERDUE, NcState.CLOSED)
    rows = [[text(name), *(str(counts[s]) for s in states), str(sum(counts.values()))] for name, counts in status.count(by).items()]
    first = "processes" if by == "process" else "owner"
    return [f"## {md(word(heading, lang))}", "", table(_words((first, "n_open", "n_overdue", "n_closed", "n_total"), lang), rows)]


def _rec_findings(data: AuditData, lang: Lang) -> list[str]:
    if not data.findings:
        return [f"## {md(word('findings', lang))}", "", md(word("no_findings", lang)), ""]
    rows = [[text(where), text(d.code), text(d.label(lang)), text(d.message.get(lang) + d.detail(lang))] for where, d in data.findings]
    return [f"## {md(word('findings', lang))}", "", table(_words(("where", "code", "severity", "message"), lang), rows)]


def actions_page(data: AuditData, lang: Lang) -> str:
    """The page ``hanh-dong-khac-phuc.md``: open and closed nonconformities, counts, the records' REC findings."""
    lines = _front(word("actions_title", lang), data, lang)
    lines += _open(data, lang) + _closed(data, lang)
    if data.status.lines:
        lines += _counts(data.status, "process", "by_process", lang) + _counts(data.status, "owner", "by_owner", lang)
    lines += _rec_findings(data, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["KINDS", "STATUSES", "AuditData", "W", "actions_page", "programme_page", "word"]
