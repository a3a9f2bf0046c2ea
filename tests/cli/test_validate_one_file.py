"""``qms validate FILE`` and ``qms check FILE`` on one file that calls processes not named on the command line.

The fixtures are the loader's (``tests/load/fixtures/one_file``): a project with ``qms.toml`` and ``processes/``,
drafts outside it, and a folder whose files call each other.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import ROOT
from qms.cli.app import app

ONE_FILE = Path("tests/load/fixtures/one_file")
runner = CliRunner()


@pytest.fixture(autouse=True)
def _at_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_validate_one_draft_that_calls_a_process_of_the_project() -> None:
    result = invoke("validate", str(ONE_FILE / "project" / "drafts" / "QT-NHAP-01.yaml"), "--format", "json")
    assert result.exit_code == 0, result.stdout
    payload = json.loads(result.stdout)
    assert payload["ok"] is True and payload["diagnostics"] == []
    assert [p["code"] for p in payload["processes"]] == ["QT-NHAP-01"]  # the called process is not listed as checked


def test_validate_one_file_calling_nothing_names_the_call_and_not_itself() -> None:
    path = ONE_FILE / "same_folder" / "QT-LAP-01.yaml"
    result = invoke("--lang", "en", "validate", str(path))
    assert result.exit_code == 1
    line = next(line for line in result.stdout.splitlines() if "QMS020" in line)
    assert line.startswith(f"{path}:11:76: QMS020 error: process «QT-LAP-02» does not exist")
    assert "QT-LAP-01" not in line.split("(hint:", 1)[1]


def test_validate_one_file_calling_a_broken_file_says_which_file() -> None:
    result = invoke("validate", str(ONE_FILE / "project" / "drafts" / "QT-NHAP-02.yaml"), "--format", "json")
    assert result.exit_code == 1
    found = json.loads(result.stdout)["diagnostics"]
    assert [(d["line"], d["code"]) for d in found] == [(11, "QMS020"), (12, "QMS020")]
    assert all(d["file"].endswith("QT-NHAP-02.yaml") for d in found)  # reported at the calls, never in the broken files
    assert f"{ONE_FILE}/project/processes/QT-HONG-01.yaml:3:21" in found[0]["message"]


def test_check_one_file_sees_the_called_process() -> None:
    # QMS505 needs the called process's status: found in processes/, the approved draft's call to a draft is reported.
    result = invoke("check", str(ONE_FILE / "project" / "drafts" / "QT-NHAP-01.yaml"), "--select", "QMS505", "--format", "json")
    assert result.exit_code == 1, result.stdout
    payload = json.loads(result.stdout)
    assert payload["processes"] == ["QT-NHAP-01"] and payload["load_errors"] == []
    assert [(f["rule"], f["line"], f["step"]) for f in payload["findings"]] == [("QMS505", 11, "ban-hanh")]
