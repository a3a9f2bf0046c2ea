"""The pre-commit hooks and the CI examples (docs/integrations.md) run commands qms really has."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from conftest import ROOT, write
from qms.cli.app import app
from qms.cli.check import CheckFormat
from qms.cli.options import globals_first

PROJECT = Path(__file__).parent / "fixtures" / "project_root"
HOOKS: list[dict[str, Any]] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def qms(args: list[str]) -> tuple[int, str]:
    result = CliRunner().invoke(app, globals_first(args))
    return result.exit_code, result.stdout


def test_the_hooks_are_validate_and_check_on_changed_process_files() -> None:
    assert [h["id"] for h in HOOKS] == ["qms-validate", "qms-check"]
    for hook in HOOKS:
        assert hook["pass_filenames"] is True and hook["language"] == "python"
        files = re.compile(hook["files"])
        assert files.search("processes/QT-TTHC-01.yaml") and files.search("agency/processes/sub/QT-02.yml")
        assert not any(files.search(p) for p in ("legal/register.yaml", "plans/2026.yaml", "mkdocs.yml", "processes/notes.md"))


@pytest.mark.parametrize("hook", HOOKS, ids=lambda h: h["id"])
def test_each_hook_entry_runs_on_the_files_pre_commit_passes(hook: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(PROJECT)
    entry = shlex.split(hook["entry"])
    assert entry[0] == "qms"
    code, stdout = qms([*entry[1:], "processes/QT-MIN-01.yaml", "drafts/QT-NHAP-01.yaml"])  # drafts/: the fixture excludes it
    assert code == 0, stdout
    assert "┃" not in stdout  # --quiet: no summary table


def _steps_running_qms(workflow: dict[str, Any]) -> list[str]:
    jobs = workflow.get("jobs") or {k: v for k, v in workflow.items() if isinstance(v, dict) and "script" in v}
    lines = [s.get("run", "") for job in jobs.values() for s in job.get("steps", [])]
    lines += [line for job in jobs.values() for line in job.get("script", [])]
    return [line for line in lines if line.startswith("qms ")]


@pytest.mark.parametrize("name", ["github-actions.yml", "gitlab-ci.yml"])
def test_the_ci_examples_use_formats_qms_writes(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    workflow = yaml.safe_load((ROOT / "docs" / "examples" / name).read_text(encoding="utf-8"))
    commands = _steps_running_qms(workflow)
    assert any("--format sarif" in c for c in commands) if name.startswith("github") else any("--format gitlab" in c for c in commands)
    monkeypatch.chdir(tmp_path)
    write(tmp_path, "processes/QT-MIN-01.yaml", (PROJECT / "processes" / "QT-MIN-01.yaml").read_text(encoding="utf-8"))
    for command in commands:
        args = shlex.split(command)[1:]
        code, stdout = qms(args)
        assert code == 0, (command, stdout)  # the minimal process has warnings only: below the default fail-on
        if "--format" in args:
            assert CheckFormat(args[args.index("--format") + 1])
            assert (tmp_path / args[args.index("--out") + 1]).stat().st_size > 0


def test_github_example_uploads_the_sarif_even_when_the_check_fails() -> None:
    workflow = yaml.safe_load((ROOT / "docs" / "examples" / "github-actions.yml").read_text(encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    upload = next(s for s in job["steps"] if s.get("uses", "").startswith("github/codeql-action/upload-sarif"))
    assert upload["with"]["sarif_file"] == "qms.sarif" and "cancelled()" in upload["if"]
    assert workflow["permissions"]["security-events"] == "write"


def test_gitlab_example_declares_both_reports() -> None:
    job = yaml.safe_load((ROOT / "docs" / "examples" / "gitlab-ci.yml").read_text(encoding="utf-8"))["qms"]
    assert set(job["artifacts"]["reports"]) == {"junit", "codequality"} and job["artifacts"]["when"] == "always"


def test_docs_url_in_the_configuration_makes_sarif_help_links_absolute(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "qms.toml", 'docs-url = "https://example.org/qms/docs/"\n')
    write(tmp_path, "processes/QT-MIN-01.yaml", (PROJECT / "processes" / "QT-MIN-01.yaml").read_text(encoding="utf-8"))
    monkeypatch.chdir(tmp_path)
    code, stdout = qms(["check", "--format", "sarif"])
    rules = json.loads(stdout)["runs"][0]["tool"]["driver"]["rules"]
    assert code == 0 and all(r["helpUri"] == f"https://example.org/qms/docs/rules/{r['id']}.md" for r in rules)


def test_a_docs_url_that_is_not_absolute_is_a_configuration_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "qms.toml", 'docs-url = "docs/"\n')
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(app, ["check"])
    assert result.exit_code == 2 and "«docs-url» phải là một địa chỉ http(s) đầy đủ" in result.output
