"""SARIF ``helpUri`` (every rule links its page) and ``qms check --format gitlab`` (GitLab's Code Quality report)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from qms.report.code_quality import report_gitlab
from qms.report.formats import help_uri, report_sarif
from qms.rules.config import RuleConfig
from qms.rules.engine import check_paths

HERE = Path(__file__).parent
SARIF_SCHEMA = json.loads((HERE / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
CONFIG = RuleConfig(select=("QMS10",))  # the fixture: a self-loop (QMS103, QMS105), an unreachable end (QMS102, waived)


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return check_paths([HERE / "fixtures"], CONFIG, today=date(2026, 11, 22))


def test_every_sarif_rule_links_its_documentation_page(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "bad.yaml").write_text("code: [\n", encoding="utf-8")  # a load error: its descriptor comes from the registry
    for checked in (report, check_paths([tmp_path], CONFIG)):
        log = json.loads(report_sarif(checked, "vi"))
        jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
        rules = log["runs"][0]["tool"]["driver"]["rules"]
        assert rules and all(r["helpUri"] == f"docs/rules/{r['id']}.md" for r in rules)
        assert all((Path(__file__).parents[2] / r["helpUri"]).is_file() for r in rules)  # the pages exist in the repository


def test_the_projects_docs_url_makes_them_absolute(report) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(report_sarif(report, "en", docs_url="https://example.org/qms/docs/"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    assert {r["helpUri"] for r in log["runs"][0]["tool"]["driver"]["rules"]} >= {"https://example.org/qms/docs/rules/QMS103.md"}
    assert help_uri("rules/QMS003.md") == "docs/rules/QMS003.md"


def test_gitlab_issues_have_the_fields_code_quality_reads(report) -> None:  # type: ignore[no-untyped-def]
    issues = json.loads(report_gitlab(report, "vi"))
    assert sorted({i["check_name"] for i in issues}) == ["QMS103", "QMS105"]  # the waived QMS102 is left out
    for issue in issues:
        assert set(issue) == {"description", "check_name", "fingerprint", "severity", "location"}
        assert issue["severity"] in {"info", "minor", "major", "critical", "blocker"}
        assert issue["location"]["path"].endswith("QT-R-01.yaml") and issue["location"]["lines"]["begin"] >= 1
        assert issue["description"].startswith(issue["check_name"])
    assert len({i["fingerprint"] for i in issues}) == len(issues)


def test_a_gitlab_fingerprint_survives_the_finding_moving_down(report, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = (HERE / "fixtures" / "QT-R-01.yaml").read_text(encoding="utf-8")
    (tmp_path / "QT-R-01.yaml").write_text("# a comment above moves every line down\n" + text, encoding="utf-8")
    before = json.loads(report_gitlab(check_paths([tmp_path / "QT-R-01.yaml"], CONFIG, today=date(2026, 11, 22)), "vi"))
    (tmp_path / "QT-R-01.yaml").write_text(text, encoding="utf-8")
    after = json.loads(report_gitlab(check_paths([tmp_path / "QT-R-01.yaml"], CONFIG, today=date(2026, 11, 22)), "vi"))
    assert [i["fingerprint"] for i in before] == [i["fingerprint"] for i in after]
    assert [i["location"]["lines"]["begin"] for i in before] == [i["location"]["lines"]["begin"] + 1 for i in after]


def test_load_errors_are_major_issues(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("code: [\n", encoding="utf-8")
    (issue,) = json.loads(report_gitlab(check_paths([tmp_path], CONFIG), "en"))
    assert (issue["check_name"], issue["severity"], issue["location"]["lines"]["begin"]) == ("QMS003", "major", 2)
