"""The findings of audit records and of the audit programme (codes in :mod:`qms.records.codes`).

Each finding is a :class:`~qms.diagnostics.Diagnostic` at the ``file:line:column`` of the value it is about. The
overdue finding (REC003) needs the date the records are looked at: without ``as_of`` it is not reported. Independence
(REC001) and coverage (REC006) need the processes: a role is looked up in them, the QMS's scope is theirs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Protocol

from qms.diagnostics import Diagnostic, Severity, sort_key
from qms.i18n import Message, _
from qms.load.source_map import SourceMap
from qms.model import Process, Status
from qms.records.codes import RECORD_CODES, RecCode
from qms.records.model import ActionStatus, AuditRecord, Finding, Result
from qms.records.read import ProgrammeFile, RecordFile, read_audits

_SEVERITY = {info.code: info.severity for info in RECORD_CODES}
Where = tuple[str | int, ...]


class Report(Protocol):
    def __call__(
        self, code: RecCode, where: Where, message: Message, hint: Message | None = None, *,
        key: bool = False, severity: Severity | None = None, process: str | None = None,
    ) -> None: ...  # fmt: skip


def _reporter(source: SourceMap, found: list[Diagnostic]) -> Report:
    def report(
        code: RecCode, where: Where, message: Message, hint: Message | None = None, *,
        key: bool = False, severity: Severity | None = None, process: str | None = None,
    ) -> None:  # fmt: skip
        location = source.key(where) if key else source.value(where)
        level = severity or _SEVERITY[code.value]
        found.append(Diagnostic(code.value, level, location, message, hint, process=process, data={"path": list(where)}))

    return report


def base_clause(clause: str) -> str:
    """``8.5.1`` of ``8.5.1 a)``: the numbered clause a lettered item belongs to."""
    match = re.match(r"\d+(?:\.\d+)*", clause.strip())
    return match.group(0) if match else clause.strip()


def record_findings(
    programme: ProgrammeFile | None, records: Sequence[RecordFile], processes: Sequence[Process] = (), as_of: date | None = None
) -> list[Diagnostic]:
    """Every REC finding of ``records`` (and of ``programme``, against ``processes``), sorted by place."""
    found: list[Diagnostic] = []
    for record_file in records:
        report = _reporter(record_file.source, found)
        _independence(record_file.record, processes, report)
        for i, finding in enumerate(record_file.record.findings):
            if finding.kind.nonconformity:
                _action(i, finding, as_of, report)
    found += _repeated(records)
    if programme is not None and processes:
        found += programme_findings(programme, processes)
    return sorted(found, key=sort_key)


def _independence(record: AuditRecord, processes: Sequence[Process], report: Report) -> None:
    by_code = {p.code: p for p in processes}
    for i, auditor in enumerate(record.team):
        for j, held in enumerate(auditor.roles):
            if held.process is not None:
                known = by_code.get(held.process)
                clash = [held.process] if held.process in record.scope.processes and (known is None or held.role in known.roles) else []
            else:
                clash = [c for c in record.scope.processes if c in by_code and held.role in by_code[c].roles]
            for code in clash:
                message = _("{name} giữ vai trò «{role}» trong {process}, thuộc phạm vi cuộc đánh giá {audit}").format(
                    name=auditor.name, role=held.role, process=code, audit=record.id
                )
                hint = _("chọn đánh giá viên khác cho quy trình này, hoặc bỏ quy trình khỏi phạm vi cuộc đánh giá")
                report(RecCode.NOT_INDEPENDENT, ("team", i, "roles", j), message, hint, process=code)


def _action(i: int, finding: Finding, as_of: date | None, report: Report) -> None:
    missing = [name for name, value in (("owner", finding.owner), ("due", finding.due), ("root_cause", finding.root_cause)) if value is None]
    if missing:
        message = _("điểm không phù hợp {id} thiếu {missing}").format(id=finding.id, missing=", ".join(f"«{m}»" for m in missing))
        report(RecCode.NC_INCOMPLETE, ("findings", i, "id"), message, _("thêm «owner:», «due:» và «root_cause:» cho phát hiện"), process=finding.process)
    closed = finding.status is ActionStatus.CLOSED
    if as_of is not None and not closed and finding.due is not None and finding.due < as_of:
        message = _("hành động khắc phục {id} quá hạn {days} ngày (hạn {due}) vào ngày {as_of}").format(
            id=finding.id, days=(as_of - finding.due).days, due=finding.due.isoformat(), as_of=as_of.isoformat()
        )
        hint = _("hoàn thành hành động khắc phục và ghi «status: closed», hoặc gia hạn «due:» có lý do")
        report(RecCode.OVERDUE, ("findings", i, "due"), message, hint, process=finding.process)
    if closed and finding.effectiveness is None:
        message = _("điểm không phù hợp {id} đã đóng nhưng chưa xác minh hiệu lực").format(id=finding.id)
        hint = _("thêm «effectiveness: {date, result: effective, evidence}»")
        report(RecCode.CLOSED_UNVERIFIED, ("findings", i, "status"), message, hint, process=finding.process)
    elif closed and finding.effectiveness is not None and finding.effectiveness.result is Result.NOT_EFFECTIVE:
        message = _("điểm không phù hợp {id} đã đóng dù hành động khắc phục không hiệu lực").format(id=finding.id)
        hint = _("mở lại («status: in_progress»), phân tích lại nguyên nhân và đặt hạn mới")
        report(RecCode.CLOSED_UNVERIFIED, ("findings", i, "effectiveness", "result"), message, hint, process=finding.process)


def _repeated(records: Sequence[RecordFile]) -> list[Diagnostic]:
    """A finding with the clause and process of a finding of an earlier audit: the latest such one is named."""
    found: list[Diagnostic] = []
    ordered = sorted(records, key=lambda r: (r.record.dates.start, r.record.id))
    for n, record_file in enumerate(ordered):
        report = _reporter(record_file.source, found)
        earlier = [(r.record, f) for r in ordered[:n] if r.record.dates.start < record_file.record.dates.start for f in r.record.findings]
        for i, finding in enumerate(record_file.record.findings):
            same = [(a, f) for a, f in earlier if f.process and f.process == finding.process and base_clause(f.clause) == base_clause(finding.clause)]
            if not same:
                continue
            audit, before = same[-1]
            message = _("phát hiện {id} lặp lại phát hiện {before} của cuộc đánh giá {audit} (điều {clause}, {process})").format(
                id=finding.id, before=before.id, audit=audit.id, clause=base_clause(finding.clause), process=finding.process
            )
            hint = _("xem lại nguyên nhân gốc và hiệu lực hành động khắc phục của phát hiện trước; tăng tần suất đánh giá quy trình này")
            severity = Severity.WARNING if finding.kind.nonconformity and before.kind.nonconformity else Severity.INFO
            report(RecCode.REPEATED, ("findings", i, "clause"), message, hint, severity=severity, process=finding.process)
    return found


def _covers(audited: set[str], clause: str) -> bool:
    return any(clause == a or clause.startswith(a + ".") or a.startswith(clause + ".") for a in audited)


def _in_system(process: Process, year: int) -> bool:
    """Whether ``process`` is part of the QMS in ``year``: approved, or once in force (an effective date) and now being
    revised; not a draft never approved, nor one that takes effect after the year or is withdrawn.

    A procedure drafted in December is not missing from January's programme: it enters the next one.
    """
    if process.status is Status.OBSOLETE or (process.effective_date and process.effective_date.year > year):
        return False
    return process.status is Status.APPROVED or process.effective_date is not None


def programme_findings(programme_file: ProgrammeFile, processes: Sequence[Process]) -> list[Diagnostic]:
    """REC006: each process given, and each clause they evidence, that no audit of the programme covers."""
    found: list[Diagnostic] = []
    report = _reporter(programme_file.source, found)
    programme = programme_file.programme
    processes = [p for p in processes if _in_system(p, programme.year)]
    by_code = {p.code: p for p in processes}
    audited_processes = {code for audit in programme.audits for code in audit.scope.processes}
    audited_clauses: set[str] = set()
    for audit in programme.audits:
        listed = audit.scope.clauses or [c for code in audit.scope.processes if code in by_code for c in by_code[code].iso_clauses]
        audited_clauses |= {base_clause(c) for c in listed}
    hint = _("thêm một cuộc đánh giá có quy trình hoặc điều khoản này trong «scope» của chương trình")
    for process in processes:
        if process.code not in audited_processes:
            message = _("quy trình {process} không được đánh giá trong chương trình năm {year}").format(process=process.code, year=programme.year)
            report(RecCode.NOT_COVERED, ("audits",), message, hint, key=True, process=process.code)
    clauses = sorted({base_clause(c) for p in processes for c in p.iso_clauses}, key=lambda c: [int(x) for x in c.split(".")])
    for clause in clauses:
        if not _covers(audited_clauses, clause):
            message = _("điều khoản {clause} không được đánh giá trong chương trình năm {year}").format(clause=clause, year=programme.year)
            report(RecCode.NOT_COVERED, ("audits",), message, hint, key=True)
    return found


@dataclass
class RecordCheck:
    """What ``qms records validate`` found: files read, the programmes and records read from them, every problem."""

    files: int
    programmes: list[ProgrammeFile] = field(default_factory=list)
    records: list[RecordFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def check_records(paths: Iterable[Path | str], processes: Sequence[Process] = (), as_of: date | None = None) -> RecordCheck:
    """Read every audit file under ``paths`` and find what each lacks: load errors, then the REC findings."""
    read = read_audits(paths, processes)
    problems = list(read.diagnostics)
    for n, programme in enumerate(read.programmes or [None]):
        # The records' own findings once; every programme's coverage.
        problems += record_findings(programme, read.records if n == 0 else [], processes, as_of)
    return RecordCheck(read.files, read.programmes, read.records, sorted(problems, key=sort_key))


__all__ = ["RecordCheck", "base_clause", "check_records", "programme_findings", "record_findings"]
