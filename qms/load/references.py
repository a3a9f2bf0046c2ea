"""Check what a schema cannot: each step's shape for its type, unique ids,
and that every reference (next step, role, record, legal document, KPI,
called process) names something that exists — reported at the line where
the reference is written, with the closest existing name as a hint.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from qms.diagnostics import Diagnostic, LoadCode, error
from qms.i18n import Message, _
from qms.load.schema_errors import closest
from qms.load.source import Path_, SourceMap
from qms.model import Process, Step, StepType
from qms.model.values import echo, label_key

# Texts by self.key.
_KIND = {
    "step": _("bước"),
    "role": _("vai trò"),
    "record": _("hồ sơ/biểu mẫu"),
    "process": _("quy trình"),
    "legal": _("văn bản pháp lý"),
    "kpi": _("chỉ số KPI"),
    "risk": _("rủi ro"),
}


@dataclass(frozen=True)
class _Kind:
    """A kind of thing a reference can name, and the section that declares it."""

    key: str
    section: str

    def label(self) -> Message:
        return _KIND[self.key]


STEP = _Kind("step", "steps")
ROLE = _Kind("role", "roles")
RECORD = _Kind("record", "records")
LEGAL = _Kind("legal", "legal_basis")
KPI = _Kind("kpi", "kpis")
RISK = _Kind("risk", "risks")
PROCESS = _Kind("process", "processes/")


def check_process(process: Process, source: SourceMap, known_processes: set[str] | None = None) -> list[Diagnostic]:
    """All structural and reference problems of one validated process."""
    found = [
        *_duplicates(process, source),
        *_alias_clashes(process, source),
        *_step_shapes(process, source),
        *_references(process, source, known_processes),
    ]
    return found


def _duplicates(process: Process, source: SourceMap) -> Iterator[Diagnostic]:
    sections: list[tuple[_Kind, str, Iterable[str]]] = [
        (STEP, "id", (s.id for s in process.steps)),
        (RECORD, "code", (r.code for r in process.records)),
        (KPI, "code", (k.code for k in process.kpis)),
        (RISK, "code", (r.code for r in process.risks)),
        (LEGAL, "id", (d.id for d in process.legal_basis)),
    ]
    for kind, field, names in sections:
        first: dict[str, int] = {}
        for index, name in enumerate(names):
            here = (kind.section, index, field)
            if name in first:
                yield error(
                    LoadCode.DUPLICATE_ID,
                    source.value(here),
                    _with_kind(
                        _("{kind} «{name}» bị khai báo hai lần (lần đầu ở dòng {first_line})"),
                        kind,
                        name=name,
                        first_line=source.value((kind.section, first[name], field)).line,
                    ),
                    _("mỗi mã chỉ dùng một lần; đổi tên một trong hai"),
                )
            else:
                first[name] = index


def _alias_clashes(process: Process, source: SourceMap) -> Iterator[Diagnostic]:
    """An alias (``steps[].aliases``) that is also another step's id, name or alias: a log label naming it would name
    two steps. Compared as qms conform compares labels (:func:`qms.model.values.label_key`)."""
    owner: dict[str, str] = {}
    for step in process.steps:
        for text in (step.id, step.name.vi, step.name.en):
            if text:
                owner.setdefault(label_key(text), step.id)
    for index, step in enumerate(process.steps):
        for j, alias in enumerate(step.aliases):
            other = owner.setdefault(label_key(alias), step.id)
            if other != step.id:
                message = _("nhãn «{alias}» của bước «{step}» cũng chỉ bước «{other}»: một nhãn trong nhật ký chỉ được chỉ một bước")
                hint = _("xoá nhãn này ở một trong hai bước; nhãn được so không phân biệt hoa thường, dấu và khoảng trắng")
                where = source.value(("steps", index, "aliases", j))
                yield error(LoadCode.DUPLICATE_ID, where, message.format(alias=echo(alias), step=step.id, other=other), hint)


_BRANCHES_EXAMPLE = _("ví dụ: branches: [{when: Đủ, to: tham-dinh}, {when: Chưa đủ, to: yeu-cau-bo-sung}]")


def _step_shapes(process: Process, source: SourceMap) -> Iterator[Diagnostic]:
    for index, step in enumerate(process.steps):
        at = ("steps", index)
        yield from _way_out(step, at, source)
        yield from _call_fields(step, at, source)


def _way_out(step: Step, at: Path_, source: SourceMap) -> Iterator[Diagnostic]:
    """A decision has branches, an end nothing after it, any other step one «next»."""
    kind = step.type
    if kind is StepType.DECISION:
        # With a «next» the author used the wrong field; without, the branches are simply missing.
        if step.next:
            message = _("bước quyết định liệt kê các nhánh trong «branches», không dùng «next»")
            yield error(LoadCode.SCHEMA, source.value((*at, "next")), message, _BRANCHES_EXAMPLE)
        elif not step.branches:
            message = _("bước quyết định cần liệt kê các nhánh trong «branches»")
            yield error(LoadCode.SCHEMA, source.value((*at, "type")), message, _BRANCHES_EXAMPLE)
    elif kind is StepType.END:
        if step.next or step.branches:
            where = source.key((*at, "next" if step.next else "branches"))
            yield error(LoadCode.SCHEMA, where, _("bước kết thúc không có bước tiếp theo"), _("xoá «next» hoặc đổi «type» thành task"))
    elif step.branches:
        message = _("bước loại «{type}» chỉ đi tới một bước: «next» là một mã bước").format(type=kind.value)
        hint = _("để rẽ nhánh, dùng một bước «type: decision» với «branches: [{when: ..., to: ...}]»")
        yield error(LoadCode.SCHEMA, source.key((*at, "branches")), message, hint)
    elif not step.next:
        where = source.value((*at, "type")) if "type" in _keys(source, at) else source.value(at)
        message = _("bước loại «{type}» phải có «next» chỉ tới một bước").format(type=kind.value)
        yield error(LoadCode.SCHEMA, where, message, _("thêm «next: mã-bước-tiếp-theo»"))


def _call_fields(step: Step, at: Path_, source: SourceMap) -> Iterator[Diagnostic]:
    """«calls» on a sub-process step, and only there; «calls_part» only with «calls»."""
    if step.type is StepType.SUBPROCESS and not step.calls:
        message, hint = _("bước quy trình con phải có «calls: MÃ-QUY-TRÌNH»"), _("ghi mã của quy trình được gọi, ví dụ calls: QT-VB-01")
        yield error(LoadCode.SCHEMA, source.value(at), message, hint)
    if step.calls_part and not step.calls:
        message = _("«calls_part» chỉ có nghĩa khi bước gọi một quy trình («calls»)")
        yield error(LoadCode.SCHEMA, source.key((*at, "calls_part")), message, _("thêm «calls: <mã quy trình>» hoặc xoá «calls_part»"))
    if step.type is not StepType.SUBPROCESS and step.calls:
        message = _("chỉ bước «type: subprocess» mới có «calls»")
        yield error(LoadCode.SCHEMA, source.key((*at, "calls")), message, _("đổi «type» thành subprocess hoặc xoá «calls»"))


def _keys(source: SourceMap, at: Path_) -> set[str]:
    return {str(k[len(at)]) for k in source.keys if len(k) == len(at) + 1 and k[: len(at)] == at}


def _references(process: Process, source: SourceMap, known_processes: set[str] | None) -> Iterator[Diagnostic]:
    steps = [s.id for s in process.steps]
    roles = list(process.roles)
    records = [r.code for r in process.records]
    legal = [d.id for d in process.legal_basis]
    kpis = [k.code for k in process.kpis]
    process_codes = sorted(known_processes) if known_processes is not None else []

    refs: list[tuple[_Kind, list[str], Path_, str | None]] = [(ROLE, roles, ("owner",), process.owner)]
    if process.approval:
        for part in ("prepared", "reviewed", "approved"):
            signoff = getattr(process.approval, part)
            if signoff:
                refs.append((ROLE, roles, ("approval", part, "role"), signoff.role))
    for i, step in enumerate(process.steps):
        refs.append((ROLE, roles, ("steps", i, "role"), step.role))
        refs += [(ROLE, roles, ("steps", i, "support", j), r) for j, r in enumerate(step.support)]
        refs.append((STEP, steps, ("steps", i, "next"), step.next))
        refs += [(STEP, steps, ("steps", i, "branches", j, "to"), b.to) for j, b in enumerate(step.branches)]
        refs += [(RECORD, records, ("steps", i, "records", j), code) for j, code in enumerate(step.records)]
        if known_processes is not None and step.calls:
            refs.append((PROCESS, process_codes, ("steps", i, "calls"), step.calls))
    for i, record in enumerate(process.records):
        refs.append((ROLE, roles, ("records", i, "kept_by"), record.kept_by))
        refs.append((LEGAL, legal, ("records", i, "legal_basis"), record.legal_basis))
    for i, kpi in enumerate(process.kpis):
        refs.append((ROLE, roles, ("kpis", i, "owner"), kpi.owner))
    for i, risk in enumerate(process.risks):
        refs.append((ROLE, roles, ("risks", i, "owner"), risk.owner))
        refs += [(STEP, steps, ("risks", i, "controls", j), s) for j, s in enumerate(risk.controls)]
    if process.clock:
        refs += [(STEP, steps, ("clock", part), getattr(process.clock, part)) for part in ("starts_at", "stops_at")]
    for i, case in enumerate(process.deadline_cases):
        refs += [(STEP, steps, ("deadline_cases", i, "through", j), s) for j, s in enumerate(case.through)]
    for i, waiver in enumerate(process.waivers):
        refs.append((ROLE, roles, ("waivers", i, "approved_by"), waiver.approved_by))
        refs.append((STEP, steps, ("waivers", i, "step"), waiver.step))
    if process.citizen_service:
        refs.append((KPI, kpis, ("citizen_service", "satisfaction_kpi"), process.citizen_service.satisfaction_kpi))

    # Membership in sets: a 20,000-step process has 20,000 references to check against 20,000 step ids.
    as_set: dict[int, set[str]] = {}
    for kind, known, path, name in refs:
        members = as_set.get(id(known))
        if members is None:
            members = as_set[id(known)] = set(known)
        if name is not None and name not in members:
            yield error(
                LoadCode.REFERENCE,
                source.value(path),
                _with_kind(_("{kind} «{name}» không tồn tại"), kind, name=name),
                # A process calling itself is a cycle (QMS106), so its own code is never the call it meant.
                _hint(kind, name, [k for k in known if k != process.code] if kind is PROCESS else known),
                kind=kind.key,
                name=name,
            )


def _with_kind(template: Message, kind: _Kind, **args: object) -> Message:
    return template.format(kind=kind.label(), **args)


def _hint(kind: _Kind, name: str, known: list[str]) -> Message:
    suggestion = closest(name, known)
    if suggestion:
        return _("có phải ý bạn là «{suggestion}»?").format(suggestion=suggestion)
    if not known:
        return _with_kind(_("chưa khai báo {kind} nào; thêm vào mục «{section}»"), kind, section=kind.section)
    shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    return _with_kind(_("{kind} đã khai báo: {known}"), kind, known=shown)
