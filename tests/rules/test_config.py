"""The rule configuration (qms.toml, [tool.qms]): every mistake is a ConfigError at file:line, with a hint.

The fixtures are folders holding one configuration file each (``tests/cli/fixtures/config``), so that
``qms check`` run inside them finds the file as a user's project would (tests/cli/test_check.py).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qms.diagnostics import Severity
from qms.rules.config import ConfigError, RuleConfig, find_config, load_config, parse_config, with_options
from qms.rules.engine import RULE_CRASHED, UNUSED_WAIVER, check_paths, enabled_rules

HERE = Path(__file__).parent
CONFIGS = HERE.parent / "cli" / "fixtures" / "config"
WAIVED = HERE / "engine_fixtures" / "waived.yaml"

# Fixture folder -> line, column, start of the Vietnamese message, words of the English hint.
MISTAKES: dict[str, tuple[int, int, str, str]] = {
    "unknown_select": (2, 19, "«select[1]»: không có quy tắc hay nhóm quy tắc «QMS999»", "did you mean «QMS099»?"),
    "unknown_ignore": (7, 5, "«ignore[1]»: không có quy tắc hay nhóm quy tắc «QMS31»", "did you mean «QMS301»?"),
    "unknown_severity": (4, 1, "«severity.QMS3O1»: không có quy tắc hay nhóm quy tắc «QMS3O1»", "did you mean «QMS301»?"),
    "severity_family": (2, 1, "«severity.QMS3»: «QMS3» là một nhóm quy tắc; bảng «severity» cần mã đầy đủ", "QMS301 = "),
    "severity_not_a_table": (2, 1, '«severity» phải là một bảng mã quy tắc = mức, không phải chuỗi "error"', 'fail-on = "warning"'),
    "tool_qms_not_a_table": (5, 1, "«tool.qms» phải là một bảng TOML, không phải «5»", "[tool.qms] header"),
    "select_a_string": (1, 1, '«select» phải là một danh sách mã quy tắc, không phải chuỗi "QMS101"', 'select = ["QMS101"]'),
    "fail_on_a_number": (2, 1, "«fail-on» phải là một trong error, warning, info, never; không phải «3»", 'fail-on = "warning"'),
    "not_applicable_a_list": (1, 1, '«not-applicable» phải là một bảng điều khoản = "lý do", không phải một danh sách', "[not-applicable]"),
    "key_typo": (2, 1, "khoá không biết «selct»", "did you mean «select»?"),
    "toml_syntax": (2, 11, "lỗi cú pháp TOML: Invalid value", "strings in double quotes"),
    "not_utf8": (2, 22, "tệp không phải UTF-8: byte 0xE0 không hợp lệ", "save it as UTF-8"),
}


def config_file(case: str) -> Path:
    found = find_config(CONFIGS / case)
    assert found is not None and found.parent == CONFIGS / case, "each fixture folder holds its own configuration"
    return found


def test_every_fixture_is_checked() -> None:
    assert set(MISTAKES) == {p.name for p in CONFIGS.iterdir() if p.is_dir()}


@pytest.mark.parametrize("case", list(MISTAKES))
def test_each_mistake_is_an_error_at_its_line_with_a_hint(case: str) -> None:
    line, column, message, hint = MISTAKES[case]
    path = config_file(case)
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    [problem] = raised.value.problems
    assert (problem.path, problem.line, problem.column) == (path, line, column)
    assert problem.message.vi.startswith(message), problem.message.vi
    assert problem.hint is not None and hint in problem.hint.en, problem.hint
    assert problem.message.vi != problem.message.en  # both languages
    rendered = raised.value.render("en")
    assert rendered.startswith(f"{path}:{line}:{column}: ") and "(hint: " in rendered
    assert str(raised.value).startswith(f"{path}:{line}:{column}: ") and " / " in str(raised.value)  # vi / en, for mkdocs


def test_all_mistakes_are_reported_at_once_in_the_order_of_the_file(tmp_path: Path) -> None:
    path = tmp_path / "qms.toml"
    path.write_text('selct = ["QMS1"]\nignore = ["QMS604", "", 5]\n\n[severity]\nQMS101 = "fatal"\nQMS9 = "info"\n', encoding="utf-8")
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    found = [(p.line, p.column, p.message.en) for p in raised.value.problems]
    assert [(line, column) for line, column, _ in found] == [(1, 1), (2, 1), (2, 21), (5, 1), (6, 1)]
    assert "unknown key «selct»" in found[0][2]
    assert "«ignore[2]» must be a rule code string, not «5»" in found[1][2]  # a number: the line of its key
    assert "empty rule code" in found[2][2]
    assert "«severity.QMS101» must be one of error, warning, info" in found[3][2]
    assert "no rule or rule family «QMS9»" in found[4][2]


def test_prefixes_and_the_engine_codes_are_valid_codes() -> None:
    config = parse_config({"select": ["QMS3", "qms1", " QMS090 ", "QMS099"], "ignore": ["QMS30"], "severity": {"qms090": "error", "QMS099": "info"}})
    assert config.select == ("QMS3", "QMS1", "QMS090", "QMS099") and config.ignore == ("QMS30",)
    assert config.severity == {"QMS090": Severity.ERROR, "QMS099": Severity.INFO}
    assert {r.code for r in enabled_rules(config)} == {r.code for r in enabled_rules(RuleConfig()) if r.code.startswith("QMS1")}
    assert parse_config({"select": ["QMS"]}).enabled("QMS805")  # the whole catalogue


@pytest.mark.parametrize(
    ("codes", "needle"),
    [
        (["QMS999"], "did you mean «QMS099»?"),
        (["step-has-role"], "«step-has-role» is the name of rule QMS201; use the code QMS201"),
        (["QMS010"], "load errors of the process files"),
        ([" "], "empty rule code"),
    ],
)
def test_an_unknown_code_names_the_code_and_a_way_out(codes: list[str], needle: str) -> None:
    with pytest.raises(ConfigError) as raised:
        parse_config({"ignore": codes})
    assert needle in raised.value.render("en")
    assert raised.value.problems[0].path == Path("config")  # no file: the error still says it is the configuration


def test_command_line_codes_are_checked_too_and_may_be_comma_separated() -> None:
    base = parse_config({"select": ["QMS2"], "ignore": ["QMS204"]})
    config = with_options(base, ["QMS1,QMS3,"], ["qms105"])
    assert config.select == ("QMS1", "QMS3") and config.ignore == ("QMS204", "QMS105")
    assert with_options(base) is base
    with pytest.raises(ConfigError) as raised:
        with_options(base, ["QMS1", "QMS999"], ["QMS3O1"])
    assert [p.render("en") for p in raised.value.problems] == [
        "«--select»: no rule or rule family «QMS999» (hint: did you mean «QMS099»? list the codes with «qms rules»)",
        "«--ignore»: no rule or rule family «QMS3O1» (hint: did you mean «QMS301»? list the codes with «qms rules»)",
    ]


def test_the_engine_codes_follow_ignore_and_severity() -> None:
    # waived.yaml waives QMS105, which finds nothing there: QMS090 (unused waiver), a warning by default.
    day = date(2026, 11, 22)
    default = check_paths([WAIVED], parse_config({"select": ["QMS105"]}), day)
    assert [(f.rule, f.severity) for f in default.findings] == [(UNUSED_WAIVER, Severity.WARNING)]
    regraded = check_paths([WAIVED], parse_config({"select": ["QMS105"], "severity": {"QMS090": "error"}}), day)
    assert [(f.rule, f.severity) for f in regraded.findings] == [(UNUSED_WAIVER, Severity.ERROR)]
    assert check_paths([WAIVED], parse_config({"select": ["QMS105"], "ignore": ["QMS09"]}), day).findings == []
    assert RULE_CRASHED.startswith("QMS09")


def test_find_config_reads_tool_qms_in_any_toml_spelling(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.ruff]\nline-length = 100\n# qms is used here\n', encoding="utf-8")
    assert find_config(tmp_path) is None  # another tool's table only
    (tmp_path / "pyproject.toml").write_text('[tool]\nqms = { select = ["QMS1"] }\n', encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"
    assert load_config(tmp_path / "pyproject.toml").select == ("QMS1",)
    (tmp_path / "pyproject.toml").write_text('[tool.qms]\nselect = [\n', encoding="utf-8")
    assert find_config(tmp_path) == tmp_path / "pyproject.toml"  # broken, so that the error is shown
    with pytest.raises(ConfigError, match="TOML"):
        load_config(tmp_path / "pyproject.toml")


def test_an_unreadable_configuration_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError) as raised:
        load_config(tmp_path / "missing.toml")
    assert raised.value.problems[0].path == tmp_path / "missing.toml" and "--config" in raised.value.render("en")
