"""Audit criteria as Gherkin scenarios (tiêu chí đánh giá), run with pytest-bdd.

An auditor writes criteria in ``features/*.feature`` (Vietnamese with
``# language: vi``, or English) using the phrases of the step library
(:mod:`qms.audit.steps`: each step in both languages); the pytest plugin
:mod:`qms.audit.plugin` (entry point ``pytest11: qms``) collects them and
checks the processes of a folder. :func:`run_audit` runs them in-process and
returns an :class:`AuditReport`; :func:`report_markdown`, :func:`report_html`
and :func:`report_junit` write it. Every finding and error has a code of
:data:`AUDIT_CODES` (``AUD001``...) and becomes a :class:`~qms.diagnostics.Diagnostic`
(``report.diagnostics``).

    from qms.audit import run_audit, report_markdown
    report = run_audit(Path("features"), Path("processes"))
    print(report_markdown(report))
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from qms.audit.codes import AUDIT_CODES, AuditCode
from qms.audit.errors import AuditFinding, CriterionError
from qms.audit.report import (
    AuditError,
    AuditReport,
    CriterionResult,
    Kind,
    Outcome,
    report_html,
    report_junit,
    report_markdown,
    report_text,
)

if TYPE_CHECKING:
    from qms.audit.run import run_audit


def __getattr__(name: str) -> Any:
    # run_audit imports pytest; the CLI loads it only when «qms audit» runs.
    if name == "run_audit":
        from qms.audit.run import run_audit

        return run_audit
    raise AttributeError(name)


__all__ = [
    "AUDIT_CODES",
    "AuditCode",
    "AuditError",
    "AuditFinding",
    "AuditReport",
    "CriterionError",
    "CriterionResult",
    "Kind",
    "Outcome",
    "report_html",
    "report_junit",
    "report_markdown",
    "report_text",
    "run_audit",
]
