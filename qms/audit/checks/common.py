"""Naming things in a finding, and finding the things a step names: steps, records, KPIs, roles."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TypeVar

from qms.audit.errors import Cause
from qms.audit.library import AuditedProcess, close_matches
from qms.diagnostics import Diagnostic
from qms.i18n import Message, _, join
from qms.model import KPI, Record, Step, Text
from qms.model.values import fold

# Texts by kind.
_AUDIT_MISSING = {
    "step": _("quy trình {code} không có bước «{step}»{close}"),
    "record": _("quy trình {code} không có hồ sơ, biểu mẫu «{record}»{close}"),
    "kpi": _("quy trình {code} không có chỉ số «{kpi}»{close}"),
}


def names(*texts: object) -> set[str]:
    return {fold(str(t)) for t in texts if t}


def step_label(step: Step) -> Message:
    return Message("{id} ({name})", "{id} ({name})").format(id=step.id, name=Message(step.name.vi, step.name.get("en")))


def listing(items: Sequence[Message], limit: int = 6) -> Message:
    shown = join(list(items[:limit]), ", ")
    if len(items) > limit:
        shown = Message("{shown}, …", "{shown}, …").format(shown=shown)
    return shown


def fail_at_steps(
    a: AuditedProcess, steps: Sequence[Step], message: Message, *field: str, label: Callable[[Step], Message] = step_label
) -> None:
    """Raise the finding ``message`` (with ``{code}``, ``{count}``, ``{steps}``) about ``steps``, placed at the first one
    (at its ``field`` when given); nothing when ``steps`` is empty."""
    if steps:
        first = steps[0]
        text = message.format(code=a.code, count=len(steps), steps=listing([label(s) for s in steps]))
        raise a.finding(text, a.step_at(first.id, *field), step=first.id)


def nothing() -> Message:
    return _("chưa có")


T = TypeVar("T")


def _find(
    a: AuditedProcess, ref: str, items: Sequence[T], code: Callable[[T], str], name: Callable[[T], Text], kind: str, section: str
) -> T:
    """The item whose code is ``ref``, or whose name is ``ref`` (accents and case ignored); else a finding naming the closest."""
    wanted = fold(ref)
    for item in items:
        if code(item) == ref:
            return item
    for item in items:
        if wanted in names(name(item).vi, name(item).en):
            return item
    close = close_matches(ref, [code(i) for i in items] + [name(i).vi for i in items])
    message = _AUDIT_MISSING[kind].format(code=a.code, close=close, **{kind: ref})
    raise a.finding(message, a.at(section), cause=Cause(f"{kind} {a.code} {fold(ref)}", message, a.at(section)))


def find_step(a: AuditedProcess, ref: str) -> Step:
    return _find(a, ref, a.process.steps, lambda s: s.id, lambda s: s.name, "step", "steps")


def find_record(a: AuditedProcess, ref: str) -> Record:
    return _find(a, ref, a.process.records, lambda r: r.code, lambda r: r.name, "record", "records")


def find_kpi(a: AuditedProcess, ref: str) -> KPI:
    return _find(a, ref, a.process.kpis, lambda k: k.code, lambda k: k.name, "kpi", "kpis")


def missing_role(a: AuditedProcess, role: str) -> Cause:
    """The cause of every criterion that names ``role`` when the process has no such role: one, however many fail."""
    roles = a.process.roles
    close = close_matches(role, list(roles) + [r.name.vi for r in roles.values()])
    message = _("quy trình {code} không có vai trò «{role}»{close}").format(code=a.code, role=role, close=close)
    return Cause(f"role {a.code} {fold(role)}", message, a.at("roles"))


def role_cause(a: AuditedProcess, role: str) -> Cause | None:
    """:func:`missing_role` when the process has no role ``role``, else ``None`` (the finding is its own cause)."""
    return missing_role(a, role) if role_id(a, role) is None else None


def rule_cause(finding: Diagnostic) -> Cause:
    """The cause of every criterion that cites one finding of a conformity rule: that finding, its code at its place."""
    where = finding.location
    message = Message("{rule}: {message}", "{rule}: {message}").format(rule=finding.code, message=finding.message)
    return Cause(f"rule {finding.code} {where.path}:{where.line}:{where.column}", message, where)


def role_id(a: AuditedProcess, ref: str) -> str | None:
    """The id of the role named ``ref`` (by id or name), or None when the process has no such role."""
    roles = a.process.roles
    if ref in roles:
        return ref
    wanted = fold(ref)
    return next((rid for rid, role in roles.items() if wanted in names(role.name.vi, role.name.en)), None)
