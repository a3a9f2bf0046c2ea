"""``qms schema --plan``: the committed plan schema is the one the models generate, and accepts the shipped plan."""

import json
from pathlib import Path

import jsonschema
from typer.testing import CliRunner

from qms.cli.app import app
from qms.plan.schema import plan_json_schema_text
from tests.conftest import as_editor_sees

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def test_committed_plan_schema_matches_models() -> None:
    committed = (ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == plan_json_schema_text(), "run: qms schema --plan --out schema/plan.schema.json"


def test_schema_out_writes_it_and_it_accepts_the_plans(tmp_path: Path) -> None:
    target = tmp_path / "plan.schema.json"
    result = runner.invoke(app, ["schema", "--plan", "--out", str(target)])
    assert result.exit_code == 0 and target.read_text(encoding="utf-8") == plan_json_schema_text()
    schema = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in (ROOT / "plans" / "KH-CCHC-2026.yaml", FIXTURES / "tracking.yaml", FIXTURES / "findings.yaml"):
        assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(as_editor_sees(path))] == [], path.name
    data = as_editor_sees(ROOT / "plans" / "KH-CCHC-2026.yaml")
    data["tasks"][0]["lead_unit"] = "van-phong"
    data["recurring"][0]["every"] = "week"
    assert {e.json_path for e in validator.iter_errors(data)} == {"$.tasks[0]", "$.recurring[0].every"}


def test_plan_schema_is_json_only() -> None:
    assert runner.invoke(app, ["schema", "--plan", "--format", "markdown"]).exit_code == 2
