"""The committed JSON Schema is the one the models generate."""

from pathlib import Path

from qms.schema import process_json_schema_text

ROOT = Path(__file__).resolve().parents[2]


def test_committed_schema_matches_models() -> None:
    committed = (ROOT / "schema" / "process.schema.json").read_text(encoding="utf-8")
    assert committed == process_json_schema_text(), "run: qms schema --out schema/process.schema.json"
