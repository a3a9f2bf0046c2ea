"""One nonconformity per cause: three criteria failing for one missing role make one finding that lists them all."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qms.audit import AuditReport, report_html, report_markdown, report_text, run_audit
from qms.audit.report.causes import shortfalls
from qms.audit.report.model import CriterionResult, Kind, Outcome
from qms.diagnostics import Location
from qms.i18n import Message
from tests.conftest import Markup

from .conftest import FEATURES, ROOT

PROCESS = "QT-TTHC-GD-01"


@pytest.fixture(scope="module")
def missing_role(tmp_path_factory: pytest.TempPathFactory) -> AuditReport:
    processes = tmp_path_factory.mktemp("causes") / "processes"
    processes.mkdir()
    shutil.copy(ROOT / "processes" / f"{PROCESS}.yaml", processes)
    return run_audit(FEATURES / "causes" / "vai_tro_thieu.feature", processes)


def test_one_missing_role_is_one_nonconformity_listing_every_criterion_it_fails(missing_role: AuditReport) -> None:
    assert len(missing_role.nonconformities) == 5, missing_role.output  # five criteria fail...
    found = missing_role.shortfalls
    assert len(found) == 3  # ...for three causes: «van-thu» missing, «ke-toan» missing, step «ky-so» missing
    role = found[0]
    assert [r.scenario for r in role.criteria] == ["có vai trò văn thư", "văn thư chủ trì", "văn thư kiểm tra hồ sơ"]
    assert role.message.vi.startswith(f"quy trình {PROCESS} không có vai trò «van-thu»")
    assert role.evidence is not None and Path(role.evidence.path).name == f"{PROCESS}.yaml"
    lines = Path(role.evidence.path).read_text(encoding="utf-8").splitlines()
    assert lines[role.evidence.line - 1].startswith("roles:")  # the evidence is where the roles are listed
    assert role.basis == ("iso9001-5.3", "iso9001-7.5.2", "iso9001-8.5.1")  # every clause the cause breaks
    assert [r.scenario for r in found[1].criteria] == ["có vai trò kế toán"]
    assert [r.scenario for r in found[2].criteria] == ["có bước ký số"]
    assert missing_role.summary() == "5 tiêu chí: 0 đạt, 3 điểm không phù hợp, 0 khuyến nghị, 0 lỗi"


def test_the_report_writes_the_cause_once_with_its_evidence_and_criteria(missing_role: AuditReport) -> None:
    text = report_markdown(missing_role)
    assert text.count("### ") == 3
    heading = next(line for line in text.splitlines() if line.startswith("### 1. "))
    assert "ISO 9001:2015 5.3; ISO 9001:2015 7.5.2; ISO 9001:2015 8.5.1" in heading
    assert text.count("không có vai trò «van-thu»") == 1  # the cause, once; each criterion says what it adds
    assert "- Tiêu chí không đạt vì cùng nguyên nhân (3):" in report_text(missing_role)  # the Markdown escapes «(»
    first = text.split("### 1. ")[1].split("### 2. ")[0]
    assert f"{PROCESS}.yaml, dòng" in first and "do vai trò «tiep-nhan» thực hiện, không phải «van-thu»" in first
    assert "| Điểm không phù hợp, mục 1 |" in text and "| Điểm không phù hợp, mục 3 |" in text
    page = Markup(report_html(missing_role))
    assert sum("không có vai trò «van-thu»" in t for t in page.text) == 1


def _failed(scenario: str, location: Location, message: str, kind: Kind = Kind.NONCONFORMITY) -> CriterionResult:
    return CriterionResult(
        "F", Path("f.feature"), 1, scenario, outcome=Outcome.FAILED, kind=kind, message=Message(message, message), evidence=location
    )


def test_without_a_named_cause_only_the_very_same_finding_is_one_cause() -> None:
    here, there = Location(Path("p.yaml"), 3, 5), Location(Path("p.yaml"), 9, 5)
    same = [_failed("a", here, "x"), _failed("b", here, "x", Kind.OBSERVATION)]
    assert [len(s.criteria) for s in shortfalls(same)] == [2]
    assert shortfalls(same)[0].kind is Kind.NONCONFORMITY  # a nonconformity if any of its criteria is one
    assert [len(s.criteria) for s in shortfalls([_failed("a", here, "x"), _failed("b", there, "x")])] == [1, 1]
    assert [len(s.criteria) for s in shortfalls([_failed("a", here, "x"), _failed("b", here, "y")])] == [1, 1]
