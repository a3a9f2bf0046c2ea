"""What each step of the audit step library checks, independent of the phrase's language.

Every check takes the :class:`~qms.audit.library.AuditedProcess` chosen by
the scenario's «Biết quy trình» / «Given the process» step, returns nothing
when the process meets the criterion, and raises an
:class:`~qms.audit.errors.AuditFinding` (bilingual sentence + place in the
process file) when it does not. Steps, roles, records and KPIs are named
by id/code or by their name as written in the process (compared without
diacritics or case).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

import networkx as nx

from qms.audit.errors import AuditFinding, CriterionError, bilingual
from qms.audit.library import AuditedProcess, close_matches
from qms.audit.parsers import Invalid, require
from qms.diagnostics import Severity
from qms.graph import TimedPath
from qms.i18n import Message, join, msg
from qms.model import KPI, Authority, Record, Status, Step, StepType, Text
from qms.model.values import MINUTES_PER_WORKING_DAY, Comparison, Duration, fold

# --- naming things ------------------------------------------------------------------------------


def _names(*texts: object) -> set[str]:
    return {fold(str(t)) for t in texts if t}


def step_label(step: Step) -> Message:
    return Message(f"{step.id} ({step.name.vi})", f"{step.id} ({step.name.get('en')})")


def _listing(items: Sequence[Message], limit: int = 6) -> Message:
    shown = join(list(items[:limit]), ", ")
    if len(items) > limit:
        shown = Message(shown.vi + ", …", shown.en + ", …")
    return shown


def _none() -> Message:
    return msg("audit.none")


T = TypeVar("T")


def _find(a: AuditedProcess, ref: str, items: Sequence[T], code: Callable[[T], str], name: Callable[[T], Text], kind: str, section: str) -> T:
    """The item whose code is ``ref``, or whose name is ``ref`` (accents and case ignored); else a finding naming the closest."""
    wanted = fold(ref)
    for item in items:
        if code(item) == ref:
            return item
    for item in items:
        if wanted in _names(name(item).vi, name(item).en):
            return item
    close = close_matches(ref, [code(i) for i in items] + [name(i).vi for i in items])
    raise a.finding(bilingual(f"audit.{kind}.missing", code=a.code, close=close, **{kind: ref}), a.at(section))


def find_step(a: AuditedProcess, ref: str) -> Step:
    return _find(a, ref, a.process.steps, lambda s: s.id, lambda s: s.name, "step", "steps")


def find_record(a: AuditedProcess, ref: str) -> Record:
    return _find(a, ref, a.process.records, lambda r: r.code, lambda r: r.name, "record", "records")


def find_kpi(a: AuditedProcess, ref: str) -> KPI:
    return _find(a, ref, a.process.kpis, lambda k: k.code, lambda k: k.name, "kpi", "kpis")


def role_id(a: AuditedProcess, ref: str) -> str | None:
    """The id of the role named ``ref`` (by id or name), or None when the process has no such role."""
    roles = a.process.roles
    if ref in roles:
        return ref
    wanted = fold(ref)
    return next((rid for rid, role in roles.items() if wanted in _names(role.name.vi, role.name.en)), None)


# --- who: owner, approval, roles ----------------------------------------------------------------


def owner_is(a: AuditedProcess, role: str) -> None:
    if a.process.owner != role_id(a, role):
        raise a.finding(bilingual("audit.owner.mismatch", code=a.code, actual=a.process.owner, expected=role), a.at("owner"))


def _status_label(status: Status) -> Message:
    return msg(f"audit.status.{status.value}")


def status_is(a: AuditedProcess, status: Status | Invalid) -> None:
    expected = require(status)
    if a.process.status is not expected:
        message = bilingual("audit.status.mismatch", code=a.code, actual=_status_label(a.process.status), expected=_status_label(expected))
        raise a.finding(message, a.at("status"))


def _approved(a: AuditedProcess):
    approval = a.process.approval
    if approval is None or approval.approved is None:
        raise a.finding(msg("audit.approval.missing", code=a.code), a.at("approval"))
    return approval.approved


def approved_by(a: AuditedProcess, role: str) -> None:
    approved = _approved(a)
    if approved.role != role_id(a, role):
        message = bilingual("audit.approval.other", code=a.code, actual=approved.role, expected=role)
        raise a.finding(message, a.at("approval", "approved", "role"))


def approver_not_drafter(a: AuditedProcess) -> None:
    approved = _approved(a)
    prepared = a.process.approval.prepared if a.process.approval else None
    if prepared is None:
        raise a.finding(msg("audit.approval.no_preparer", code=a.code), a.at("approval"))
    if prepared.name and approved.name:
        same, who = fold(prepared.name) == fold(approved.name), approved.name
    else:
        same, who = prepared.role == approved.role, approved.role
    if same:
        raise a.finding(msg("audit.approval.self", code=a.code, who=who), a.at("approval", "approved"))


def approver_has_authority(a: AuditedProcess) -> None:
    approved = _approved(a)
    role = a.process.roles.get(approved.role)
    if role is None or Authority.APPROVE not in role.authority:
        raise a.finding(msg("audit.approval.no_authority", code=a.code, role=approved.role), a.at("approval", "approved", "role"))


def effective_not_before_approval(a: AuditedProcess) -> None:
    approved = _approved(a)
    effective = a.process.effective_date
    if approved.date is None or effective is None:
        raise a.finding(msg("audit.approval.no_dates", code=a.code), a.at("effective_date") if effective else a.at("approval", "approved"))
    if effective < approved.date:
        message = msg(
            "audit.approval.after_effective",
            code=a.code,
            effective=effective.strftime("%d/%m/%Y"),
            approved=approved.date.strftime("%d/%m/%Y"),
        )
        raise a.finding(message, a.at("effective_date"))


def revision_for_current_version(a: AuditedProcess) -> None:
    if not any(r.version == a.process.version for r in a.process.revisions):
        where = a.at("revisions") if a.process.revisions else a.at("version")
        raise a.finding(msg("audit.revision.missing", code=a.code, version=a.process.version), where)


def has_role(a: AuditedProcess, role: str) -> None:
    if role_id(a, role) is None:
        roles = a.process.roles
        close = close_matches(role, list(roles) + [r.name.vi for r in roles.values()])
        raise a.finding(bilingual("audit.role.missing", code=a.code, role=role, close=close), a.at("roles"))


def has_step(a: AuditedProcess, step: str) -> None:
    find_step(a, step)


def has_record(a: AuditedProcess, record: str) -> None:
    find_record(a, record)


def every_step_has_role(a: AuditedProcess) -> None:
    missing = [s for s in a.process.steps if not s.role]
    if missing:
        message = bilingual("audit.steps.no_role", code=a.code, count=len(missing), steps=_listing([step_label(s) for s in missing]))
        raise a.finding(message, a.step_at(missing[0].id))


def step_done_by(a: AuditedProcess, step: str, role: str) -> None:
    found = find_step(a, step)
    if found.role is None or found.role != role_id(a, role):
        actual: Message | str = found.role or _none()
        message = bilingual("audit.step.role", code=a.code, step=step_label(found), actual=actual, expected=role)
        raise a.finding(message, a.step_at(found.id, "role") if found.role else a.step_at(found.id))


def authority_steps_by_authorised_roles(a: AuditedProcess) -> None:
    bad: list[tuple[Step, Message]] = []
    for step in a.process.steps:
        if step.authority is None:
            continue
        role = a.process.roles.get(step.role or "")
        if role is None or step.authority not in role.authority:
            what = msg(f"audit.authority.{step.authority.value}")
            who = step.role or _none().vi
            bad.append((step, Message(f"{step.id} ({what.vi}: {who})", f"{step.id} ({what.en}: {step.role or _none().en})")))
    if bad:
        message = bilingual("audit.authority.missing", code=a.code, count=len(bad), steps=_listing([m for _, m in bad]))
        raise a.finding(message, a.step_at(bad[0][0].id, "authority"))


# --- time --------------------------------------------------------------------------------------


def _days(minutes: int) -> Message:
    """Working days with at most two decimals, written the Vietnamese way (comma) and the English way."""
    text = f"{minutes / MINUTES_PER_WORKING_DAY:.2f}".rstrip("0").rstrip(".")
    return Message(text.replace(".", ","), text)


def _limit(limit: Duration) -> Message:
    """A limit as written, with its working days when written in another unit: «4 giờ (0,5 ngày làm việc)»."""
    if (
        limit.minutes % MINUTES_PER_WORKING_DAY == 0
        and not limit.approximate
        and any(word in fold(limit.text) for word in ("ngay lam viec", "working day", "wd"))
    ):
        return Message(limit.text, limit.text)
    days = _days(limit.minutes)
    return Message(f"{limit.text} ({days.vi} ngày làm việc)", f"{limit.text} ({days.en} working days)")


def _path_fits(a: AuditedProcess, path: TimedPath | None, limit: Duration, where: object) -> None:
    if path is None:
        raise a.finding(msg("audit.path.none", code=a.code), a.at("steps"))
    lower = Message("", "")
    if path.untimed:
        lower = msg("audit.path.lower_bound", steps=", ".join(path.untimed))
    if path.minutes > limit.minutes or path.untimed:
        message = bilingual(
            "audit.path.exceeds" if path.minutes > limit.minutes else "audit.path.untimed",
            code=a.code,
            actual=_days(path.minutes),
            lower=lower,
            limit=_limit(limit),
            path=" → ".join(path.steps),
            steps=", ".join(path.untimed),
        )
        raise a.finding(message, where)  # type: ignore[arg-type]


def longest_path_within_deadline(a: AuditedProcess) -> None:
    if a.process.deadline is None:
        raise a.finding(msg("audit.deadline.none", code=a.code), a.at("code"))
    # As rule QMS302: each deadline (of the process, of each case) against the longest path it binds.
    for bound in a.graph.deadline_paths:
        if bound.path is None and bound.case is None and a.process.deadline_cases and a.graph.longest_path is not None:
            continue  # every path belongs to a case: nothing left for the process's own deadline
        _path_fits(a, bound.path, bound.deadline, a.at(*bound.field))


def longest_path_within(a: AuditedProcess, duration: Duration | Invalid) -> None:
    _path_fits(a, a.graph.longest_path, require(duration), a.at("steps"))


def deadline_at_most(a: AuditedProcess, duration: Duration | Invalid) -> None:
    limit = require(duration)
    deadline = a.process.deadline
    if deadline is None:
        raise a.finding(msg("audit.deadline.none", code=a.code), a.at("code"))
    if deadline.minutes > limit.minutes:
        raise a.finding(msg("audit.deadline.longer", code=a.code, actual=deadline.text, limit=limit.text), a.at("deadline"))


def step_within(a: AuditedProcess, step: str, duration: Duration | Invalid) -> None:
    limit = require(duration)
    found = find_step(a, step)
    if found.duration is None:
        raise a.finding(bilingual("audit.step.no_duration", code=a.code, step=step_label(found)), a.step_at(found.id))
    if found.duration.minutes > limit.minutes:
        message = bilingual("audit.step.too_long", code=a.code, step=step_label(found), actual=found.duration.text, limit=limit.text)
        raise a.finding(message, a.step_at(found.id, "duration"))


def clock_stops_at(a: AuditedProcess, step: str) -> None:
    found = find_step(a, step)
    if not found.stops_clock:
        raise a.finding(bilingual("audit.clock.counts", code=a.code, step=step_label(found)), a.step_at(found.id))


# --- late dossiers -----------------------------------------------------------------------------

# Folded words naming an apology (the same heuristic as rule QMS304).
_APOLOGY_WORDS = ("xin loi", "apolog")


def is_apology(record: Record) -> bool:
    texts = [record.name.vi, record.name.en, record.form.vi if record.form else None, record.form.en if record.form else None]
    folded = " ".join(fold(t) for t in texts if t)
    return any(word in folded for word in _APOLOGY_WORDS)


def _optional(a: AuditedProcess, step_id: str) -> bool:
    """Some start-to-end path avoids ``step_id``: the step is on a branch, not on every path."""
    graph = a.graph.digraph.copy()
    graph.remove_node(step_id)
    ends = [e for e in a.graph.ends if e != step_id]
    return any(start != step_id and start in graph and nx.has_path(graph, start, end) for start in a.graph.starts for end in ends)


def late_branch_produces(a: AuditedProcess, record: str | None = None) -> None:
    """A step reachable from the start, on a branch (not on every path), produces the apology record."""
    if record is None:
        candidates = [r for r in a.process.records if is_apology(r)]
        if not candidates:
            raise a.finding(msg("audit.late.no_apology", code=a.code), a.at("records"))
    else:
        candidates = [find_record(a, record)]
    problem: AuditFinding | None = None
    for rec in candidates:
        producers = [s for s in a.process.steps if rec.code in s.records]
        if not producers:
            problem = problem or a.finding(msg("audit.late.not_produced", code=a.code, record=rec.code), a.record_at(rec.code))
            continue
        reachable = [s for s in producers if s.id in a.graph.reachable_from_start]
        if not reachable:
            steps = ", ".join(s.id for s in producers)
            problem = problem or a.finding(
                msg("audit.late.unreachable", code=a.code, record=rec.code, steps=steps), a.step_at(producers[0].id)
            )
            continue
        if any(_optional(a, s.id) for s in reachable):
            return
        problem = problem or a.finding(
            msg("audit.late.not_branch", code=a.code, record=rec.code, step=reachable[0].id), a.step_at(reachable[0].id)
        )
    assert problem is not None
    raise problem


# --- records -----------------------------------------------------------------------------------


def record_produced_by(a: AuditedProcess, record: str, step: str) -> None:
    rec = find_record(a, record)
    found = find_step(a, step)
    if rec.code not in found.records:
        others = [s.id for s in a.process.steps if rec.code in s.records]
        message = bilingual(
            "audit.record.not_at_step",
            code=a.code,
            step=step_label(found),
            record=rec.code,
            others=", ".join(others) if others else _none(),
        )
        raise a.finding(message, a.step_at(found.id, "records") if found.records else a.step_at(found.id))


def record_kept_at_least(a: AuditedProcess, record: str, years: int) -> None:
    rec = find_record(a, record)
    if rec.retention is None:
        raise a.finding(msg("audit.retention.none", code=a.code, record=rec.code), a.record_at(rec.code))
    if rec.retention.months is not None and rec.retention.months < years * 12:
        message = msg("audit.retention.short", code=a.code, record=rec.code, actual=rec.retention.text, years=years)
        raise a.finding(message, a.record_at(rec.code, "retention"))


def record_kept_permanently(a: AuditedProcess, record: str) -> None:
    rec = find_record(a, record)
    if rec.retention is None:
        raise a.finding(msg("audit.retention.none", code=a.code, record=rec.code), a.record_at(rec.code))
    if not rec.retention.permanent:
        message = msg("audit.retention.not_permanent", code=a.code, record=rec.code, actual=rec.retention.text)
        raise a.finding(message, a.record_at(rec.code, "retention"))


def record_follows_form(a: AuditedProcess, record: str, form: str) -> None:
    rec = find_record(a, record)
    if rec.form is None or not any(fold(form) in fold(t) for t in (rec.form.vi, rec.form.en) if t):
        actual: Message | str = rec.form.vi if rec.form else _none()
        message = bilingual("audit.form.mismatch", code=a.code, record=rec.code, actual=actual, expected=form)
        raise a.finding(message, a.record_at(rec.code, "form") if rec.form else a.record_at(rec.code))


def _missing_fields(obj: object, fields: Iterable[str]) -> list[str]:
    return [name for name in fields if not getattr(obj, name)]


def _incomplete(a: AuditedProcess, items: Sequence[tuple[str, list[str]]]) -> list[Message]:
    listed = []
    for code, missing in items:
        labels = [msg(f"audit.field.{name}") for name in missing]
        listed.append(Message(f"{code} ({', '.join(m.vi for m in labels)})", f"{code} ({', '.join(m.en for m in labels)})"))
    return listed


def records_fully_kept(a: AuditedProcess) -> None:
    items = [(r.code, m) for r in a.process.records if (m := _missing_fields(r, ("kept_by", "location", "retention")))]
    if items:
        message = bilingual("audit.records.incomplete", code=a.code, count=len(items), items=_listing(_incomplete(a, items)))
        raise a.finding(message, a.record_at(items[0][0]))


# --- KPIs --------------------------------------------------------------------------------------

_AT_LEAST = (Comparison.AT_LEAST, Comparison.MORE_THAN, Comparison.EQUAL)


def kpi_target_at_least(a: AuditedProcess, kpi: str, percent: float) -> None:
    found = find_kpi(a, kpi)
    target = found.target
    where = a.kpi_at(found.code, "target")
    if not target.is_percentage:
        raise a.finding(msg("audit.kpi.not_percent", kpi=found.code, target=target.text), where)
    if target.comparison not in _AT_LEAST or target.value < percent:
        minimum = f"{percent:g}"
        raise a.finding(msg("audit.kpi.low", kpi=found.code, target=target.text, minimum=minimum), where)


def satisfaction_kpi_at_least(a: AuditedProcess, percent: float) -> None:
    service = a.process.citizen_service
    if service is None or service.satisfaction_kpi is None:
        raise a.finding(msg("audit.kpi.no_satisfaction", code=a.code), a.at("citizen_service") if service else a.at("code"))
    kpi_target_at_least(a, service.satisfaction_kpi, percent)


def kpi_count_at_least(a: AuditedProcess, count: int) -> None:
    if len(a.process.kpis) < count:
        raise a.finding(
            msg("audit.kpi.too_few", code=a.code, count=len(a.process.kpis), minimum=count),
            a.at("kpis") if a.process.kpis else a.at("code"),
        )


def kpis_complete(a: AuditedProcess) -> None:
    items = [(k.code, m) for k in a.process.kpis if (m := _missing_fields(k, ("formula", "frequency", "data_source", "owner")))]
    if items:
        message = bilingual("audit.kpi.incomplete", code=a.code, count=len(items), items=_listing(_incomplete(a, items)))
        raise a.finding(message, a.kpi_at(items[0][0]))


# --- clauses, legal basis, conformity rules ----------------------------------------------------


def clause_evidenced(a: AuditedProcess, clause: str) -> None:
    """The process lists ``clause`` or one of its sub-clauses (8.5.1 evidences 8.5) in ``iso_clauses``."""
    claimed = [c.split()[0].rstrip(")") for c in a.process.iso_clauses]
    if not any(c == clause or c.startswith(clause + ".") for c in claimed):
        listed: Message | str = ", ".join(a.process.iso_clauses) if a.process.iso_clauses else _none()
        message = bilingual("audit.clause.missing", code=a.code, clause=clause, claimed=listed)
        raise a.finding(message, a.at("iso_clauses") if a.process.iso_clauses else a.at("code"))


def legal_cited(a: AuditedProcess, number: str) -> None:
    wanted = fold(number).replace(" ", "")
    for document in a.process.legal_basis:
        if document.id == number or fold(document.number).replace(" ", "") in wanted:
            return
    close = close_matches(number, [d.number for d in a.process.legal_basis])
    raise a.finding(bilingual("audit.legal.missing", code=a.code, number=number, close=close), a.at("legal_basis"))


def _known_rules() -> set[str]:
    from qms.rules.engine import RULE_CRASHED, UNUSED_WAIVER
    from qms.rules.registry import all_rules

    return {r.code for r in all_rules()} | {RULE_CRASHED, UNUSED_WAIVER}


def no_rule_finding(a: AuditedProcess, rule: str) -> None:
    code = rule.strip().upper()
    known = _known_rules()
    if code not in known:
        raise CriterionError(bilingual("audit.rule.unknown", rule=rule, close=close_matches(code, sorted(known))))
    found = [f for f in a.findings if f.rule == code]
    if found:
        first = found[0]
        raise a.finding(
            bilingual("audit.rule.found", code=a.code, count=len(found), rule=code, first=first.message), first.location, first.hint
        )


def no_finding_at_least(a: AuditedProcess, severity: Severity | Invalid) -> None:
    level = require(severity)
    found = [f for f in a.findings if f.severity.rank >= level.rank]
    if found:
        first = found[0]
        described = Message(f"{first.rule} {first.message.vi}", f"{first.rule} {first.message.en}")
        label = msg(f"cli.severity.{level.value}")
        message = bilingual("audit.severity.found", code=a.code, count=len(found), severity=label, first=described)
        raise a.finding(message, first.location, first.hint)


# --- flow --------------------------------------------------------------------------------------


def step_precedes(a: AuditedProcess, before: str, after: str) -> None:
    """Every path from a start to ``after`` passes through ``before``, and ``after`` follows it."""
    first, then = find_step(a, before), find_step(a, after)
    graph = a.graph.digraph
    if not nx.has_path(graph, first.id, then.id):
        raise a.finding(msg("audit.order.unreachable", code=a.code, before=first.id, after=then.id), a.step_at(then.id))
    without = graph.copy()
    without.remove_node(first.id)
    for start in a.graph.starts:
        if start != first.id and start in without and nx.has_path(without, start, then.id):
            path = " → ".join(nx.shortest_path(without, start, then.id))
            raise a.finding(msg("audit.order.bypass", code=a.code, before=first.id, after=then.id, path=path), a.step_at(then.id))


def has_branch_to(a: AuditedProcess, step: str, target: str) -> None:
    found, goal = find_step(a, step), find_step(a, target)
    if goal.id not in found.successors:
        successors: Message | str = ", ".join(found.successors) if found.successors else _none()
        message = bilingual("audit.branch.missing", code=a.code, step=found.id, target=goal.id, successors=successors)
        raise a.finding(message, a.step_at(found.id, "branches" if found.branches else "next"))


def decisions_have_criteria(a: AuditedProcess) -> None:
    missing = [s for s in a.process.steps if s.type is StepType.DECISION and not s.criteria]
    if missing:
        message = bilingual(
            "audit.decisions.no_criteria", code=a.code, count=len(missing), steps=_listing([step_label(s) for s in missing])
        )
        raise a.finding(message, a.step_at(missing[0].id))


def risks_controlled(a: AuditedProcess) -> None:
    missing = [(i, r) for i, r in enumerate(a.process.risks) if not r.controls]
    if missing:
        items = [Message(f"{r.code} ({r.description.vi})", f"{r.code} ({r.description.get('en')})") for _, r in missing]
        message = bilingual("audit.risks.uncontrolled", code=a.code, count=len(missing), items=_listing(items))
        raise a.finding(message, a.at("risks", missing[0][0]))
