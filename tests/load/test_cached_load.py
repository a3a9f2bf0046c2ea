"""Loading through the results cache (``qms.load.cached``): what ``load_paths`` gives, from fewer reads."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from qms.load import cached, load_paths
from qms.load.cache import open_cache
from qms.load.cached import LazyProcesses, load_paths_cached
from qms.report.payloads import load_json

ROOT = Path(__file__).resolve().parents[2]
CROSS_FILE = ROOT / "tests" / "fixtures" / "cross_file"


def _seen(result: object) -> tuple[object, ...]:
    return ([d.render("en") for d in result.diagnostics], [p.code for p in result.processes], result.files, load_json(result, True, "vi"))  # type: ignore[attr-defined]


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """Valid processes, broken ones, a duplicate code and a call to an unknown code, in one folder."""
    folder = tmp_path / "processes"
    shutil.copytree(ROOT / "processes", folder, ignore=shutil.ignore_patterns("logs"))
    for name in ("duplicate_code", "unknown_call"):
        shutil.copytree(CROSS_FILE / name, folder / name)
    shutil.copytree(ROOT / "tests" / "fixtures" / "invalid", folder / "invalid")
    return folder


def test_cold_and_warm_loads_are_the_uncached_load(tree: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    expected = _seen(load_paths([tree]))
    assert _seen(load_paths_cached([tree], open_cache(tmp_path))) == expected
    read: list[Path] = []
    original = cached._read_file
    monkeypatch.setattr(cached, "_read_file", lambda path, *a: read.append(path) or original(path, *a))
    warm = load_paths_cached([tree], open_cache(tmp_path))
    assert isinstance(warm.processes, LazyProcesses) and read == []
    assert _seen(warm) == expected and read == []  # models read back from their entries, not from the files


def test_a_file_named_on_its_own_is_loaded_without_the_cache(tmp_path: Path) -> None:
    named = ROOT / "processes" / "QT-DGNB-01.yaml"  # its call to QT-VB-01 is resolved beside it
    result = load_paths_cached([named], open_cache(tmp_path))
    assert _seen(result) == _seen(load_paths([named])) and not isinstance(result.processes, LazyProcesses)
    assert not any((tmp_path / ".qms_cache" / "files").iterdir())


def test_a_code_gone_changes_the_references_of_who_calls_it(tree: Path, tmp_path: Path) -> None:
    load_paths_cached([tree], open_cache(tmp_path))
    (tree / "QT-VB-01.yaml").unlink()  # four processes call it: now a call to nothing, with a did-you-mean
    result = load_paths_cached([tree], open_cache(tmp_path))
    assert _seen(result) == _seen(load_paths([tree]))
    assert sum(d.code == "QMS020" and d.data.get("name") == "QT-VB-01" for d in result.diagnostics) == 4
