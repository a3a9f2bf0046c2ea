"""The AUD codes: each is produced by a small fixture, becomes a Diagnostic, and shows in every report format.

``features/codes/AUDnnn.feature`` (and the ``own_steps`` folder, a criterion with a Python step of its own) run
on the processes of ``fixtures/``; every code of :data:`qms.audit.codes.AUDIT_CODES` has its case, and no
finding or error of any audit leaves without a registered code.
"""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from qms.audit import AuditReport, Kind, Outcome, report_html, report_junit, report_markdown, run_audit
from qms.audit.codes import AUDIT_CODES, AuditCode
from qms.codes import all_codes, code_info
from qms.diagnostics import Diagnostic, Severity

from .conftest import FEATURES, FIXTURES, SHORTFALLS

CODES = FEATURES / "codes"
OWN_STEPS = CODES / "own_steps"
REGISTERED = {c.code for c in all_codes()}


@dataclass(frozen=True)
class Case:
    """How a fixture is run to produce its code."""

    features: Path
    processes: Path = SHORTFALLS
    options: dict[str, Any] = field(default_factory=dict)
    elsewhere: bool = False  # copied out of the tree first: with allow_code, pytest would load tests/audit/conftest.py


CASES: dict[str, Case] = {
    "AUD001": Case(CODES / "AUD001.feature"),
    "AUD002": Case(CODES / "AUD002.feature"),
    "AUD003": Case(CODES / "AUD003.feature"),
    "AUD004": Case(CODES / "AUD004.feature"),
    "AUD005": Case(CODES / "AUD005.feature"),
    "AUD006": Case(CODES / "AUD006.feature"),
    "AUD007": Case(CODES / "AUD007.feature"),
    "AUD008": Case(OWN_STEPS),
    "AUD009": Case(OWN_STEPS, options={"allow_code": True}, elsewhere=True),
    "AUD010": Case(CODES / "AUD010.feature", FIXTURES / "bad_config"),
}


def _run(case: Case, tmp_path: Path) -> AuditReport:
    features = case.features
    if case.elsewhere:
        features = tmp_path / features.name
        shutil.copytree(case.features, features)
    return run_audit(features, case.processes, **case.options)


def _audit_diagnostics(report: AuditReport) -> list[Diagnostic]:
    return [d for d in report.diagnostics if d.code.startswith("AUD")]


def test_every_audit_code_has_its_fixture() -> None:
    assert set(CASES) == {info.code for info in AUDIT_CODES} == {code.value for code in AuditCode}


@pytest.mark.parametrize("info", AUDIT_CODES, ids=lambda info: info.code)
def test_each_code_is_produced_by_its_fixture_and_shown_in_every_report(info, tmp_path: Path) -> None:
    report = _run(CASES[info.code], tmp_path)
    (diagnostic,) = _audit_diagnostics(report)
    assert diagnostic.code == info.code and diagnostic.severity is info.severity, diagnostic.render()
    assert diagnostic.message.vi and diagnostic.location.line >= 1 and Path(diagnostic.location.path).exists()
    assert {d.code for d in report.diagnostics} <= REGISTERED
    assert not report.ok
    # «qms rules CODE» explains it.
    assert code_info(info.code) is info and info.kind == "audit"
    # Each report shows the code beside the finding or the error.
    assert f"{info.code}" in report_markdown(report) and f"<code>{info.code}</code>" in report_html(report)
    junit = ET.fromstring(report_junit(report))
    messages = [e.get("message", "") for e in (*junit.iter("failure"), *junit.iter("error"))]
    assert any(f": {info.code} " in m for m in messages), messages


def test_a_finding_is_a_diagnostic_about_its_process_and_step(shortfalls_vi: AuditReport) -> None:
    result = next(r for r in shortfalls_vi.results if r.scenario == "mọi bước có vai trò")
    diagnostic = result.diagnostic()
    assert diagnostic is not None and diagnostic.code == "AUD001" and diagnostic.severity is Severity.ERROR
    assert (diagnostic.process, diagnostic.step) == ("QT-LOI-01", "luu-ho-so")
    assert diagnostic.location == result.evidence and diagnostic.hint == result.hint
    assert diagnostic.data["criterion"] == "mọi bước có vai trò" and diagnostic.data["criterion_line"] == result.line
    assert diagnostic.render().startswith(f"{result.evidence}: AUD001 lỗi: 1 bước của quy trình QT-LOI-01 chưa có vai trò")


def test_an_observation_is_a_warning(shortfalls_vi: AuditReport) -> None:
    (observation,) = shortfalls_vi.observations
    diagnostic = observation.diagnostic()
    assert diagnostic is not None and (diagnostic.code, diagnostic.severity) == ("AUD001", Severity.WARNING)


def test_a_criterion_error_is_placed_at_its_step(criteria_errors: AuditReport) -> None:
    result = next(r for r in criteria_errors.results if r.scenario == "thời lượng sai")
    diagnostic = result.diagnostic()
    assert diagnostic is not None and diagnostic.code == "AUD003" and diagnostic.location.line == result.step.line == 18
    assert diagnostic.location.path == FEATURES / "vi_errors.feature"


@pytest.fixture(scope="module")
def broken() -> AuditReport:
    return run_audit(FEATURES / "broken", SHORTFALLS)


def test_no_finding_or_error_leaves_without_a_registered_code(
    shortfalls_vi: AuditReport, shortfalls_en: AuditReport, criteria_errors: AuditReport, broken: AuditReport
) -> None:
    for report in (shortfalls_vi, shortfalls_en, criteria_errors, broken):
        for result in report.results:
            if result.outcome in (Outcome.FAILED, Outcome.ERROR):
                assert result.code in REGISTERED, (result.scenario, result.code)
                assert (result.kind is not None) is (result.outcome is Outcome.FAILED)
            else:
                assert result.code is None and result.diagnostic() is None
        assert all(error.code in REGISTERED for error in report.errors)
        found = report.diagnostics
        assert len(found) == len(report.failed) + report.error_count + len(report.load_diagnostics)
        assert {d.code for d in found} <= REGISTERED


def test_findings_show_their_code_in_markdown_html_and_junit(shortfalls_vi: AuditReport, broken: AuditReport) -> None:
    text = report_markdown(shortfalls_vi)
    assert "AUD001: quy trình QT-LOI-01 do vai trò «mot-cua» chủ trì, không phải «lanh-dao»" in text
    assert "<p><code>AUD001</code>: quy trình QT-LOI-01 do vai trò «mot-cua» chủ trì" in report_html(shortfalls_vi)
    root = ET.fromstring(report_junit(shortfalls_vi))
    case = next(c for c in root.iter("testcase") if c.get("name") == "chủ trì")
    failure = case.find("failure")
    assert failure is not None and failure.get("type") == Kind.NONCONFORMITY.value
    message = failure.get("message", "")
    assert "QT-LOI-01.yaml:9:8: AUD001 lỗi: quy trình QT-LOI-01 do vai trò «mot-cua» chủ trì" in message
    errors = report_markdown(broken)
    assert "vi\\_du.feature, dòng 7: AUD006 tệp tiêu chí không đọc được" in errors
    assert "AUD007 hai kịch bản cùng tên «trùng»" in errors
