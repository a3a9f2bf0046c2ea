"""The rule engine: waivers, unused waivers, crashing rules, configuration."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.load import load
from qms.rules.base import Example, Finding, Rule, RuleContext
from qms.rules.config import ConfigError, RuleConfig, load_config, parse_config
from qms.rules.engine import RULE_CRASHED, UNUSED_WAIVER, check_paths, check_process
from qms.rules.registry import rule_by_code

HERE = Path(__file__).parent
WAIVED = HERE / "engine_fixtures" / "waived.yaml"


def test_a_waiver_suppresses_its_finding_and_stays_visible() -> None:
    process = load(WAIVED)
    findings = check_process(process, [rule_by_code("QMS201"), rule_by_code("QMS202"), rule_by_code("QMS105")], today=date(2026, 11, 22))  # type: ignore[list-item]
    role = [f for f in findings if f.rule == "QMS201"]
    assert len(role) == 1 and role[0].waived and role[0].step == "xu-ly"
    assert "tự động" in role[0].waiver.reason.vi  # type: ignore[union-attr]
    unused = [f for f in findings if f.rule == UNUSED_WAIVER]
    assert len(unused) == 1 and "QMS105" in unused[0].message.vi
    assert unused[0].location.line == 15  # the stale waiver's line
    assert [f.rule for f in findings if not f.waived and f.rule == "QMS202"] == ["QMS202"]  # van-thu unused, not waived


class _Crashing(Rule):
    code = "QMS998"
    name = "crashing-test-rule"
    severity = Severity.INFO
    iso9001 = ("4.4",)
    title = message = rationale = fix = Message("x", "y")
    example = Example("a", "b")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        raise ZeroDivisionError("boom")


def test_a_crashing_rule_becomes_a_finding_and_others_still_run() -> None:
    process = load(WAIVED)
    findings = check_process(process, [_Crashing, rule_by_code("QMS202")])  # type: ignore[list-item]
    crash = [f for f in findings if f.rule == RULE_CRASHED]
    assert len(crash) == 1 and "QMS998" in crash[0].message.en and "boom" in crash[0].message.en
    assert crash[0].severity is Severity.ERROR
    assert any(f.rule == "QMS202" for f in findings)


def test_config_selects_ignores_and_regrades(tmp_path: Path) -> None:
    config = parse_config({"select": ["QMS2"], "ignore": ["QMS204"], "severity": {"QMS202": "error"}, "fail-on": "warning"})
    report = check_paths([WAIVED], config)
    assert {r.code for r in report.rules} == {"QMS201", "QMS202", "QMS203", "QMS205"}
    regraded = [f for f in report.findings if f.rule == "QMS202"]
    assert regraded and all(f.severity is Severity.ERROR for f in regraded)
    assert report.fails(config.fail_on)


def test_fail_on_thresholds() -> None:
    report = check_paths([WAIVED], RuleConfig(select=("QMS202",)))  # one warning only
    assert not report.fails("error")
    assert report.fails("warning") and report.fails("info")
    assert not report.fails("never")


def test_config_read_from_pyproject_and_qms_toml(tmp_path: Path) -> None:
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "x"\n[tool.qms]\nignore = ["qms6"]\nfail-on = "info"\n', encoding="utf-8")
    config = load_config(pyproject)
    assert config.ignore == ("QMS6",) and config.fail_on == "info" and not config.enabled("QMS604")
    standalone = tmp_path / "qms.toml"
    standalone.write_text('select = ["QMS1"]\n', encoding="utf-8")
    assert load_config(standalone).enabled("QMS101") and not load_config(standalone).enabled("QMS201")


@pytest.mark.parametrize(
    ("text", "needle"),
    [
        ('selekt = ["QMS1"]', "selekt"),
        ('selekt = ["QMS1"]', "khoá không biết"),  # Vietnamese first, English after
        ("select = [", "lỗi cú pháp TOML"),
        ('select = "QMS1"', "select"),
        ('[severity]\nQMS101 = "fatal"', "fatal"),
        ('fail-on = "sometimes"', "sometimes"),
        ("select = [", "qms.toml"),
    ],
)
def test_bad_config_is_a_clear_error(tmp_path: Path, text: str, needle: str) -> None:
    path = tmp_path / "qms.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=needle):
        load_config(path)


def test_findings_cache_checks_again_only_what_changed_or_calls_what_changed(tmp_path: Path) -> None:
    import shutil

    from qms.load import ReadCache, load_paths
    from qms.rules.engine import FindingsCache, check_processes

    shutil.copytree(HERE.parents[1] / "processes", tmp_path / "processes")
    reads, checks = ReadCache(), FindingsCache()
    day = date(2026, 11, 22)
    first = check_processes(load_paths([tmp_path / "processes"], reads).processes, today=day, cache=checks)
    again = check_processes(load_paths([tmp_path / "processes"], reads).processes, today=day, cache=checks)
    assert again == first and all(a is b for a, b in zip(again, first))  # nothing re-checked

    # QT-VB-01 becomes a draft: QT-DGNB-01 and QT-TTHC-01, approved and calling it, now break QMS505.
    called = tmp_path / "processes" / "QT-VB-01.yaml"
    called.write_text(called.read_text(encoding="utf-8").replace("status: approved", "status: draft", 1), encoding="utf-8")
    processes = load_paths([tmp_path / "processes"], reads).processes
    cached = check_processes(processes, today=day, cache=checks)
    fresh = check_processes(processes, today=day)
    assert [(f.rule, f.process, str(f.location)) for f in cached] == [(f.rule, f.process, str(f.location)) for f in fresh]
    assert {f.process for f in cached if f.rule == "QMS505"} == {"QT-DGNB-01", "QT-TTHC-01"}
    untouched = {id(f) for f in first if f.process == "QT-TTHC-GD-01"}  # calls nothing that changed
    assert untouched and untouched <= {id(f) for f in cached}
    # Another day may change what the rules find (legal validity): nothing is kept.
    later = check_processes(processes, today=date(2030, 1, 1), cache=checks)
    assert not {id(f) for f in later} & {id(f) for f in cached}


def test_clauses_not_applicable_need_an_in_scope_clause_and_a_justification() -> None:
    config = parse_config({"not-applicable": {"8.3": "  Không thiết kế dịch vụ  "}})
    assert config.not_applicable == {"8.3": "Không thiết kế dịch vụ"}
    with pytest.raises(ConfigError, match="7.1.5"):
        parse_config({"not-applicable": {"7.1.5": "Không dùng thiết bị đo"}})
    with pytest.raises(ConfigError, match="ISO 9001 4.3"):
        parse_config({"not-applicable": {"8.3": " "}})
    with pytest.raises(ConfigError, match="not-applicable"):
        parse_config({"not-applicable": ["8.3"]})


# --- one diagnostic type ------------------------------------------------------------------------------


def test_a_finding_is_a_diagnostic_with_its_process_step_and_waiver() -> None:
    from qms.diagnostics import Diagnostic, Location

    assert Finding is Diagnostic
    findings = check_process(load(WAIVED), [rule_by_code("QMS201")], today=date(2026, 11, 22))  # type: ignore[list-item]
    (waived,) = [f for f in findings if f.code == "QMS201"]
    assert (waived.rule, waived.process, waived.step, waived.waived) == ("QMS201", "QT-W-01", "xu-ly", True)
    assert waived.render("en").startswith(f"{WAIVED}:") and " QMS201 waived: " in waived.render("en")
    with pytest.raises(TypeError, match="give process=, step= by name"):  # the former Finding's order: process fifth
        Diagnostic("QMS201", Severity.ERROR, Location(WAIVED), Message("x", "x"), "QT-W-01")  # type: ignore[arg-type]


def test_the_report_lists_load_errors_then_each_process_by_position(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("code: [\n", encoding="utf-8")
    (tmp_path / "waived.yaml").write_bytes(WAIVED.read_bytes())
    report = check_paths([tmp_path], RuleConfig(select=("QMS2", "QMS105")), today=date(2026, 11, 22))
    shown = report.diagnostics
    assert shown[0].code == "QMS003" and shown[1:] == sorted(report.findings, key=lambda f: (f.location.line, f.location.column, f.code))
    assert len(shown) == len(report.load_diagnostics) + len(report.findings)
