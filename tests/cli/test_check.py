"""``qms check``, ``qms rules`` and ``qms coverage`` from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from typer.testing import CliRunner

from conftest import assert_no_traceback, qms_env, qms_ok, run_qms_many
from qms.cli.app import app
from qms.rules.config import ConfigError, find_config, load_config

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "rules" / "fixtures"


qms = qms_ok  # python -m qms ..., asserting no traceback


def test_shipped_processes_pass_every_rule() -> None:
    result = qms("check", "processes", "--fail-on", "info", "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 0, [f for f in data["findings"] if not f["waived"]]
    assert len(data["processes"]) >= 4 and not data["load_errors"]


def test_findings_exit_1_and_are_printed_as_file_line_col_code() -> None:
    fixture = FIXTURES / "QMS105" / "invalid_self_loop.yaml"
    result = qms("check", str(fixture), "--select", "QMS105")
    assert result.returncode == 1
    assert f"{fixture.relative_to(ROOT)}:11:" in result.stdout or f"{fixture}:11:" in result.stdout
    assert "QMS105" in result.stdout and "lỗi" in result.stdout


def test_fail_on_never_and_english() -> None:
    fixture = FIXTURES / "QMS105" / "invalid_self_loop.yaml"
    result = qms("check", str(fixture), "--select", "QMS105", "--fail-on", "never", "--lang", "en")
    assert result.returncode == 0
    assert "error" in result.stdout and "only leads back to itself" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert qms("check", str(tmp_path / "missing")).returncode == 2
    assert qms("check", "--format", "pdf").returncode == 2
    assert qms("check", "--as-of", "22/13/2026").returncode == 2
    (tmp_path / "qms.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    bad = qms("check", str(ROOT / "processes"), cwd=tmp_path)
    assert bad.returncode == 2 and "sometimes" in bad.stderr


def test_sarif_and_junit_written_to_files(tmp_path: Path) -> None:
    fixture = FIXTURES / "QMS105" / "invalid_self_loop.yaml"
    qms("check", str(fixture), "--format", "sarif", "--out", str(tmp_path / "out.sarif"))
    qms("check", str(fixture), "--format", "junit", "--out", str(tmp_path / "junit.xml"))
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert (tmp_path / "junit.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_rules_lists_and_explains() -> None:
    listing = qms("rules", "--format", "json")
    codes = [r["code"] for r in json.loads(listing.stdout)]
    assert codes == sorted(codes) and {"QMS101", "QMS302", "QMS701"} <= set(codes)
    explained = qms("rules", "qms302", "--lang", "en")
    assert explained.returncode == 0 and explained.stdout.startswith("# QMS302")
    unknown = qms("rules", "QMS3O2")
    assert unknown.returncode == 2 and "QMS302" in unknown.stderr  # did-you-mean


def test_coverage_shows_gaps_and_evidence() -> None:
    result = qms("coverage", "processes", "--format", "json")
    rows = {r["clause"]: r for r in json.loads(result.stdout)}
    assert result.returncode == 0
    assert "QT-DGNB-01" in rows["9.2"]["processes"]
    assert "QMS104" in rows["8.7"]["rules"]
    assert rows["8.4"]["gap"]


def test_coverage_shows_clauses_the_project_declares_not_applicable(tmp_path: Path) -> None:
    (tmp_path / "qms.toml").write_text(
        '[not-applicable]\n"8.3" = "TTHC do văn bản quy phạm pháp luật quy định; Sở không thiết kế dịch vụ"\n', encoding="utf-8"
    )
    result = qms("coverage", str(ROOT / "processes"), "--format", "json", cwd=tmp_path)
    rows = {r["clause"]: r for r in json.loads(result.stdout)}
    assert result.returncode == 0
    assert rows["8.3"]["not_applicable"].startswith("TTHC do văn bản") and not rows["8.3"]["gap"]
    assert rows["8.4"]["gap"] and rows["8.4"]["not_applicable"] is None
    human = qms("coverage", str(ROOT / "processes"), cwd=tmp_path)
    assert "không áp dụng: TTHC do văn bản" in human.stdout and "Không áp dụng (ISO 9001 4.3" in human.stdout

    (tmp_path / "qms.toml").write_text('[not-applicable]\n"7.1.5" = "Không dùng thiết bị đo"\n', encoding="utf-8")
    refused = qms("coverage", str(ROOT / "processes"), cwd=tmp_path)
    assert refused.returncode == 2 and "7.1.5" in refused.stdout + refused.stderr


# --- mistakes in the configuration and on the command line: exit 2 at file:line, never a traceback ---------------

CONFIGS = ROOT / "tests" / "cli" / "fixtures" / "config"
SELF_LOOP = FIXTURES / "QMS105" / "invalid_self_loop.yaml"


def run_many(commands: list[tuple[Path, list[str]]]) -> list[subprocess.CompletedProcess[str]]:
    """Run ``python -m qms`` commands at once, each in its own folder (where it looks for qms.toml / pyproject.toml)."""
    procs = [
        subprocess.Popen([sys.executable, "-m", "qms", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8", cwd=cwd, env=qms_env())
        for cwd, args in commands
    ]
    results = []
    for (_, args), proc in zip(commands, procs, strict=True):
        out, err = proc.communicate(timeout=120)
        results.append(subprocess.CompletedProcess(args, proc.returncode, out, err))
    return results


def config_error(folder: Path) -> ConfigError:
    """What the library says of the configuration found in ``folder`` (its wording: tests/rules/test_config.py)."""
    with pytest.raises(ConfigError) as raised:
        load_config(find_config(folder))
    return raised.value


@pytest.mark.parametrize("case", sorted(p.name for p in CONFIGS.iterdir() if p.is_dir()))
def test_every_configuration_mistake_exits_2_at_its_line(case: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CONFIGS / case)  # found upwards from the current folder, as in a project
    result = CliRunner().invoke(app, ["check", str(SELF_LOOP)])
    assert isinstance(result.exception, SystemExit) and result.exit_code == 2, repr(result.exception)
    error = config_error(CONFIGS / case)
    problem = error.problems[0]
    assert result.stderr == error.render("vi") + "\n"
    assert result.stderr.startswith(f"{problem.path}:{problem.line}:{problem.column}: ") and "(gợi ý: " in result.stderr
    assert not result.stdout  # nothing checked


def test_every_command_that_reads_the_configuration_exits_2(tmp_path: Path) -> None:
    pyproject = CONFIGS / "tool_qms_not_a_table" / "pyproject.toml"
    coverage, generate, given, english = run_many(
        [
            (CONFIGS / "unknown_select", ["coverage", str(ROOT / "processes")]),
            (CONFIGS / "severity_not_a_table", ["handbook", "generate", str(tmp_path / "book"), "--processes", str(SELF_LOOP)]),
            (ROOT, ["check", str(SELF_LOOP), "--config", str(pyproject)]),
            (CONFIGS / "key_typo", ["check", str(SELF_LOOP), "--lang", "en"]),
        ]
    )
    for result, folder in ((coverage, "unknown_select"), (generate, "severity_not_a_table"), (given, "tool_qms_not_a_table")):
        assert_no_traceback(result)
        assert result.returncode == 2 and result.stderr == config_error(CONFIGS / folder).render("vi") + "\n", result.stderr
    assert not (tmp_path / "book").exists()
    assert_no_traceback(english)
    assert english.returncode == 2
    assert english.stderr.startswith(f"{CONFIGS / 'key_typo' / 'qms.toml'}:2:1: unknown key «selct» (hint: did you mean «select»?")


def test_unknown_codes_on_the_command_line_exit_2_with_did_you_mean() -> None:
    unknown, ignored, blank, fine = run_qms_many(
        [
            ["check", str(SELF_LOOP), "--select", "QMS999"],
            ["check", str(SELF_LOOP), "--ignore", "QMS3O1", "--lang", "en"],
            ["check", str(SELF_LOOP), "--select", ""],
            ["check", str(SELF_LOOP), "--select", "QMS1,QMS090", "--ignore", "QMS101", "--format", "json"],
        ]
    )
    for result in (unknown, ignored, blank, fine):
        assert_no_traceback(result)
    assert unknown.returncode == 2 and unknown.stderr.startswith("«--select»: không có quy tắc hay nhóm quy tắc «QMS999»")
    assert "có phải ý bạn là «QMS099»?" in unknown.stderr
    assert ignored.returncode == 2 and "«--ignore»: no rule or rule family «QMS3O1» (hint: did you mean «QMS301»?" in ignored.stderr
    assert blank.returncode == 2 and "mã quy tắc rỗng" in blank.stderr
    assert fine.returncode == 1  # the self-loop is still found: a prefix and an engine code select
    rules = json.loads(fine.stdout)["rules"]
    assert "QMS105" in rules and "QMS101" not in rules and all(r.startswith("QMS1") for r in rules)
