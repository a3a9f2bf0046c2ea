"""The ISO 18091 self-assessment: the indicators, the file format, the ASM findings, the comparison, the commands."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest
import yaml
from typer.testing import CliRunner

from qms.assessment import Change, Score, catalogue, indicator_ids, read_assessment
from qms.assessment.compare import change, compare
from qms.assessment.findings import assessment_findings, check_assessments, previous_of
from qms.assessment.schema import assessment_json_schema_text
from qms.assessment.summary import summarise
from qms.cli.app import app
from qms.codes import code_info
from qms.i18n import Lang

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
SAMPLE = ROOT / "assessments" / "18091-2026.yaml"
runner = CliRunner()


def test_39_indicators_in_four_quadrants_each_with_three_criteria_in_both_languages() -> None:
    books = catalogue()
    assert Counter(i.quadrant.value for i in books.indicators) == {"institutional": 10, "economic": 8, "social": 12, "environmental": 9}
    ids = indicator_ids()
    assert len(set(ids)) == 39 and ids[:2] == ["1.1", "1.2"] and "1.10" in ids and ids[-1] == "4.9"
    for quadrant in books.quadrants:
        assert [i.id for i in books.of(quadrant.id)] == [f"{quadrant.number}.{n}" for n in range(1, len(books.of(quadrant.id)) + 1)]
    for indicator in books.indicators:
        for text in (indicator.name, indicator.red, indicator.yellow, indicator.green):
            assert text.vi and text.en and text.vi != text.en, indicator.id
    assert books.by_id()["3.2"].education and not books.by_id()["2.5"].education
    header = (ROOT / "qms" / "assessment" / "indicators.yaml").read_text(encoding="utf-8")[:1500]
    assert "DIỄN GIẢI CỦA CHÚNG TÔI" in header and "OUR PARAPHRASE" in header


def test_the_shipped_assessments_validate_clean() -> None:
    result = check_assessments([ROOT / "assessments"])
    assert result.files == 2 and len(result.assessments) == 2 and result.diagnostics == []


def _codes(path: Path) -> Counter[str]:
    assessment_file, problems = read_assessment(path)
    assert assessment_file is not None, problems
    return Counter(d.code for d in assessment_findings(assessment_file) + previous_of(assessment_file)[1])


def test_every_finding_on_the_failing_fixture() -> None:
    assessment_file, _problems = read_assessment(FIXTURES / "findings.yaml")
    assert assessment_file is not None
    found = assessment_findings(assessment_file) + previous_of(assessment_file)[1]
    assert Counter(d.code for d in found) == {"ASM001": 36, "ASM002": 1, "ASM003": 1, "ASM004": 1, "ASM005": 1, "ASM006": 1, "ASM007": 1}
    by_code = {d.code: d for d in found}
    assert by_code["ASM002"].location.line == 12 and by_code["ASM002"].hint is not None and "«1.1»" in by_code["ASM002"].hint.vi
    assert by_code["ASM003"].location.line == 11 and by_code["ASM004"].location.line == 16
    assert by_code["ASM005"].location.line == 19 and by_code["ASM006"].location.line == 18
    assert by_code["ASM001"].location.line == 9 and by_code["ASM007"].location.line == 6
    assert {d.code: d.severity.value for d in found} == {
        "ASM001": "error", "ASM002": "error", "ASM003": "warning", "ASM004": "warning", "ASM005": "error", "ASM006": "info", "ASM007": "warning",
    }  # fmt: skip


def test_the_passing_fixture_has_no_finding_of_any_code() -> None:
    assert _codes(SAMPLE) == Counter()


def test_a_previous_file_of_a_later_year_is_not_compared() -> None:
    assessment_file, _problems = read_assessment(FIXTURES / "later_previous.yaml")
    assert assessment_file is not None
    previous, found = previous_of(assessment_file)
    assert previous is None and [d.code for d in found] == ["ASM007"] and "2026" in found[0].message.vi


def test_load_errors_at_their_line() -> None:
    assessment_file, problems = read_assessment(FIXTURES / "load_errors.yaml")
    assert assessment_file is None
    lines = {(d.location.line, d.code) for d in problems}
    assert lines == {(12, "QMS010"), (15, "QMS010")}  # «id: 1.10» unquoted (line 8) is the text 1.10, not the number 1.1
    assert any(d.hint is not None and "not_applicable" in d.hint.vi for d in problems if d.location.line == 12)
    assert any(d.hint is not None and "«responsible»" in d.hint.vi for d in problems)
    _none, unit = read_assessment(FIXTURES / "bad_unit.yaml")
    assert [(d.code, d.location.line) for d in unit] == [("QMS020", 10)] and unit[0].hint is not None and "van-phong" in unit[0].hint.vi


def test_compare_with_last_year() -> None:
    assert change(Score.GREEN, Score.YELLOW) is Change.IMPROVED and change(Score.RED, Score.YELLOW) is Change.WORSE
    assert change(Score.YELLOW, Score.YELLOW) is Change.SAME and change(Score.RED, None) is Change.NEW
    assert change(Score.NOT_APPLICABLE, Score.RED) is Change.NOT_RATED and change(Score.GREEN, Score.NOT_APPLICABLE) is Change.NEW
    current, _p = read_assessment(SAMPLE)
    before, _q = read_assessment(ROOT / "assessments" / "18091-2025.yaml")
    assert current is not None and before is not None
    changes = compare(current.assessment, before.assessment)
    assert changes["1.1"] is Change.IMPROVED and changes["4.8"] is Change.SAME and changes["2.1"] is Change.NOT_RATED
    summary = summarise(current, before)
    assert summary.changes()[Change.WORSE] == 0 and summary.changes()[Change.IMPROVED] == 13
    assert [q.counts()[Score.GREEN] for q in summary.quadrants] == [6, 0, 4, 2]


def test_every_code_is_registered_with_its_basis() -> None:
    for n in range(1, 8):
        info = code_info(f"ASM00{n}")
        assert info is not None and info.kind == "assessment" and info.explanation is not None and info.fix is not None
        assert "ISO 18091" in info.explanation.vi
        assert (ROOT / "docs" / info.doc).is_file()


def test_validate_command() -> None:
    ok = runner.invoke(app, ["assess", "validate", str(ROOT / "assessments")])
    assert ok.exit_code == 0 and "lỗi: 0" in ok.stdout
    bad = runner.invoke(app, ["assess", "validate", str(FIXTURES / "findings.yaml"), "--format", "json"])
    payload = json.loads(bad.stdout)
    assert bad.exit_code == 1 and payload["ok"] is False and len(payload["diagnostics"]) == 42
    missing = runner.invoke(app, ["assess", "validate", "khong-co"])
    assert missing.exit_code == 2


def test_show_command_human_and_json() -> None:
    human = runner.invoke(app, ["assess", "show", str(SAMPLE)])
    assert human.exit_code == 0, human.output
    assert "1. Phát triển thể chế vì quản trị tốt — đỏ: 0; vàng: 4; xanh: 6" in human.stdout and "↑ tốt lên" in human.stdout
    assert re.search(r"So với năm 2025 .*: tốt lên 13, giữ nguyên 14, kém đi 0\.", human.stdout)
    english = runner.invoke(app, ["--lang", "en", "assess", "show", str(SAMPLE), "--format", "json"])
    data = json.loads(english.stdout)
    assert data["year"] == 2026 and data["previous"]["year"] == 2025 and data["changes"]["improved"] == 13
    first = data["quadrants"][0]
    assert first["name"] == "Institutional development for good governance" and first["counts"]["yellow"] == 4
    assert first["indicators"][0] == {
        "id": "1.1", "name": "Accountable government", "education": False, "score": "green",
        "evidence": first["indicators"][0]["evidence"], "responsible": "van-phong", "reason": None, "notes": None,
        "previous": "yellow", "change": "improved",
    }  # fmt: skip
    broken = runner.invoke(app, ["assess", "show", str(FIXTURES / "load_errors.yaml")])
    assert broken.exit_code == 2


def test_committed_schema_matches_and_accepts_the_samples(tmp_path: Path) -> None:
    assert (ROOT / "schema" / "assessment.schema.json").read_text(encoding="utf-8") == assessment_json_schema_text()
    target = tmp_path / "s.json"
    assert runner.invoke(app, ["assess", "schema", "--out", str(target)]).exit_code == 0
    schema = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in (SAMPLE, ROOT / "assessments" / "18091-2025.yaml"):
        data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
        assert list(validator.iter_errors(data)) == [], path.name
        data["indicators"][0]["score"] = "amber"
        assert [e.json_path for e in validator.iter_errors(data)] == ["$.indicators[0].score"]


@pytest.mark.parametrize("lang", [Lang.VI, Lang.EN])
def test_criteria_are_shown_in_both_languages(lang: Lang) -> None:
    indicator = catalogue().by_id()["1.3"]
    assert indicator.criterion("red").get(lang) and indicator.criterion("green").get(lang) != indicator.criterion("red").get(lang)
