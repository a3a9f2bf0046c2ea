"""What a change of the law touches: ``qms legal``, ``qms legal impact`` and ``qms legal check`` on a small project."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from qms.cli.app import app
from qms.legal.impact import impact, out_of_force
from qms.legal.read import read_register
from qms.load import load_paths

PROCESS = """code: QT-VB-09
title: Văn thư
version: "1.0"
status: approved
effective_date: 2026-01-05
owner: cv
roles:
  cv: Chuyên viên
legal_basis:
  - {id: nd-30, number: Nghị định số 30/2020/NĐ-CP, title: Công tác văn thư}
  - {id: iso, number: ISO 19011:2018, title: Đánh giá, kind: standard}
records:
  - {code: BM-01, name: Sổ đăng ký, form: Phụ lục IV Nghị định 30/2020/ND-CP}
steps:
  - {id: a, type: start, name: Nhận, role: cv, next: b, description: Theo Thông tư 01/2011/TT-BNV}
  - {id: b, type: end, name: Lưu, role: cv, criteria: "Đúng Điều 19 Nghị định 30 / 2020 / NĐ-CP"}
revisions:
  - {version: "1.0", date: 2026-01-05, changes: Thay Nghị định 110/2004/NĐ-CP}
"""
REGISTER = """texts:
  - {number: 30/2020/NĐ-CP, kind: decree, title: Công tác văn thư, in_force_from: 2020-03-05, verified: true}
  - {number: 01/2011/TT-BNV, kind: circular, title: Thể thức văn bản, in_force_until: 2020-03-04, verified: false}
  - {number: 110/2004/NĐ-CP, kind: decree, title: Văn thư 2004, replaced_by: 30/2020/NĐ-CP, verified: true}
  - {number: 99/2027/NĐ-CP, kind: decree, title: Chưa có hiệu lực, in_force_from: 2027-01-01, verified: false}
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "processes").mkdir()
    (tmp_path / "processes" / "QT-VB-09.yaml").write_text(PROCESS, encoding="utf-8")
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "register.yaml").write_text(REGISTER, encoding="utf-8")
    (tmp_path / "qms.toml").write_text("", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_impact_lists_every_citing_line_however_written(project: Path) -> None:
    processes = load_paths([project / "processes"]).processes
    places = impact("30/2020/ND-CP", processes)
    assert [(p.process, p.step, p.location.line) for p in places] == [("QT-VB-09", None, 10), ("QT-VB-09", None, 13), ("QT-VB-09", "b", 16)]
    assert [p.location.line for p in impact("ISO 19011:2018", processes)] == [11]
    assert impact("110/2004/NĐ-CP", processes) == []  # named only in the revision history


def test_out_of_force_on_a_day(project: Path) -> None:
    register = read_register([project / "legal"])
    found = out_of_force(register, date(2026, 11, 22), load_paths([project / "processes"]).processes)
    assert [(f.text.number, len(f.places)) for f in found] == [("01/2011/TT-BNV", 1), ("110/2004/NĐ-CP", 0), ("99/2027/NĐ-CP", 0)]
    assert "hết hiệu lực" in found[0].why.vi and "30/2020/NĐ-CP" in found[1].why.vi and "chưa có hiệu lực" in found[2].why.vi


def test_the_commands(project: Path) -> None:
    runner = CliRunner()
    table = runner.invoke(app, ["legal"])
    assert table.exit_code == 0 and "01/2011/TT-BNV" in table.output and "legal/register.yaml" in table.output, table.output
    cited = runner.invoke(app, ["legal", "impact", "Nghị định 30/2020/ND-CP"])
    assert cited.exit_code == 0 and cited.output.count("QT-VB-09.yaml:") == 3, cited.output
    nowhere = runner.invoke(app, ["legal", "impact", "1/2000/NĐ-CP"])
    assert nowhere.exit_code == 0 and "1/2000/NĐ-CP" in nowhere.output
    checked = runner.invoke(app, ["legal", "check", "--as-of", "2026-11-22"])
    assert checked.exit_code == 1 and "QT-VB-09.yaml:15" in checked.output, checked.output  # 01/2011 still cited
    before = runner.invoke(app, ["legal", "check", "--as-of", "2019-01-01"])  # the decree not yet in force, the circular in force
    assert before.exit_code == 1 and "30/2020/NĐ-CP" in before.output and "01/2011/TT-BNV" not in before.output, before.output


def test_a_broken_register_fails_at_its_line(project: Path) -> None:
    (project / "legal" / "register.yaml").write_text(
        REGISTER + "  - {number: 30/2020/ND-CP, kind: decree, title: X, verified: true}\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["legal"])
    assert result.exit_code == 1 and "register.yaml:6" in result.output and "QMS021" in result.output, result.output
