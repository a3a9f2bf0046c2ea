"""Each PLN finding at its line and column (tests/plan/fixtures/findings.yaml), overdue ones only on a date."""

from datetime import date
from pathlib import Path

from qms.codes import all_codes, code_info
from qms.diagnostics import Severity
from qms.plan import read_plan
from qms.plan.findings import check_plans, plan_findings

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]


def _found(as_of: date | None = None) -> list[tuple[str, int, int]]:
    plan_file, problems = read_plan(FIXTURES / "findings.yaml")
    assert problems == [] and plan_file is not None
    return [(d.code, d.location.line, d.location.column) for d in plan_findings(plan_file, as_of)]


FIVE_CLEAR = [
    ("PLN006", 7, 5),  # CT-01: no measure, KPI or value (the target's own place)
    ("PLN007", 13, 12),  # CT-02: value 92.5 without evidence
    ("PLN001", 15, 5),  # task 1: no lead (the task's own place)
    ("PLN004", 15, 5),  # task 1: no product
    ("PLN002", 18, 5),  # task 2: no time
    ("PLN003", 25, 11),  # task 3: «Theo yêu cầu của Sở Nội vụ»
    ("PLN005", 32, 13),  # task 4: done, no completed date, no evidence
    ("PLN010", 36, 11),  # task 5: Quý I/2027, after the plan's period
    ("PLN001", 39, 5),  # the recurring report without a lead
]


def test_each_five_clear_finding_at_its_line() -> None:
    assert _found() == FIVE_CLEAR


def test_overdue_findings_only_on_a_date() -> None:
    # 1/7: task 1 (Quý I) past 31/3; the Q2 report (due 8/6) not sent; Q1's was sent 5/3
    assert sorted(set(_found(date(2026, 7, 1))) - set(FIVE_CLEAR)) == [("PLN008", 17, 11), ("PLN009", 43, 11)]
    # 31/3, the deadline day: nothing overdue yet; Q1's report was sent
    assert set(_found(date(2026, 3, 31))) == set(FIVE_CLEAR)
    # 31/12: Q2, Q3 and Q4 (due 8/12) overdue, each a finding at «done»
    assert [f for f in _found(date(2026, 12, 31)) if f[0] == "PLN009"] == [("PLN009", 43, 11)] * 3


def test_messages_hints_and_severities() -> None:
    plan_file, _ = read_plan(FIXTURES / "findings.yaml")
    assert plan_file is not None
    found = {(d.code, d.location.line): d for d in plan_findings(plan_file, date(2026, 7, 1))}
    lead = found[("PLN001", 15)]
    assert lead.severity is Severity.ERROR and lead.message.get("vi") == "nhiệm vụ 1 không có đơn vị chủ trì"
    assert lead.hint is not None and lead.hint.get("vi") == "thêm «lead:» với mã một đơn vị trong «units» (a)"
    done = found[("PLN005", 32)]
    assert done.severity is Severity.WARNING and done.message.get("vi") == "nhiệm vụ 4 đã hoàn thành nhưng thiếu «completed», «evidence»"
    assert found[("PLN008", 17)].message.get("vi") == "nhiệm vụ 1 quá hạn 92 ngày (hạn 2026-03-31) vào ngày 2026-07-01"
    assert found[("PLN009", 43)].message.get("vi") == "báo cáo BC-QUY kỳ 2026-Q2 quá hạn: hạn 2026-06-08, chưa có ngày gửi"
    assert found[("PLN003", 25)].severity is Severity.INFO and found[("PLN010", 36)].severity is Severity.INFO
    assert found[("PLN007", 13)].message.get("vi") == "giá trị 92.5 của chỉ tiêu CT-02 không có minh chứng"


def test_a_tidy_plan_has_no_finding_until_something_is_overdue() -> None:
    plan_file, _ = read_plan(FIXTURES / "tracking.yaml")
    assert plan_file is not None
    notes = [("PLN003", 13), ("PLN005", 15), ("PLN003", 16)]  # task 5 on request; 7 done without a date; 8 continuous
    assert [(d.code, d.location.line) for d in plan_findings(plan_file)] == notes
    assert [(d.code, d.location.line) for d in plan_findings(plan_file, date(2026, 4, 5))] == [("PLN008", 10), *notes]  # task 2


def test_the_shipped_plan() -> None:
    check = check_plans([ROOT / "plans"])
    assert (check.files, len(check.plans), check.ok) == (1, 1, True)
    # no error: a target nothing measures yet (digitisation) and two tasks without a deadline, as real plans have
    assert [(d.code, d.location.line) for d in check.diagnostics] == [("PLN006", 51), ("PLN003", 77), ("PLN003", 101)]


def test_every_pln_code_is_registered_with_its_severity() -> None:
    codes = {c.code: c for c in all_codes() if c.family == "PLN"}
    assert sorted(codes) == [f"PLN{n:03d}" for n in range(1, 11)]
    severities = {code: info.severity.value for code, info in codes.items()}
    assert [code for code, s in severities.items() if s == "error"] == ["PLN001", "PLN002", "PLN004"]
    assert [code for code, s in severities.items() if s == "info"] == ["PLN003", "PLN010"]
    info = code_info("pln001")
    assert info is not None and info.kind == "plan" and "6.2.2" in info.explanation.vi  # type: ignore[union-attr]
