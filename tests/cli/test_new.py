"""``qms new process CODE``: a valid, commented file; never an overwrite."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from typer.testing import CliRunner

import qms
from conftest import ROOT, assert_no_traceback, run_qms
from qms.cli.app import app
from qms.load import load_paths
from qms.scaffold import new_process_text, schema_path_from

runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_new_process_creates_a_file_that_validate_accepts(tmp_path: Path) -> None:
    folder = tmp_path / "processes"
    result = run_qms("new", "process", "QT-ABC-01", "--dir", folder)
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    created = folder / "QT-ABC-01.yaml"
    assert f"Đã tạo {created}" in result.stdout
    assert created.is_file()
    check = invoke("validate", str(folder))
    assert check.exit_code == 0, check.stdout
    process = qms.load(created)
    assert process.code == "QT-ABC-01" and process.version == "0.1"
    assert process.revisions[0].date == date.today()


def test_the_new_file_names_the_schema_relative_to_itself(tmp_path: Path) -> None:
    (tmp_path / "schema").mkdir()
    (tmp_path / "schema" / "process.schema.json").write_text("{}", encoding="utf-8")
    folder = tmp_path / "processes" / "tthc"
    assert invoke("new", "process", "QT-TTHC-09", "--dir", str(folder)).exit_code == 0
    first = (folder / "QT-TTHC-09.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../../schema/process.schema.json"
    assert (folder / "../../schema/process.schema.json").resolve().is_file()


def test_new_file_in_this_project_points_at_the_committed_schema() -> None:
    text = new_process_text("QT-X", "Tên", "QT-X.yaml", schema_path_from(ROOT / "processes"))
    assert text.splitlines()[0] == "# yaml-language-server: $schema=../schema/process.schema.json"
    assert "$" not in text.replace("$schema=", "")  # every placeholder was filled


def test_title_with_quotes_colons_and_hashes_is_kept(tmp_path: Path) -> None:
    title = 'Cấp "giấy phép": xây dựng #1 $x'
    assert invoke("new", "process", "QT-XD-01", "--dir", str(tmp_path), "--title", title).exit_code == 0
    assert qms.load(tmp_path / "QT-XD-01.yaml").title.vi == title


def test_new_refuses_to_overwrite(tmp_path: Path) -> None:
    existing = tmp_path / "QT-ABC-01.yaml"
    existing.write_text("# công việc của ai đó\n", encoding="utf-8")
    result = invoke("new", "process", "QT-ABC-01", "--dir", str(tmp_path))
    assert result.exit_code == 1
    assert "đã tồn tại; không ghi đè" in result.stderr
    assert existing.read_text(encoding="utf-8") == "# công việc của ai đó\n"


def test_new_refuses_a_bad_code(tmp_path: Path) -> None:
    for code in ("qt-abc-01", "QT ABC", "QT-ĐẤT-01", "QT/01"):
        result = invoke("new", "process", code, "--dir", str(tmp_path))
        assert result.exit_code == 2, code
        assert f"mã quy trình «{code}» không hợp lệ" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_new_messages_in_english(tmp_path: Path) -> None:
    result = invoke("--lang", "en", "new", "process", "QT-A", "--dir", str(tmp_path))
    assert f"Created {tmp_path / 'QT-A.yaml'}" in result.stdout
    again = invoke("--lang", "en", "new", "process", "QT-A", "--dir", str(tmp_path))
    assert "already exists; not overwritten" in again.stderr


def test_several_new_processes_validate_together(tmp_path: Path) -> None:
    for code in ("QT-A-01", "QT-B-01"):
        assert invoke("new", "process", code, "--dir", str(tmp_path)).exit_code == 0
    result = load_paths([tmp_path])
    assert result.ok and sorted(result.by_code()) == ["QT-A-01", "QT-B-01"]


def test_an_empty_title_is_refused_and_no_file_is_written(tmp_path: Path) -> None:
    result = invoke("new", "process", "QT-ABC-02", "--dir", str(tmp_path), "--title", "  ")
    assert result.exit_code == 2
    assert not (tmp_path / "QT-ABC-02.yaml").exists()


def test_a_procedure_code_makes_the_new_process_citizen_facing(tmp_path: Path) -> None:
    assert invoke("new", "process", "QT-TTHC-09", "--dir", str(tmp_path), "--procedure-code", "1.005092").exit_code == 0
    created = tmp_path / "QT-TTHC-09.yaml"
    process = qms.load(created)
    assert (process.procedure_code, process.citizen_facing) == ("1.005092", True)
    lines = created.read_text(encoding="utf-8").splitlines()
    written = next(line for line in lines if line.startswith("procedure_code:"))
    assert written.index("#") == next(line for line in lines if line.startswith("citizen_facing:")).index("#")  # comments aligned


def test_without_a_procedure_code_the_new_file_asks_whether_citizens_are_served(tmp_path: Path) -> None:
    assert invoke("new", "process", "QT-NB-09", "--dir", str(tmp_path)).exit_code == 0
    process = qms.load(tmp_path / "QT-NB-09.yaml")
    assert (process.procedure_code, process.citizen_facing) == (None, False)
    text = (tmp_path / "QT-NB-09.yaml").read_text(encoding="utf-8")
    assert "procedure_code:                  # Mã TTHC nếu là thủ tục hành chính cho người dân" in text
    assert "citizen_facing: false" in text


def test_a_bad_procedure_code_is_refused_and_no_file_is_written(tmp_path: Path) -> None:
    result = invoke("new", "process", "QT-TTHC-10", "--dir", str(tmp_path), "--procedure-code", "1,005092")
    assert result.exit_code == 2
    assert "mã thủ tục hành chính «1,005092» không hợp lệ" in result.stderr
    assert list(tmp_path.iterdir()) == []
