"""Reading audit files: references at their line, unique ids, and the committed JSON Schemas."""

import json
from pathlib import Path

import jsonschema
import pytest

from qms.load import load_paths
from qms.records.read import ProgrammeFile, RecordFile, read_audit_file, read_audits
from qms.records.schema import SCHEMAS, records_json_schema_text
from tests.conftest import as_editor_sees

ROOT = Path(__file__).resolve().parents[2]
RECORD = """id: A-1
dates: {start: 2026-03-17}
team: [{name: Phạm Minh Tuấn}]
scope: {processes: [QT-TTHC-01]}
findings:
  - {id: F-1, kind: observation, clause: "8.5.1", process: QT-TTHC-1, statement: X, evidence: Y}
  - {id: F-1, kind: opportunity, clause: "9.1.2", process: QT-TTHC-01, step: tra-kq, statement: X, evidence: Y}
"""


def _write(tmp_path: Path, text: str, name: str = "A-1.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_references_and_duplicate_ids_at_their_line(tmp_path: Path) -> None:
    processes = load_paths([ROOT / "processes"]).processes
    value, problems = read_audit_file(_write(tmp_path, RECORD), processes)
    assert value is None
    assert [(d.code, d.location.line) for d in problems] == [("QMS020", 6), ("QMS021", 7), ("QMS020", 7)]
    assert problems[0].hint is not None and "QT-TTHC-01" in problems[0].hint.vi  # did you mean
    value, problems = read_audit_file(_write(tmp_path, RECORD.replace("F-1, kind: opp", "F-2, kind: opp")))
    assert isinstance(value, RecordFile) and problems == []  # without processes, only ids are checked


def test_programme_audit_ids_unique_and_unknown_fields(tmp_path: Path) -> None:
    text = "code: CT-1\nyear: 2026\naudits:\n  - {id: A-1, month: 3, scope: {processes: [QT-VB-01]}}\n  - {id: A-1, month: 13, scope: {}}\n"
    value, problems = read_audit_file(_write(tmp_path, text, "programme.yaml"))
    assert value is None and [d.location.line for d in problems] == [5]
    value, problems = read_audit_file(_write(tmp_path, text.replace("month: 13", "month: 9").replace("A-1, month: 9", "A-2, month: 9"), "programme.yaml"))
    assert isinstance(value, ProgrammeFile) and problems == []
    _value, problems = read_audit_file(_write(tmp_path, RECORD.replace("team:", "teem:")))
    assert any("team" in (d.hint.vi if d.hint else "") for d in problems)


def test_the_shipped_audits_read_and_are_ordered_by_date() -> None:
    read = read_audits([ROOT / "audits"], load_paths([ROOT / "processes"]).processes)
    assert read.diagnostics == []
    assert [r.record.id for r in read.records] == ["DGNB-2025-01", "DGNB-2026-01"]
    assert [p.programme.code for p in read.programmes] == ["CT-DGNB-2026"]




@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_models_and_accepts_the_samples(name: str) -> None:
    committed = (ROOT / "schema" / name).read_text(encoding="utf-8")
    assert committed == records_json_schema_text(name), "run: python -m qms.records.schema schema"
    schema = json.loads(committed)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    files = [ROOT / "audits" / "programme-2026.yaml"] if "programme" in name else sorted((ROOT / "audits").glob("DGNB-*.yaml"))
    for path in files:
        assert [e.message for e in validator.iter_errors(as_editor_sees(path))] == [], path.name
    bad = as_editor_sees(files[0])
    assert isinstance(bad, dict)
    bad["surprise"] = 1
    assert list(validator.iter_errors(bad))
