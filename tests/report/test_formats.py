"""JSON, SARIF 2.1.0 and JUnit outputs of ``qms check``."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import jsonschema
import pytest

from qms.report.formats import report_json, report_junit, report_sarif
from qms.rules.config import RuleConfig
from qms.rules.engine import check_paths

HERE = Path(__file__).parent
SARIF_SCHEMA = json.loads((HERE / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
# Structure rules only: the fixture shows a self-loop (QMS103, QMS105), an unreachable end (QMS102, waived).
CONFIG = RuleConfig(select=("QMS10",))


@pytest.fixture(scope="module")
def report():  # type: ignore[no-untyped-def]
    return check_paths([HERE / "fixtures"], CONFIG, today=date(2026, 11, 22))


def test_fixture_has_active_and_waived_findings(report) -> None:  # type: ignore[no-untyped-def]
    assert {f.rule for f in report.active} >= {"QMS103", "QMS105"}
    assert [f.rule for f in report.waived] == ["QMS102"]


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_sarif_validates_against_the_official_schema(report, lang: str) -> None:  # type: ignore[no-untyped-def]
    log = json.loads(report_sarif(report, lang))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    results = log["runs"][0]["results"]
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert {r["ruleId"] for r in results} >= {"QMS102", "QMS103", "QMS105"}
    for result in results:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1
    waived = [r for r in results if r["ruleId"] == "QMS102"]
    assert waived[0]["suppressions"][0]["kind"] == "inSource"
    assert "ngoài hệ thống" in waived[0]["suppressions"][0]["justification"]


def test_sarif_load_errors_are_results_too(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("code: [\n", encoding="utf-8")
    log = json.loads(report_sarif(check_paths([tmp_path], CONFIG), "vi"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    (result,) = log["runs"][0]["results"]
    descriptor = log["runs"][0]["tool"]["driver"]["rules"][result["ruleIndex"]]  # described from the code registry
    assert result["ruleId"] == descriptor["id"] == "QMS003"
    assert descriptor["shortDescription"]["text"].startswith("lỗi cú pháp YAML") and descriptor["defaultConfiguration"] == {"level": "error"}


def test_sarif_describes_the_engine_codes_after_the_rules_that_ran(tmp_path: Path) -> None:
    text = (HERE / "fixtures" / "QT-R-01.yaml").read_text(encoding="utf-8")
    (tmp_path / "QT-R-01.yaml").write_text(text.replace("rule: QMS102", "rule: QMS101"), encoding="utf-8")  # a waiver now unused
    report = check_paths([tmp_path], CONFIG, today=date(2026, 11, 22))
    log = json.loads(report_sarif(report, "en"))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules[: len(report.rules)]] == [r.code for r in report.rules] and rules[-1]["id"] == "QMS090"
    for result in log["runs"][0]["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]


def test_json_report_lists_findings_with_positions(report) -> None:  # type: ignore[no-untyped-def]
    data = json.loads(report_json(report, "en"))
    loop = next(f for f in data["findings"] if f["rule"] == "QMS105")
    assert (loop["file"].endswith("QT-R-01.yaml"), loop["line"], loop["step"]) == (True, 10, "xu-ly")
    assert data["summary"]["waived"] == 1
    assert data["summary"]["error"] == len([f for f in data["findings"] if f["severity"] == "error" and not f["waived"]])


def test_junit_has_a_case_per_rule_with_failures_and_waivers(report) -> None:  # type: ignore[no-untyped-def]
    text = report_junit(report, "vi")
    root = ET.fromstring(text.encode("utf-8"))
    suite = root.find("testsuite[@name='QT-R-01']")
    assert suite is not None
    cases = {c.get("name", "").split()[0]: c for c in suite.iter("testcase")}
    assert cases["QMS105"].find("failure") is not None
    assert cases["QMS102"].find("skipped") is not None
    assert cases["QMS101"].find("failure") is None
    assert int(suite.get("failures", "0")) == sum(1 for c in cases.values() if c.find("failure") is not None)
