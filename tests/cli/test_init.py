"""``qms init [DIR]``: a project where validate, check, audit and the handbook pass as written; never an overwrite."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import assert_no_traceback, qms_ok, run_qms, run_qms_many
from typer.testing import CliRunner

from qms.cli.app import app
from qms.scaffold_project import project_files

runner = CliRunner()


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def snapshot(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()}


def test_every_command_passes_in_a_new_project(tmp_path: Path) -> None:
    project = tmp_path / "Sở Tư pháp"  # a space and Vietnamese letters, as on an officer's Windows desktop
    created = run_qms("init", project)
    assert_no_traceback(created)
    assert created.returncode == 0, created.stderr
    assert f"Đã tạo {project / 'processes' / 'QT-MAU-01.yaml'}" in created.stdout
    validate, check, audit = run_qms_many([["validate"], ["check"], ["audit"]], cwd=project)
    for result in (validate, check, audit):
        assert_no_traceback(result)
        assert result.returncode == 0, result.stdout + result.stderr
    assert "Tất cả 1 quy trình đều hợp lệ." in validate.stdout
    assert "0 lỗi, 0 cảnh báo, 0 thông tin" in check.stdout
    assert "1 tiêu chí: 1 đạt" in audit.stdout


def test_the_handbook_of_a_new_project_builds(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path)).exit_code == 0
    built = qms_ok("handbook", "build", cwd=tmp_path)
    assert built.returncode == 0, built.stdout + built.stderr
    pages = [p.relative_to(tmp_path / "build" / "site").as_posix() for p in (tmp_path / "build" / "site").rglob("*.html")]
    assert "index.html" in pages
    assert any("QT-MAU-01" in page for page in pages), pages


def test_the_current_folder_by_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = invoke("init")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == sorted(project_files())
    assert "Đã tạo processes/QT-MAU-01.yaml" in result.stdout


def test_a_second_run_keeps_every_file_and_changes_nothing(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path)).exit_code == 0
    before = snapshot(tmp_path)
    again = invoke("init", str(tmp_path))
    assert again.exit_code == 0
    assert snapshot(tmp_path) == before
    assert again.stdout.count("Đã có, giữ nguyên: ") == len(before)
    assert "Đã tạo" not in again.stdout
    assert "Dự án đã đủ các tệp; không tệp nào bị thay đổi." in again.stdout


def test_an_officers_own_file_is_never_overwritten(tmp_path: Path) -> None:
    mine = "site_name: Sổ tay của Sở\n"
    (tmp_path / "mkdocs.yml").write_text(mine, encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 0
    assert f"Đã có, giữ nguyên: {tmp_path / 'mkdocs.yml'}" in result.stdout
    assert (tmp_path / "mkdocs.yml").read_text(encoding="utf-8") == mine
    assert (tmp_path / "qms.toml").is_file()


def test_a_file_given_as_the_folder_is_a_usage_error(tmp_path: Path) -> None:
    target = tmp_path / "ghi-chu.txt"
    target.write_text("x\n", encoding="utf-8")
    result = invoke("init", str(target))
    assert result.exit_code == 2
    assert f"«{target}» không phải là thư mục" in result.stderr
    assert target.read_text(encoding="utf-8") == "x\n"


def test_a_file_in_the_way_of_a_folder_is_named(tmp_path: Path) -> None:
    (tmp_path / "features").write_text("x\n", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 1
    assert f"không ghi được «{tmp_path / 'features'}»" in result.stderr


def test_init_in_english(tmp_path: Path) -> None:
    assert invoke("init", str(tmp_path)).exit_code == 0
    again = invoke("--lang", "en", "init", str(tmp_path))
    assert f"Already there, kept as it is: {tmp_path / 'qms.toml'}" in again.stdout
    assert "The project has every file already; no file was changed." in again.stdout


def test_an_existing_project_gets_no_example(tmp_path: Path) -> None:
    (tmp_path / "processes").mkdir()
    (tmp_path / "processes" / "QT-VB-01.yaml").write_text("code: QT-VB-01\n", encoding="utf-8")
    result = invoke("init", str(tmp_path))
    assert result.exit_code == 0
    assert f"Không thêm {tmp_path / 'processes' / 'QT-MAU-01.yaml'}: thư mục processes đã có quy trình" in result.stdout
    assert f"Đã tạo {tmp_path / 'qms.toml'}" in result.stdout
