"""``qms schema``: the committed JSON Schema is the one the models generate, and it accepts
every file the loader accepts, read the way a YAML editor reads it."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml
from conftest import CROSS_FILE, VALID, EditorLoader, as_editor_sees
from typer.testing import CliRunner

from qms.cli.app import app
from qms.reference import format_reference_markdown
from qms.schema import process_json_schema_text

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def test_committed_schema_matches_models() -> None:
    committed = (ROOT / "schema" / "process.schema.json").read_text(encoding="utf-8")
    assert committed == process_json_schema_text(), "run: qms schema --out schema/process.schema.json"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_editor_loader_reads_like_yaml_1_2() -> None:
    data = yaml.load("a: 2025-07-01\nb: yes\nc: true\nd: 1.10\ne: null\n", Loader=EditorLoader)
    assert data == {"a": "2025-07-01", "b": "yes", "c": True, "d": 1.1, "e": None}


VALID_FILES = sorted(VALID.glob("*.yaml")) + sorted(CROSS_FILE.glob("calls_sibling/*.yaml"))


@pytest.mark.parametrize("path", VALID_FILES, ids=lambda p: p.name)
def test_schema_accepts_the_valid_fixtures(validator: jsonschema.Draft202012Validator, path: Path) -> None:
    errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(as_editor_sees(path))]
    assert errors == []


def test_schema_accepts_the_project_processes(validator: jsonschema.Draft202012Validator) -> None:
    files = sorted((ROOT / "processes").glob("*.yaml"))
    assert files, "processes/*.yaml should exist"
    for path in files:
        errors = [f"{e.json_path}: {e.message}" for e in validator.iter_errors(as_editor_sees(path))]
        assert errors == [], path.name


def test_schema_accepts_what_editors_see_for_unquoted_versions_and_short_roles(validator: jsonschema.Draft202012Validator) -> None:
    data = as_editor_sees(VALID / "scalars_as_written.yaml")
    assert data["version"] == 1.1 and data["iso_clauses"][0] == 8.5  # numbers, as an editor sees them
    assert isinstance(data["roles"]["van-thu"], str)
    assert validator.is_valid(data)


@pytest.mark.parametrize(
    ("change", "where"),
    [
        ({"nxt": "x"}, "$"),
        ({"status": "aproved"}, "$.status"),
        ({"version": "v1"}, "$.version"),
        ({"effective_date": "1 tháng 7"}, "$.effective_date"),
        ({"steps": []}, "$.steps"),
        ({"roles": {"mot-cua": {"nam": "Một cửa"}}}, "$.roles['mot-cua']"),
    ],
)
def test_schema_rejects_what_the_loader_rejects(validator: jsonschema.Draft202012Validator, change: dict, where: str) -> None:
    data = as_editor_sees(VALID / "minimal.yaml")
    data.update(change)
    assert {e.json_path for e in validator.iter_errors(data)} == {where}


def test_schema_out_writes_the_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "process.schema.json"
    result = runner.invoke(app, ["schema", "--out", str(target)])
    assert result.exit_code == 0
    assert target.read_text(encoding="utf-8") == process_json_schema_text()
    assert f"Đã ghi {target}" in result.stderr


def test_schema_markdown_is_the_reference_page() -> None:
    result = runner.invoke(app, ["schema", "--format", "markdown"])
    assert result.exit_code == 0
    assert result.stdout == format_reference_markdown()
