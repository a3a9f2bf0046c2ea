"""Finding process files, loading them, and the ``qms.load`` entry point."""

from __future__ import annotations

from pathlib import Path

import pytest

import qms
from conftest import INVALID, VALID, position, text_at, write
from qms.diagnostics import LoadCode
from qms.load import LoadError, discover, load_paths, parse_file

MINIMAL = (VALID / "minimal.yaml").read_text(encoding="utf-8")


def tree(tmp_path: Path) -> Path:
    for name in ["b.yaml", "a.yml", "sub/c.yaml", "sub/deeper/d.yaml", "_draft.yaml", ".hidden.yaml", "_wip/e.yaml", ".git/f.yaml", "notes.txt", "g.YAML.bak"]:
        write(tmp_path, name, "x: 1\n")
    (tmp_path / "dir.yaml").mkdir()
    return tmp_path


def test_discover_finds_yaml_recursively_sorted_and_skips_underscore_and_dot(tmp_path: Path) -> None:
    files, problems = discover([tree(tmp_path)])
    assert problems == []
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a.yml", "b.yaml", "sub/c.yaml", "sub/deeper/d.yaml"]


def test_a_file_named_explicitly_is_read_even_if_it_would_be_skipped(tmp_path: Path) -> None:
    tree(tmp_path)
    files, _ = discover([tmp_path / "_draft.yaml", tmp_path / "notes.txt"])
    assert files == [tmp_path / "_draft.yaml", tmp_path / "notes.txt"]


def test_the_same_file_named_twice_is_read_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "procs/a.yaml", MINIMAL)
    monkeypatch.chdir(tmp_path)
    files, _ = discover(["procs", "procs/a.yaml", tmp_path / "procs" / "a.yaml", "./procs/../procs/a.yaml"])
    assert files == [Path("procs/a.yaml")]
    result = load_paths(["procs", (tmp_path / "procs" / "a.yaml").resolve()])
    assert result.ok, [d.render("en") for d in result.diagnostics]  # not "QT-MIN-01 already used in procs/a.yaml"


def test_missing_path_is_a_usage_problem(tmp_path: Path) -> None:
    files, problems = discover([tmp_path / "nope"])
    assert files == []
    (d,) = problems
    assert d.code == LoadCode.FILE and d.data == {"usage": True}
    assert d.message.vi == f"không tìm thấy tệp hoặc thư mục «{tmp_path / 'nope'}»"


def test_load_paths_on_the_valid_fixtures() -> None:
    result = load_paths([VALID])
    assert result.ok and result.diagnostics == []
    assert [f.name for f in result.files] == sorted(f.name for f in VALID.glob("*.yaml"))
    assert sorted(result.by_code()) == ["QT-BOM-01", "QT-MERGE-01", "QT-MIN-01", "QT-NFD-01", "QT-SCALAR-01", "QT-TTHC-01"]


def test_load_paths_keeps_valid_processes_and_reports_the_rest() -> None:
    result = load_paths([VALID / "minimal.yaml", INVALID / "unknown_next.yaml", INVALID / "not_utf8.yaml"])
    assert not result.ok
    assert [p.code for p in result.processes] == ["QT-MIN-01"]
    assert [(d.location.path.name, d.code) for d in result.diagnostics] == [("not_utf8.yaml", "QMS002"), ("unknown_next.yaml", "QMS020")]


def test_parse_file_returns_a_process_with_its_origin() -> None:
    process, diagnostics = parse_file(VALID / "full.yaml")
    assert diagnostics == [] and process is not None
    assert process.origin.path == VALID / "full.yaml"


def test_load_returns_a_process_whose_origin_locates_its_parts() -> None:
    path = VALID / "full.yaml"
    process = qms.load(path)
    assert isinstance(process, qms.Process) and process.code == "QT-TTHC-01"
    where = process.origin.at("steps", 0, "role")
    assert (where.path, where.line, where.column) == (path, 43, 11)
    assert text_at(path, 43, 11) == "mot-cua"
    assert process.steps[0].role == "mot-cua"
    step = process.origin.step(process, "phe-duyet", "authority")
    assert text_at(path, step.line, step.column) == "approve"
    assert process.origin.step(process, "khong-co") == process.origin.at()
    title = process.origin.at("title")
    assert (title.line, title.column) == (7, 8)


def test_load_accepts_a_string_path() -> None:
    assert qms.load(str(VALID / "minimal.yaml")).code == "QT-MIN-01"


def test_load_raises_load_error_carrying_the_diagnostics() -> None:
    path = INVALID / "duplicate_key.yaml"
    with pytest.raises(LoadError) as caught:
        qms.load(path)
    (d,) = caught.value.diagnostics
    assert (d.code, d.location.path, position(d)) == (LoadCode.DUPLICATE_KEY, path, (7, 1))
    assert str(caught.value) == d.render()
    assert f"{path}:7:1: QMS004 lỗi: trường «status» bị khai báo lặp" in str(caught.value)


def test_load_of_a_missing_file_raises_load_error(tmp_path: Path) -> None:
    with pytest.raises(LoadError) as caught:
        qms.load(tmp_path / "absent.yaml")
    assert [d.code for d in caught.value.diagnostics] == [LoadCode.FILE]


def test_loaded_models_are_frozen() -> None:
    process = qms.load(VALID / "minimal.yaml")
    with pytest.raises(Exception):
        process.code = "QT-KHAC"  # type: ignore[misc]
