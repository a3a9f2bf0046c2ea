"""Each rule's documentation example is a pair of real process files the rule judges as its page says.

The files are ``qms/rules/<family>/examples/<CODE>/invalid.yaml`` and ``valid.yaml`` (a folder of processes for
a rule that looks across them, see :mod:`qms.rules.example_files`): both load without a load error, the engine
finds the rule broken in the failing one and not in the fixed one, so the documentation cannot lie.
"""

from __future__ import annotations

import inspect
from datetime import date
from pathlib import Path

import pytest

from qms.legal.read import read_register
from qms.rules.base import Finding, Rule
from qms.rules.config import RuleConfig
from qms.rules.engine import check_paths
from qms.rules.example_files import END, START, example_paths, shown_lines, shown_text
from qms.rules.registry import all_rules

# Legal validity is judged on a fixed day so the examples do not age (the day the fixtures use).
TODAY = date(2026, 11, 22)


def _paths(rule: type[Rule]) -> tuple[Path, Path]:
    return example_paths(inspect.getfile(rule), rule.code)


def _findings(path: Path, rule: type[Rule]) -> list[Finding]:
    # A folder example may hold the project's legal register as «_legal.yaml» (the loader skips «_» files).
    register = read_register([path / "_legal.yaml"]) if (path / "_legal.yaml").is_file() else None
    report = check_paths([path], RuleConfig(select=(rule.code,)), today=TODAY, register=register)
    assert report.files, f"{path}: no process file"
    assert not report.load_diagnostics, [d.render() for d in report.load_diagnostics]
    return [f for f in report.findings if f.rule == rule.code]


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_the_failing_example_breaks_the_rule_where_the_page_shows(rule: type[Rule]) -> None:
    invalid, _ = _paths(rule)
    findings = _findings(invalid, rule)
    assert findings, f"{invalid}: the failing example gives no {rule.code} finding"
    hidden = [f.render() for f in findings if f.location.line not in shown_lines(f.location.path)]
    assert not hidden, "a finding on a line the page does not show"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_the_fixed_example_keeps_the_rule(rule: type[Rule]) -> None:
    _, valid = _paths(rule)
    assert [f.render() for f in _findings(valid, rule)] == []


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_the_page_shows_the_files(rule: type[Rule]) -> None:
    invalid, valid = _paths(rule)
    assert rule.example.invalid == shown_text(invalid)
    assert rule.example.valid == shown_text(valid)


def test_only_marked_spans_are_shown(tmp_path: Path) -> None:
    folder = tmp_path / "examples" / "QMS999"
    (folder / "invalid").mkdir(parents=True)
    (folder / "invalid" / "QT-B.yaml").write_text(f"code: QT-B\n{START}\n# QT-B\n{END}\n", encoding="utf-8")
    (folder / "invalid" / "QT-A.yaml").write_text(f"{START}\n# QT-A\n{END}\nx: 1\n{START}\n  - a\n{END}\n", encoding="utf-8")
    (folder / "valid.yaml").write_text(f"{START}\nsteps:\n{END}\n", encoding="utf-8")
    invalid, valid = example_paths(tmp_path / "rule.py", "QMS999")
    assert (invalid.name, valid.name) == ("invalid", "valid.yaml")
    assert shown_text(invalid) == "# QT-A\n  - a\n# QT-B"
    assert shown_text(valid) == "steps:"
    (folder / "valid.yaml").write_text(f"steps:\n{START}\n", encoding="utf-8")
    with pytest.raises(ValueError, match="without"):
        shown_text(valid)
    (folder / "valid.yaml").write_text("steps: []\n", encoding="utf-8")
    with pytest.raises(ValueError, match="no lines"):
        shown_text(valid)
