"""``qms plan validate`` and ``qms plan status``: what they print and their exit codes (0 clean, 1 findings, 2 usage)."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qms.cli.app import app

FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()
CLEAN = """code: KH-GON
title: Kế hoạch gọn
period: {start: 2026-01-01, end: 2026-12-31}
units: [{id: a, name: Phòng A}]
targets: [{code: CT-01, name: Hài lòng, target: ">= 90%", value: 95, evidence: Khảo sát}]
tasks:
  - {id: "1", content: Việc một, lead: a, time: Quý II/2026, product: Báo cáo}
  - {id: "2", content: Việc hai, lead: a, time: Tháng 3/2026, product: Báo cáo, status: done, completed: 2026-03-10, evidence: Số 2}
"""


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "plans" / "KH-GON.yaml"
    path.parent.mkdir()
    path.write_text(CLEAN, encoding="utf-8")
    return path


def test_validate_a_clean_plan_exits_0(clean: Path) -> None:
    result = runner.invoke(app, ["plan", "validate", str(clean.parent)])
    assert result.exit_code == 0, result.output
    assert "Tệp kế hoạch: 1; đọc được: 1; lỗi: 0; cảnh báo: 0; thông tin: 0." in result.stdout


def test_validate_findings_exit_1_with_their_lines() -> None:
    result = runner.invoke(app, ["plan", "validate", str(FIXTURES / "findings.yaml"), "--format", "concise"])
    assert result.exit_code == 1
    assert "findings.yaml:15:5: PLN001 lỗi: nhiệm vụ 1 không có đơn vị chủ trì" in result.stdout
    assert "lỗi: 4; cảnh báo: 3; thông tin: 2." in result.stdout


def test_validate_reports_a_plan_that_cannot_be_read(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("code: KH-1\ntitle: X\nperiod: {start: 2026-01-01, end: 2026-12-31}\ntasks:\n  - {id: '1', content: A, time: Quý V/2026}\n")
    result = runner.invoke(app, ["--lang", "en", "plan", "validate", str(path), "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert (payload["ok"], payload["files"], payload["plans"]) == (False, 1, 0)
    assert [(d["code"], d["line"]) for d in payload["diagnostics"]] == [("QMS010", 5)]


def test_validate_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["plan", "validate", str(tmp_path / "nope")]).exit_code == 2
    assert runner.invoke(app, ["plan", "validate", str(tmp_path)]).exit_code == 2  # an empty folder: nothing to check
    assert runner.invoke(app, ["plan", "validate", "--format", "xml"]).exit_code == 2


def test_status_on_track_exits_0(clean: Path) -> None:
    result = runner.invoke(app, ["plan", "status", str(clean), "--as-of", "2026-06-27"])
    assert result.exit_code == 0, result.output
    assert "còn 3 ngày" in result.stdout and "≤ 3 ngày" in result.stdout  # task 1, due 30/6
    assert "Không có việc quá hạn; mọi chỉ tiêu đo được đều đạt." in result.stdout


def test_status_overdue_exits_1_and_says_so_in_json(clean: Path) -> None:
    result = runner.invoke(app, ["plan", "status", str(clean), "--as-of", "2026-07-02", "--format", "json"])
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["as_of"] == "2026-07-02" and payload["on_track"] is False
    assert payload["grid"] == {"done_in_time": 1, "done_late": 0, "open_in_time": 0, "overdue": 1, "no_deadline": 0, "cancelled": 0}
    assert payload["tasks"][0] | {"content": ""} == {
        "id": "1", "content": "", "lead": "a", "time": "Quý II/2026", "status": "not_started", "completed": None,
        "state": "overdue", "deadline": "2026-06-30", "days_left": -2, "warning": None,
    }  # fmt: skip
    assert payload["overdue_by_unit"] == [{"unit": "a", "name": "Phòng A", "overdue": 1}]
    assert payload["targets"] == [
        {"code": "CT-01", "name": "Hài lòng", "target": ">= 90%", "actual": 95.0, "met": True, "source": "value", "note": None}
    ]


def test_status_of_the_shipped_plan_prints_each_part() -> None:
    result = runner.invoke(app, ["plan", "status", str(ROOT / "plans" / "KH-CCHC-2026.yaml"), "--as-of", "2026-10-15",
                                 "--processes", str(ROOT / "processes")])  # fmt: skip
    assert result.exit_code == 1  # task 3 overdue, CT-01 missed
    for part in ("Nhiệm vụ", "Nhiệm vụ quá hạn, sắp đến hạn", "Quá hạn theo đơn vị chủ trì", "Báo cáo định kỳ", "Chỉ tiêu"):
        assert part in result.stdout
    assert "quá 15 ngày" in result.stdout and "đã gửi trễ hạn" in result.stdout and "96.2%" in result.stdout


def test_status_usage_errors_exit_2(clean: Path, tmp_path: Path) -> None:
    assert runner.invoke(app, ["plan", "status", str(clean), "--as-of", "2026-02-30"]).exit_code == 2
    assert runner.invoke(app, ["plan", "status", str(tmp_path / "nope.yaml")]).exit_code == 2
    broken = tmp_path / "broken.yaml"
    broken.write_text("code: KH-1\ntitle: X\n", encoding="utf-8")  # no period
    result = runner.invoke(app, ["plan", "status", str(broken)])
    assert result.exit_code == 2 and "QMS010" in result.stderr
