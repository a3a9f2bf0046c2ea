"""The code registry: every code the toolkit can print is registered once, with a title, a page and a status."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from qms import codes
from qms.codes import FAMILIES, Family, all_codes, code_info, family_of, is_code
from qms.diagnostics import CODE_FORMAT, CodeInfo, LoadCode, Severity, Status
from qms.i18n import Message
from qms.rules import ENGINE_CODES, all_rules, check_paths

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_has_the_format_a_family_a_bilingual_title_and_a_committed_page() -> None:
    registered = all_codes()
    assert [c.code for c in registered] == sorted({c.code for c in registered}), "sorted, each once"
    for info in registered:
        assert CODE_FORMAT.fullmatch(info.code) and family_of(info.code) is FAMILIES[info.code[:3]]
        assert info.title.vi and info.title.en and info.title.vi != info.title.en, info.code
        assert isinstance(info.severity, Severity) and isinstance(info.status, Status)
        assert (ROOT / "docs" / info.doc).is_file(), f"{info.code}: no page {info.doc}; run qms rules --docs docs/rules"


def test_the_loader_the_rules_and_the_engine_are_all_registered() -> None:
    registered = {c.code: c for c in all_codes()}
    assert {code.value for code in LoadCode} <= set(registered)
    assert {r.code for r in all_rules()} <= set(registered)
    assert ENGINE_CODES == {"QMS090", "QMS099"} <= set(registered)
    assert {registered[c.value].kind for c in LoadCode} == {"load"}
    assert registered["QMS090"].severity is Severity.WARNING and registered["QMS099"].severity is Severity.ERROR
    for rule in all_rules():
        info = registered[rule.code]
        assert (info.kind, info.name, info.severity, info.title) == ("rule", rule.name, rule.severity, rule.title)


def test_every_code_a_run_prints_is_registered() -> None:
    paths = [ROOT / "tests" / "rules" / "fixtures", ROOT / "tests" / "fixtures" / "invalid", ROOT / "tests" / "report" / "fixtures"]
    report = check_paths(paths, today=date(2026, 11, 22))
    printed = {d.code for d in report.diagnostics}
    assert len(printed) > 25 and printed <= {c.code for c in all_codes()}


def test_lookup_by_code_in_any_case_or_by_rule_name() -> None:
    assert code_info("qms090") is code_info("QMS090") is not None
    assert code_info(" single-start ").code == "QMS101"  # type: ignore[union-attr]
    assert code_info("QMS999") is None and code_info("") is None
    assert is_code("BPM001") and not is_code("QMS1") and not is_code("qms101")


def test_a_code_must_be_three_capital_letters_and_three_digits() -> None:
    for wrong in ("QMS1", "qms101", "QM101", "QMS1010", "Q1S101"):
        with pytest.raises(ValueError, match="three capital letters"):
            CodeInfo(wrong, Message("x", "y"), Severity.ERROR, "rules/x.md", "load")


BPM_TABLE = (CodeInfo("BPM001", Message("tệp BPMN không đọc được", "unreadable BPMN file"), Severity.ERROR, "bpmn/BPM001.md", "bpmn", Status.PREVIEW),)
WRONG_FAMILY = (CodeInfo("QMS777", Message("x", "y"), Severity.ERROR, "bpmn/QMS777.md", "bpmn"),)
TWICE = (CodeInfo("QMS101", Message("x", "y"), Severity.ERROR, "rules/QMS101.md", "bpmn"),)


@pytest.fixture
def fresh_registry(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    all_codes.cache_clear()
    yield monkeypatch
    monkeypatch.undo()
    all_codes.cache_clear()


def test_adding_a_family_is_one_entry(fresh_registry: pytest.MonkeyPatch) -> None:
    fresh_registry.setitem(FAMILIES, "BPM", Family(Message("trao đổi BPMN", "BPMN exchange"), ("tests.test_codes:BPM_TABLE",)))
    info = code_info("BPM001")
    assert info is not None and info.status is Status.PREVIEW and info.family == "BPM"
    assert "QMS101" in {c.code for c in codes.all_codes()}


@pytest.mark.parametrize(("table", "problem"), [("WRONG_FAMILY", "not of the BPM family"), ("TWICE", "declared twice")])
def test_a_table_cannot_register_outside_its_family_or_twice(fresh_registry: pytest.MonkeyPatch, table: str, problem: str) -> None:
    letters = "BPM" if table == "WRONG_FAMILY" else "QMS"
    tables = (f"tests.test_codes:{table}",) if letters == "BPM" else (*FAMILIES["QMS"].tables, f"tests.test_codes:{table}")
    fresh_registry.setitem(FAMILIES, letters, Family(Message("x", "y"), tables))
    with pytest.raises(RuntimeError, match=problem):
        all_codes()


def test_a_code_is_looked_up_in_its_own_family_alone() -> None:
    """«qms check» names QMS codes: finding their titles imports neither the dossier-log reader (DuckDB) nor BPMN."""
    code = (
        "import sys\n"
        "from qms.codes import code_info\n"
        "assert code_info('qms101').code == 'QMS101' and code_info('QMS999') is None\n"
        "print(sorted(m for m in ('duckdb', 'qms.logs', 'qms.bpmn', 'qms.calendar') if m in sys.modules))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
    assert all(code_info(info.code) == info for info in all_codes())  # the same entries as the whole catalogue's
