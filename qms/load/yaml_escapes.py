"""Double-quoted YAML escapes that make characters a value may not hold, explained at the escape.

The file itself cannot hold such characters (libyaml refuses them there); only escapes can make them
(``"\\x01"``, ``"\\e"``, ``"\\uFFFE"``, a lone surrogate ``"\\ud800"``), and the message names the
escape as written, at its line and column.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from qms.diagnostics import Diagnostic, LoadCode, Location, error
from qms.i18n import Message, _

# What a value may contain: the characters YAML allows in the file itself (libyaml refuses the others there),
# less NEL (U+0085), which YAML reads as a line break when written as is. Only double-quoted scalars can hold
# anything else, through escapes ("\0", "\x01", "\e", "\x9b", "\N", "\uFFFE"): such characters break the DOT
# of flowcharts, BPMN's XML and the handbook later, so they are refused here, where the place is known.
FORBIDDEN = re.compile(r"[^\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
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


def bad_escape(text: str, path: Path, event: Any) -> Diagnostic:
    """QMS003 at the escape of a double-quoted scalar that makes a character a value may not hold."""
    start, end = event.start_mark, event.end_mark
    span = text[start.index : end.index]
    char = FORBIDDEN.search(event.value).group()  # type: ignore[union-attr]
    written, offset = None, 0
    if span.startswith('"'):
        for match in _ESCAPE.finditer(span):
            made = _escaped(match.group(1))
            if made and FORBIDDEN.match(made):
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
            message = _("chuỗi thoát «{written}» vượt quá U+10FFFF, mã Unicode lớn nhất: không phải một ký tự").format(written=written)
        else:
            message = _("chuỗi thoát «{written}» là một nửa của cặp thay thế UTF-16 (surrogate), không phải một ký tự").format(
                written=written
            )
        if pair is not None:  # "\ud83d\ude00" as JSON writes it: YAML wants the character or one \U escape
            whole = 0x10000 + ((code - 0xD800) << 10) + (int(pair[2:], 16) - 0xDC00)
            hint = _("viết thẳng ký tự «{character}», hoặc một chuỗi thoát \\U{whole:08X} thay cho cả cặp «{written}{pair}»").format(
                character=chr(whole), whole=whole, written=written, pair=pair
            )
        else:
            hint = _("viết thẳng ký tự, hoặc chuỗi thoát \\U với 8 chữ số mã Unicode của nó (ví dụ \\U000020AB cho ₫)")
        return message, hint
    what = _("giá trị không phải ký tự Unicode") if (code & 0xFFFE) == 0xFFFE else _("ký tự điều khiển")
    return (
        _(
            "chuỗi thoát «{written}» tạo ra {what} U+{code:04X}, không được phép trong tệp quy trình: "
            "lưu đồ, BPMN (XML) và sổ tay không thể hiển thị nó"
        ).format(written=written, what=what, code=code),
        _("xoá chuỗi thoát này; muốn xuống dòng hãy viết \\n, muốn có dấu tab hãy viết \\t"),
    )


def invalid_unicode_escape(text: str, path: Path, mark: Any) -> Diagnostic:
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


__all__ = ["FORBIDDEN", "LIBYAML_ESCAPE_PROBLEM", "bad_escape", "invalid_unicode_escape"]
