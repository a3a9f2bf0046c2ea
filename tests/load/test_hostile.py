"""Hostile input: special files, link loops, escapes a value may not hold, and text that would steer a terminal.

Each refusal is a diagnostic at its exact place with a hint, returned in
bounded time; none of these inputs is opened, read without a bound, or
changed. (``tests/cli/test_validate.py`` runs the same cases through the
``qms`` command.)
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from conftest import VALID, position, text_at, write
from qms.diagnostics import Diagnostic, LoadCode, Location, Severity, error, visible
from qms.i18n import Message
from qms.load import discover, load_paths
from qms.load import source as source_module
from qms.load.source import SourceError, read_document

HOSTILE = Path(__file__).resolve().parent / "fixtures" / "hostile"
MINIMAL = (VALID / "minimal.yaml").read_text(encoding="utf-8")
needs_fifo = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")


def within(seconds: float, call: Callable[[], Any]) -> Any:
    """``call()``'s result, failing (instead of hanging the suite) when it takes longer than ``seconds``."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = call()
        except BaseException as exc:  # noqa: BLE001 - handed back to the test
            outcome["error"] = exc

    thread = threading.Thread(target=target, daemon=True)  # a hung read must not keep the interpreter alive
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"still running after {seconds} s: it hangs"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def refused(path: Path, **kwargs: Any) -> Diagnostic:
    def read() -> Diagnostic:
        with pytest.raises(SourceError) as caught:
            read_document(path, **kwargs)
        return caught.value.diagnostic

    return within(10, read)


def fifo(folder: Path, name: str = "pipe.yaml") -> Path:
    path = folder / name
    os.mkfifo(path)
    return path


# --- special files: never opened ------------------------------------------------------------


@needs_fifo
def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    path = fifo(tmp_path)
    d = refused(path)
    assert (d.code, d.severity, d.location) == (LoadCode.FILE, Severity.ERROR, Location(path, 1, 1))
    assert d.message.en == f"«{path}» is not a regular file but a named pipe (FIFO): not read"
    assert d.message.vi == f"«{path}» không phải tệp thông thường mà là một ống có tên (FIFO): không đọc"
    assert d.hint is not None and "«_»" in d.hint.en and "«_»" in d.hint.vi


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_dev_zero_is_refused_before_reading_anything(tmp_path: Path) -> None:
    # /dev/zero says its size is 0 and never ends: read whole, it exhausted memory (MemoryError at 3.7 GB).
    link = tmp_path / "zero.yaml"
    link.symlink_to("/dev/zero")
    d = refused(link)
    assert (d.code, position(d)) == (LoadCode.FILE, (1, 1))
    assert d.message.en == f"«{link}» is not a regular file but a character device (a link to «/dev/zero»): not read"
    assert d.hint is not None


def test_a_socket_is_refused(tmp_path: Path) -> None:
    if not hasattr(socket, "AF_UNIX"):
        pytest.skip("no Unix sockets")
    path = Path(os.path.relpath(tmp_path / "s.yaml"))  # a Unix socket path is limited to ~100 bytes
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(path))
    except OSError:
        pytest.skip("cannot bind a Unix socket here")
    try:
        assert refused(path).message.en == f"«{path}» is not a regular file but a socket: not read"
    finally:
        server.close()


def test_a_folder_is_refused_as_a_file(tmp_path: Path) -> None:
    assert refused(tmp_path).message.en == f"«{tmp_path}» is not a regular file but a folder: not read"


@pytest.mark.skipif(not Path("/proc/self/status").is_file(), reason="needs Linux /proc")
def test_the_read_is_bounded_whatever_the_size_says() -> None:
    # Files in /proc are regular but report size 0: only a bounded read can tell that they are too large.
    path = Path("/proc/self/status")
    assert path.stat().st_size == 0 and len(path.read_bytes()) > 100
    d = refused(path, max_bytes=100)
    assert (d.code, position(d)) == (LoadCode.FILE, (1, 1))
    assert d.message.en == "file too large (more than 100 bytes)"
    assert d.message.vi == "tệp quá lớn (hơn 100 byte)"
    assert d.hint is not None and "sub-processes" in d.hint.en


def test_a_link_to_a_regular_file_is_read(tmp_path: Path) -> None:
    target = write(tmp_path, "real/minimal.yaml", MINIMAL)
    link = tmp_path / "link.yaml"
    link.symlink_to(target)
    assert read_document(link).data["code"] == "QT-MIN-01"


def test_a_symbolic_link_loop_is_refused_with_a_hint(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    d = refused(tmp_path / "a.yaml")
    assert (d.code, position(d)) == (LoadCode.FILE, (1, 1))
    assert d.message.en == f"«{tmp_path / 'a.yaml'}» is a symbolic link loop: through other links it leads back to itself"
    assert d.hint is not None and "ls -l" in d.hint.vi


def test_a_link_to_nothing_names_its_target(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").symlink_to("gone.yaml")
    d = refused(tmp_path / "a.yaml")
    assert d.message.en == f"«{tmp_path / 'a.yaml'}» is a symbolic link to «gone.yaml», which does not exist"
    assert d.hint is not None


# --- discovery ------------------------------------------------------------------------------


def hostile_folder(tmp_path: Path) -> Path:
    """A folder with one valid process and every kind of file that must not be read or followed."""
    write(tmp_path, "minimal.yaml", MINIMAL)
    if hasattr(os, "mkfifo"):
        fifo(tmp_path)
    if Path("/dev/zero").exists():
        (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    (tmp_path / "a.yaml").symlink_to("b.yaml")
    (tmp_path / "b.yaml").symlink_to("a.yaml")
    (tmp_path / "c").symlink_to("c")  # a loop without a process file suffix: perhaps meant as a folder
    (tmp_path / "dangling.yaml").symlink_to("nowhere.yaml")
    (tmp_path / "notes").symlink_to("nowhere")  # not a process file: ignored
    write(tmp_path, "sub/deeper/x.txt", "")
    (tmp_path / "sub" / "deeper" / "up").symlink_to("../..")  # the folder being read, two levels up
    (tmp_path / "self").symlink_to(".")
    (tmp_path / "parent").symlink_to("..")
    return tmp_path


def test_discovery_reports_every_file_it_cannot_read_and_ends(tmp_path: Path) -> None:
    folder = hostile_folder(tmp_path)
    files, problems = within(10, lambda: discover([folder]))
    assert files == [folder / "minimal.yaml"]
    found = {(d.location.path.relative_to(folder).as_posix(), d.code, d.severity.value, position(d)) for d in problems}
    expected = {
        ("a.yaml", "QMS001", "error", (1, 1)),
        ("b.yaml", "QMS001", "error", (1, 1)),
        ("c", "QMS001", "warning", (1, 1)),
        ("dangling.yaml", "QMS001", "error", (1, 1)),
        ("sub/deeper/up", "QMS001", "warning", (1, 1)),
        ("self", "QMS001", "warning", (1, 1)),
        ("parent", "QMS001", "warning", (1, 1)),
    }
    if hasattr(os, "mkfifo"):
        expected.add(("pipe.yaml", "QMS001", "error", (1, 1)))
    if Path("/dev/zero").exists():
        expected.add(("zero.yaml", "QMS001", "error", (1, 1)))
    assert found == expected
    assert all(d.hint is not None and not d.data.get("usage") for d in problems)
    loop = next(d for d in problems if d.location.path.name == "self")
    assert loop.message.en == f"«{folder / 'self'}» is a link to its own folder or a parent folder: following it would loop for ever, so it is not read"


def test_load_paths_keeps_the_valid_process_beside_the_special_files(tmp_path: Path) -> None:
    result = within(20, lambda: load_paths([hostile_folder(tmp_path)]))
    assert [p.code for p in result.processes] == ["QT-MIN-01"]
    assert not result.ok  # the loop and the special files are errors


@needs_fifo
def test_a_file_named_on_its_own_beside_a_named_pipe_is_loaded(tmp_path: Path) -> None:
    # The other files of its folder are read for the process codes they declare: a pipe among them hung for ever.
    write(tmp_path, "minimal.yaml", MINIMAL)
    fifo(tmp_path)
    if Path("/dev/zero").exists():
        (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    result = within(10, lambda: load_paths([tmp_path / "minimal.yaml"]))
    assert result.ok and [p.code for p in result.processes] == ["QT-MIN-01"]


@needs_fifo
def test_a_special_file_or_loop_named_on_the_command_line_is_a_usage_problem(tmp_path: Path) -> None:
    pipe = fifo(tmp_path)
    (tmp_path / "a.yaml").symlink_to("a.yaml")
    files, problems = within(10, lambda: discover([pipe, tmp_path / "a.yaml"]))
    assert files == []
    assert [(d.location.path.name, d.code, d.data) for d in problems] == [("pipe.yaml", "QMS001", {"usage": True}), ("a.yaml", "QMS001", {"usage": True})]
    assert "named pipe" in problems[0].message.en and "symbolic link loop" in problems[1].message.en


def test_folder_links_are_not_followed_so_a_cycle_of_them_ends(tmp_path: Path) -> None:
    # a/to-b -> ../b and b/to-a -> ../a: following links would go round for ever.
    write(tmp_path, "a/one.yaml", MINIMAL)
    write(tmp_path, "b/two.yaml", MINIMAL.replace("QT-MIN-01", "QT-MIN-02"))
    (tmp_path / "a" / "to-b").symlink_to("../b")
    (tmp_path / "b" / "to-a").symlink_to("../a")
    files, problems = within(10, lambda: discover([tmp_path]))
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["a/one.yaml", "b/two.yaml"]
    assert problems == []  # neither link leads back to a folder that contains it


# --- escapes a value may not hold ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "line", "column", "escape", "code"),
    [
        ("control_escape.yaml", 12, 24, "\\x01", "U+0001"),
        ("control_escape_key.yaml", 9, 8, "\\e", "U+001B"),
    ],
)
def test_control_character_escape_fixture_is_refused_at_the_escape(name: str, line: int, column: int, escape: str, code: str) -> None:
    path = HOSTILE / name
    d = refused(path)
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (line, column))
    assert text_at(path, line, column).startswith(escape)
    assert d.message.en == (
        f"the escape «{escape}» makes the control character {code}, which is not allowed in a process file: "
        "flowcharts, BPMN (XML) and the handbook cannot show it"
    )
    assert d.message.vi.startswith(f"chuỗi thoát «{escape}» tạo ra ký tự điều khiển {code}, không được phép")
    assert d.hint is not None and "\\n" in d.hint.en and "\\t" in d.hint.vi
    assert d.data == {"character": code}


@pytest.mark.parametrize(
    "escape",
    ["\\0", "\\a", "\\b", "\\v", "\\f", "\\e", "\\x01", "\\x1f", "\\x7f", "\\x80", "\\x9b", "\\x9f", "\\N", "\\u0085", "\\uFFFE", "\\uffff", "\\U0000FFFE"],
)
def test_escapes_making_a_character_the_file_could_not_hold_are_refused(tmp_path: Path, escape: str) -> None:
    d = refused(write(tmp_path, "f.yaml", f'a: b\nname: "Tiếp {escape} nhận"\n'))
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (2, 13))
    assert f"«{escape}»" in d.message.en and d.hint is not None


@pytest.mark.parametrize(
    ("escape", "value"),
    [("\\t", "\t"), ("\\n", "\n"), ("\\r", "\r"), ("\\x20", " "), ("\\xa0", "\xa0"), ("\\u1ec7", "ệ"), ("\\U0001F4C4", "\U0001f4c4"), ("\\L", "\u2028"), ("\\\\x01", "\\x01"), ('\\"', '"')],
)
def test_escapes_of_ordinary_characters_are_kept(tmp_path: Path, escape: str, value: str) -> None:
    assert read_document(write(tmp_path, "f.yaml", f'name: "a{escape}b"\n')).data == {"name": f"a{value}b"}


def test_only_double_quotes_have_escapes(tmp_path: Path) -> None:
    assert read_document(write(tmp_path, "f.yaml", "a: '\\x01'\nb: \\e\nc: |\n  \\0\n")).data == {"a": "\\x01", "b": "\\e", "c": "\\0\n"}


def test_escape_position_after_folded_lines_and_crlf(tmp_path: Path) -> None:
    text = 'a: b\r\nname: "một dòng\r\n  hai \\x85 ba"\r\n'
    d = refused(write(tmp_path, "f.yaml", text.encode("utf-8")))
    assert position(d) == (3, 7)
    assert "U+0085" in d.message.en


@pytest.mark.parametrize(
    ("name", "escape", "hint"),
    [
        ("lone_surrogate.yaml", "\\ud800", "write the character itself, or a \\U escape with its 8-digit code point (e.g. \\U000020AB for ₫)"),
        ("surrogate_pair.yaml", "\\ud83d", "write the character «📄» itself, or the one escape \\U0001F4C4 instead of the pair «\\ud83d\\udcc4»"),
    ],
)
def test_a_surrogate_escape_is_explained(name: str, escape: str, hint: str) -> None:
    path = HOSTILE / name
    d = refused(path)
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (3, 27))
    assert text_at(path, 3, 27).startswith(escape)
    assert d.message.en == f"the escape «{escape}» names half of a UTF-16 surrogate pair, not a character"
    assert d.message.vi == f"chuỗi thoát «{escape}» là một nửa của cặp thay thế UTF-16 (surrogate), không phải một ký tự"
    assert d.hint is not None and d.hint.en == hint and "\\U" in d.hint.vi


def test_an_escape_beyond_unicode_is_explained(tmp_path: Path) -> None:
    d = refused(write(tmp_path, "f.yaml", 'a: "x\\U00110000"\n'))
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (1, 6))
    assert d.message.en == "the escape «\\U00110000» is beyond U+10FFFF, the largest Unicode code point: not a character"
    assert d.hint is not None


def test_the_pure_python_parser_gets_the_same_refusal(monkeypatch: pytest.MonkeyPatch) -> None:
    # Without libyaml, PyYAML's own scanner accepts "\ud800": the check on double-quoted scalars refuses it.
    monkeypatch.setattr(source_module, "_Loader", yaml.SafeLoader)
    d = refused(HOSTILE / "lone_surrogate.yaml")
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (3, 27))
    assert d.message.en == "the escape «\\ud800» names half of a UTF-16 surrogate pair, not a character"
    assert refused(HOSTILE / "control_escape.yaml").location.line == 12


# --- numbers too large to be meant ----------------------------------------------------------------


def test_huge_numbers_are_validation_errors_at_their_place() -> None:
    path = HOSTILE / "huge_numbers.yaml"
    result = load_paths([path])
    found = [(position(d), d.code, d.data.get("type")) for d in result.diagnostics]
    assert found == [
        ((10, 51), "QMS010", "qms_retention_too_large"),
        ((12, 56), "QMS010", "qms_target_too_large"),
        ((18, 15), "QMS010", "qms_duration_too_large"),
        ((24, 15), "QMS010", "qms_duration"),
    ]
    assert text_at(path, 10, 51).startswith("99999") and text_at(path, 24, 15) == "1e400 giờ"
    assert all(d.hint is not None for d in result.diagnostics)
    retention = result.diagnostics[0]
    assert retention.message.en == "«9999999999999999999999999999999999999999…99999999 năm» is longer than 100 years: the number is probably mistyped"
    assert "vĩnh viễn" in retention.hint.vi  # type: ignore[union-attr]
    assert max(len(d.render()) for d in result.diagnostics) < 400  # 5,000 digits are not echoed whole


# --- text that would steer a terminal --------------------------------------------------------------


def test_render_shows_control_characters_of_echoed_text() -> None:
    d = error(
        LoadCode.SCHEMA,
        Location(Path("a\x1b[31m.yaml"), 2, 3),
        Message("giá trị «x\x1b[2Jy\nz» sai", "value «x\x1b[2Jy\nz» is wrong"),
        Message("bỏ \x9b và \u202e", "remove \x9b and \u202e"),
    )
    rendered = d.render("en")
    assert rendered == "a\\x1b[31m.yaml:2:3: QMS010 error: value «x\\x1b[2Jy\\nz» is wrong (hint: remove \\x9b and \\u202e)"
    assert "\x1b" not in d.render("vi") and "\n" not in d.render("vi")
    assert d.to_dict("en")["message"] == "value «x\x1b[2Jy\nz» is wrong"  # JSON keeps the real text
    assert d.to_dict("en")["file"] == "a\x1b[31m.yaml"


def test_visible_keeps_what_it_is_told_to_and_leaves_ordinary_text_alone() -> None:
    text = "Tiếp nhận hồ sơ — «BM-01» ₫ 📄\u2060"
    assert visible(text) is text
    assert visible("a\nb\tc\rd\x00e", keep="\n\t") == "a\nb\tc\\rd\\x00e"
    assert visible("\ud800") == "\\ud800"
