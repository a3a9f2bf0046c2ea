"""English step library for audit criteria (feature files without a language line, or ``# language: en``).

The same checks as :mod:`qms.audit.steps_vi`; every phrase works after any
keyword (Given, When, Then, And, But). Example::

    Feature: Control of records (ISO 9001 7.5.3)
      @iso9001-7.5.3 @QT-TTHC-01
      Scenario: The dossier register is kept long enough
        Given the process "QT-TTHC-01"
        Then record "BM-TTHC-07" is kept for at least 10 years
"""

from __future__ import annotations

from pytest_bdd import step

from qms.audit import checks
from qms.audit.library import AuditedProcess, ProcessLibrary
from qms.audit.parsers import en
from qms.audit.plugin import choose_process


@step(en('the process "{code:Code}"'), target_fixture="qms_process")
def choose(code: str, qms_library: ProcessLibrary, request) -> AuditedProcess:
    return choose_process(qms_library, code, request)


# Owner and approval (ISO 9001 5.3, 7.5.2) ------------------------------------------------------


@step(en('the process is owned by role "{role:Code}"'))
def owned_by(qms_process: AuditedProcess, role: str) -> None:
    checks.owner_is(qms_process, role)


@step(en('the process has status "{status:Status}"'))
def has_status(qms_process: AuditedProcess, status) -> None:
    checks.status_is(qms_process, status)


@step(en('the process is approved by role "{role:Code}"'))
def approved_by(qms_process: AuditedProcess, role: str) -> None:
    checks.approved_by(qms_process, role)


@step(en("the approver is not the drafter"))
def approver_not_drafter(qms_process: AuditedProcess) -> None:
    checks.approver_not_drafter(qms_process)


@step(en("the approver holds approval authority"))
def approver_has_authority(qms_process: AuditedProcess) -> None:
    checks.approver_has_authority(qms_process)


@step(en("the effective date is not before the approval date"))
def effective_after_approval(qms_process: AuditedProcess) -> None:
    checks.effective_not_before_approval(qms_process)


@step(en("the revision history records the current version"))
def revision_history(qms_process: AuditedProcess) -> None:
    checks.revision_for_current_version(qms_process)


# Steps, roles and records that exist ----------------------------------------------------------


@step(en('the process has a step "{step:Code}"'))
def has_step(qms_process: AuditedProcess, step: str) -> None:
    checks.has_step(qms_process, step)


@step(en('the process has a role "{role:Code}"'))
def has_role(qms_process: AuditedProcess, role: str) -> None:
    checks.has_role(qms_process, role)


@step(en('the process has a record "{record:Code}"'))
def has_record(qms_process: AuditedProcess, record: str) -> None:
    checks.has_record(qms_process, record)


@step(en("every step has a responsible role"))
def every_step_has_role(qms_process: AuditedProcess) -> None:
    checks.every_step_has_role(qms_process)


@step(en('step "{step:Code}" is done by role "{role:Code}"'))
def step_done_by(qms_process: AuditedProcess, step: str, role: str) -> None:
    checks.step_done_by(qms_process, step, role)


@step(en("every approving or signing step is done by a role holding that authority"))
def authorised_steps(qms_process: AuditedProcess) -> None:
    checks.authority_steps_by_authorised_roles(qms_process)


# Time -----------------------------------------------------------------------------------------


@step(en("the longest path fits the statutory deadline"))
def longest_path_fits(qms_process: AuditedProcess) -> None:
    checks.longest_path_within_deadline(qms_process)


@step(en("the longest path takes at most {duration:Duration}"))
def longest_path_at_most(qms_process: AuditedProcess, duration) -> None:
    checks.longest_path_within(qms_process, duration)


@step(en("the statutory deadline is at most {duration:Duration}"))
def deadline_at_most(qms_process: AuditedProcess, duration) -> None:
    checks.deadline_at_most(qms_process, duration)


@step(en('step "{step:Code}" takes at most {duration:Duration}'))
def step_at_most(qms_process: AuditedProcess, step: str, duration) -> None:
    checks.step_within(qms_process, step, duration)


@step(en('time spent in step "{step:Code}" does not count towards the deadline'))
def clock_stops(qms_process: AuditedProcess, step: str) -> None:
    checks.clock_stops_at(qms_process, step)


# Late dossiers --------------------------------------------------------------------------------


@step(en("a branch for late dossiers issues an apology"))
def late_branch(qms_process: AuditedProcess) -> None:
    checks.late_branch_produces(qms_process)


@step(en('a branch for late dossiers produces record "{record:Code}"'))
def late_branch_record(qms_process: AuditedProcess, record: str) -> None:
    checks.late_branch_produces(qms_process, record)


# Records (ISO 9001 7.5.3) ---------------------------------------------------------------------


@step(en('record "{record:Code}" is produced by step "{step:Code}"'))
def record_produced_by(qms_process: AuditedProcess, record: str, step: str) -> None:
    checks.record_produced_by(qms_process, record, step)


@step(en('record "{record:Code}" is kept for at least {years:Number} years'))
def record_kept_years(qms_process: AuditedProcess, record: str, years: int) -> None:
    checks.record_kept_at_least(qms_process, record, years)


@step(en('record "{record:Code}" is kept permanently'))
def record_kept_permanently(qms_process: AuditedProcess, record: str) -> None:
    checks.record_kept_permanently(qms_process, record)


@step(en('record "{record:Code}" follows form "{form:Code}"'))
def record_form(qms_process: AuditedProcess, record: str, form: str) -> None:
    checks.record_follows_form(qms_process, record, form)


@step(en("every record has a keeper, a location and a retention period"))
def records_kept(qms_process: AuditedProcess) -> None:
    checks.records_fully_kept(qms_process)


# KPIs (ISO 9001 9.1) --------------------------------------------------------------------------


@step(en('KPI "{kpi:Code}" has a target of at least {percent:Percent}'))
def kpi_at_least(qms_process: AuditedProcess, kpi: str, percent: float) -> None:
    checks.kpi_target_at_least(qms_process, kpi, percent)


@step(en("the satisfaction KPI has a target of at least {percent:Percent}"))
def satisfaction_at_least(qms_process: AuditedProcess, percent: float) -> None:
    checks.satisfaction_kpi_at_least(qms_process, percent)


@step(en("the process has at least {count:Number} KPIs"))
def kpi_count(qms_process: AuditedProcess, count: int) -> None:
    checks.kpi_count_at_least(qms_process, count)


@step(en("every KPI has a formula, a frequency, a data source and an owner"))
def kpis_complete(qms_process: AuditedProcess) -> None:
    checks.kpis_complete(qms_process)


# Clauses, legal basis, check rules -------------------------------------------------------------


@step(en("the process evidences ISO 9001 clause {clause:Clause}"))
def clause(qms_process: AuditedProcess, clause: str) -> None:
    checks.clause_evidenced(qms_process, clause)


@step(en('the process cites legal document "{number:Code}"'))
def legal(qms_process: AuditedProcess, number: str) -> None:
    checks.legal_cited(qms_process, number)


@step(en('the process has no finding "{rule:Code}"'))
def no_finding(qms_process: AuditedProcess, rule: str) -> None:
    checks.no_rule_finding(qms_process, rule)


@step(en('the process has no finding of severity "{severity:Severity}" or above'))
def no_finding_severity(qms_process: AuditedProcess, severity) -> None:
    checks.no_finding_at_least(qms_process, severity)


# Order, branches, control (ISO 9001 4.4, 8.5.1) ------------------------------------------------


@step(en('step "{before:Code}" always comes before step "{after:Code}"'))
def precedes(qms_process: AuditedProcess, before: str, after: str) -> None:
    checks.step_precedes(qms_process, before, after)


@step(en('step "{step:Code}" has a branch to step "{target:Code}"'))
def branch_to(qms_process: AuditedProcess, step: str, target: str) -> None:
    checks.has_branch_to(qms_process, step, target)


@step(en("every decision step has acceptance criteria"))
def decision_criteria(qms_process: AuditedProcess) -> None:
    checks.decisions_have_criteria(qms_process)


@step(en("every risk has a controlling step"))
def risks_controlled(qms_process: AuditedProcess) -> None:
    checks.risks_controlled(qms_process)
