"""Reading audit files: the same safe YAML reader and the same messages as process files, against the record models.

A file with ``audits:`` is a programme (:class:`~qms.records.model.Programme`), any other the record of one audit
(:class:`~qms.records.model.AuditRecord`). :func:`read_audits` gives them, or every problem at its
``file:line:column``: YAML errors, fields the format does not have (with a did-you-mean), and references the models
cannot see: two findings (or two planned audits) with one id, a finding's process that is not a known process code,
or its step that is not a step of that process (when the processes are given).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from qms.diagnostics import Diagnostic, LoadCode, error, sort_key
from qms.i18n import Message, _
from qms.load.documents import read_mapping, validate_as
from qms.load.schema_errors import FileFormat, closest
from qms.load.source import SourceMap
from qms.model import Process
from qms.records.model import AuditRecord, Programme

PROGRAMME_FORMAT = FileFormat(Programme, _("định dạng chương trình đánh giá"), "docs/records.md")
RECORD_FORMAT = FileFormat(AuditRecord, _("định dạng hồ sơ đánh giá"), "docs/records.md")


@dataclass
class ProgrammeFile:
    path: Path
    programme: Programme
    source: SourceMap = field(repr=False)


@dataclass
class RecordFile:
    path: Path
    record: AuditRecord
    source: SourceMap = field(repr=False)


@dataclass
class AuditFiles:
    """What :func:`read_audits` read: the programmes, the records (by start date), and every problem."""

    files: int = 0
    programmes: list[ProgrammeFile] = field(default_factory=list)
    records: list[RecordFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)


def read_audit_file(path: Path | str, processes: Sequence[Process] = ()) -> tuple[ProgrammeFile | RecordFile | None, list[Diagnostic]]:
    """The programme or record ``path`` holds, or ``None`` and every problem that keeps it from being used."""
    path = Path(path)
    document, problems = read_mapping(path, _("tệp đánh giá"))
    if document is None:
        return None, problems
    value, problems = validate_as(document, PROGRAMME_FORMAT if "audits" in document.data else RECORD_FORMAT)
    if value is None:
        return None, problems
    if isinstance(value, Programme):
        problems = _twice([a.id for a in value.audits], "audits", document.source)
        return (None, problems) if problems else (ProgrammeFile(path, value, document.source), [])
    assert isinstance(value, AuditRecord)
    problems = _twice([f.id for f in value.findings], "findings", document.source) + _references(value, document.source, processes)
    if value.dates.end is not None and value.dates.end < value.dates.start:
        problems.append(error(LoadCode.SCHEMA, document.source.value(("dates", "end")), _("ngày kết thúc đánh giá sớm hơn ngày bắt đầu")))
    return (None, sorted(problems, key=sort_key)) if problems else (RecordFile(path, value, document.source), [])


def _twice(ids: list[str], name: str, source: SourceMap) -> list[Diagnostic]:
    seen: set[str] = set()
    found = []
    for i, value in enumerate(ids):
        if value in seen:
            message = _("«{value}» xuất hiện hai lần trong {name}").format(value=value, name=name)
            found.append(error(LoadCode.DUPLICATE_ID, source.value((name, i, "id")), message, _("đặt cho mỗi thứ một mã riêng")))
        seen.add(value)
    return found


def _references(record: AuditRecord, source: SourceMap, processes: Sequence[Process]) -> list[Diagnostic]:
    """A finding's process must be a known process, its step a step of it; only checked when processes are given."""
    if not processes:
        return []
    by_code = {p.code: p for p in processes}
    found: list[Diagnostic] = []

    def unknown(where: tuple[str | int, ...], name: str, known: list[str], what: Message) -> None:
        suggestion = closest(name, known)
        hint = _("có phải ý bạn là «{name}»?").format(name=suggestion) if suggestion else _("các mã có: {names}").format(names=", ".join(known) or "-")
        found.append(error(LoadCode.REFERENCE, source.value(where), _("«{name}» không phải {what}").format(name=name, what=what), hint))

    for i, code in enumerate(record.scope.processes):
        if code not in by_code:
            unknown(("scope", "processes", i), code, sorted(by_code), _("mã một quy trình đã nạp"))
    for i, finding in enumerate(record.findings):
        process = by_code.get(finding.process) if finding.process else None
        if finding.process and process is None:
            unknown(("findings", i, "process"), finding.process, sorted(by_code), _("mã một quy trình đã nạp"))
        elif process is not None and finding.step and finding.step not in {s.id for s in process.steps}:
            unknown(("findings", i, "step"), finding.step, [s.id for s in process.steps], _("một bước của {code}").format(code=process.code))
    return found


def _files(paths: Iterable[Path | str]) -> list[Path]:
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")) if path.is_dir() else [path]
    return files


def read_audits(paths: Iterable[Path | str], processes: Sequence[Process] = ()) -> AuditFiles:
    """Every programme and record file (``*.yaml``, ``*.yml``) under ``paths``; records sorted by their start date."""
    result = AuditFiles()
    files = _files(paths)
    result.files = len(files)
    for file in files:
        value, found = read_audit_file(file, processes)
        result.diagnostics += found
        if isinstance(value, ProgrammeFile):
            result.programmes.append(value)
        elif isinstance(value, RecordFile):
            result.records.append(value)
    result.records.sort(key=lambda r: (r.record.dates.start, r.record.id))
    result.diagnostics.sort(key=sort_key)
    return result


__all__ = ["PROGRAMME_FORMAT", "RECORD_FORMAT", "AuditFiles", "ProgrammeFile", "RecordFile", "read_audit_file", "read_audits"]
