"""The legal rules read the project's register: one entry added, no code changed, and a clean process fails."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qms.cli.app import app
from qms.legal.read import project_register
from qms.rules import RuleConfig, check_paths

PROCESS = """code: QT-TS-01
title: Tuyển sinh lớp 10
version: "1.0"
status: approved
effective_date: 2026-09-01
owner: cv
roles:
  cv: Chuyên viên
legal_basis:
  - {id: tt-30, number: 30/2024/TT-BGDĐT, title: Quy chế tuyển sinh}
steps:
  - id: nhan
    type: start
    name: Nhận hồ sơ
    role: cv
    criteria: Hồ sơ theo Thông tư số 30/2024/TT-BGDĐT
    next: xong
  - {id: xong, type: end, name: Công bố kết quả, role: cv}
"""
REGISTER = """texts:
  - {number: 30/2024/TT-BGDĐT, kind: circular, title: Quy chế tuyển sinh, verified: true}
"""
REPLACEMENT = """  - number: 99/2026/TT-BGDĐT
    kind: circular
    title: Quy chế tuyển sinh mới
    in_force_from: 2026-08-01
    replaces: [30/2024/TT-BGDĐT]
    verified: false
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "processes").mkdir()
    (tmp_path / "processes" / "QT-TS-01.yaml").write_text(PROCESS, encoding="utf-8")
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "register.yaml").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "qms.toml").write_text('select = ["QMS4"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _qms_check() -> tuple[int, str]:
    result = CliRunner().invoke(app, ["check", "processes", "--format", "concise", "--as-of", "2026-11-22"])
    return result.exit_code, result.output


def test_one_register_entry_turns_a_clean_process_into_a_failing_one(project: Path) -> None:
    code, output = _qms_check()
    assert code == 0 and "QMS402" not in output and "QMS405" not in output and "QMS406" not in output, output
    with (project / "legal" / "register.yaml").open("a", encoding="utf-8") as register:
        register.write(REPLACEMENT)
    code, output = _qms_check()
    assert code == 1, output
    lines = [line for line in output.splitlines() if "QMS402" in line and line.startswith("processes")]
    # Both citations, each at its line: the structured legal basis (line 10) and a step's criteria (line 16).
    assert [line.split(":")[1] for line in lines] == ["10", "16"], output
    assert all("99/2026/TT-BGDĐT" in line for line in lines)


def test_a_register_error_is_a_load_error_at_its_line(project: Path) -> None:
    (project / "legal" / "register.yaml").write_text(REGISTER + REGISTER.removeprefix("texts:\n"), encoding="utf-8")
    code, output = _qms_check()
    assert code != 0 and "register.yaml:3" in output and "QMS021" in output, output


def test_without_a_register_the_default_applies_and_one_finding_says_so(tmp_path: Path) -> None:
    for code in ("QT-B-01", "QT-A-01"):
        text = PROCESS.replace("QT-TS-01", code).replace("30/2024/TT-BGDĐT", "61/2018/NĐ-CP")
        (tmp_path / f"{code}.yaml").write_text(text, encoding="utf-8")
    register = project_register(tmp_path)
    assert not register.is_project
    report = check_paths([tmp_path], RuleConfig(select=("QMS4",)), today=date(2026, 11, 22), register=register)
    assert [(f.process, f.location.line) for f in report.findings if f.rule == "QMS405"] == [("QT-A-01", 9)]
    replaced = [(f.process, f.location.line) for f in report.findings if f.rule == "QMS402"]
    assert sorted(replaced) == [("QT-A-01", 10), ("QT-A-01", 16), ("QT-B-01", 10), ("QT-B-01", 16)]
    assert not [f for f in report.findings if f.rule == "QMS406"]  # no register to add to: QMS405 said it once
