"""Read a YAML file into plain Python values plus a map of where each came from.

Why not ``yaml.safe_load``: it forgets line numbers, keeps the last of two
duplicate keys silently, turns ``version: 1.10`` into the float ``1.1`` and
``2025-07-01`` into a date, and expands alias bombs until memory runs out.
Why not ``yaml.compose`` with the C loader: its recursive composer crashes
the interpreter (segmentation fault) on deeply nested input such as
``[[[[...``. Why not ruamel.yaml: its round-trip loader keeps positions but
is several times slower than libyaml, and loading speed matters for large
process catalogues (see ``benchmarks/``).

So we iterate libyaml's C event stream (``yaml.parse`` with ``CSafeLoader``)
and build the values ourselves, which lets us:

* keep every scalar as the text the author wrote (``null``/``~``/empty
  become ``None``); pydantic then converts per field, so ``1.10`` stays
  ``"1.10"`` in a text field and ``"3"`` becomes ``3`` in a number field;
* record the line and column of every key and value (:class:`SourceMap`);
* refuse duplicate keys (also when they differ only by NFC/NFD form);
* stop at a nesting depth limit before any recursion happens;
* count the nodes that aliases expand to and refuse alias bombs;
* normalise all text to Unicode NFC, since Vietnamese typed on macOS or
  pasted from PDFs often arrives decomposed (NFD) and must compare equal;
* refuse double-quoted escapes that make characters the file itself could
  not hold ("\\x01", "\\e", "\\uFFFE", a lone surrogate "\\ud800"), at the escape.

Only regular files are read, and at most ``MAX_FILE_BYTES`` of them: a named
pipe or a device (``/dev/zero`` through a link) is refused without opening it.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from qms.diagnostics import Diagnostic, LoadCode, Location, error
from qms.i18n import CATALOGUE, Message, msg

try:  # libyaml is present in PyPI wheels of PyYAML; the pure loader is a slow fallback
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the platform's wheel
    _Loader = yaml.SafeLoader

MAX_FILE_BYTES = 8 * 1024 * 1024
MAX_DEPTH = 64
NULLS = frozenset({"", "~", "null", "Null", "NULL"})
# Tags an author may write without changing meaning; any other is refused.
ALLOWED_TAGS = frozenset({"tag:yaml.org,2002:str", "!"})

Path_ = tuple[str | int, ...]


@dataclass
class SourceMap:
    """Where each value of a loaded document was written.

    Paths are tuples of mapping keys and list indexes, as pydantic reports
    them in ``ValidationError.errors()[i]["loc"]``.
    """

    path: Path
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)

    def value(self, loc: Path_) -> Location:
        """Location of the value at ``loc``, or of its nearest written ancestor."""
        return self._lookup(self.values, loc)

    def key(self, loc: Path_) -> Location:
        """Location of the key that introduces ``loc`` (falls back to its value)."""
        if loc in self.keys:
            return self._at(self.keys[loc])
        return self.value(loc)

    def _lookup(self, table: dict[Path_, tuple[int, int]], loc: Path_) -> Location:
        loc = tuple(loc)
        while loc:
            if loc in table:
                return self._at(table[loc])
            loc = loc[:-1]
        return self._at(table.get((), (1, 1)))

    def _at(self, pos: tuple[int, int]) -> Location:
        return Location(self.path, pos[0], pos[1])


@dataclass
class Document:
    data: Any
    source: SourceMap


class SourceError(Exception):
    """The file cannot be turned into values; carries one diagnostic."""

    def __init__(self, diagnostic: Diagnostic):
        super().__init__(diagnostic.render())
        self.diagnostic = diagnostic


def read_document(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read ``path`` and return its values with their positions.

    Raises :class:`SourceError` for every problem, never another exception.
    """
    path = Path(path)
    return parse_document(decode(read_bytes(path, max_bytes), path), path)


def read_bytes(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The content of ``path``, which must be a regular file (or a link to one) of at most ``max_bytes``.

    A named pipe would block the read until something writes to it (for
    ever, in CI), and a device such as ``/dev/zero`` reports size 0 but never
    ends: so the target's type is checked before opening, the file is opened
    without blocking and checked again (it may have been swapped meanwhile),
    and at most ``max_bytes + 1`` bytes are read whatever the size says.
    """
    try:
        info = os.stat(path)  # follows symbolic links: it is the target that is read
    except OSError as exc:
        raise SourceError(unreachable(path, exc)) from None
    if not stat.S_ISREG(info.st_mode):
        raise SourceError(not_regular(path, info.st_mode))
    if info.st_size > max_bytes:
        raise SourceError(
            error(LoadCode.FILE, Location(path), msg("file.too_large", size=info.st_size, limit=max_bytes), msg("file.too_large.hint"))
        )
    try:
        fd = os.open(path, os.O_RDONLY | _OPEN_FLAGS)
    except OSError as exc:
        raise SourceError(unreachable(path, exc)) from None
    try:
        with os.fdopen(fd, "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if not stat.S_ISREG(mode):
                raise SourceError(not_regular(path, mode))
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        raise SourceError(error(LoadCode.FILE, Location(path), msg("file.unreadable", error=exc.strerror or exc))) from None
    if len(raw) > max_bytes:  # it grew after the size was read
        raise SourceError(
            error(
                LoadCode.FILE,
                Location(path),
                Message(f"tệp quá lớn (hơn {max_bytes} byte)", f"file too large (more than {max_bytes} bytes)"),
                msg("file.too_large.hint"),
            )
        )
    return raw


# O_NONBLOCK: opening a named pipe must not wait for a writer (the type check before opening can be raced).
_OPEN_FLAGS = getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)

_KINDS: list[tuple[Any, Message]] = [
    (stat.S_ISDIR, Message("một thư mục", "a folder")),
    (stat.S_ISFIFO, Message("một ống có tên (FIFO)", "a named pipe (FIFO)")),
    (stat.S_ISCHR, Message("một thiết bị ký tự", "a character device")),
    (stat.S_ISBLK, Message("một thiết bị khối", "a block device")),
    (stat.S_ISSOCK, Message("một socket", "a socket")),
]


def not_regular(path: Path, mode: int) -> Diagnostic:
    """QMS001 for a path whose target is not a regular file: never opened, since reading it could block or never end."""
    kind = next((name for test, name in _KINDS if test(mode)), Message("một tệp đặc biệt", "a special file"))
    via = _link_target(path)
    vi_via, en_via = (f" (liên kết tới «{via}»)", f" (a link to «{via}»)") if via else ("", "")
    return error(
        LoadCode.FILE,
        Location(path),
        Message(
            f"«{path}» không phải tệp thông thường mà là {kind.vi}{vi_via}: không đọc",
            f"«{path}» is not a regular file but {kind.en}{en_via}: not read",
        ),
        Message(
            "chỉ đọc tệp .yaml/.yml thông thường; hãy xoá nó, hoặc đổi tên bắt đầu bằng «_» để được bỏ qua",
            "only regular .yaml/.yml files are read; remove it, or rename it to start with «_» to have it skipped",
        ),
    )


def unreachable(path: Path, exc: OSError) -> Diagnostic:
    """QMS001 for a path that cannot be looked at: a symbolic link loop, a link to nothing, or the system's reason."""
    if exc.errno == errno.ELOOP:
        return error(
            LoadCode.FILE,
            Location(path),
            Message(
                f"«{path}» là liên kết tượng trưng lặp vòng: qua các liên kết, nó trỏ về chính nó",
                f"«{path}» is a symbolic link loop: through other links it leads back to itself",
            ),
            Message(
                "xoá liên kết, hoặc cho nó trỏ tới một tệp hay thư mục có thật («ls -l» cho biết nó trỏ đi đâu)",
                "remove the link or point it at a real file or folder («ls -l» shows where it points)",
            ),
        )
    target = _link_target(path)
    if exc.errno == errno.ENOENT and target is not None:
        return error(
            LoadCode.FILE,
            Location(path),
            Message(f"«{path}» là liên kết tượng trưng tới «{target}», nơi không tồn tại", f"«{path}» is a symbolic link to «{target}», which does not exist"),
            Message("sửa hoặc xoá liên kết", "fix or remove the link"),
        )
    return error(LoadCode.FILE, Location(path), msg("file.unreadable", error=exc.strerror or exc))


def _link_target(path: Path) -> str | None:
    try:
        return os.readlink(path)
    except (OSError, ValueError):
        return None


def decode(raw: bytes, path: Path) -> str:
    """Decode bytes as UTF-8 (a BOM is accepted), pointing at the first bad byte."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:  # Windows editors sometimes save "Unicode" as UTF-16 with a BOM.
            return raw.decode("utf-16")
        except UnicodeDecodeError:
            pass
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise SourceError(error(LoadCode.FILE, Location(path, line, 1), msg("file.binary")))
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode("utf-8", errors="replace")) + 1
        raise SourceError(
            error(
                LoadCode.ENCODING,
                Location(path, line, column),
                msg("file.encoding", byte=f"{raw[exc.start]:02X}"),
                msg("file.encoding.hint"),
            )
        ) from None


def nfc(text: str) -> str:
    # is_normalized is a fast C check; most text is already NFC.
    return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)


# What a value may contain: the characters YAML allows in the file itself (libyaml refuses the others there),
# less NEL (U+0085), which YAML reads as a line break when written as is. Only double-quoted scalars can hold
# anything else, through escapes ("\0", "\x01", "\e", "\x9b", "\N", "\uFFFE"): such characters break the DOT
# of flowcharts, BPMN's XML and the handbook later, so they are refused here, where the place is known.
_FORBIDDEN = re.compile(r"[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPE = re.compile(r"\\(x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)", re.S)
_SIMPLE_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "v": "\v", "f": "\f", "e": "\x1b", "N": "\x85"}
# Line breaks as libyaml counts lines.
_BREAK = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
_LOW_SURROGATE = re.compile(r"\\u[dD][c-fC-F][0-9A-Fa-f]{2}")
# libyaml's problem for "\ud800" (half of a UTF-16 surrogate pair) and "\U00110000" (beyond Unicode).
LIBYAML_ESCAPE_PROBLEM = "found invalid Unicode character escape code"


def _escaped(body: str) -> str:
    """The character an escape (without its backslash) stands for; "" for those that cannot be forbidden."""
    if body[0] in "xuU" and len(body) > 1:
        code = int(body[1:], 16)
        return chr(code) if code <= 0x10FFFF else ""
    return _SIMPLE_ESCAPES.get(body, "")


def _bad_escape(text: str, path: Path, event: Any) -> Diagnostic:
    """QMS003 at the escape of a double-quoted scalar that makes a character a value may not hold."""
    start, end = event.start_mark, event.end_mark
    span = text[start.index : end.index]
    char = _FORBIDDEN.search(event.value).group()  # type: ignore[union-attr]
    written, offset = None, 0
    if span.startswith('"'):
        for match in _ESCAPE.finditer(span):
            made = _escaped(match.group(1))
            if made and _FORBIDDEN.match(made):
                written, offset, char = match.group(), match.start(), made
                break
    before = span[:offset]
    breaks = list(_BREAK.finditer(before))
    if breaks:
        line, column = start.line + 1 + len(breaks), len(before) - breaks[-1].end() + 1
    else:
        line, column = start.line + 1, start.column + 1 + offset
    message, hint = _escape_problem(written or f"\\u{ord(char):04x}", ord(char))
    return error(LoadCode.SYNTAX, Location(path, line, column), message, hint, character=f"U+{ord(char):04X}")


def _escape_problem(written: str, code: int, pair: str | None = None) -> tuple[Message, Message]:
    """Message and hint for an escape ``written`` that stands for code point ``code``, which is no character for a value."""
    if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
        if code > 0x10FFFF:
            message = Message(
                f"chuỗi thoát «{written}» vượt quá U+10FFFF, mã Unicode lớn nhất: không phải một ký tự",
                f"the escape «{written}» is beyond U+10FFFF, the largest Unicode code point: not a character",
            )
        else:
            message = Message(
                f"chuỗi thoát «{written}» là một nửa của cặp thay thế UTF-16 (surrogate), không phải một ký tự",
                f"the escape «{written}» names half of a UTF-16 surrogate pair, not a character",
            )
        if pair is not None:  # "\ud83d\ude00" as JSON writes it: YAML wants the character or one \U escape
            whole = 0x10000 + ((code - 0xD800) << 10) + (int(pair[2:], 16) - 0xDC00)
            hint = Message(
                f"viết thẳng ký tự «{chr(whole)}», hoặc một chuỗi thoát \\U{whole:08X} thay cho cả cặp «{written}{pair}»",
                f"write the character «{chr(whole)}» itself, or the one escape \\U{whole:08X} instead of the pair «{written}{pair}»",
            )
        else:
            hint = Message(
                "viết thẳng ký tự, hoặc chuỗi thoát \\U với 8 chữ số mã Unicode của nó (ví dụ \\U000020AB cho ₫)",
                "write the character itself, or a \\U escape with its 8-digit code point (e.g. \\U000020AB for ₫)",
            )
        return message, hint
    if (code & 0xFFFE) == 0xFFFE:
        what = Message("giá trị không phải ký tự Unicode", "the Unicode noncharacter")
    else:
        what = Message("ký tự điều khiển", "the control character")
    return (
        Message(
            f"chuỗi thoát «{written}» tạo ra {what.vi} U+{code:04X}, không được phép trong tệp quy trình: "
            "lưu đồ, BPMN (XML) và sổ tay không thể hiển thị nó",
            f"the escape «{written}» makes {what.en} U+{code:04X}, which is not allowed in a process file: "
            "flowcharts, BPMN (XML) and the handbook cannot show it",
        ),
        Message(
            "xoá chuỗi thoát này; muốn xuống dòng hãy viết \\n, muốn có dấu tab hãy viết \\t",
            "remove the escape; write \\n for a line break and \\t for a tab",
        ),
    )


def _invalid_unicode_escape(text: str, path: Path, mark: Any) -> Diagnostic:
    """The QMS003 for libyaml's "invalid Unicode character escape code", at the escape's backslash."""
    lines = _BREAK.split(text)
    row = lines[mark.line] if mark and mark.line < len(lines) else ""
    column = mark.column if mark else 0
    backslash = row.rfind("\\", 0, column + 1)
    match = _ESCAPE.match(row, backslash) if backslash >= 0 else None
    line = (mark.line + 1) if mark else 1
    if match is None or match.group(1)[0] not in "uU" or len(match.group(1)) == 1:
        message, hint = _escape_problem("\\u…", 0xD800)
        return error(LoadCode.SYNTAX, Location(path, line, column + 1), message, hint)
    code = int(match.group(1)[1:], 16)
    low = _LOW_SURROGATE.match(row, match.end()) if 0xD800 <= code <= 0xDBFF else None
    message, hint = _escape_problem(match.group(), code, low.group() if low else None)
    return error(LoadCode.SYNTAX, Location(path, line, backslash + 1), message, hint, character=f"U+{code:04X}")


class _Builder:
    """Turns libyaml events into values; one instance per document."""

    def __init__(self, path: Path, text: str):
        self.path = path
        self.text = text
        self.source = SourceMap(path)
        # Budget for nodes created, aliases counted at their expanded size:
        # without aliases a node needs at least one character, so a budget
        # proportional to the text admits every honest file.
        self.limit = 4 * len(text) + 10_000
        self.budget = self.limit
        self.documents = 0
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.open_anchors: set[str] = set()

    def loc(self, mark: Any) -> Location:
        return Location(self.path, mark.line + 1, mark.column + 1)

    def fail(self, code: str, mark: Any, message: Any, hint: Any = None) -> SourceError:
        return SourceError(error(code, self.loc(mark), message, hint))

    def spend(self, n: int, mark: Any) -> None:
        self.budget -= n
        if self.budget < 0:
            raise self.fail(LoadCode.UNSAFE_YAML, mark, msg("yaml.alias_bomb", limit=self.limit), msg("yaml.alias_bomb.hint"))

    def build(self, events: Any) -> Any:
        """Consume one document's events and return its value."""
        # Explicit stack instead of recursion: frames are [kind, container,
        # path, pending_key, anchor, start_mark, node_count, merges, key_marks].
        stack: list[list[Any]] = []
        root: Any = None
        for event in events:
            kind = type(event)
            if kind is yaml.ScalarEvent:
                self.check_tag(event)
                if event.style == '"' and _FORBIDDEN.search(event.value):  # only escapes can make them
                    raise SourceError(_bad_escape(self.text, self.path, event))
                if not event.style and event.value in NULLS and not event.tag:
                    value: Any = None
                else:
                    value = nfc(event.value)
                if stack and stack[-1][0] == "map" and stack[-1][3] is _NO_KEY:
                    self.take_key(stack[-1], value, event)
                    continue
                self.spend(1, event.start_mark)
                done = (value, 1)
                self.register_anchor(event.anchor, done)
                root = self.attach(stack, done, event.start_mark, root)
            elif kind is yaml.AliasEvent:
                if event.anchor in self.open_anchors:
                    raise self.fail(LoadCode.UNSAFE_YAML, event.start_mark, msg("yaml.recursive_alias", name=event.anchor))
                if event.anchor not in self.anchors:
                    raise self.fail(LoadCode.SYNTAX, event.start_mark, msg("yaml.unknown_alias", name=event.anchor))
                value, count = self.anchors[event.anchor]
                if stack and stack[-1][0] == "map" and stack[-1][3] is _NO_KEY:
                    if not isinstance(value, str):
                        raise self.fail(LoadCode.SYNTAX, event.start_mark, msg("yaml.complex_key"), msg("yaml.complex_key.hint"))
                    self.take_key(stack[-1], value, event)
                    continue
                self.spend(count, event.start_mark)
                root = self.attach(stack, (value, count), event.start_mark, root)
            elif kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
                self.check_tag(event)
                if stack and stack[-1][0] == "map" and stack[-1][3] is _NO_KEY:
                    raise self.fail(LoadCode.SYNTAX, event.start_mark, msg("yaml.complex_key"), msg("yaml.complex_key.hint"))
                if len(stack) >= MAX_DEPTH:
                    raise self.fail(LoadCode.UNSAFE_YAML, event.start_mark, msg("yaml.too_deep", limit=MAX_DEPTH), msg("yaml.too_deep.hint"))
                path = self.child_path(stack)
                self.source.values.setdefault(path, (event.start_mark.line + 1, event.start_mark.column + 1))
                if event.anchor:
                    self.open_anchors.add(event.anchor)
                is_map = kind is yaml.MappingStartEvent
                container: Any = {} if is_map else []
                stack.append(["map" if is_map else "seq", container, path, _NO_KEY, event.anchor, event.start_mark, 1, [], {}])
            elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
                frame = stack.pop()
                container, count = frame[1], frame[6]
                if frame[0] == "map" and frame[7]:
                    container = self.apply_merges(frame)
                if frame[4]:
                    self.open_anchors.discard(frame[4])
                done = (container, count)
                self.spend(1, frame[5])
                self.register_anchor(frame[4], done)
                root = self.attach(stack, done, frame[5], root, placed=True)
            elif kind is yaml.DocumentStartEvent:
                self.documents += 1
                if self.documents > 1:
                    raise self.fail(LoadCode.SYNTAX, event.start_mark, msg("yaml.multi_document"), msg("yaml.multi_document.hint"))
        return root

    def check_tag(self, event: Any) -> None:
        if event.tag and event.tag not in ALLOWED_TAGS:
            raise self.fail(LoadCode.SYNTAX, event.start_mark, msg("yaml.tag", tag=event.tag), msg("yaml.tag.hint"))

    def register_anchor(self, anchor: str | None, done: tuple[Any, int]) -> None:
        if anchor:
            self.anchors[anchor] = done

    def child_path(self, stack: list[list[Any]]) -> Path_:
        if not stack:
            return ()
        parent = stack[-1]
        if parent[0] == "map":
            return (*parent[2], parent[3])
        return (*parent[2], len(parent[1]))

    def take_key(self, frame: list[Any], key: Any, event: Any) -> None:
        if key is None:
            key = ""
        if key == "<<" and not event.style:  # a merge key, not a field
            frame[3] = _MERGE
            return
        position = (event.start_mark.line + 1, event.start_mark.column + 1)
        if key in frame[8]:
            raise self.fail(
                LoadCode.DUPLICATE_KEY,
                event.start_mark,
                msg("yaml.duplicate_key", key=key, first_line=frame[8][key][0]),
                msg("yaml.duplicate_key.hint"),
            )
        frame[8][key] = position
        frame[3] = key
        self.source.keys[(*frame[2], key)] = position

    def attach(self, stack: list[list[Any]], done: tuple[Any, int], mark: Any, root: Any, placed: bool = False) -> Any:
        value, count = done
        if not stack:
            return value
        parent = stack[-1]
        parent[6] += count
        if parent[0] == "seq":
            if not placed:
                self.source.values[(*parent[2], len(parent[1]))] = (mark.line + 1, mark.column + 1)
            parent[1].append(value)
        elif parent[3] is _MERGE:
            parent[7].append((value, mark))
            parent[3] = _NO_KEY
        else:
            if not placed:
                self.source.values[(*parent[2], parent[3])] = (mark.line + 1, mark.column + 1)
            parent[1][parent[3]] = value
            parent[3] = _NO_KEY
        return root

    def apply_merges(self, frame: list[Any]) -> dict[str, Any]:
        """YAML merge keys (``<<: *defaults``): explicit keys win, earlier merges win."""
        merged: dict[str, Any] = {}
        for value, mark in frame[7]:
            sources = value if isinstance(value, list) else [value]
            for source in sources:
                if not isinstance(source, dict):
                    raise self.fail(LoadCode.SYNTAX, mark, msg("yaml.merge"))
                for key, item in source.items():
                    merged.setdefault(key, item)
        merged.update(frame[1])
        return merged


_NO_KEY = object()
_MERGE = object()


def _syntax_message(problem: str) -> Message:
    vi, en = CATALOGUE.get(f"yaml.problem.{problem}", (problem, problem))
    return Message(msg("yaml.syntax", problem=vi).vi, msg("yaml.syntax", problem=en).en)


def _bad_character(text: str, path: Path) -> Diagnostic:
    """libyaml refuses control characters but reports only a byte offset; find the character's line and column."""
    match = yaml.reader.Reader.NON_PRINTABLE.search(text)
    index = match.start() if match else 0
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    code = f"{ord(match.group()):04X}" if match else "?"
    return error(LoadCode.SYNTAX, Location(path, line, column), msg("yaml.control_char", code=code), msg("yaml.control_char.hint"))


# libyaml 0.2.6 and newer stop at their own nesting limit (1,000 levels) while scanning ahead, before our
# builder has seen the events of level MAX_DEPTH; older releases have no limit. The problem text is libyaml's.
LIBYAML_DEPTH_PROBLEM = "exceeded maximum nesting depth"


def _too_deep(text: str, path: Path, libyaml_mark: Any) -> Diagnostic:
    """The QMS005 our own limit gives, wherever libyaml's own limit stopped it first.

    PyYAML's pure-Python parser, which has no nesting limit, finds the first
    collection deeper than MAX_DEPTH, so the error (code, line, column) is the
    same whatever libyaml release is installed. It runs only on such files.
    """
    depth = 0
    mark = libyaml_mark
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    mark = event.start_mark
                    break
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        pass  # the file has other faults further on; the depth is still what libyaml refused
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    return error(LoadCode.UNSAFE_YAML, Location(path, line, column), msg("yaml.too_deep", limit=MAX_DEPTH), msg("yaml.too_deep.hint"))


def parse_document(text: str, path: Path) -> Document:
    """Parse YAML ``text`` (already decoded) read from ``path``."""
    builder = _Builder(path, text)
    try:
        data = builder.build(yaml.parse(text, Loader=_Loader))
    except yaml.reader.ReaderError:
        raise SourceError(_bad_character(text, path)) from None
    except yaml.MarkedYAMLError as exc:
        if exc.problem == LIBYAML_DEPTH_PROBLEM:
            raise SourceError(_too_deep(text, path, exc.problem_mark)) from None
        if exc.problem == LIBYAML_ESCAPE_PROBLEM:
            raise SourceError(_invalid_unicode_escape(text, path, exc.problem_mark)) from None
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "?"
        raise SourceError(error(LoadCode.SYNTAX, Location(path, line, column), _syntax_message(problem), msg("yaml.syntax.hint"))) from None
    except yaml.YAMLError as exc:
        raise SourceError(error(LoadCode.SYNTAX, Location(path), msg("yaml.syntax", problem=str(exc)), msg("yaml.syntax.hint"))) from None
    if data is None:
        raise SourceError(error(LoadCode.FILE, Location(path), msg("file.empty"), msg("file.empty.hint")))
    return Document(data, builder.source)
