"""Flow: the order of steps, branches, decisions' criteria and the control of risks (ISO 9001 4.4, 6.1, 8.5.1)."""

from __future__ import annotations

import networkx as nx

from qms.audit.checks.common import find_step, listing, nothing, step_label
from qms.audit.errors import bilingual
from qms.audit.library import AuditedProcess
from qms.domain import decisions_without_criteria, uncontrolled_risks
from qms.i18n import Message, msg
from qms.model import Risk


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
        successors: Message | str = ", ".join(found.successors) if found.successors else nothing()
        message = bilingual("audit.branch.missing", code=a.code, step=found.id, target=goal.id, successors=successors)
        raise a.finding(message, a.step_at(found.id, "branches" if found.branches else "next"))


def decisions_have_criteria(a: AuditedProcess) -> None:
    missing = decisions_without_criteria(a.process)  # as rule QMS605
    if missing:
        message = bilingual("audit.decisions.no_criteria", code=a.code, count=len(missing), steps=listing([step_label(s) for s in missing]))
        raise a.finding(message, a.step_at(missing[0].id))


def _risk_label(risk: Risk) -> Message:
    return Message("{code} ({text})", "{code} ({text})").format(
        code=risk.code, text=Message(risk.description.vi, risk.description.get("en"))
    )


def risks_controlled(a: AuditedProcess) -> None:
    """Every risk (an opportunity is pursued, not controlled) names a controlling step, as rule QMS603 asks."""
    missing = uncontrolled_risks(a.process)
    if missing:
        items = listing([_risk_label(r) for _, r in missing])
        message = bilingual("audit.risks.uncontrolled", code=a.code, count=len(missing), items=items)
        raise a.finding(message, a.at("risks", missing[0][0]))
