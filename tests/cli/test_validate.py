"""``qms validate``: every kind of mistake is reported at file:line:col with exit 1 and no traceback.

Commands that check what a user sees (messages, exit codes, no traceback) run
``python -m qms`` in a fresh interpreter. Starting one takes about half a
second, so they are started together once per module (``runs``) and the tests
read their results; the remaining checks use Typer's in-process runner.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import CROSS_FILE, FIXTURES, INVALID, ROOT, VALID, assert_no_traceback, run_qms_many, write
from qms.cli.app import app
from qms.cli.exit_codes import ExitCode


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


@pytest.fixture(autouse=True)
def _at_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths on the command line are relative to the project, as in the subprocess runs."""
    monkeypatch.chdir(ROOT)


runner = CliRunner()


def invoke(*args: str):
    """Run the command in-process; a Python exception must not hide behind an exit code."""
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


# Each kind of mistake of the acceptance criterion: fixture, line, column, code, start of the Vietnamese message.
MISTAKES: dict[str, tuple[Path, int, int, str, str]] = {
    "syntax error": (INVALID / "syntax_error.yaml", 3, 27, "QMS003", "lỗi cú pháp YAML: không được đặt «trường: giá trị» ở đây"),
    "duplicate key": (INVALID / "duplicate_key.yaml", 7, 1, "QMS004", "trường «status» bị khai báo lặp (lần đầu ở dòng 5)"),
    "unknown next": (INVALID / "unknown_next.yaml", 14, 11, "QMS020", "bước «tham-dihn» không tồn tại"),
    "unknown role": (INVALID / "unknown_role.yaml", 12, 50, "QMS020", "vai trò «chuyen-vein» không tồn tại"),
    "unknown record": (INVALID / "unknown_record.yaml", 17, 22, "QMS020", "hồ sơ/biểu mẫu «BM01» không tồn tại"),
    "unknown sub-process": (CROSS_FILE / "unknown_call" / "QT-CHA-02.yaml", 15, 12, "QMS020", "quy trình «QT-CON-10» không tồn tại"),
    "wrong type": (INVALID / "wrong_type.yaml", 14, 13, "QMS010", "cần một danh sách, không phải «Hồ sơ đề nghị»"),
    "missing field": (INVALID / "missing_field.yaml", 15, 5, "QMS010", "thiếu trường bắt buộc «name»"),
    "alias bomb": (INVALID / "alias_bomb.yaml", 6, 52, "QMS005", "các bí danh YAML (*tên) mở rộng thành hơn"),
    "not UTF-8": (INVALID / "not_utf8.yaml", 3, 15, "QMS002", "tệp không phải UTF-8: byte 0xCC không hợp lệ"),
}

# Every other invalid fixture, checked in one run over the folder.
OTHERS: dict[str, tuple[int, int, str, str]] = {
    "ambiguous_duration.yaml": (10, 82, "QMS010", "«3 ngày»: chưa rõ là ngày làm việc hay ngày lịch"),
    "bad_role_id.yaml": (9, 3, "QMS010", "«Trưởng phòng» không đúng dạng mã vai trò"),
    "bad_step_id.yaml": (11, 9, "QMS010", "«Tiếp nhận» không đúng dạng mã bước"),
    "calls_on_task.yaml": (14, 5, "QMS010", "chỉ bước «type: subprocess» mới có «calls»"),
    "control_character.yaml": (3, 17, "QMS003", "ký tự điều khiển U+0007"),
    "decision_without_branches.yaml": (12, 11, "QMS010", "bước quyết định cần liệt kê các nhánh"),
    "deep_nesting.yaml": (3, 75, "QMS005", "cấu trúc lồng nhau quá sâu (hơn 64 mức)"),
    "duplicate_step_id.yaml": (13, 10, "QMS021", "bước «tham-dinh» bị khai báo hai lần (lần đầu ở dòng 11)"),
    "empty.yaml": (1, 1, "QMS001", "tệp rỗng"),
    "end_with_next.yaml": (15, 5, "QMS010", "bước kết thúc không có bước tiếp theo"),
    "multi_document.yaml": (4, 1, "QMS003", "tệp chứa nhiều tài liệu YAML"),
    "nfd_duplicate.yaml": (7, 3, "QMS004", "trường «Trưởng phòng» bị khai báo lặp (lần đầu ở dòng 6)"),
    "not_a_mapping.yaml": (2, 1, "QMS010", "tệp quy trình phải là một ánh xạ"),
    "python_tag.yaml": (3, 8, "QMS003", "thẻ YAML «tag:yaml.org,2002:python/object/apply:os.system» không được hỗ trợ"),
    "subprocess_without_calls.yaml": (11, 5, "QMS010", "bước quy trình con phải có «calls: MÃ-QUY-TRÌNH»"),
    "task_with_branches.yaml": (14, 5, "QMS010", "bước loại «task» chỉ đi tới một bước"),
    "unknown_field.yaml": (14, 5, "QMS010", "trường «nxt» không có trong định dạng quy trình"),
    "unknown_status.yaml": (5, 9, "QMS010", "giá trị «aproved» không hợp lệ"),
}


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    return {str(p): (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def runs() -> dict[str, subprocess.CompletedProcess[str]]:
    commands: dict[str, list[str]] = {kind: ["validate", rel(path)] for kind, (path, *_) in MISTAKES.items()}
    commands["invalid folder"] = ["validate", rel(INVALID)]
    before = fingerprint(FIXTURES)
    results = dict(zip(commands, run_qms_many(list(commands.values())), strict=True))
    results["fixtures before and after"] = (before, fingerprint(FIXTURES))  # type: ignore[assignment]
    return results


# --- the acceptance criterion -----------------------------------------------------------------------


@pytest.mark.parametrize("kind", list(MISTAKES))
def test_each_kind_of_mistake_exits_1_at_the_exact_place(runs: dict, kind: str) -> None:
    path, line, column, code, message = MISTAKES[kind]
    result = runs[kind]
    assert_no_traceback(result)
    assert result.returncode == ExitCode.FINDINGS == 1, result.stdout + result.stderr
    first = result.stdout.splitlines()[0]
    assert first.startswith(f"{rel(path)}:{line}:{column}: {code} lỗi: {message}"), first
    assert "(gợi ý: " in first
    assert "Có 1 lỗi cần sửa trong 1 tệp." in result.stdout


def test_every_invalid_fixture_in_one_run_of_the_folder(runs: dict) -> None:
    result = runs["invalid folder"]
    assert_no_traceback(result)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    expected = {rel(path): (line, column, code, message) for path, line, column, code, message in MISTAKES.values() if path.parent == INVALID}
    expected |= {rel(INVALID / name): value for name, value in OTHERS.items()}
    assert set(expected) == {rel(p) for p in INVALID.glob("*.yaml")}, "every invalid fixture is checked"
    for file, (line, column, code, message) in expected.items():
        mine = [text for text in lines if text.startswith(f"{file}:")]
        assert len(mine) == 1, (file, mine)
        assert mine[0].startswith(f"{file}:{line}:{column}: {code} lỗi: {message}"), mine[0]


def test_english_rendering() -> None:
    result = invoke("--lang", "en", "validate", rel(INVALID))
    assert result.exit_code == 1
    out = result.stdout
    assert f"{rel(INVALID / 'unknown_next.yaml')}:14:11: QMS020 error: step «tham-dihn» does not exist (hint: did you mean «tham-dinh»?)" in out
    assert f"{rel(INVALID / 'duplicate_key.yaml')}:7:1: QMS004 error: field «status» is declared twice (first at line 5)" in out
    assert f"{rel(INVALID / 'not_utf8.yaml')}:3:15: QMS002 error: file is not UTF-8: invalid byte 0xCC (hint: " in out
    assert f"{rel(INVALID / 'missing_field.yaml')}:15:5: QMS010 error: required field «name» is missing (hint: add «name: ...» to step «tra-ket-qua»" in out
    assert "Files read" in out and " lỗi" not in out and "gợi ý" not in out


def test_json_output_has_file_line_and_column() -> None:
    result = invoke("validate", "--format", "json", rel(INVALID))
    assert result.exit_code == 1
    payload = json.loads(result.stdout)
    assert payload["ok"] is False and payload["processes"] == []
    assert payload["files"] == sorted(payload["files"]) and len(payload["files"]) == len(list(INVALID.glob("*.yaml")))
    by_file = {d["file"]: d for d in payload["diagnostics"]}
    unknown_next = by_file[rel(INVALID / "unknown_next.yaml")]
    assert unknown_next == {
        "code": "QMS020",
        "severity": "error",
        "file": rel(INVALID / "unknown_next.yaml"),
        "line": 14,
        "column": 11,
        "message": "bước «tham-dihn» không tồn tại",
        "hint": "có phải ý bạn là «tham-dinh»?",
        "data": {"kind": "step", "name": "tham-dihn"},
    }
    for name, (line, column, code, _) in OTHERS.items():
        d = by_file[rel(INVALID / name)]
        assert (d["line"], d["column"], d["code"]) == (line, column, code), name


def test_valid_fixtures_exit_0() -> None:
    result = invoke("validate", rel(VALID), rel(CROSS_FILE / "calls_sibling"))
    assert result.exit_code == ExitCode.OK == 0, result.stdout
    n = len(list(VALID.glob("*.yaml"))) + 2
    assert f"Tất cả {n} quy trình đều hợp lệ." in result.stdout


def test_the_runs_left_every_fixture_byte_for_byte_unchanged(runs: dict) -> None:
    before, after = runs["fixtures before and after"]
    assert len(before) == len(list(FIXTURES.rglob("*.yaml"))) and before == after


def test_validate_never_modifies_the_source_files(tmp_path: Path) -> None:
    for name in ("nfd_text.yaml", "utf8_bom.yaml", "scalars_as_written.yaml"):
        shutil.copy2(VALID / name, tmp_path / name)
    shutil.copy2(INVALID / "not_utf8.yaml", tmp_path / "not_utf8.yaml")
    write(tmp_path, "crlf.yaml", (VALID / "minimal.yaml").read_text(encoding="utf-8").replace("QT-MIN-01", "QT-CRLF-01").replace("\n", "\r\n").encode())
    before = fingerprint(tmp_path)
    assert invoke("validate", str(tmp_path)).exit_code == 1  # not_utf8.yaml; the others are valid
    assert invoke("validate", "--format", "json", str(tmp_path)).exit_code == 1
    assert fingerprint(tmp_path) == before


# --- in-process checks ----------------------------------------------------------------------------


def test_exit_2_on_a_missing_path(tmp_path: Path) -> None:
    result = invoke("validate", str(VALID / "minimal.yaml"), str(tmp_path / "khong-co"))
    assert result.exit_code == ExitCode.USAGE == 2
    assert f"{tmp_path / 'khong-co'}:1:1: QMS001 lỗi: không tìm thấy tệp hoặc thư mục" in result.stdout


def test_exit_2_on_an_unknown_option() -> None:
    result = invoke("validate", "--bogus", str(VALID))
    assert result.exit_code == 2
    assert "--bogus" in result.stderr


def test_exit_2_on_a_folder_without_process_files(tmp_path: Path) -> None:
    write(tmp_path, "notes.txt", "x")
    result = invoke("validate", str(tmp_path))
    assert result.exit_code == 2
    assert f"không có tệp quy trình (.yaml, .yml) nào trong {tmp_path}" in result.stderr


def test_default_path_is_processes_in_the_current_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert invoke("validate").exit_code == 2  # no processes/ here
    shutil.copy2(VALID / "minimal.yaml", write(tmp_path, "processes/.keep", "").parent / "minimal.yaml")
    result = invoke("validate")
    assert result.exit_code == 0, result.stdout


def test_lang_option_and_environment_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    path = str(INVALID / "unknown_role.yaml")
    vi = invoke("validate", path).stdout
    en = invoke("--lang", "en", "validate", path).stdout
    assert "vai trò «chuyen-vein» không tồn tại" in vi and "Lỗi" in vi
    assert "role «chuyen-vein» does not exist (hint: did you mean «chuyen-vien»?)" in en and "Errors" in en
    monkeypatch.setenv("QMS_LANG", "en")
    assert "role «chuyen-vein» does not exist" in invoke("validate", path).stdout
    assert invoke("--lang", "fr", "validate", path).exit_code == 2


def test_json_output_for_valid_files_lists_the_processes() -> None:
    result = invoke("validate", str(CROSS_FILE / "calls_sibling"), "--format", "json")
    assert result.exit_code == 0
    payload = json.loads(result.stdout)
    assert payload["ok"] is True and payload["diagnostics"] == []
    assert [(p["code"], p["version"], Path(p["file"]).name) for p in payload["processes"]] == [
        ("QT-CHA-01", "1.0", "QT-CHA-01.yaml"),
        ("QT-CON-01", "1.0", "QT-CON-01.yaml"),
    ]


def test_json_output_in_english() -> None:
    result = invoke("--lang", "en", "validate", "-f", "json", str(INVALID / "unknown_field.yaml"))
    (d,) = json.loads(result.stdout)["diagnostics"]
    assert d["message"] == "field «nxt» is not part of the process format" and d["hint"] == "did you mean «next»?"


def test_rich_markup_in_messages_is_printed_literally(tmp_path: Path) -> None:
    text = (VALID / "minimal.yaml").read_text(encoding="utf-8").replace("next: phat-hanh", "next: '[bold]x'")
    result = invoke("validate", str(write(tmp_path, "[red]p.yaml", text)))
    assert result.exit_code == 1
    assert f"{tmp_path / '[red]p.yaml'}:14:11:" in result.stdout
    assert "«[bold]x»" in result.stdout
