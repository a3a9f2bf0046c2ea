"""``qms validate .`` / ``qms check .`` at a project root read only its processes (``exclude``, ``--force-exclude``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import write
from qms.cli.app import app
from qms.cli.exit_codes import ExitCode

PROJECT = Path(__file__).parent / "fixtures" / "project_root"  # mkdocs.yml, legal/, plans/, audits/, drafts/, .github/


@pytest.fixture
def at_root(monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(PROJECT)
    return PROJECT


def validate(*args: str) -> tuple[int, list[str], list[str]]:
    result = CliRunner().invoke(app, ["validate", "-f", "json", *args])
    report = json.loads(result.stdout) if result.stdout.strip() else {}
    return result.exit_code, report.get("files", []), [d["code"] for d in report.get("diagnostics", [])]


def test_validate_at_the_root_reads_only_the_processes(at_root: Path) -> None:
    code, files, diagnostics = validate(".")
    assert (code, diagnostics) == (ExitCode.OK, [])
    assert files == ["processes/QT-MIN-01.yaml"]  # drafts/ is the fixture's extend-exclude


def test_a_file_named_on_the_command_line_is_read_even_if_excluded(at_root: Path) -> None:
    code, files, _ = validate("mkdocs.yml", "processes")
    assert code == ExitCode.FINDINGS and files == ["mkdocs.yml", "processes/QT-MIN-01.yaml"]


def test_force_exclude_skips_it_as_a_pre_commit_hook_needs(at_root: Path) -> None:
    code, files, _ = validate("--force-exclude", "mkdocs.yml", "drafts/QT-NHAP-01.yaml", "processes/QT-MIN-01.yaml")
    assert (code, files) == (ExitCode.OK, ["processes/QT-MIN-01.yaml"])


def test_check_at_the_root_uses_the_same_exclusion(at_root: Path) -> None:
    result = CliRunner().invoke(app, ["check", ".", "-f", "json", "--fail-on", "never"])
    assert result.exit_code == ExitCode.OK, result.output
    assert json.loads(result.stdout)["files"] == ["processes/QT-MIN-01.yaml"]


def test_a_wrong_exclude_is_a_usage_error_for_both_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "qms.toml", 'exclude = "mkdocs.yml"\n')
    write(tmp_path, "processes/a.yaml", (PROJECT / "processes" / "QT-MIN-01.yaml").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    for command in ("validate", "check"):
        result = CliRunner().invoke(app, [command, "."])
        assert result.exit_code == ExitCode.USAGE, result.output
        assert "«exclude» phải là một danh sách mẫu đường dẫn" in result.output
