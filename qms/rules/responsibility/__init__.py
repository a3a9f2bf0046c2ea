"""Responsibility rules (QMS2xx): ISO 9001:2015 5.3 and 4.4.1 e) roles, responsibilities and authorities.

The agencies' ISO plans ask for "5 rõ" (clear person, task, time, result,
responsibility); these rules check the "person" and "responsibility" part:
every step has a role, every role has work, authority matches the act, and
nobody approves their own draft.
"""

from __future__ import annotations

from qms.model import Process


def roles_in_use(process: Process) -> set[str]:
    """Roles the process gives something to do or answer for."""
    used = {process.owner}
    used |= {step.role for step in process.steps if step.role}
    used |= {role for step in process.steps for role in step.support}
    if process.approval:
        signoffs = (process.approval.prepared, process.approval.reviewed, process.approval.approved)
        used |= {s.role for s in signoffs if s}
    used |= {r.kept_by for r in process.records if r.kept_by}
    used |= {k.owner for k in process.kpis if k.owner}
    used |= {r.owner for r in process.risks if r.owner}
    # Approving a waiver is an act of authority an auditor will ask about.
    used |= {w.approved_by for w in process.waivers}
    return used
