"""Diagnostics: one problem found in one place of one file, and the codes that name kinds of problems.

Every message the toolkit prints about a file is a :class:`Diagnostic`: the
loader's (codes ``QMS0xx``), the conformity rules' (``QMS1xx`` and up, with
the process and step they concern and the waiver that covers them, if any)
and the rule engine's own (``QMS090``, ``QMS099``). One type means one way to
print, sort, count and serialise them.

A code is three capital letters and three digits (``QMS101``); the letters
name a family (``QMS`` process checks, ``BPM`` BPMN exchange, ``AUD`` audit runs, ``CAL`` the working-day calendar,
``LOG`` dossier logs).
Each layer declares the codes it can emit as a table of :class:`CodeInfo`
(this module: the loader's, :data:`LOAD_CODES`); :mod:`qms.codes` gathers
the tables, so that this ground floor never imports the layers above it.
"""

from __future__ import annotations

import os
import re
from dataclasses import KW_ONLY, dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from qms.i18n import Lang, Message, _

# Texts by self.value.
_CLI_SEVERITY = {
    "error": _("lỗi"),
    "warning": _("cảnh báo"),
    "info": _("thông tin"),
}

if TYPE_CHECKING:
    from qms.model import Waiver


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"info": 0, "warning": 1, "error": 2}[self.value]

    def label(self, lang: Lang | str) -> str:
        return _CLI_SEVERITY[self.value].get(lang)


class Status(StrEnum):
    """How settled a code is: ``stable`` codes keep their meaning; ``preview`` ones may change; ``deprecated`` ones go."""

    STABLE = "stable"
    PREVIEW = "preview"
    DEPRECATED = "deprecated"

    def label(self, lang: Lang | str) -> str:
        return _STATUS_LABELS[self].get(lang)


_STATUS_LABELS = {
    Status.STABLE: _("ổn định"),
    Status.PREVIEW: _("thử nghiệm"),
    Status.DEPRECATED: _("sắp bỏ"),
}

CODE_FORMAT = re.compile(r"[A-Z]{3}[0-9]{3}")  # family letters, then the number


@dataclass(frozen=True)
class CodeInfo:
    """What one code means: the entry ``qms rules CODE`` explains and the documentation page describes."""

    code: str
    title: Message  # one line: what the code reports
    severity: Severity  # the default severity
    doc: str  # documentation page, relative to docs/ ("rules/QMS101.md")
    kind: str  # who reports it: "load", "rule", "engine", "bpmn", "audit", "calendar"
    status: Status = Status.STABLE
    explanation: Message | None = None  # why it matters, what it covers
    fix: Message | None = None  # what to do about it
    name: str | None = None  # a rule's kebab-case name ("single-start")

    def __post_init__(self) -> None:
        if not CODE_FORMAT.fullmatch(self.code):
            raise ValueError(f"code {self.code!r} is not three capital letters and three digits (QMS101)")

    @property
    def family(self) -> str:
        return self.code[:3]

    @classmethod
    def preview(cls, code: str, kind: str, title: Message, explanation: Message, fix: Message, severity: Severity = Severity.ERROR) -> CodeInfo:
        """A code of a family still in preview (logs, calendar, BPMN, plans...), documented at ``rules/<code>.md``."""
        return cls(code, title, severity, f"rules/{code}.md", kind, Status.PREVIEW, explanation=explanation, fix=fix)


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


def _load(code: LoadCode, title: Message, explanation: Message, fix: Message) -> CodeInfo:
    return CodeInfo(code.value, title, Severity.ERROR, f"rules/{code.value}.md", "load", explanation=explanation, fix=fix)


# The loader's codes. A load error is always reported and cannot be ignored or waived: the file is not read.
LOAD_CODES: tuple[CodeInfo, ...] = (
    _load(
        LoadCode.FILE,
        _("tệp không có, không đọc được, quá lớn, không phải văn bản hoặc rỗng"),
        _(
            "Tệp hoặc thư mục được chỉ ra không có, không mở được, quá lớn, chứa byte NUL, rỗng, hoặc không phải tệp "
            "thông thường (ống có tên, thiết bị, liên kết lặp vòng); những tệp như vậy không được mở để đọc."
        ),
        _("kiểm tra đường dẫn; tạo quy trình mẫu bằng «qms new process MÃ»"),
    ),
    _load(
        LoadCode.ENCODING,
        _("tệp không được lưu bằng UTF-8"),
        _("Tệp quy trình phải được mã hoá UTF-8; tệp lưu bằng bảng mã cũ (Windows-1258, TCVN3/ABC, VNI) hiển thị sai dấu tiếng Việt."),
        _("mở tệp bằng trình soạn thảo và lưu lại với mã hoá UTF-8"),
    ),
    _load(
        LoadCode.SYNTAX,
        _("lỗi cú pháp YAML, nhiều tài liệu trong một tệp, hoặc thẻ YAML không hỗ trợ"),
        _(
            "Tệp không đọc được như một tài liệu YAML: thụt lề sai, thiếu dấu hai chấm, ngoặc chưa đóng, ký tự điều khiển, "
            "nhiều tài liệu («---») hoặc thẻ như «!!python» (không bao giờ được thực thi)."
        ),
        _("thụt lề bằng dấu cách, đặt văn bản có «: » hoặc «#» trong ngoặc kép, bỏ các thẻ YAML"),
    ),
    _load(
        LoadCode.DUPLICATE_KEY,
        _("một trường được khai báo hai lần trong cùng một mục"),
        _("Một trường xuất hiện hai lần trong cùng một mục; YAML thường lặng lẽ giữ giá trị sau, nên lỗi này bị báo thay vì đoán."),
        _("giữ một lần khai báo và xoá lần còn lại"),
    ),
    _load(
        LoadCode.UNSAFE_YAML,
        _("tệp có thể làm treo máy: bí danh mở rộng quá lớn, bí danh tự tham chiếu, lồng quá sâu"),
        _(
            "Bí danh YAML (*tên) mở rộng thành quá nhiều phần tử, tự tham chiếu, hoặc cấu trúc lồng quá sâu: đọc tiếp có thể làm cạn bộ nhớ."
        ),
        _("viết các giá trị ra thay vì dùng bí danh; giảm độ lồng nhau"),
    ),
    _load(
        LoadCode.SCHEMA,
        _("sai định dạng quy trình: thiếu trường, sai kiểu, trường lạ, giá trị không hợp lệ, bước sai cấu trúc"),
        _(
            "Tệp là YAML hợp lệ nhưng không đúng định dạng quy trình: thiếu trường bắt buộc, giá trị sai kiểu hoặc sai dạng, "
            "trường không có trong định dạng, hoặc bước có cấu trúc không hợp với loại của nó."
        ),
        _("xem trang tham chiếu định dạng (qms schema --format markdown)"),
    ),
    _load(
        LoadCode.REFERENCE,
        _("tham chiếu tới bước, vai trò, hồ sơ, văn bản pháp lý, KPI hoặc quy trình không tồn tại"),
        _("Một giá trị nhắc tới bước, vai trò, hồ sơ, văn bản pháp lý, KPI hoặc quy trình con không được khai báo ở đâu cả."),
        _("sửa tên cho khớp (gợi ý đưa ra tên gần nhất) hoặc khai báo thứ được nhắc tới"),
    ),
    _load(
        LoadCode.DUPLICATE_ID,
        _("một mã bước, mã hồ sơ, mã KPI hoặc mã quy trình bị dùng hai lần"),
        _("Hai bước, hồ sơ, KPI hoặc hai quy trình dùng cùng một mã, nên một tham chiếu tới mã đó không rõ chỉ cái nào."),
        _("đặt cho mỗi thứ một mã riêng"),
    ),
)

# The one-line meaning of each load code (the format reference's table).
LOAD_CODE_DOCS: dict[LoadCode, Message] = {LoadCode(info.code): info.title for info in LOAD_CODES}


@dataclass(frozen=True, order=True)
class Location:
    """A place in a source file; ``line`` and ``column`` count from 1 (the column in characters)."""

    path: Path
    line: int = 1
    column: int = 1

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True)
class Diagnostic:
    """One problem at one place: a load error, a rule's finding, or the rule engine's own report.

    ``process`` and ``step`` say what a finding is about; ``waiver`` is set
    when an approved waiver of the process covers it (it is then shown, but
    does not count). ``data`` holds machine-readable detail (the field path,
    the offending value...).
    """

    code: str
    severity: Severity
    location: Location
    message: Message
    hint: Message | None = None
    _unused: KW_ONLY  # what follows is given by name: Diagnostic(code, severity, location, message, hint, process="QT-01")
    process: str | None = None
    step: str | None = None
    waiver: Waiver | None = None
    data: dict[str, object] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        if self.hint is not None and not isinstance(self.hint, tuple):  # a process code given where the hint goes
            raise TypeError(f"the hint of a diagnostic is a Message, not {self.hint!r}; give process=, step= by name")

    @property
    def waived(self) -> bool:
        return self.waiver is not None

    @property
    def rule(self) -> str:
        """The code, under the name the rules' findings used for it."""
        return self.code

    def label(self, lang: Lang | str = Lang.VI) -> str:
        """The word after the code: the severity, or "waived" for a finding a waiver covers."""
        return _("đã miễn").get(lang) if self.waived else self.severity.label(lang)

    def detail(self, lang: Lang | str = Lang.VI) -> str:
        """What follows the message on its line: the hint, or the waiver's reason and approver."""
        if self.waiver is not None:
            return f" — {self.waiver.reason.get(lang)} ({self.waiver.approved_by})"
        return f" ({_('gợi ý').get(lang)}: {self.hint.get(lang)})" if self.hint is not None else ""

    def render(self, lang: Lang | str = Lang.VI) -> str:
        """The diagnostic's one line, ``path:line:column: CODE severity: message (hint: ...)``.

        User text in it (a file name, a value) is shown escaped, so it cannot move the cursor or recolour a terminal.
        """
        return f"{visible(str(self.location))}: {self.code} {self.label(lang)}: {visible(self.message.get(lang) + self.detail(lang))}"

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
    return Diagnostic(code, Severity.ERROR, location, message, hint, data=dict(data))


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
