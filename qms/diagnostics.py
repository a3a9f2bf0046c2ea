"""Diagnostics: one problem found in one place of one file.

Loader errors use stable codes ``QMS0xx`` (the rule catalogue of the
conformity checks uses ``QMS1xx`` and up), so a script or an auditor's note
can refer to a kind of problem and a documentation page can explain it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from qms.i18n import Lang, Message, msg


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    def label(self, lang: Lang | str) -> str:
        return msg(f"cli.severity.{self.value}").get(lang)


class LoadCode(StrEnum):
    """Stable codes of the problems found while loading a process file."""

    FILE = "QMS001"  # missing, unreadable, too large, binary, empty, not a regular file (pipe, device), link loop
    ENCODING = "QMS002"  # not UTF-8
    SYNTAX = "QMS003"  # YAML syntax, several documents, unsupported tag, escape making no allowed character
    DUPLICATE_KEY = "QMS004"
    UNSAFE_YAML = "QMS005"  # alias bomb, recursive alias, nesting too deep
    SCHEMA = "QMS010"  # missing field, wrong type, unknown field, bad value
    REFERENCE = "QMS020"  # a reference that names nothing
    DUPLICATE_ID = "QMS021"  # the same step id / record code / process code twice


LOAD_CODE_DOCS: dict[LoadCode, Message] = {
    LoadCode.FILE: Message(
        "tệp không có, không đọc được, quá lớn, không phải văn bản hoặc rỗng",
        "file missing, unreadable, too large, not text, or empty",
    ),
    LoadCode.ENCODING: Message("tệp không được lưu bằng UTF-8", "file is not saved as UTF-8"),
    LoadCode.SYNTAX: Message(
        "lỗi cú pháp YAML, nhiều tài liệu trong một tệp, hoặc thẻ YAML không hỗ trợ",
        "YAML syntax error, several documents in one file, or an unsupported YAML tag",
    ),
    LoadCode.DUPLICATE_KEY: Message("một trường được khai báo hai lần trong cùng một mục", "a field declared twice in the same mapping"),
    LoadCode.UNSAFE_YAML: Message(
        "tệp có thể làm treo máy: bí danh mở rộng quá lớn, bí danh tự tham chiếu, lồng quá sâu",
        "file could exhaust the machine: alias bomb, recursive alias, nesting too deep",
    ),
    LoadCode.SCHEMA: Message(
        "sai định dạng quy trình: thiếu trường, sai kiểu, trường lạ, giá trị không hợp lệ, bước sai cấu trúc",
        "not the process format: missing field, wrong type, unknown field, invalid value, malformed step",
    ),
    LoadCode.REFERENCE: Message(
        "tham chiếu tới bước, vai trò, hồ sơ, văn bản pháp lý, KPI hoặc quy trình không tồn tại",
        "a reference to a step, role, record, legal document, KPI or process that does not exist",
    ),
    LoadCode.DUPLICATE_ID: Message(
        "một mã bước, mã hồ sơ, mã KPI hoặc mã quy trình bị dùng hai lần",
        "a step id, record code, KPI code or process code used twice",
    ),
}


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; ``line`` and ``column`` count from 1."""

    path: Path
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    code: str
    severity: Severity
    location: Location
    message: Message
    hint: Message | None = None
    # Machine-readable detail (the field path, the offending value...).
    data: dict[str, object] = field(default_factory=dict, compare=False)

    def render(self, lang: Lang | str = Lang.VI) -> str:
        """One line for a terminal or a log: user text in it (a file name, a value) cannot move the cursor or recolour it."""
        text = f"{visible(str(self.location))}: {self.code} {self.severity.label(lang)}: {visible(self.message.get(lang))}"
        if self.hint is not None:
            text += f" ({msg('cli.hint').get(lang)}: {visible(self.hint.get(lang))})"
        return text

    def to_dict(self, lang: Lang | str = Lang.VI) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity.value,
            "file": str(self.location.path),
            "line": self.location.line,
            "column": self.location.column,
            "message": self.message.get(lang),
            "hint": self.hint.get(lang) if self.hint else None,
            **({"data": self.data} if self.data else {}),
        }


# What a terminal would act on or hide instead of showing: C0 controls (ESC starts colour and cursor sequences),
# DEL, C1 controls (0x9B is a one-byte ESC [), line and paragraph separators, bidirectional overrides (which
# reorder what is shown, "Trojan Source"), and lone surrogates (which no encoding can write).
_HIDDEN = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def visible(text: str, keep: str = "") -> str:
    r"""``text`` with the characters a terminal would act on shown as escapes (``\x1b``, ``\n``, ``\u202e``).

    For text echoed from user input (file names, keys, values) into terminal
    or log output; characters in ``keep`` (say ``"\n"`` for a multi-line
    message) are left as they are. JSON and SARIF keep the real text.
    """
    if _HIDDEN.search(text) is None:  # the usual case: one scan, no copy
        return text

    def shown(match: re.Match[str]) -> str:
        char = match.group()
        if char in keep:
            return char
        code = ord(char)
        return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")

    return _HIDDEN.sub(shown, text)


def error(code: str, location: Location, message: Message, hint: Message | None = None, **data: object) -> Diagnostic:
    return Diagnostic(code, Severity.ERROR, location, message, hint, dict(data))


def display_path(path: Path | str | None) -> str:
    """A path as reports show it: relative to the current folder when inside it (stable across machines)."""
    if path is None:
        return ""
    path = Path(path)
    try:
        relative = Path(os.path.relpath(path)).as_posix()
    except ValueError:  # another drive on Windows
        return path.as_posix()
    return path.as_posix() if relative.startswith("..") else relative


def sort_key(diagnostic: Diagnostic) -> tuple[str, int, int, str]:
    loc = diagnostic.location
    return (str(loc.path), loc.line, loc.column, diagnostic.code)
