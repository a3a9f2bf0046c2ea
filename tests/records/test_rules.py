"""Each REC rule on its fixtures (tests/records/fixtures/RECnnn/pass, fail): the failing one raises it, the passing one does not."""

from datetime import date
from pathlib import Path

import pytest

from qms.codes import code_info
from qms.load import load_paths
from qms.model import Process, Status
from qms.records.codes import RECORD_CODES
from qms.records.findings import check_records

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 6, 1)
CODES = [info.code for info in RECORD_CODES]


@pytest.fixture(scope="module")
def processes() -> list[Process]:
    return load_paths([ROOT / "processes"]).processes


@pytest.mark.parametrize("code", CODES)
def test_the_failing_fixture_raises_it(code: str, processes: list[Process]) -> None:
    result = check_records([FIXTURES / code / "fail"], processes, AS_OF)
    assert code in {d.code for d in result.diagnostics}
    assert {d.code for d in result.diagnostics} <= {code}, [d.render() for d in result.diagnostics]


@pytest.mark.parametrize("code", CODES)
def test_the_passing_fixture_is_clean(code: str, processes: list[Process]) -> None:
    result = check_records([FIXTURES / code / "pass"], processes, AS_OF)
    assert result.diagnostics == [] and result.ok


def test_every_code_is_registered_with_its_clause_and_page() -> None:
    for code in CODES:
        info = code_info(code)
        assert info is not None and info.kind == "records" and info.doc == f"rules/{code}.md"
        assert "ISO 9001:2015" in info.explanation.vi and info.fix is not None  # type: ignore[union-attr]
        assert (ROOT / "docs" / info.doc).is_file()


def test_independence_and_coverage_need_the_processes() -> None:
    assert check_records([FIXTURES / "REC001" / "fail"]).diagnostics == []  # an unqualified role: looked up in the processes
    assert check_records([FIXTURES / "REC006" / "fail"]).diagnostics == []


def test_a_qualified_role_clashes_without_the_processes(tmp_path: Path) -> None:
    text = (FIXTURES / "REC001" / "fail" / "A-1.yaml").read_text(encoding="utf-8").replace("[{role: mot-cua}]", "[{process: QT-TTHC-01, role: mot-cua}]")
    (tmp_path / "A-1.yaml").write_text(text, encoding="utf-8")
    assert [d.code for d in check_records([tmp_path]).diagnostics] == ["REC001"]


def test_closed_as_not_effective_is_rec004(tmp_path: Path) -> None:
    text = (FIXTURES / "REC004" / "pass" / "A-1.yaml").read_text(encoding="utf-8").replace("result: effective", "result: not_effective")
    (tmp_path / "A-1.yaml").write_text(text, encoding="utf-8")
    [found] = check_records([tmp_path]).diagnostics
    assert (found.code, found.location.line, found.severity) == ("REC004", 16, "error")  # the effectiveness result
    assert "không hiệu lực" in found.message.vi


def test_overdue_needs_a_date() -> None:
    assert check_records([FIXTURES / "REC003" / "fail"]).diagnostics == []


@pytest.mark.parametrize(
    ("status", "effective", "missed"),
    [
        ("approved", "2026-01-15", True),  # in force all year
        ("approved", None, True),  # approved, date not written: in the system
        ("review", "2025-03-01", True),  # in force, being revised: still in the system
        ("review", None, False),  # a draft under review, never approved: enters next year's programme
        ("draft", None, False),
        ("approved", "2027-01-01", False),  # takes effect after the programme's year
        ("obsolete", "2024-01-01", False),  # withdrawn
    ],
)
def test_only_processes_in_the_system_in_the_year_must_be_audited(
    tmp_path: Path, processes: list[Process], status: str, effective: str | None, missed: bool
) -> None:
    listed = processes[0]
    other = listed.model_copy(
        update={"code": "QT-MOI-01", "status": Status(status), "effective_date": date.fromisoformat(effective) if effective else None}
    )
    (tmp_path / "programme.yaml").write_text(
        f"code: CT-2026\nyear: 2026\naudits:\n  - {{id: A-1, month: 3, scope: {{processes: [{listed.code}]}}}}\n", encoding="utf-8"
    )
    found = check_records([tmp_path], [listed, other], AS_OF).diagnostics
    assert any(d.code == "REC006" and "QT-MOI-01" in d.message.vi for d in found) is missed, [d.render() for d in found]
