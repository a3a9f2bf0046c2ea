"""Check what a schema cannot: each step's shape for its type, unique ids,
and that every reference (next step, role, record, legal document, KPI,
called process) names something that exists — reported at the line where
the reference is written, with the closest existing name as a hint.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from qms.diagnostics import Diagnostic, LoadCode, error
from qms.i18n import Message, msg
from qms.load.schema_errors import closest
from qms.load.source import Path_, SourceMap
from qms.model import Process, StepType


@dataclass(frozen=True)
class _Kind:
    """A kind of thing a reference can name, and the section that declares it."""

    key: str
    section: str

    def label(self) -> Message:
        return msg(f"kind.{self.key}")


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
                    _with_kind("ref.duplicate", kind, name=name, first_line=source.value((kind.section, first[name], field)).line),
                    msg("ref.duplicate.hint"),
                )
            else:
                first[name] = index


def _step_shapes(process: Process, source: SourceMap) -> Iterator[Diagnostic]:
    for index, step in enumerate(process.steps):
        at = ("steps", index)
        kind = step.type
        if kind is StepType.DECISION:
            if step.next or not step.branches:
                # With a «next» the author used the wrong field; without, the branches are simply missing.
                if step.next:
                    yield error(LoadCode.SCHEMA, source.value((*at, "next")), msg("step.branches_not_next"), msg("step.branches_required.hint"))
                else:
                    yield error(LoadCode.SCHEMA, source.value((*at, "type")), msg("step.branches_required"), msg("step.branches_required.hint"))
        elif kind is StepType.END:
            if step.next or step.branches:
                yield error(LoadCode.SCHEMA, source.key((*at, "next" if step.next else "branches")), msg("step.end_has_next"), msg("step.end_has_next.hint"))
        else:
            if step.branches:
                yield error(LoadCode.SCHEMA, source.key((*at, "branches")), msg("step.next_single", type=kind.value), msg("step.next_single.hint"))
            elif not step.next:
                yield error(LoadCode.SCHEMA, source.value((*at, "type")) if "type" in _keys(source, at) else source.value(at),
                            msg("step.next_required", type=kind.value), msg("step.next_required.hint"))
        if kind is StepType.SUBPROCESS and not step.calls:
            yield error(LoadCode.SCHEMA, source.value(at), msg("step.calls_required"), msg("step.calls_required.hint"))
        if step.calls_part and not step.calls:
            yield error(LoadCode.SCHEMA, source.key((*at, "calls_part")), msg("step.part_without_calls"), msg("step.part_without_calls.hint"))
        if kind is not StepType.SUBPROCESS and step.calls:
            yield error(LoadCode.SCHEMA, source.key((*at, "calls")), msg("step.calls_only_subprocess"), msg("step.calls_only_subprocess.hint"))


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
            yield error(LoadCode.REFERENCE, source.value(path), _with_kind("ref.unknown", kind, name=name), _hint(kind, name, known), kind=kind.key, name=name)


def _with_kind(key: str, kind: _Kind, **args: object) -> Message:
    label = kind.label()
    return Message(msg(key, kind=label.vi, kind_en=label.en, **args).vi, msg(key, kind=label.vi, kind_en=label.en, **args).en)


def _hint(kind: _Kind, name: str, known: list[str]) -> Message:
    suggestion = closest(name, known)
    if suggestion:
        return msg("ref.hint_close", suggestion=suggestion)
    if not known:
        return _with_kind("ref.hint_none", kind, section=kind.section)
    shown = ", ".join(known[:12]) + (", …" if len(known) > 12 else "")
    return _with_kind("ref.hint_list", kind, known=shown)
