"""Flow: the order of steps, branches, decisions' criteria and the control of risks (ISO 9001 4.4, 6.1, 8.5.1)."""

from __future__ import annotations

import networkx as nx

from qms.audit.checks.common import fail_at_steps, find_step, listing, nothing
from qms.audit.library import AuditedProcess
from qms.domain import decisions_without_criteria, uncontrolled_risks
from qms.i18n import Message, _, ngettext
from qms.model import Risk


def step_precedes(a: AuditedProcess, before: str, after: str) -> None:
    """Every path from a start to ``after`` passes through ``before``, and ``after`` follows it."""
    first, then = find_step(a, before), find_step(a, after)
    graph = a.graph.digraph
    if not nx.has_path(graph, first.id, then.id):
        raise a.finding(
            _("bước «{after}» của quy trình {code} không đi tới được từ bước «{before}»").format(
                code=a.code, before=first.id, after=then.id
            ),
            a.step_at(then.id),
            step=then.id,
        )
    without = graph.copy()
    without.remove_node(first.id)
    for start in a.graph.starts:
        if start != first.id and start in without and nx.has_path(without, start, then.id):
            path = " → ".join(nx.shortest_path(without, start, then.id))
            raise a.finding(
                _("có thể tới bước «{after}» của quy trình {code} mà không qua bước «{before}», theo đường: {path}").format(
                    code=a.code, before=first.id, after=then.id, path=path
                ),
                a.step_at(then.id),
                step=then.id,
            )


def has_branch_to(a: AuditedProcess, step: str, target: str) -> None:
    found, goal = find_step(a, step), find_step(a, target)
    if goal.id not in found.successors:
        successors: Message | str = ", ".join(found.successors) if found.successors else nothing()
        message = _("bước «{step}» của quy trình {code} không có nhánh dẫn tới bước «{target}» (các bước tiếp theo: {successors})").format(
            code=a.code, step=found.id, target=goal.id, successors=successors
        )
        raise a.finding(message, a.step_at(found.id, "branches" if found.branches else "next"), step=found.id)


def decisions_have_criteria(a: AuditedProcess) -> None:
    missing = decisions_without_criteria(a.process)  # as rule QMS605
    message = ngettext(
        "{count} bước quyết định của quy trình {code} chưa có tiêu chí chấp nhận: {steps}",
        "{count} bước quyết định của quy trình {code} chưa có tiêu chí chấp nhận: {steps}",
        len(missing),
    )
    fail_at_steps(a, missing, message)


def _risk_label(risk: Risk) -> Message:
    return Message("{code} ({text})", "{code} ({text})").format(
        code=risk.code, text=Message(risk.description.vi, risk.description.get("en"))
    )


def risks_controlled(a: AuditedProcess) -> None:
    """Every risk (an opportunity is pursued, not controlled) names a controlling step, as rule QMS603 asks."""
    missing = uncontrolled_risks(a.process)
    if missing:
        items = listing([_risk_label(r) for _, r in missing])
        message = ngettext(
            "{count} rủi ro của quy trình {code} chưa có bước kiểm soát: {items}",
            "{count} rủi ro của quy trình {code} chưa có bước kiểm soát: {items}",
            len(missing),
        ).format(code=a.code, count=len(missing), items=items)
        raise a.finding(message, a.at("risks", missing[0][0]))
