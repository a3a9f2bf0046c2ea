"""``qms validate``: every kind of mistake is reported at file:line:col with exit 1 and no traceback.

Commands that check what a user sees (messages, exit codes, no traceback) run
``python -m qms`` in a fresh interpreter. Starting one takes about half a
second, so they are started together once per module (``runs``) and the tests
read their results; the remaining checks use Typer's in-process runner.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from conftest import CROSS_FILE, FIXTURES, INVALID, ROOT, VALID, assert_no_traceback, qms_env, run_qms_many, write
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
    "alias_names_two_steps.yaml": (25, 22, "QMS021", "nhãn «xu ly  HO SO» của bước «tra» cũng chỉ bước «tham-dinh»"),
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
    "unknown_after_supplement.yaml": (8, 27, "QMS010", "giá trị «restarts» không hợp lệ"),
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


# --- hostile input: through the command, in bounded time ------------------------------------------
#
# Special files, link loops, escapes a value may not hold, huge numbers, nothing to check, names that
# would steer a terminal, a legacy console encoding. Every command runs in its own interpreter, all at
# once, and is killed if it has not finished within HOSTILE_TIMEOUT: a hang fails the test, not the suite.

HOSTILE = ROOT / "tests" / "load" / "fixtures" / "hostile"
HOSTILE_TIMEOUT = 120  # seconds for all of them together on a busy machine; a hang never ends
MINIMAL = (VALID / "minimal.yaml").read_text(encoding="utf-8")
ESC_NAME = "x\x1b[31my.yaml"


def special_folder(folder: Path) -> Path:
    """One valid process beside a named pipe, a link to /dev/zero, a link loop and links to its own folders."""
    write(folder, "minimal.yaml", MINIMAL)
    os.mkfifo(folder / "pipe.yaml")
    (folder / "zero.yaml").symlink_to("/dev/zero")
    (folder / "a.yaml").symlink_to("b.yaml")
    (folder / "b.yaml").symlink_to("a.yaml")
    (folder / "self").symlink_to(".")
    (folder / "up").symlink_to("..")
    return folder


def snapshot(*folders: Path) -> dict[str, object]:
    """Content of every regular file and the kind of every other entry, without opening anything else."""
    seen: dict[str, object] = {}
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            info = path.lstat()
            if stat.S_ISREG(info.st_mode):
                seen[str(path)] = (hashlib.sha256(path.read_bytes()).hexdigest(), info.st_mtime_ns)
            else:
                seen[str(path)] = (stat.S_IFMT(info.st_mode), os.readlink(path) if path.is_symlink() else None)
    return seen


def start_all(commands: dict[str, tuple[list[str], dict[str, str] | None]]) -> dict[str, subprocess.CompletedProcess[bytes]]:
    """Run ``python -m qms ARGS`` for each command at once; output kept as bytes (its encoding is under test)."""
    procs = {
        name: subprocess.Popen([sys.executable, "-m", "qms", *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=env or qms_env())
        for name, (args, env) in commands.items()
    }
    deadline = time.monotonic() + HOSTILE_TIMEOUT
    results: dict[str, subprocess.CompletedProcess[bytes]] = {}
    for name, proc in procs.items():
        try:
            out, err_ = proc.communicate(timeout=max(1.0, deadline - time.monotonic()))
            results[name] = subprocess.CompletedProcess(commands[name][0], proc.returncode, out, err_)
        except subprocess.TimeoutExpired:
            proc.kill()
            out, err_ = proc.communicate()
            results[name] = subprocess.CompletedProcess(commands[name][0], None, out, err_)  # type: ignore[arg-type]
    return results


def legacy_console() -> dict[str, str]:
    env = qms_env()
    env["PYTHONIOENCODING"] = "cp1258"  # Windows' Vietnamese code page: "ệ", "ấ"... (NFC) are not in it
    return env


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not hasattr(os, "mkfifo") or not Path("/dev/zero").exists():
        pytest.skip("needs named pipes and /dev/zero (POSIX)")
    special = special_folder(tmp_path_factory.mktemp("special"))
    empty = tmp_path_factory.mktemp("empty")
    write(empty, "notes.txt", "x")
    named = tmp_path_factory.mktemp("names")
    write(named, ESC_NAME, MINIMAL.replace("next: phat-hanh", "nxt: phat-hanh"))
    commands: dict[str, tuple[list[str], dict[str, str] | None]] = {
        "fifo folder": (["validate", str(special)], None),
        "fifo beside": (["validate", str(special / "minimal.yaml")], None),
        "fifo named": (["validate", str(special / "pipe.yaml")], None),
        "zero named": (["validate", str(special / "zero.yaml")], None),
        "loop named": (["validate", str(special / "a.yaml")], None),
        "check fifo beside": (["check", str(special / "minimal.yaml")], None),
        "check fifo folder": (["check", "--format", "json", str(special)], None),
        "escapes": (["--lang", "en", "validate", rel(HOSTILE)], None),
        "escapes json": (["validate", "-f", "json", rel(HOSTILE)], None),
        "empty json": (["validate", "-f", "json", str(empty)], None),
        "empty human": (["validate", str(empty)], None),
        "terminal escapes": (["validate", str(named), str(named / "nope\x1b[2J.yaml")], None),
        "terminal escapes json": (["validate", "-f", "json", str(named)], None),
        "cp1258 human": (["validate", rel(INVALID)], legacy_console()),
        "cp1258 json": (["validate", "-f", "json", rel(INVALID)], legacy_console()),
        "cp1258 check json": (["check", "--format", "json", rel(VALID)], legacy_console()),
    }
    before = snapshot(special, empty, named, HOSTILE)
    results: dict[str, Any] = dict(start_all(commands))
    results["before and after"] = (before, snapshot(special, empty, named, HOSTILE))
    results["special"], results["named"] = special, named
    return results


def finished(result: subprocess.CompletedProcess[bytes]) -> tuple[str, str]:
    """stdout and stderr of a command that ended in time, printed no traceback and is decodable as UTF-8."""
    assert result.returncode is not None, f"{result.args} did not finish within {HOSTILE_TIMEOUT} s"
    out, err_ = result.stdout.decode("utf-8"), result.stderr.decode("utf-8")  # strict: raises on anything else
    assert_no_traceback(subprocess.CompletedProcess(result.args, result.returncode, out, err_))
    assert result.returncode != ExitCode.INTERNAL, out + err_
    return out, err_


def test_hostile_runs_left_every_file_pipe_and_link_unchanged(hostile: dict[str, Any]) -> None:
    before, after = hostile["before and after"]
    assert before == after and any(kind == stat.S_IFIFO for kind, _ in (v for v in before.values() if isinstance(v[0], int)))


def test_special_files_in_a_folder_are_reported_not_opened(hostile: dict[str, Any]) -> None:
    out, _ = finished(hostile["fifo folder"])
    assert hostile["fifo folder"].returncode == ExitCode.FINDINGS
    folder = hostile["special"]
    lines = {line.split(":", 1)[0]: line for line in out.splitlines() if line.startswith(str(folder))}
    assert lines[f"{folder}/pipe.yaml"].startswith(
        f"{folder}/pipe.yaml:1:1: QMS001 lỗi: «{folder}/pipe.yaml» không phải tệp thông thường mà là một ống có tên (FIFO): không đọc (gợi ý: "
    )
    assert lines[f"{folder}/zero.yaml"].startswith(f"{folder}/zero.yaml:1:1: QMS001 lỗi: «{folder}/zero.yaml» không phải tệp thông thường mà là một thiết bị ký tự (liên kết tới «/dev/zero»)")
    for loop in ("a.yaml", "b.yaml"):
        assert lines[f"{folder}/{loop}"].startswith(f"{folder}/{loop}:1:1: QMS001 lỗi: «{folder}/{loop}» là liên kết tượng trưng lặp vòng")
        assert "(gợi ý: " in lines[f"{folder}/{loop}"]
    for link in ("self", "up"):
        assert lines[f"{folder}/{link}"].startswith(f"{folder}/{link}:1:1: QMS001 cảnh báo: «{folder}/{link}» là liên kết tới chính thư mục chứa nó hoặc một thư mục cha")
    assert "Có 4 lỗi cần sửa trong 4 tệp." in out


def test_a_file_beside_special_files_is_checked_in_bounded_time(hostile: dict[str, Any]) -> None:
    out, _ = finished(hostile["fifo beside"])  # its folder's other files are read for their codes: the pipe hung
    assert hostile["fifo beside"].returncode == ExitCode.OK, out
    out, _ = finished(hostile["check fifo beside"])
    assert hostile["check fifo beside"].returncode in (ExitCode.OK, ExitCode.FINDINGS)
    out, _ = finished(hostile["check fifo folder"])
    assert hostile["check fifo folder"].returncode == ExitCode.FINDINGS
    load_errors = json.loads(out)["load_errors"]
    assert {Path(d["file"]).name for d in load_errors if d["code"] == "QMS001"} >= {"pipe.yaml", "zero.yaml", "a.yaml", "b.yaml"}


@pytest.mark.parametrize(("kind", "message"), [("fifo named", "một ống có tên (FIFO)"), ("zero named", "một thiết bị ký tự"), ("loop named", "liên kết tượng trưng lặp vòng")])
def test_a_special_file_named_on_the_command_line_exits_2(hostile: dict[str, Any], kind: str, message: str) -> None:
    out, _ = finished(hostile[kind])
    assert hostile[kind].returncode == ExitCode.USAGE
    first = out.splitlines()[0]
    assert ":1:1: QMS001 lỗi: «" in first and message in first and "(gợi ý: " in first


def test_escapes_and_huge_numbers_are_reported_at_their_place(hostile: dict[str, Any]) -> None:
    out, _ = finished(hostile["escapes"])
    assert hostile["escapes"].returncode == ExitCode.FINDINGS
    expected = {
        "control_escape.yaml": [":12:24: QMS003 error: the escape «\\x01» makes the control character U+0001"],
        "control_escape_key.yaml": [":9:8: QMS003 error: the escape «\\e» makes the control character U+001B"],
        "lone_surrogate.yaml": [":3:27: QMS003 error: the escape «\\ud800» names half of a UTF-16 surrogate pair, not a character (hint: "],
        "surrogate_pair.yaml": [":3:27: QMS003 error: the escape «\\ud83d» names half of a UTF-16 surrogate pair, not a character (hint: write the character «📄»"],
        "huge_numbers.yaml": [
            ":10:51: QMS010 error: «9999999999999999999999999999999999999999…99999999 năm» is longer than 100 years",
            ":12:56: QMS010 error: «>= 9999999999999999999999999999999999999…999999999999»: the number is too large (hint: ",
            ":18:15: QMS010 error: «9999999999999999999999999999999999999999…99999999 giờ» is longer than 100 years",
            ":24:15: QMS010 error: «1e400 giờ» is not a valid duration (hint: ",
        ],
    }
    assert {p.name for p in HOSTILE.glob("*.yaml")} == set(expected), "every hostile fixture is checked"
    for name, starts in expected.items():
        mine = [line for line in out.splitlines() if line.startswith(f"{rel(HOSTILE / name)}:")]
        assert len(mine) == len(starts), (name, mine)
        for line, start in zip(mine, starts, strict=True):
            assert line.startswith(f"{rel(HOSTILE / name)}{start}"), line
            assert "(hint: " in line
    payload = json.loads(finished(hostile["escapes json"])[0])
    assert payload["ok"] is False and hostile["escapes json"].returncode == ExitCode.FINDINGS
    assert len(payload["diagnostics"]) == 8


def test_nothing_to_check_is_not_ok_in_json_and_said_in_words(hostile: dict[str, Any]) -> None:
    out, _ = finished(hostile["empty json"])
    assert hostile["empty json"].returncode == ExitCode.USAGE
    payload = json.loads(out)
    assert payload["ok"] is False and payload["files"] == []
    (d,) = payload["diagnostics"]
    assert (d["code"], d["severity"], d["line"], d["column"], d["data"]) == ("QMS001", "error", 1, 1, {"usage": True})
    assert d["message"].startswith("không có tệp quy trình (.yaml, .yml) nào trong ") and "không có gì được kiểm tra" in d["hint"]
    out, err_ = finished(hostile["empty human"])
    assert hostile["empty human"].returncode == ExitCode.USAGE
    assert ":1:1: QMS001 lỗi: không có tệp quy trình (.yaml, .yml) nào trong " in err_ and "(gợi ý: không có gì được kiểm tra" in err_
    assert "Tất cả" not in out and "0 quy trình" not in out  # no summary table of zeros that reads as success


def test_names_that_would_steer_a_terminal_are_shown_escaped(hostile: dict[str, Any]) -> None:
    out, err_ = finished(hostile["terminal escapes"])
    assert hostile["terminal escapes"].returncode == ExitCode.USAGE  # the second path does not exist
    assert "\x1b" not in out + err_
    folder = hostile["named"]
    assert f"{folder}/x\\x1b[31my.yaml:14:5: QMS010 lỗi: trường «nxt» không có trong định dạng quy trình" in out
    assert f"«{folder}/nope\\x1b[2J.yaml»" in out
    payload = json.loads(finished(hostile["terminal escapes json"])[0])
    assert [Path(d["file"]).name for d in payload["diagnostics"]] == [ESC_NAME]  # JSON keeps the real name


def test_a_legacy_console_encoding_gets_utf8_output_not_an_internal_error(hostile: dict[str, Any]) -> None:
    out, _ = finished(hostile["cp1258 human"])
    assert hostile["cp1258 human"].returncode == ExitCode.FINDINGS
    assert "QMS020 lỗi: bước «tham-dihn» không tồn tại" in out
    out, _ = finished(hostile["cp1258 json"])
    assert hostile["cp1258 json"].returncode == ExitCode.FINDINGS
    assert json.loads(out)["ok"] is False and any("không tồn tại" in d["message"] for d in json.loads(out)["diagnostics"])
    out, _ = finished(hostile["cp1258 check json"])
    assert hostile["cp1258 check json"].returncode in (ExitCode.OK, ExitCode.FINDINGS)
    assert isinstance(json.loads(out), dict)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_a_legacy_encoding_terminal_shows_question_marks_not_an_internal_error() -> None:
    main, terminal = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qms", "validate", rel(INVALID / "unknown_role.yaml")],
            stdin=subprocess.DEVNULL, stdout=terminal, stderr=terminal, cwd=ROOT, env=legacy_console(),
        )
        os.close(terminal)
        chunks = []
        while True:
            try:
                chunk = os.read(main, 65536)
            except OSError:  # EIO: the terminal's other end is closed
                break
            if not chunk:
                break
            chunks.append(chunk)
        returncode = proc.wait(timeout=60)
    finally:
        os.close(main)
    shown = b"".join(chunks).decode("cp1258")
    assert returncode == ExitCode.FINDINGS, shown
    assert "Traceback" not in shown and "UnicodeEncodeError" not in shown
    plain = re.sub(r"\x1b\[[0-9;]*m", "", shown)  # Rich's own styles (bold) on a terminal
    assert "unknown_role.yaml:12:50: QMS020 l?i: vai tr" in plain and "«chuyen-vein» không t?n t?i" in plain  # "?": not in cp1258
