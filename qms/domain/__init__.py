"""Domain questions about a process, answered once for the conformity rules and the audit steps.

A rule of :mod:`qms.rules` and a step of :mod:`qms.audit` often ask the same
question of a process: is this record the apology for a late dossier, do the
drafter and the approver name the same signatory, which decisions state no
criteria, which risks have no controlling step, what is this status called.
Each question is answered here, by one pure typed function of the model,
so that a rule and an audit step cannot come to different answers. What
each then reports (a finding with a rule code, or an audit finding), and
where, stays with it.

Layering: this package reads :mod:`qms.model` (and :mod:`qms.i18n` for
names); :mod:`qms.rules` and :mod:`qms.audit` import it, never the reverse.
"""

from __future__ import annotations

from qms.domain.document import (
    ISSUED,
    STATUS_NAMES,
    STATUS_WORDS,
    SameSignatory,
    claimed_clauses,
    same_person,
    same_signatory,
    status_label,
    status_named,
)
from qms.domain.work import (
    APOLOGY_WORDS,
    AUTHORITY_NAMES,
    apology_records,
    decisions_without_criteria,
    holds_authority,
    is_apology,
    needs_control,
    steps_producing,
    steps_without_role,
    unauthorised_steps,
    uncontrolled_risks,
    working_days_figure,
)

__all__ = [
    "APOLOGY_WORDS",
    "AUTHORITY_NAMES",
    "ISSUED",
    "STATUS_NAMES",
    "STATUS_WORDS",
    "SameSignatory",
    "apology_records",
    "claimed_clauses",
    "decisions_without_criteria",
    "holds_authority",
    "is_apology",
    "needs_control",
    "same_person",
    "same_signatory",
    "status_label",
    "status_named",
    "steps_producing",
    "steps_without_role",
    "unauthorised_steps",
    "uncontrolled_risks",
    "working_days_figure",
]
