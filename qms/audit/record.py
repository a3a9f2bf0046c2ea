"""From criteria to records: the findings of a ``qms audit`` run written into the audit's record (``audits/*.yaml``).

ISO 9001:2015 9.2.2 d) and f) ask that audit results be reported and kept; a report that vanishes when closed does
neither. :func:`record_findings` turns every criterion that failed into a finding of the record
(:class:`~qms.records.model.Finding`), each with an id computed from the criterion (its feature file, scenario,
example row and process), so that running the criteria again updates the same findings instead of adding copies.

What the run knows it writes: the clause (the most specific ``@iso9001-…`` tag), the process and step, the
statement, the evidence and the criterion. What people add by hand stays theirs: the grade (an auditor may raise a
minor nonconformity to major), the correction, root cause, action, owner, due date, status and effectiveness check,
the comments and layout of the file (ruamel.yaml's round trip keeps them), and the findings entered by hand. A
finding an earlier run wrote that this run no longer raises is kept and named: it was found, and only its
corrective action closes it. A failed criterion without an ISO 9001 clause tag cannot be a finding (a finding cites
a requirement) and is listed instead, so that its author can tag it.

The record file is written only when something changed, through a temporary file read back by the record reader
first: a run never leaves a record that ``qms records validate`` rejects, nor half a file.
"""

from __future__ import annotations

import hashlib
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import DoubleQuotedScalarString

from qms.audit.report import AuditReport, CriterionResult, Kind, Outcome, Signatory
from qms.diagnostics import Diagnostic, LoadCode, Location, display_path, error
from qms.i18n import Lang, _
from qms.records.model import AuditRecord, FindingKind
from qms.records.read import AuditFiles, RecordFile, read_audit_file, read_audits

_CLAUSE_TAG = re.compile(r"^iso9001-(\d{1,2}(?:\.\d{1,2}){0,3})$", re.IGNORECASE)
_WRITTEN_BY_RUN = ("kind", "clause", "process", "step", "statement", "evidence", "criterion")
_UPDATED_BY_RUN = ("clause", "process", "step", "statement", "evidence", "criterion")  # the grade stays the auditor's
ID_PREFIX = "TC-"  # tiêu chí: a finding raised by a criterion


@dataclass
class RecordUpdate:
    """What :func:`record_findings` did to the record at ``path`` (finding ids in each list)."""

    path: Path
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    no_longer_raised: list[str] = field(default_factory=list)
    untagged: list[CriterionResult] = field(default_factory=list)  # failed, but no ISO 9001 clause to record it under
    created: bool = False
    record: AuditRecord | None = None  # the record as it now is

    @property
    def changed(self) -> bool:
        return self.created or bool(self.added or self.updated)


def finding_id(result: CriterionResult, features: Path) -> str:
    """The stable id of the finding a criterion raises: the same criterion, row and process give the same id."""
    base = features if features.is_dir() else features.parent
    try:
        where = Path(os.path.relpath(result.file, base)).as_posix()
    except ValueError:  # another drive
        where = Path(result.file).name
    row = "\x1f".join(f"{k}={v}" for k, v in sorted(result.example.items()))
    key = "\x00".join((where, result.scenario, row, _process(result) or ""))
    return ID_PREFIX + hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


def _process(result: CriterionResult) -> str | None:
    subjects = result.subjects
    return result.process or (subjects[0] if len(subjects) == 1 else None)


def _clause(result: CriterionResult) -> str | None:
    """The most specific ISO 9001 clause the criterion is tagged with (``@iso9001-8.5.1`` over ``@iso9001-8.5``)."""
    clauses = [m.group(1) for tag in result.tags if (m := _CLAUSE_TAG.match(tag))]
    return max(clauses, key=lambda c: c.count("."), default=None)


def finding_fields(result: CriterionResult, lang: Lang) -> dict[str, Any] | None:
    """The record fields a failed criterion gives, or ``None`` when it names no ISO 9001 clause."""
    clause = _clause(result)
    if clause is None:
        return None
    evidence = result.evidence or result.place
    step = f" — {result.step}" if result.step is not None else ""
    kind = FindingKind.OBSERVATION if result.kind is Kind.OBSERVATION else FindingKind.MINOR
    fields: dict[str, Any] = {
        "kind": kind.value,
        "clause": DoubleQuotedScalarString(clause),  # «8.5» unquoted would read back as a number
        "process": _process(result),
        "step": result.process_step,
        "statement": (result.message.get(lang) if result.message else "") or result.scenario,
        "evidence": f"{display_path(evidence.path)}:{evidence.line}{step}",
        "criterion": f"{display_path(result.file)}: {result.scenario}",
    }
    return {k: v for k, v in fields.items() if v is not None}


def _yaml() -> YAML:
    yaml = YAML()  # round trip: comments, key order, quoting and flow style as the officer wrote them
    yaml.preserve_quotes = True
    yaml.width = 4096  # never re-wrap the officer's lines
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def _merge(document: CommentedMap, raised: dict[str, dict[str, Any]], update: RecordUpdate) -> None:
    findings = document.get("findings")
    if not isinstance(findings, CommentedSeq):
        findings = document["findings"] = CommentedSeq()
    by_id = {str(f.get("id")): f for f in findings if isinstance(f, CommentedMap)}
    for fid, fields in raised.items():
        entry = by_id.get(fid)
        if entry is None:
            findings.append(CommentedMap([("id", fid), *((k, fields[k]) for k in _WRITTEN_BY_RUN if k in fields)]))
            update.added.append(fid)
            continue
        changes = {k: fields[k] for k in _UPDATED_BY_RUN if k in fields and str(entry.get(k)) != str(fields[k])}
        entry.update(changes)
        (update.updated if changes else update.unchanged).append(fid)
    update.no_longer_raised = sorted(f for f in by_id if f.startswith(ID_PREFIX) and f not in raised)


def _write_checked(path: Path, text: str, newline: str) -> tuple[AuditRecord | None, list[Diagnostic]]:
    """Write ``text`` to ``path`` only if the record reader accepts it: the record, or the problems (``path`` untouched)."""
    handle, temporary = tempfile.mkstemp(prefix=".qms-", suffix=path.suffix, dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline=newline) as stream:
            stream.write(text)
        value, problems = read_audit_file(temporary)
        if problems or not isinstance(value, RecordFile):
            return None, problems
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
        return value.record, []
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)


def _new_record(files: AuditFiles, audit_id: str, folder: Path, today: date, lang: Lang) -> tuple[Path, str] | Diagnostic:
    """The record of an audit the programme plans and nobody has started: its path and first text, or why not."""
    for programme in files.programmes:
        for planned in programme.programme.audits:
            if planned.id != audit_id:
                continue
            if planned.lead is None:
                return error(
                    LoadCode.REFERENCE, Location(programme.path), _("chương trình đánh giá chưa có trưởng đoàn cho «{id}»").format(id=audit_id),
                    _("ghi «lead:» cho cuộc đánh giá trong chương trình, hoặc tự lập hồ sơ {path} (docs/records.md)").format(
                        path=str(folder / f"{audit_id}.yaml")
                    ),
                )  # fmt: skip
            head = _(
                "Hồ sơ do «qms audit --record» lập ngày {day} theo chương trình {programme}: bổ sung đoàn đánh giá, người được đánh giá và ngày đánh giá."
            )
            document = CommentedMap(id=audit_id, programme=programme.programme.code, dates=CommentedMap(start=today))
            document["team"] = CommentedSeq([CommentedMap(name=planned.lead, lead=True)])
            document["scope"] = CommentedMap(processes=list(planned.scope.processes))
            if planned.scope.clauses:
                document["scope"]["clauses"] = [DoubleQuotedScalarString(c) for c in planned.scope.clauses]
            document.yaml_set_start_comment(head.format(day=today.strftime("%d/%m/%Y"), programme=programme.programme.code).get(lang))
            stream = io.StringIO()
            _yaml().dump(document, stream)
            return folder / f"{audit_id}.yaml", stream.getvalue()
    return error(
        LoadCode.REFERENCE, Location(folder), _("không có hồ sơ đánh giá nào mang mã «{id}»").format(id=audit_id),
        _("kiểm tra mã; hoặc ghi cuộc đánh giá vào chương trình (có trưởng đoàn) để qms lập hồ sơ, hoặc tự lập hồ sơ theo docs/records.md"),
    )  # fmt: skip


def record_findings(
    report: AuditReport, audits: Path | str, audit_id: str, lang: Lang | str = Lang.VI, today: date | None = None
) -> tuple[RecordUpdate | None, list[Diagnostic]]:
    """Write the findings of ``report`` into the record of audit ``audit_id`` found under ``audits`` (a folder or a file).

    A record not yet written is started from the programme's entry for the audit (``today`` its first day). Returns what
    changed, or ``None`` and the problems that kept the record from being written (an unreadable record, no such audit).
    """
    audits, lang = Path(audits), Lang(lang)
    files = read_audits([audits])
    matches = [r for r in files.records if r.record.id == audit_id]
    if not matches and files.diagnostics:
        return None, files.diagnostics  # the record may be the file that does not read
    if len(matches) > 1:
        message = _("hai hồ sơ cùng mã «{id}»: {paths}").format(id=audit_id, paths=", ".join(display_path(r.path) for r in matches))
        return None, [error(LoadCode.DUPLICATE_ID, Location(matches[1].path), message, _("mỗi cuộc đánh giá một hồ sơ"))]
    update = RecordUpdate(matches[0].path if matches else audits)
    newline = "\n"
    if matches:
        raw = matches[0].path.read_bytes()
        newline = "\r\n" if b"\r\n" in raw else "\n"  # a record saved on Windows keeps its line ends
        text = raw.decode("utf-8-sig").replace("\r\n", "\n")
    else:
        started = _new_record(files, audit_id, audits if audits.is_dir() else audits.parent, today or date.today(), lang)
        if isinstance(started, Diagnostic):
            return None, [started]
        update.path, text = started
        update.created = True
    raised: dict[str, dict[str, Any]] = {}
    for result in report.results:
        if result.outcome is not Outcome.FAILED:
            continue
        fields = finding_fields(result, lang)
        if fields is None:
            update.untagged.append(result)
        else:
            raised[finding_id(result, report.features)] = fields
    document = _yaml().load(text)
    _merge(document, raised, update)
    update.record = matches[0].record if matches else None
    if update.changed:
        stream = io.StringIO()
        _yaml().dump(document, stream)
        update.record, problems = _write_checked(update.path, stream.getvalue(), newline)
        if update.record is None:
            return None, problems
    return update, []


def signatories_of(record: AuditRecord) -> list[Signatory]:
    """The signature block of a report of ``record``: the lead auditor, the other auditors, the auditees."""
    lead = [Signatory(_("Trưởng đoàn đánh giá"), a.name, a.unit or "") for a in record.team if a.lead]
    members = [Signatory(_("Thành viên đoàn đánh giá"), a.name, a.unit or "") for a in record.team if not a.lead]
    auditees = [
        Signatory(_("Đại diện đơn vị được đánh giá"), a.name, ", ".join(x for x in (a.title, a.unit) if x)) for a in record.auditees
    ]
    return lead + members + (auditees or [Signatory(_("Đại diện đơn vị được đánh giá"))])


__all__ = ["ID_PREFIX", "RecordUpdate", "finding_fields", "finding_id", "record_findings", "signatories_of"]
