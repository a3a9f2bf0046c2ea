"""``qms schema --plan``: the committed plan schema is the one the models generate, and accepts the shipped plan."""

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import yaml
from typer.testing import CliRunner

from qms.cli.app import app
from qms.plan.schema import plan_json_schema_text

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
runner = CliRunner()


def test_committed_plan_schema_matches_models() -> None:
    committed = (ROOT / "schema" / "plan.schema.json").read_text(encoding="utf-8")
    assert committed == plan_json_schema_text(), "run: qms schema --plan --out schema/plan.schema.json"


class EditorLoader(yaml.SafeLoader):
    """YAML as a YAML 1.2 editor reads it: dates stay strings, only true/false are booleans."""


EditorLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
EditorLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))


def _as_editor_sees(path: Path) -> Any:
    return yaml.load(path.read_text(encoding="utf-8"), Loader=EditorLoader)


def test_schema_out_writes_it_and_it_accepts_the_plans(tmp_path: Path) -> None:
    target = tmp_path / "plan.schema.json"
    result = runner.invoke(app, ["schema", "--plan", "--out", str(target)])
    assert result.exit_code == 0 and target.read_text(encoding="utf-8") == plan_json_schema_text()
    schema = json.loads(target.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    for path in (ROOT / "plans" / "KH-CCHC-2026.yaml", FIXTURES / "tracking.yaml", FIXTURES / "findings.yaml"):
        assert [f"{e.json_path}: {e.message}" for e in validator.iter_errors(_as_editor_sees(path))] == [], path.name
    data = _as_editor_sees(ROOT / "plans" / "KH-CCHC-2026.yaml")
    data["tasks"][0]["lead_unit"] = "van-phong"
    data["recurring"][0]["every"] = "week"
    assert {e.json_path for e in validator.iter_errors(data)} == {"$.tasks[0]", "$.recurring[0].every"}


def test_plan_schema_is_json_only() -> None:
    assert runner.invoke(app, ["schema", "--plan", "--format", "markdown"]).exit_code == 2
