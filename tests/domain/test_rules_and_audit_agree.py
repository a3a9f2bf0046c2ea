"""A conformity rule and the audit step asking the same question give the same answer (qms.domain answers it once).

The case that made this necessary: QMS204 «drafter is not the approver»
reported a process whose drafter and approver hold the same role under two
person names, while the audit step «the approver is not the drafter» passed
it. Both now follow :func:`qms.domain.same_signatory`: the same role or the
same person is one signatory.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from conftest import make_process

from qms.audit import AuditFinding, Outcome, run_audit
from qms.audit.library import AuditedProcess
from qms.audit.steps import STEPS, AuditStep
from qms.load import load_paths
from qms.model import Process
from qms.rules.engine import check_process
from qms.rules.registry import rule_by_code

RULE_FIXTURES = Path(__file__).resolve().parents[1] / "rules" / "fixtures"


def audit_step(en: str) -> AuditStep:
    return next(s for s in STEPS if s.en == en)


def rule_reports(code: str, process: Process) -> bool:
    rule = rule_by_code(code)
    assert rule is not None
    return any(f.rule == code for f in check_process(process, [rule]))


def step_fails(en: str, process: Process) -> bool:
    try:
        audit_step(en).check(AuditedProcess(process))
    except AuditFinding:
        return True
    return False


DRAFTER_APPROVER = [
    pytest.param(
        {"role": "lanh-dao", "name": "Lê Văn Cường"}, {"role": "lanh-dao", "name": "Phạm Minh Đức"}, True, id="same-role-two-names"
    ),
    pytest.param(
        {"role": "chuyen-vien", "name": "Lê Văn Cường"}, {"role": "lanh-dao", "name": "Phạm Minh Đức"}, False, id="other-role-other-person"
    ),
    pytest.param(
        {"role": "chuyen-vien", "name": "Lê Văn Cường"}, {"role": "lanh-dao", "name": "le van  cuong"}, True, id="same-person-two-roles"
    ),
    pytest.param({"role": "chuyen-vien"}, {"role": "chuyen-vien"}, True, id="same-role-no-names"),
    pytest.param({"role": "chuyen-vien"}, {"role": "lanh-dao"}, False, id="other-role-no-names"),
    pytest.param({"role": "chuyen-vien", "name": "Lê Văn Cường"}, {"role": "lanh-dao"}, False, id="other-role-one-name"),
]


@pytest.mark.parametrize(("prepared", "approved", "same"), DRAFTER_APPROVER)
def test_qms204_and_the_approver_step_agree(prepared: dict[str, Any], approved: dict[str, Any], same: bool) -> None:
    process = make_process(approval={"prepared": prepared, "approved": approved})
    assert rule_reports("QMS204", process) is same
    assert step_fails("the approver is not the drafter", process) is same


def test_the_step_names_the_role_shared_by_two_people() -> None:
    process = make_process(
        approval={"prepared": {"role": "lanh-dao", "name": "Lê Văn Cường"}, "approved": {"role": "lanh-dao", "name": "Phạm Minh Đức"}}
    )
    with pytest.raises(AuditFinding) as caught:
        audit_step("the approver is not the drafter").check(AuditedProcess(process))
    assert "cùng vai trò «lanh-dao» với người soạn thảo (Lê Văn Cường soạn thảo, Phạm Minh Đức phê duyệt)" in caught.value.message.vi
    assert "drafter's own role «lanh-dao»" in caught.value.message.en


FEATURE = """# language: vi
Tính năng: Phê duyệt độc lập (ISO 9001 7.5.2)
  Kịch bản: Người phê duyệt khác người soạn thảo
    Biết quy trình "QT-T-01"
    Thì người phê duyệt khác người soạn thảo
"""


@pytest.mark.parametrize(
    ("fixture", "outcome"),
    [
        ("invalid_same_role.yaml", Outcome.FAILED),
        ("invalid_same_person.yaml", Outcome.FAILED),
        ("valid_different_signers.yaml", Outcome.PASSED),
    ],
)
def test_qms204_fixtures_through_the_audit_step(tmp_path: Path, fixture: str, outcome: Outcome) -> None:
    """The rule's own fixtures, audited with the Vietnamese phrase: an invalid one fails the criterion, the valid one passes."""
    processes, features = tmp_path / "processes", tmp_path / "features"
    processes.mkdir(), features.mkdir()
    shutil.copy(RULE_FIXTURES / "QMS204" / fixture, processes / fixture)
    (features / "phe_duyet.feature").write_text(FEATURE, encoding="utf-8")
    report = run_audit(features, processes)
    assert [r.outcome for r in report.results] == [outcome], report.output
    loaded = load_paths([processes])
    assert rule_reports("QMS204", loaded.processes[0]) is (outcome is Outcome.FAILED)


@pytest.mark.parametrize(
    ("code", "en"),
    [
        ("QMS201", "every step has a responsible role"),
        ("QMS605", "every decision step has acceptance criteria"),
    ],
)
def test_rules_and_steps_asking_the_same_question_agree_on_the_rule_fixtures(code: str, en: str) -> None:
    for fixture in sorted((RULE_FIXTURES / code).glob("*.yaml")):
        for process in load_paths([fixture]).processes:
            assert rule_reports(code, process) is step_fails(en, process) is fixture.name.startswith("invalid"), fixture.name


def test_the_risk_step_counts_the_risks_qms603_asks_controls_of() -> None:
    """An opportunity is pursued, not controlled: neither QMS603 nor the step asks it for a controlling step."""
    opportunity = make_process(risks=[{"code": "CH-01", "kind": "opportunity", "description": "Nộp trực tuyến"}])
    assert not rule_reports("QMS603", opportunity) and not step_fails("every risk has a controlling step", opportunity)
    risk = make_process(risks=[{"code": "RR-01", "description": "Trễ hạn", "treatment": "Nhắc hạn"}])
    assert rule_reports("QMS603", risk) and step_fails("every risk has a controlling step", risk)


def _late_branch_finding(process: Process) -> str | None:
    try:
        audit_step("a branch for late dossiers issues an apology").check(AuditedProcess(process))
    except AuditFinding as finding:
        return finding.message.vi
    return None


def test_the_late_branch_step_recognises_the_apology_as_qms304_does() -> None:
    """Where QMS304 finds an apology record the step does too (it then also asks for it to be on a branch); where not, neither."""
    no_apology = "không có hồ sơ nào là văn bản xin lỗi"
    for fixture in sorted((RULE_FIXTURES / "QMS304").glob("*.yaml")):
        for process in load_paths([fixture]).processes:
            found = _late_branch_finding(process)
            recognised = found is None or no_apology not in found
            assert recognised is (fixture.name != "invalid_no_apology.yaml"), (fixture.name, found)
            assert rule_reports("QMS304", process) is fixture.name.startswith("invalid")
