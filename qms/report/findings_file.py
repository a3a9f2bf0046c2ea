"""Read back the JSON of ``qms check --format json`` (``qms render --findings``).

The file comes from outside (another run, another machine, a hand edit), so
nothing in it is trusted: its size is capped, its encoding and JSON syntax
are checked (line and column), and its shape is validated by a pydantic
model whose errors name the JSON path (``findings[3].line``) and, where the
file can be re-read with positions, its line. Every problem is a
:class:`FindingsFileError`, never a traceback.
"""

from __future__ import annotations

import json
import json.scanner
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, ValidationError

from qms.i18n import Lang, Message, _, ngettext

MAX_BYTES = 64 * 1024 * 1024  # a check of thousands of processes writes a few MB
MAX_PROBLEMS = 10  # a file of another format would give one problem per entry
_LOCATE_BYTES = 8 * 1024 * 1024  # positions come from the slow pure-Python scanner: only for files this small

_HINT = _("dùng tệp do «qms check --format json --out check.json» ghi ra; mỗi phát hiện cần «process», có thể có «step» và «waived»")


class FindingEntry(BaseModel):
    """One finding as ``qms check --format json`` writes it (keys this reader does not use may be absent)."""

    model_config = ConfigDict(strict=True, extra="ignore", frozen=True)

    process: str
    step: str | None = None
    waived: bool = False
    rule: str | None = None
    severity: Literal["error", "warning", "info"] | None = None
    file: str | None = None
    line: int | None = None
    column: int | None = None
    message: str | None = None
    hint: str | None = None


class _CheckJson(BaseModel):
    model_config = ConfigDict(strict=True, extra="ignore")

    findings: list[FindingEntry]


@dataclass(frozen=True)
class FileProblem:
    where: str  # path, path:line:column
    message: Message
    hint: Message | None = _HINT

    def render(self, lang: Lang | str = Lang.VI) -> str:
        text = f"{self.where}: {self.message.get(lang)}"
        return text + (f" ({_('gợi ý').get(lang)}: {self.hint.get(lang)})" if self.hint else "")


class FindingsFileError(Exception):
    def __init__(self, problems: list[FileProblem]) -> None:
        self.problems = problems
        super().__init__("\n".join(p.render(Lang.EN) for p in problems))

    def render(self, lang: Lang | str = Lang.VI) -> str:
        return "\n".join(p.render(lang) for p in self.problems)


def read_findings_file(path: Path, max_bytes: int = MAX_BYTES) -> list[FindingEntry]:
    text = _read_text(path, max_bytes)
    if not text.strip():
        raise FindingsFileError([FileProblem(str(path), _("tệp rỗng"))])
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        problem = _("lỗi cú pháp JSON: {msg}").format(msg=exc.msg)
        raise FindingsFileError([FileProblem(f"{path}:{exc.lineno}:{exc.colno}", problem)]) from None
    except RecursionError:
        problem = _("JSON lồng nhau quá sâu")
        raise FindingsFileError([FileProblem(str(path), problem)]) from None
    except ValueError as exc:  # e.g. an integer of more than 4,300 digits
        problem = _("JSON không hợp lệ: {exc}").format(exc=exc)
        raise FindingsFileError([FileProblem(str(path), problem)]) from None
    try:
        return _CheckJson.model_validate(data).findings
    except ValidationError as exc:
        raise FindingsFileError(_problems(exc, text, path)) from None


def steps_with_findings(path: Path, max_bytes: int = MAX_BYTES) -> dict[str, set[str]]:
    """Process code -> ids of its steps with an active (not waived) finding in the file."""
    marked: dict[str, set[str]] = {}
    for finding in read_findings_file(path, max_bytes):
        if finding.step and not finding.waived:
            marked.setdefault(finding.process, set()).add(finding.step)
    return marked


def _read_text(path: Path, max_bytes: int) -> str:
    try:
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        if isinstance(exc, FileNotFoundError):
            raise FindingsFileError([FileProblem(str(path), _("không tìm thấy tệp hoặc thư mục «{path}»").format(path=path))]) from None
        raise FindingsFileError([FileProblem(str(path), _("không đọc được tệp: {error}").format(error=exc.strerror or exc))]) from None
    if len(raw) > max_bytes:
        size = path.stat().st_size if path.is_file() else len(raw)
        hint = _("chỉ kiểm tra các quy trình cần vẽ, hoặc lọc bớt quy tắc («qms check --select …»)")
        raise FindingsFileError(
            [FileProblem(str(path), _("tệp quá lớn ({size} byte; tối đa {limit} byte)").format(size=size, limit=max_bytes), hint)]
        )
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problem = _("tệp được lưu bằng UTF-16, không phải UTF-8")
        hint = _("PowerShell «>» ghi UTF-16; dùng «qms check --format json --out check.json» để có tệp UTF-8")
        raise FindingsFileError([FileProblem(str(path), problem, hint)])
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        start = exc.start + (3 if raw.startswith(b"\xef\xbb\xbf") else 0)  # utf-8-sig counts after the BOM
        line = raw.count(b"\n", 0, start) + 1
        column = start - (raw.rfind(b"\n", 0, start) + 1) + 1
        problem = _("tệp không phải UTF-8: byte 0x{byte} không hợp lệ").format(byte=f"{raw[start]:02X}")
        raise FindingsFileError([FileProblem(f"{path}:{line}:{column}", problem)]) from None


# --- explaining the shape ------------------------------------------------------------------

_EXPECTED = {
    "string_type": _("một chuỗi"),
    "int_type": _("một số nguyên"),
    "bool_type": _("true hoặc false"),
    "list_type": _("một danh sách [...]"),
    "model_type": _("một đối tượng JSON {...}"),
    "dict_type": _("một đối tượng JSON {...}"),
    "literal_error": _("error, warning hoặc info"),
}


def _problems(exc: ValidationError, text: str, path: Path) -> list[FileProblem]:
    errors = exc.errors(include_url=False)
    offsets = _Offsets(text) if len(text) <= _LOCATE_BYTES else None
    located: list[tuple[tuple[int, int], FileProblem]] = []
    for error in errors[:MAX_PROBLEMS]:
        loc, kind = tuple(error["loc"]), error["type"]
        at = offsets.find(loc) if offsets is not None else None
        where = f"{path}:{at[0]}:{at[1]}" if at else str(path)
        located.append((at or (0, 0), FileProblem(where, _explain(kind, loc, error.get("input")))))
    problems = [problem for _, problem in sorted(located, key=lambda pair: pair[0])]  # in the order of the file
    if len(errors) > MAX_PROBLEMS:
        more = len(errors) - MAX_PROBLEMS
        problems.append(
            FileProblem(
                str(path), ngettext("… và {more} lỗi khác cùng loại", "… và {more} lỗi khác cùng loại", more).format(more=more), None
            )
        )
    return problems


def _explain(kind: str, loc: tuple[Any, ...], value: Any) -> Message:
    if kind == "model_type" and not loc:
        shown = _shown(value)
        return _("tệp phải là một đối tượng JSON có khoá «findings» (kết quả của «qms check --format json»), không phải {shown}").format(
            shown=shown
        )
    if kind == "missing":
        parent, key = _name(loc[:-1]), loc[-1]
        if not parent:
            return _("tệp thiếu khoá «{key}»").format(key=key)
        return _("«{parent}» thiếu khoá «{key}»").format(parent=parent, key=key)
    expected = _EXPECTED.get(kind)
    shown = _shown(value)
    if expected is None:
        return _("«{loc}»: giá trị không hợp lệ ({kind}): {shown}").format(loc=_name(loc), kind=kind, shown=shown)
    return _("«{loc}» phải là {expected}, không phải {shown}").format(loc=_name(loc), expected=expected, shown=shown)


def _name(loc: tuple[Any, ...]) -> str:
    name = ""
    for part in loc:
        name += f"[{part}]" if isinstance(part, int) else (f".{part}" if name else str(part))
    return name


def _shown(value: Any) -> Message:
    if isinstance(value, dict):
        return _("một đối tượng {...}")
    if isinstance(value, list):
        return _("một danh sách [...]")
    text = json.dumps(value, ensure_ascii=False)
    text = f"«{text}»" if len(text) <= 60 else f"«{text[:57]}…»"
    return Message(text, text)


class _ScannerDecoder(json.JSONDecoder):
    """A JSONDecoder with the attributes ``json.scanner.py_make_scanner`` reads and this module replaces.

    ``JSONDecoder.__init__`` sets them (``self.parse_object = JSONObject``…); typeshed leaves them out, as they are
    undocumented.
    """

    parse_object: Callable[..., tuple[Any, int]]
    parse_array: Callable[..., tuple[Any, int]]
    scan_once: Callable[[str, int], tuple[Any, int]]


class _Offsets:
    """Where each value of a JSON text starts, read again with the pure-Python scanner (positions included)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.children: dict[int, dict[Any, int]] = {}  # id(container) -> key or index -> offset of the value
        self.starts: dict[int, int] = {}  # id(container) -> offset of its «{» or «[»
        self.root: Any = None
        self._keep: list[Any] = []  # the containers stay alive, so their ids stay theirs
        decoder = _ScannerDecoder(object_pairs_hook=lambda pairs: pairs)
        parse_object, parse_array = decoder.parse_object, decoder.parse_array

        def on_object(s_and_end: tuple[str, int], strict: bool, scan: Any, hook: Any, pairs_hook: Any, memo: Any = None) -> tuple[Any, int]:
            starts: list[int] = []
            pairs, end = parse_object(s_and_end, strict, _recording(scan, starts), hook, pairs_hook, memo)
            value = dict(pairs)
            self._note(value, s_and_end[1] - 1, {key: start for (key, _), start in zip(pairs, starts, strict=False)})
            return value, end

        def on_array(s_and_end: tuple[str, int], scan: Any) -> tuple[Any, int]:
            starts: list[int] = []
            value, end = parse_array(s_and_end, _recording(scan, starts))
            self._note(value, s_and_end[1] - 1, dict(enumerate(starts)))
            return value, end

        decoder.parse_object, decoder.parse_array = on_object, on_array
        # The pure-Python scanner, the one that calls parse_object and parse_array back: undocumented, so typeshed omits it.
        decoder.scan_once = json.scanner.py_make_scanner(decoder)  # type: ignore[attr-defined]
        try:
            self.root = decoder.decode(text)
        except (ValueError, RecursionError):
            self.root = None

    def _note(self, value: Any, start: int, children: dict[Any, int]) -> None:
        self._keep.append(value)
        self.starts[id(value)] = start
        self.children[id(value)] = children

    def find(self, loc: tuple[Any, ...]) -> tuple[int, int] | None:
        """Line and column of ``loc`` in the text (of the nearest enclosing value that is there)."""
        node = self.root
        if id(node) not in self.starts:
            return None
        offset = self.starts[id(node)]
        for part in loc:
            children = self.children.get(id(node), {})
            if part not in children:
                break
            offset, node = children[part], node[part]
        line = self.text.count("\n", 0, offset) + 1
        return line, offset - (self.text.rfind("\n", 0, offset) + 1) + 1


def _recording(scan: Any, starts: list[int]) -> Any:
    def scan_once(string: str, index: int) -> tuple[Any, int]:
        starts.append(index)
        return scan(string, index)

    return scan_once
