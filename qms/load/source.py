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
  pasted from PDFs often arrives decomposed (NFD) and must compare equal.
"""

from __future__ import annotations

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
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise SourceError(
                error(LoadCode.FILE, Location(path), msg("file.too_large", size=size, limit=max_bytes), msg("file.too_large.hint"))
            )
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(error(LoadCode.FILE, Location(path), msg("file.unreadable", error=exc.strerror or exc))) from None
    return parse_document(decode(raw, path), path)


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


class _Builder:
    """Turns libyaml events into values; one instance per document."""

    def __init__(self, path: Path, text: str):
        self.path = path
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
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "?"
        raise SourceError(error(LoadCode.SYNTAX, Location(path, line, column), _syntax_message(problem), msg("yaml.syntax.hint"))) from None
    except yaml.YAMLError as exc:
        raise SourceError(error(LoadCode.SYNTAX, Location(path), msg("yaml.syntax", problem=str(exc)), msg("yaml.syntax.hint"))) from None
    if data is None:
        raise SourceError(error(LoadCode.FILE, Location(path), msg("file.empty"), msg("file.empty.hint")))
    return Document(data, builder.source)
