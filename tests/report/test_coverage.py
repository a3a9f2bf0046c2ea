"""The clause coverage matrix."""

from qms.diagnostics import Location, Severity
from qms.i18n import Message
from qms.model import Process
from qms.report.coverage import coverage_matrix
from qms.rules.base import Finding
from qms.rules.registry import rule_by_code


def process(code: str, clauses: list[str], citizen: bool = False) -> Process:
    return Process.model_validate(
        {
            "code": code,
            "title": code,
            "version": "1.0",
            "status": "draft",
            "owner": "a",
            "iso_clauses": clauses,
            "citizen_facing": citizen,
            "roles": {"a": "A"},
            "steps": [{"id": "s", "type": "start", "name": "S", "next": "e"}, {"id": "e", "type": "end", "name": "E"}],
        }
    )


def test_subclauses_evidence_their_clause_and_rules_check_theirs() -> None:
    rules = [rule_by_code("QMS104"), rule_by_code("QMS201")]
    rows = {(r.standard, r.key): r for r in coverage_matrix([process("QT-A", ["8.5.1", "4.4"])], rules)}  # type: ignore[list-item]
    assert rows[("ISO 9001:2015", "8.5")].processes == ("QT-A",)
    assert rows[("ISO 9001:2015", "8.7")].rules == ("QMS104",)  # QMS104 checks 8.7.1
    assert rows[("ISO 9001:2015", "5.3")].rules == ("QMS201",)
    assert rows[("ISO 9001:2015", "9.2")].gap


def test_iso18091_area_is_evidenced_by_citizen_processes_without_findings() -> None:
    rules = [rule_by_code("QMS701")]
    a, b, c = process("QT-A", [], citizen=True), process("QT-B", [], citizen=True), process("QT-C", [])
    finding = Finding("QMS701", Severity.WARNING, Location(__file__), Message("x", "x"), process="QT-B")
    rows = {r.key: r for r in coverage_matrix([a, b, c], rules, [finding])}  # type: ignore[list-item]
    assert rows["transparency"].processes == ("QT-A",)
    assert rows["transparency"].rules == ("QMS701",)
    assert rows["integrity"].gap


def test_a_clause_declared_not_applicable_is_no_gap_and_keeps_its_justification() -> None:
    rows = {r.key: r for r in coverage_matrix([process("QT-A", ["8.5.1"])], [], not_applicable={"8.3": "Không thiết kế dịch vụ"})}
    assert rows["8.3"].not_applicable == "Không thiết kế dịch vụ" and not rows["8.3"].gap
    assert rows["8.4"].gap and rows["8.4"].not_applicable is None
