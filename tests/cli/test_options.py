"""``--quiet`` and ``--verbose`` (and ``--lang``) are accepted anywhere on the line (qms.cli.options)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qms.cli.app import app
from qms.cli.options import globals_first

PROJECT = Path(__file__).parent / "fixtures" / "project_root"
PROCESS = "processes/QT-MIN-01.yaml"  # valid, with warnings from «qms check»


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, globals_first(list(args)))
    return result.exit_code, result.stdout, result.stderr


def test_global_options_are_moved_before_the_command_but_not_after_a_double_dash() -> None:
    assert globals_first(["check", "p", "-q", "--lang", "en", "--verbose", "--", "-q"]) == [
        "-q",
        "--lang",
        "en",
        "--verbose",
        "check",
        "p",
        "--",
        "-q",
    ]
    assert globals_first(["rules", "--lang=en", "QMS101"]) == ["--lang=en", "rules", "QMS101"]


def test_quiet_prints_the_findings_and_no_summary() -> None:
    code, full, _ = run("check", PROCESS, "-f", "concise")
    quiet_code, quiet, _ = run("check", PROCESS, "-f", "concise", "--quiet")
    findings = [line for line in full.splitlines() if line.startswith(PROCESS)]
    assert code == quiet_code == 0 and findings
    assert quiet.splitlines() == findings  # the same lines, without the table and the totals line
    assert "quy tắc" not in quiet and "Tổng hợp" in full


def test_quiet_validate_of_a_valid_file_prints_nothing() -> None:
    assert run("-q", "validate", PROCESS) == (0, "", "")
    assert "hợp lệ" in run("validate", PROCESS)[1]


def test_verbose_tells_the_files_read_and_the_rules_run_on_standard_error() -> None:
    code, stdout, stderr = run("check", ".", "-f", "json", "-v")
    assert code == 0 and json.loads(stdout)["files"] == [PROCESS]  # machine output untouched
    lines = stderr.splitlines()
    assert lines[0].startswith("tệp đã đọc: 1 (") and lines[0].endswith(" s)") and lines[1].strip() == PROCESS
    assert lines[2].startswith("quy tắc đã chạy: ") and "QMS101" in lines[3]


def test_verbose_validate_lists_the_files_read() -> None:
    code, _, stderr = run("validate", ".", "--verbose")
    assert code == 0 and stderr.splitlines()[1].strip() == PROCESS


def test_quiet_wins_over_verbose() -> None:
    assert run("validate", PROCESS, "-q", "-v") == (0, "", "")
