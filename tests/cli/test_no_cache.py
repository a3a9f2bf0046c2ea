"""``qms check`` and ``qms validate`` with the results cache (``.qms_cache/``) and ``--no-cache``."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qms.cli.app import app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with the shipped processes, one of them broken, as the current folder; the cache allowed."""
    folder = tmp_path / "du an"
    shutil.copytree(ROOT / "processes", folder / "processes", ignore=shutil.ignore_patterns("logs"))
    shutil.copytree(ROOT / "legal", folder / "legal")
    (folder / "qms.toml").write_text('fail-on = "warning"\n', encoding="utf-8")
    (folder / "processes" / "QT-HONG-01.yaml").write_text("code: QT-HONG-01\ntitle: [\n", encoding="utf-8")
    monkeypatch.chdir(folder)
    monkeypatch.delenv("QMS_NO_CACHE")
    return folder


def _run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, ["--lang", "en", *args])
    return result.exit_code, result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["check", "processes", "--format", "json", "--as-of", "2026-03-01"],
        ["check", "processes", "--format", "sarif", "--as-of", "2026-03-01"],
        ["check", "processes", "--format", "concise", "--as-of", "2026-03-01"],
        ["validate", "processes", "--format", "json"],
        ["validate", "processes", "--format", "concise"],
    ],
)
def test_same_output_and_exit_code_with_and_without_the_cache(project: Path, command: list[str]) -> None:
    without = _run(*command, "--no-cache")
    assert not (project / ".qms_cache").exists()  # --no-cache neither reads nor writes it
    cold, warm = _run(*command), _run(*command)
    assert cold == warm == without
    assert without[0] == 1 and "QT-HONG-01.yaml" in without[1]
    assert (project / ".qms_cache" / ".gitignore").read_text(encoding="utf-8").endswith("*\n")


def test_an_entry_damaged_between_runs_changes_nothing(project: Path) -> None:
    command = ["check", "processes", "--format", "json", "--as-of", "2026-03-01"]
    first = _run(*command)
    for entry in (project / ".qms_cache" / "files").iterdir():
        entry.write_bytes(b"QMSCACHE\x00\x01" + b"\x00" * 40)
    assert _run(*command) == first


def test_an_unwritable_cache_folder_is_no_error(project: Path) -> None:
    (project / ".qms_cache").write_text("not a folder", encoding="utf-8")
    result = CliRunner().invoke(app, ["--verbose", "check", "processes", "--format", "json"])
    assert result.exit_code == 1 and '"findings"' in result.stdout
    assert "qms_cache" not in result.stdout  # the note, if any, goes to standard error


def test_the_cache_folder_is_never_read_as_processes(project: Path) -> None:
    _run("validate", ".")
    _, output = _run("validate", ".", "--format", "json")
    assert ".qms_cache" not in output
