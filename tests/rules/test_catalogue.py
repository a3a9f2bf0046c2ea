"""Every rule, shown passing and failing on small real fixtures.

Fixtures live in ``fixtures/<CODE>/``: ``valid_*.yaml`` must give no finding
of that rule; ``invalid_*.yaml`` must give findings of that rule exactly on
the lines marked with a ``# <- CODE`` comment, the code repeated once per
finding expected on that line (``# <- QMS504 QMS504``). A
fixture may be a folder of processes (for rules that look across
processes); its markers may be in any of its files.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from qms.iso9001 import clause_in_scope
from qms.legal.read import read_register
from qms.load import load_paths
from qms.rules.engine import check_process
from qms.rules.registry import all_rules, rule_by_code
from qms.standards import ISO18091_AREAS

FIXTURES = Path(__file__).parent / "fixtures"
# Legal validity is judged on a fixed day so the fixtures do not age.
TODAY = date(2026, 11, 22)


def fixture_cases() -> list[tuple[str, Path]]:
    cases = []
    for folder in sorted(p for p in FIXTURES.iterdir() if p.is_dir()):
        for fixture in sorted(folder.iterdir()):
            if fixture.name.startswith(("valid", "invalid")):
                cases.append((folder.name, fixture))
    return cases


def expected_lines(fixture: Path, code: str) -> Counter[tuple[str, int]]:
    """Expected findings per (file, line): a marker names the code once per finding on that line."""
    files = sorted(fixture.rglob("*.yaml")) if fixture.is_dir() else [fixture]
    marks: Counter[tuple[str, int]] = Counter()
    for file in files:
        for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), start=1):
            marker = re.search(r"#\s*<-(.*)$", line)
            if marker:
                count = len(re.findall(rf"\b{code}\b", marker.group(1)))
                if count:
                    marks[(file.name, number)] = count
    return marks


@pytest.mark.parametrize(("code", "fixture"), fixture_cases(), ids=lambda v: v if isinstance(v, str) else v.name)
def test_rule_on_fixture(code: str, fixture: Path) -> None:
    rule = rule_by_code(code)
    assert rule is not None, f"no rule {code}"
    loaded = load_paths([fixture])
    assert loaded.ok, [d.render() for d in loaded.diagnostics]
    catalogue = loaded.by_code()
    # A folder fixture may hold the project's legal register as «_legal.yaml» (the loader skips «_» files).
    register = read_register([fixture / "_legal.yaml"]) if (fixture / "_legal.yaml").is_file() else None
    assert register is None or not register.problems, [d.render() for d in register.problems]
    found = Counter(
        (f.location.path.name, f.location.line)
        for process in loaded.processes
        for f in check_process(process, [rule], catalogue=catalogue, today=TODAY, register=register)
        if f.rule == code
    )
    expected = expected_lines(fixture, code)
    if fixture.name.startswith("valid"):
        assert not expected, "a valid fixture carries no markers"
        assert found == Counter()
    else:
        assert expected, "an invalid fixture marks its expected findings with '# <- CODE'"
        assert found == expected


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_every_rule_has_a_passing_and_a_failing_fixture(rule: type) -> None:
    names = [p.name for p in (FIXTURES / rule.code).iterdir()] if (FIXTURES / rule.code).is_dir() else []
    assert any(n.startswith("valid") for n in names), f"add fixtures/{rule.code}/valid_*.yaml"
    assert any(n.startswith("invalid") for n in names), f"add fixtures/{rule.code}/invalid_*.yaml"


@pytest.mark.parametrize("rule", all_rules(), ids=lambda r: r.code)
def test_rule_metadata_is_complete_and_bilingual(rule: type) -> None:
    assert re.fullmatch(r"QMS\d{3}", rule.code)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", rule.name)
    assert rule.iso9001 or rule.iso18091 or rule.legal, "a rule says what it enforces"
    assert all(clause_in_scope(c) for c in rule.iso9001), f"{rule.code}: clause outside ISO 9001 scope table"
    assert set(rule.iso18091) <= set(ISO18091_AREAS), f"{rule.code}: unknown ISO 18091 area"
    for text in (rule.title, rule.message, rule.rationale, rule.fix):
        assert text.vi.strip() and text.en.strip() and text.vi != text.en
    assert rule.example.invalid.strip() and rule.example.valid.strip() and rule.example.invalid != rule.example.valid


def test_codes_and_names_are_unique() -> None:
    rules = all_rules()
    assert len({r.code for r in rules}) == len(rules)
    assert len({r.name for r in rules}) == len(rules)
