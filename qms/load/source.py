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

This module reads a document and turns libyaml's errors into diagnostics; the
work is done by :mod:`.safe_read` (the bytes, decoded), :mod:`.yaml_events`
(values and positions from the events), :mod:`.yaml_escapes` (escapes that
make forbidden characters), :mod:`.limits` (size, depth, alias expansion) and
:mod:`.source_map` (where each value was written).
"""

from __future__ import annotations

from pathlib import Path

import yaml

from qms.diagnostics import Diagnostic, LoadCode, Location, error
from qms.i18n import Message, _
from qms.load.limits import LIBYAML_DEPTH_PROBLEM, MAX_DEPTH, MAX_FILE_BYTES, too_deep
from qms.load.safe_read import decode, not_regular, read_bytes, unreachable
from qms.load.source_map import Document, Path_, SourceError, SourceMap
from qms.load.yaml_escapes import LIBYAML_ESCAPE_PROBLEM, invalid_unicode_escape
from qms.load.yaml_events import ALLOWED_TAGS, NULLS, Builder, nfc

# Texts by problem.
_YAML_PROBLEM = {
    "mapping values are not allowed here": _(
        "không được đặt «trường: giá trị» ở đây (thường do thiếu ngoặc kép quanh văn bản có dấu «: », hoặc thụt lề sai)"
    ),
    "mapping values are not allowed in this context": _(
        "không được đặt «trường: giá trị» ở đây (văn bản có dấu «: » phải đặt trong ngoặc kép)"
    ),
    "could not find expected ':'": _("thiếu dấu hai chấm «:» sau tên trường"),
    "did not find expected key": _("thụt lề không khớp: dòng này không thẳng hàng với các trường cùng cấp"),
    "did not find expected '-' indicator": _("thụt lề không khớp trong danh sách: mỗi phần tử bắt đầu bằng «- » thẳng hàng nhau"),
    "found character that cannot start any token": _(
        "ký tự không thể bắt đầu một giá trị (thường là ký tự Tab; YAML chỉ thụt lề bằng dấu cách)"
    ),
    "did not find expected ',' or ']'": _("thiếu dấu «,» hoặc «]» đóng danh sách"),
    "did not find expected ',' or '}'": _("thiếu dấu «,» hoặc «}» đóng ánh xạ"),
    "found unexpected end of stream": _("tệp kết thúc giữa chừng (ngoặc kép hoặc ngoặc chưa đóng)"),
    "found undefined alias": _("bí danh (*tên) chưa được định nghĩa"),
    "found unknown escape character": _("ký tự thoát «\\» không hợp lệ trong chuỗi ngoặc kép; dùng ngoặc đơn hoặc viết «\\\\»"),
    "found unexpected ':'": _("dấu «:» không đúng chỗ"),
}

try:  # libyaml is present in PyPI wheels of PyYAML; the pure loader is a slow fallback
    _Loader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - depends on the platform's wheel
    _Loader = yaml.SafeLoader


def read_document(path: Path, max_bytes: int = MAX_FILE_BYTES) -> Document:
    """Read ``path`` and return its values with their positions.

    Raises :class:`SourceError` for every problem, never another exception.
    """
    path = Path(path)
    return parse_document(decode(read_bytes(path, max_bytes), path), path)


def parse_document(text: str, path: Path) -> Document:
    """Parse YAML ``text`` (already decoded) read from ``path``."""
    builder = Builder(path, text)
    try:
        data = builder.build(yaml.parse(text, Loader=_Loader))
    except yaml.reader.ReaderError:
        raise SourceError(_bad_character(text, path)) from None
    except yaml.MarkedYAMLError as exc:
        if exc.problem == LIBYAML_DEPTH_PROBLEM:
            raise SourceError(too_deep(text, path, exc.problem_mark)) from None
        if exc.problem == LIBYAML_ESCAPE_PROBLEM:
            raise SourceError(invalid_unicode_escape(text, path, exc.problem_mark)) from None
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        problem = exc.problem or exc.context or "?"
        raise SourceError(
            error(
                LoadCode.SYNTAX,
                Location(path, line, column),
                _syntax_message(problem),
                _(
                    "kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu hai chấm sau tên trường, "
                    "và đặt văn bản có dấu «: » hoặc «#» trong ngoặc kép"
                ),
            )
        ) from None
    except yaml.YAMLError as exc:
        raise SourceError(
            error(
                LoadCode.SYNTAX,
                Location(path),
                _("lỗi cú pháp YAML: {problem}").format(problem=str(exc)),
                _(
                    "kiểm tra thụt lề (dùng dấu cách, không dùng Tab), dấu hai chấm sau tên trường, "
                    "và đặt văn bản có dấu «: » hoặc «#» trong ngoặc kép"
                ),
            )
        ) from None
    if data is None:
        raise SourceError(error(LoadCode.FILE, Location(path), _("tệp rỗng"), _("dùng `qms new process MÃ` để tạo một quy trình mẫu")))
    return Document(data, builder.source)


def _syntax_message(problem: str) -> Message:
    return _("lỗi cú pháp YAML: {problem}").format(problem=_YAML_PROBLEM.get(problem, Message(problem, problem)))


def _bad_character(text: str, path: Path) -> Diagnostic:
    """libyaml refuses control characters but reports only a byte offset; find the character's line and column."""
    match = yaml.reader.Reader.NON_PRINTABLE.search(text)
    index = match.start() if match else 0
    line = text.count("\n", 0, index) + 1
    column = index - (text.rfind("\n", 0, index) + 1) + 1
    code = f"{ord(match.group()):04X}" if match else "?"
    return error(
        LoadCode.SYNTAX,
        Location(path, line, column),
        _("ký tự điều khiển U+{code} không được phép trong tệp YAML").format(code=code),
        _("xoá ký tự này; nó thường lẫn vào khi dán văn bản từ Word, PDF hoặc trang web"),
    )


__all__ = [
    "ALLOWED_TAGS",
    "LIBYAML_DEPTH_PROBLEM",
    "LIBYAML_ESCAPE_PROBLEM",
    "MAX_DEPTH",
    "MAX_FILE_BYTES",
    "NULLS",
    "Document",
    "Path_",
    "SourceError",
    "SourceMap",
    "decode",
    "nfc",
    "not_regular",
    "parse_document",
    "read_bytes",
    "read_document",
    "unreachable",
]
