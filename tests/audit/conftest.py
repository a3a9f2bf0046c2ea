"""Audit criteria: fixture processes with known shortfalls and criteria written to catch them.

The feature files under ``features/`` fail on purpose; they are run through
``run_audit`` by the tests, never collected as tests of their own.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from qms.audit import AuditReport, CriterionResult, run_audit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
FEATURES = HERE / "features"
FIXTURES = HERE / "fixtures"
SHORTFALLS = FIXTURES / "shortfalls"
HOSTILE = FIXTURES / "hostile"

# The criteria here are meant to fail: only run_audit runs them.
collect_ignore = ["features"]


def by_scenario(report: AuditReport) -> dict[str, CriterionResult]:
    results = {r.scenario: r for r in report.results}
    assert len(results) == len(report.results), "scenario names must be unique in these fixtures"
    return results


def evidence_line(result: CriterionResult) -> str:
    """The line of the process file the finding points at."""
    assert result.evidence is not None, result
    return Path(result.evidence.path).read_text(encoding="utf-8").splitlines()[result.evidence.line - 1]


@pytest.fixture(scope="session")
def shortfalls_vi() -> AuditReport:
    return run_audit(FEATURES / "vi_shortfalls.feature", SHORTFALLS)


@pytest.fixture(scope="session")
def shortfalls_en() -> AuditReport:
    return run_audit(FEATURES / "en_shortfalls.feature", SHORTFALLS, lang="en")


@pytest.fixture(scope="session")
def criteria_errors() -> AuditReport:
    return run_audit(FEATURES / "vi_errors.feature", SHORTFALLS)


@pytest.fixture(scope="session")
def shipped() -> AuditReport:
    """The shipped criteria on the shipped processes."""
    return run_audit(ROOT / "features", ROOT / "processes")
