"""One line format for every command; concise or full; ``qms rules`` explains every code; singular and plural."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qms.cli.app import app
from qms.codes import all_codes

ROOT = Path(__file__).resolve().parents[2]
INVALID = ROOT / "tests" / "fixtures" / "invalid"
RULE_FIXTURES = ROOT / "tests" / "rules" / "fixtures"
DOC = (ROOT / "docs" / "reference" / "output-format.md").read_text(encoding="utf-8")
runner = CliRunner()


@pytest.fixture(autouse=True)
def _at_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def invoke(*args: str | Path):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def diagnostic_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if re.match(r"^\S.*:\d+:\d+: [A-Z]{3}\d{3} ", line)]


def documented_regexp() -> re.Pattern[str]:
    block = DOC.split("<!-- problem-matcher-regexp", 1)[1].split("```text\n", 1)[1].split("\n```", 1)[0]
    return re.compile(block.strip())


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_validate_and_check_print_the_same_lines(lang: str) -> None:
    validated = invoke("--lang", lang, "validate", INVALID.relative_to(ROOT))
    checked = invoke("--lang", lang, "check", INVALID.relative_to(ROOT))
    assert validated.exit_code == checked.exit_code == 1
    lines = diagnostic_lines(validated.stdout)
    assert len(lines) == len(list(INVALID.glob("*.yaml"))) and lines == diagnostic_lines(checked.stdout)


def test_the_documented_problem_matcher_reads_every_line_but_waived_ones() -> None:
    result = invoke("--lang", "en", "check", RULE_FIXTURES.relative_to(ROOT), ROOT / "tests" / "report" / "fixtures", "--format", "concise")
    lines = diagnostic_lines(result.stdout)
    matcher = documented_regexp()
    assert len(lines) > 100
    for line in lines:
        match = matcher.match(line)
        if " waived: " in line.split(": ", 1)[1][:20]:
            assert match is None, line
            continue
        assert match is not None, line
        path, row, column, code, severity, _ = match.groups()
        assert Path(path).is_file() and int(row) >= 1 and int(column) >= 1 and severity in ("error", "warning", "info")
        assert code in {c.code for c in all_codes()}


def test_the_full_format_is_what_the_documentation_shows(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copy2(INVALID / "unknown_next.yaml", (tmp_path / "processes").mkdir() or tmp_path / "processes" / "QT-01.yaml")
    monkeypatch.chdir(tmp_path)
    documented = next(block for block in re.findall(r"```text\n(.*?)\n```", DOC, re.S) if "   |" in block)
    full = invoke("validate", "processes/QT-01.yaml", "--format", "full")
    assert full.exit_code == 1 and full.stdout.startswith(documented + "\n")
    concise = invoke("validate", "processes/QT-01.yaml", "--output-format", "concise").stdout.splitlines()[0]
    assert f"\n{concise}\n" in DOC and invoke("validate", "processes/QT-01.yaml").stdout.splitlines()[0] == concise  # not a terminal


def test_check_full_format_shows_the_source_of_findings() -> None:
    fixture = RULE_FIXTURES / "QMS105" / "invalid_self_loop.yaml"
    result = invoke("check", fixture, "--select", "QMS105", "-f", "full")
    assert result.exit_code == 1
    head, _gutter, source, caret = result.stdout.splitlines()[:4]
    assert head.startswith(f"{fixture}:11:") and " QMS105 lỗi: " in head and "(gợi ý:" not in head
    assert source.startswith("11 | ") and caret.endswith("^") and "= gợi ý: " in result.stdout


def test_rules_explains_any_registered_code() -> None:
    for code, start in (("QMS090", "# QMS090 — Miễn áp dụng"), ("qms003", "# QMS003 — lỗi cú pháp YAML"), ("QMS302", "# QMS302 — ")):
        explained = invoke("rules", code)
        assert explained.exit_code == 0 and explained.stdout.startswith(start), explained.stdout
    english = invoke("--lang", "en", "rules", "QMS099")
    assert english.stdout.startswith("# QMS099 — A rule crashed") and "**How to fix.**" in english.stdout
    unknown = invoke("rules", "QMS09O")
    assert unknown.exit_code == 2 and "không có mã hay quy tắc «QMS09O» (gợi ý: có phải ý bạn là «QMS09" in unknown.stderr


def test_rules_lists_every_registered_code() -> None:
    listing = json.loads(invoke("rules", "--format", "json").stdout)
    assert [entry["code"] for entry in listing] == [c.code for c in all_codes()]
    kinds = {entry["code"]: entry["kind"] for entry in listing}
    assert (kinds["QMS001"], kinds["QMS090"], kinds["QMS101"]) == ("load", "engine", "rule")
    assert {entry["status"] for entry in listing} <= {"stable", "preview", "deprecated"}
    assert all(entry["doc"].endswith(f"{entry['code']}.md") for entry in listing)
    table = invoke("rules").stdout
    assert all(code in table for code in ("QMS001", "QMS021", "QMS090", "QMS099", "QMS101"))


def test_english_counts_take_the_singular_for_one(tmp_path: Path) -> None:
    one = invoke("--lang", "en", "validate", INVALID / "unknown_next.yaml")
    assert "1 error to fix in 1 file." in one.stdout and "errors" not in one.stdout
    many = invoke("--lang", "en", "validate", INVALID / "unknown_next.yaml", INVALID / "unknown_role.yaml")
    assert "2 errors to fix in 2 files." in many.stdout
    assert "Có 1 lỗi cần sửa trong 1 tệp." in invoke("validate", INVALID / "unknown_next.yaml").stdout
    valid = invoke("--lang", "en", "validate", ROOT / "tests" / "fixtures" / "valid" / "minimal.yaml")
    assert "The 1 process is valid." in valid.stdout
    checked = invoke("--lang", "en", "check", RULE_FIXTURES / "QMS105" / "invalid_self_loop.yaml", "--select", "QMS105")
    assert "1 process, 1 rule: 1 error, 0 warnings, 0 infos, 0 waived, 0 load errors." in checked.stdout


def test_audit_with_a_wrong_configuration_exits_2_like_check(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "processes").mkdir()
    shutil.copy2(ROOT / "tests" / "fixtures" / "valid" / "minimal.yaml", tmp_path / "processes" / "minimal.yaml")
    (tmp_path / "qms.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    checked = invoke("check", "processes")
    audited = invoke("audit", "--features", ROOT / "features", "--processes", "processes")
    assert checked.exit_code == audited.exit_code == 2
    assert audited.stderr == checked.stderr and "sometimes" in audited.stderr and not audited.stdout
