"""Plan files are read like process files: the safe reader, the loader's messages, references checked."""

from pathlib import Path

from qms.diagnostics import LoadCode
from qms.plan import read_plan

ROOT = Path(__file__).resolve().parents[2]
HEAD = "code: KH-1\ntitle: Kế hoạch\nperiod: {start: 2026-01-01, end: 2026-12-31}\nunits:\n  - {id: van-phong, name: Văn phòng}\n"


def _problems(tmp_path, text: str):
    path = tmp_path / "plan.yaml"
    path.write_text(HEAD + text, encoding="utf-8")
    plan, problems = read_plan(path)
    assert plan is None
    return [(d.code, d.location.line, d.location.column, d.message.get("vi"), d.hint and d.hint.get("vi")) for d in problems]


def test_the_shipped_plan_reads():
    plan, problems = read_plan(ROOT / "plans" / "KH-CCHC-2026.yaml")
    assert problems == [] and plan is not None
    assert len(plan.plan.tasks) == 10 and plan.plan.tasks[5].time.last.isoformat() == "2026-12-31"


def test_a_time_frame_that_cannot_be_read_is_an_error_at_its_line_with_the_forms(tmp_path):
    ((code, line, column, message, hint),) = _problems(tmp_path, "tasks:\n  - {id: '1', content: Việc, time: Quý V/2026}\n")
    assert (code, line, column) == (LoadCode.SCHEMA, 7, 36)
    assert message == "«Quý V/2026» không phải là thời gian thực hiện đọc được" and "Quý I/2026" in hint


def test_an_unknown_unit_and_a_misspelt_field(tmp_path):
    found = _problems(tmp_path, "tasks:\n  - id: '1'\n    content: Việc\n    lead: van-phog\n    prodcut: Báo cáo\n")
    assert [(c, line) for c, line, *_ in found] == [(LoadCode.SCHEMA, 10)]  # the schema first: references wait for a valid plan
    assert found[0][4] == "có phải ý bạn là «product»?"
    found = _problems(tmp_path, "tasks:\n  - id: '1'\n    content: Việc\n    lead: van-phog\n")
    assert [(c, line, column) for c, line, column, *_ in found] == [(LoadCode.REFERENCE, 9, 11)]
    assert found[0][4] == "có phải ý bạn là «van-phong»?"


def test_two_tasks_with_one_id(tmp_path):
    found = _problems(tmp_path, "tasks:\n  - {id: '1', content: A}\n  - {id: '1', content: B}\n")
    assert [(c, line) for c, line, *_ in found] == [(LoadCode.DUPLICATE_ID, 8)]
