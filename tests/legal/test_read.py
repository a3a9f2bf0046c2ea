"""Reading the legal register: errors at file:line, the shipped registers valid, the schema in step with the model."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from qms.legal.read import DEFAULT_REGISTER, default_register, find_register, project_register, read_register
from qms.legal.schema import NAME, register_json_schema_text
from tests.conftest import as_editor_sees

ROOT = Path(__file__).resolve().parents[2]
ENTRY = "  - {{number: {number}, kind: decree, title: T, verified: false{more}}}\n"


def _register(tmp_path: Path, *entries: str, name: str = "register.yaml") -> Path:
    path = tmp_path / name
    path.write_text("texts:\n" + "".join(entries), encoding="utf-8")
    return path


def _problems(*paths: Path) -> list[str]:
    return [f"{d.location.path.name}:{d.location.line} {d.code} {d.message.vi}" for d in read_register(paths).problems]


def test_two_entries_with_one_number_however_written(tmp_path: Path) -> None:
    path = _register(tmp_path, ENTRY.format(number="61/2018/NĐ-CP", more=""), ENTRY.format(number="61 / 2018 / nd-cp", more=""))
    (problem,) = _problems(path)
    assert problem.startswith("register.yaml:3 QMS021") and "register.yaml:2" in problem


def test_two_files_of_a_folder_with_one_number(tmp_path: Path) -> None:
    _register(tmp_path, ENTRY.format(number="30/2020/NĐ-CP", more=""), name="a.yaml")
    _register(tmp_path, ENTRY.format(number="118/2025/NĐ-CP", more=""), ENTRY.format(number="30/2020/ND-CP", more=""), name="b.yml")
    assert [p.split(" ")[:2] for p in _problems(tmp_path)] == [["b.yml:3", "QMS021"]]
    assert len(read_register([tmp_path]).texts) == 2


def test_a_text_that_replaces_itself(tmp_path: Path) -> None:
    path = _register(
        tmp_path,
        ENTRY.format(number="10/2026/TT-BGDĐT", more=", replaces: [21/2019/TT-BGDĐT, 10/2026/TT-BGDDT]"),
        ENTRY.format(number="21/2019/TT-BGDĐT", more=", replaced_by: Thông tư số 21/2019/TT-BGDĐT"),
    )
    assert [p.split(" ")[:2] for p in _problems(path)] == [["register.yaml:2", "QMS020"], ["register.yaml:3", "QMS020"]]


def test_unknown_names_are_fine_references(tmp_path: Path) -> None:
    path = _register(tmp_path, ENTRY.format(number="118/2025/NĐ-CP", more=", replaces: [61/2018/NĐ-CP], in_force_from: 2025-07-01"))
    register = read_register([path])
    assert register.problems == () and register.is_project
    change = register.replacement_of("Nghị định số 61/2018/ND-CP")
    assert change is not None and (change.replacement, str(change.effective), change.verified) == ("118/2025/NĐ-CP", "2025-07-01", False)


def test_format_errors_at_their_line_with_did_you_mean(tmp_path: Path) -> None:
    path = tmp_path / "register.yaml"
    path.write_text(
        "texts:\n  - number: 30/2020/NĐ-CP\n    kind: decre\n    title: T\n    verified: true\n    replace_by: X\n", encoding="utf-8"
    )
    found = read_register([path]).problems
    assert [(d.location.line, d.code) for d in found] == [(3, "QMS010"), (6, "QMS010")]
    assert "replaced_by" in (found[1].hint.vi if found[1].hint else "")


def test_in_force_until_before_from(tmp_path: Path) -> None:
    path = _register(tmp_path, ENTRY.format(number="1/2020/NĐ-CP", more=", in_force_from: 2020-05-01, in_force_until: 2020-04-30"))
    assert [p.split(" ")[:2] for p in _problems(path)] == [["register.yaml:2", "QMS010"]]


def test_shipped_registers_are_valid_and_know_the_changes() -> None:
    project = read_register([ROOT / "legal" / "register.yaml"])
    assert project.problems == ()
    for register in (project, default_register()):
        assert register.replacement_of("61/2018/NĐ-CP").replacement == "118/2025/NĐ-CP"  # type: ignore[union-attr]
        assert register.replacement_of("107/2021/NĐ-CP").replacement == "118/2025/NĐ-CP"  # type: ignore[union-attr]
        assert register.replacement_of("01/2018/TT-VPCP").replacement == "03/2025/TT-VPCP"  # type: ignore[union-attr]
        vt = register.replacement_of("09/2010/NĐ-CP")
        assert vt is not None and vt.verified and str(vt.effective) == "2020-03-05"
        diplomas = register.replacement_of("21/2019/TT-BGDĐT")
        assert diplomas is not None and not diplomas.verified and str(diplomas.effective) == "2026-04-15"
        decree = register.text("118/2025/NĐ-CP")
        assert decree is not None and [a.number for a in decree.amended_by] == ["367/2025/NĐ-CP", "309/2026/NĐ-CP"]
        assert not decree.verified and register.replacement_of("19/2014/QĐ-TTg") is None
    # The project's register holds the default's knowledge: a project that starts from it loses nothing.
    assert {t.number for t in default_register().texts} <= {t.number for t in project.texts}


def test_found_from_the_project_root_and_not_above_its_configuration(tmp_path: Path) -> None:
    (tmp_path / "legal").mkdir()
    _register(tmp_path / "legal", ENTRY.format(number="30/2020/NĐ-CP", more=""))
    inner = tmp_path / "don-vi"
    (inner / "processes").mkdir(parents=True)
    assert find_register(inner / "processes") == tmp_path / "legal"
    (inner / "qms.toml").write_text("", encoding="utf-8")  # another project, inside: its register is its own
    assert find_register(inner / "processes") is None
    outside = project_register(inner)
    assert not outside.is_project and outside == default_register()




def test_committed_schema_matches_the_model_and_accepts_the_registers() -> None:
    committed = (ROOT / "schema" / NAME).read_text(encoding="utf-8")
    assert committed == register_json_schema_text(), "run: python -m qms.legal.schema schema"
    validator = jsonschema.Draft202012Validator(json.loads(committed))
    for path in (ROOT / "legal" / "register.yaml", DEFAULT_REGISTER):
        assert [e.message for e in validator.iter_errors(as_editor_sees(path))] == [], path
    bad = as_editor_sees(DEFAULT_REGISTER)
    bad["texts"][0]["surprise"] = 1  # type: ignore[index]
    assert list(validator.iter_errors(bad))


@pytest.mark.parametrize("number", ["TCVN ISO 9001:2015", "ISO 19011:2018"])
def test_standards_are_entries_by_their_name(number: str) -> None:
    assert read_register([ROOT / "legal" / "register.yaml"]).text(number) is not None
