"""What each step of the audit step library checks, independent of the phrase's language.

Every check takes the :class:`~qms.audit.library.AuditedProcess` chosen by
the scenario's «Biết quy trình» / «Given the process» step, returns nothing
when the process meets the criterion, and raises an
:class:`~qms.audit.errors.AuditFinding` (bilingual sentence + place in the
process file) when it does not. Steps, roles, records and KPIs are named
by id/code or by their name as written in the process (compared without
diacritics or case).

A question a conformity rule asks too (is this the apology, do drafter and
approver name one signatory, which decisions lack criteria, which risks are
uncontrolled, what a status is called) is answered by :mod:`qms.domain`, so
that a check and its rule cannot disagree.

The checks are grouped by subject: :mod:`~qms.audit.checks.who` (owner,
sign-offs, roles, authority), :mod:`~qms.audit.checks.timing` (paths,
deadlines, late dossiers), :mod:`~qms.audit.checks.records` (records, KPIs),
:mod:`~qms.audit.checks.flow` (order, branches, decisions, risks) and
:mod:`~qms.audit.checks.conformity` (clauses, legal basis, rule findings).
"""

from __future__ import annotations

from qms.audit.checks.common import find_kpi, find_record, find_step, role_id, step_label
from qms.audit.checks.conformity import clause_evidenced, legal_cited, no_finding_at_least, no_rule_finding
from qms.audit.checks.flow import decisions_have_criteria, has_branch_to, risks_controlled, step_precedes
from qms.audit.checks.records import (
    kpi_count_at_least,
    kpi_target_at_least,
    kpis_complete,
    record_follows_form,
    record_kept_at_least,
    record_kept_permanently,
    record_produced_by,
    records_fully_kept,
    satisfaction_kpi_at_least,
)
from qms.audit.checks.timing import (
    clock_stops_at,
    deadline_at_most,
    late_branch_produces,
    limit_label,
    longest_path_within,
    longest_path_within_deadline,
    step_within,
)
from qms.audit.checks.who import (
    approved_by,
    approver_has_authority,
    approver_not_drafter,
    authority_steps_by_authorised_roles,
    effective_not_before_approval,
    every_step_has_role,
    has_record,
    has_role,
    has_step,
    owner_is,
    revision_for_current_version,
    status_is,
    step_done_by,
)

__all__ = [
    "approved_by",
    "approver_has_authority",
    "approver_not_drafter",
    "authority_steps_by_authorised_roles",
    "clause_evidenced",
    "clock_stops_at",
    "deadline_at_most",
    "decisions_have_criteria",
    "effective_not_before_approval",
    "every_step_has_role",
    "find_kpi",
    "find_record",
    "find_step",
    "has_branch_to",
    "has_record",
    "has_role",
    "has_step",
    "kpi_count_at_least",
    "kpi_target_at_least",
    "kpis_complete",
    "late_branch_produces",
    "legal_cited",
    "limit_label",
    "longest_path_within",
    "longest_path_within_deadline",
    "no_finding_at_least",
    "no_rule_finding",
    "owner_is",
    "record_follows_form",
    "record_kept_at_least",
    "record_kept_permanently",
    "record_produced_by",
    "records_fully_kept",
    "revision_for_current_version",
    "risks_controlled",
    "role_id",
    "satisfaction_kpi_at_least",
    "status_is",
    "step_done_by",
    "step_label",
    "step_precedes",
    "step_within",
]
