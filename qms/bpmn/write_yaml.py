"""Stage 4 of the import: the process dict -> YAML in the style of the shipped files, and the file it goes to.

Short forms where the format allows them (``{vi: x}`` -> ``x``, a role with
only a name -> the name), lists indented under their key, a blank line
between sections and between steps, and the import notes as comments on top.
Whatever the strings hold, the text loads: characters YAML cannot hold are
dropped from values (the reader has already noted them), and each comment is
one line of printable characters. The file name comes from the process code
and is made safe (never outside the output folder, never a name Windows
reserves); an existing file is never overwritten.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import CODE, BpmnError, ImportNote
from qms.bpmn.text import clean, comment, suspect
from qms.i18n import Lang, Message, _

# Names Windows gives to devices, whatever the extension: «NUL.yaml» cannot be checked out there.
_WINDOWS_RESERVED = frozenset({"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))})
_RESERVED_NAME = _("Windows dành tên này cho thiết bị")
_UNSAFE_NAME = _("mã có ký tự không dùng được trong tên tệp")
_EXISTS_HINT = _("chọn thư mục khác bằng --out, đặt mã khác bằng --code, hoặc xoá tệp cũ nếu muốn nhập lại")


def _file_renamed(name: str, code: str, reason: Message) -> Message:
    return _("tệp được đặt tên «{name}» thay vì «{code}.yaml»: {reason}; mã quy trình vẫn là «{code}»").format(
        name=name, code=code, reason=reason
    )


# --- YAML -----------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the shipped process files."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)


def dump_yaml(document: dict[str, Any], notes: Iterable[ImportNote] = ()) -> str:
    """The process as YAML in the style of the shipped files, with the import notes as comments on top."""
    return header(notes) + body(document)


def header(notes: Iterable[ImportNote]) -> str:
    """The comments on top of an imported file: where it comes from and the notes (in Vietnamese)."""
    lines = [
        f"# {_('Tệp này do lệnh nhập BPMN của qms tạo ra; hãy kiểm tra trước khi trình phê duyệt.').vi}",
        f"# {_('Tệp này do lệnh nhập BPMN của qms tạo ra; hãy kiểm tra trước khi trình phê duyệt.').en}",
    ]
    notes = list(notes)
    if notes:
        lines.append(f"# {_('Những điểm cần xem lại sau khi nhập từ BPMN:').vi}")
        lines += [f"#   - {note.code} {comment(note.render(Lang.VI))}" for note in notes]
    return "\n".join(lines) + "\n"


def body(document: dict[str, Any]) -> str:
    """The process as YAML without the comments on top: it loads as it is."""
    parts: list[str] = []
    block = True
    for key, value in _short(_yaml_safe(document)).items():
        if key == "steps" and isinstance(value, list):
            steps = ["".join(f"  {line}" if line.strip() else line for line in _dump([step]).splitlines(keepends=True)) for step in value]
            text = "steps:\n" + "\n".join(steps)
        else:
            text = _dump({key: value})
        # A blank line around each section that spans several lines; short fields stay together.
        now_block = text.count("\n") > 1
        parts.append(("\n" if block or now_block else "") + text)
        block = now_block
    return "".join(parts)


def _yaml_safe(value: Any) -> Any:
    """``value`` with every string (keys too) holding only what a YAML file can: the emitter escapes control
    characters but writes U+0085 raw (read back as a space) and lone surrogates as escapes no reader accepts."""
    if isinstance(value, str):
        return clean(value, [], []) if suspect(value) else value
    if isinstance(value, dict):
        return {_yaml_safe(key): _yaml_safe(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_yaml_safe(item) for item in value]
    return value


def _short(value: Any, key: str | None = None) -> Any:
    """``{vi: x}`` -> ``x``; a role with only a name -> the name."""
    if isinstance(value, dict):
        if set(value) == {"vi"} and isinstance(value["vi"], str):
            return value["vi"]
        if key == "roles":
            return {role_id: _short(_role_short(role)) for role_id, role in value.items()}
        return {k: _short(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_short(item) for item in value]
    return value


def _role_short(role: Any) -> Any:
    if isinstance(role, dict) and set(role) == {"name"}:
        name = role["name"]
        # The short form is read as the role's name; a bilingual name stays {vi, en}.
        return name
    return role


# --- the file -----------------------------------------------------------------------------------------


def file_name(code: str) -> tuple[str, Message | None]:
    """The YAML file name for process ``code`` and, when it is not ``CODE.yaml``, why.

    A valid code is already a safe name (ASCII letters, digits, «.», «_», «-»,
    at most 40, never starting with «.» or «-»), except for the names Windows
    reserves for devices (``CON``, ``NUL``, ``COM1``..., with any extension):
    those get «_» after that part. Anything else (this function may be given
    any string) is reduced to the same characters, never to «..» or a path.
    """
    stem = code
    reason: Message | None = None
    if not CODE.fullmatch(stem):
        stem = re.sub(r"[^A-Za-z0-9._-]+", "-", stem)
        stem = re.sub(r"\.{2,}", ".", stem).strip(".-_")[:40].rstrip(".-_") or "QT-BPMN"
        reason = _UNSAFE_NAME
    first, dot, rest = stem.partition(".")
    if first.upper() in _WINDOWS_RESERVED:
        stem = f"{first}_{dot}{rest}"
        reason = _RESERVED_NAME
    return f"{stem}.yaml", reason


def write_process(out_dir: Path | str, code: str, text: str, notes: list[ImportNote]) -> Path:
    """Write the YAML ``text`` of process ``code`` as a new file directly inside ``out_dir``; return its path.

    ``text`` is the YAML without the comments on top: they are written from
    ``notes``, with a note added when the file name is not ``CODE.yaml``.
    Raises :class:`BpmnError` when the file (or ``CODE.yml``) exists or cannot be written.
    """
    name, reason = file_name(code)
    if reason is not None:
        notes.append(ImportNote(BpmnCode.FILE_RENAMED, _file_renamed(name, code, reason)))
    folder = Path(out_dir)
    target = folder / name
    if target.parent != folder or Path(name).name != name:  # never reached: file_name gives a bare name
        raise BpmnError(BpmnCode.OUTPUT, _("không ghi được tệp «{path}»: {error}").format(path=comment(str(target)), error="?"))
    other = target.with_suffix(".yml")
    if target.exists() or other.exists():
        exists = _("tệp «{path}» đã tồn tại; không ghi đè").format(path=target if target.exists() else other)
        raise BpmnError(BpmnCode.OUTPUT, exists, _EXISTS_HINT)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with target.open("x", encoding="utf-8", newline="\n") as out:
            out.write(header(notes) + text)
    except FileExistsError:
        raise BpmnError(BpmnCode.OUTPUT, _("tệp «{path}» đã tồn tại; không ghi đè").format(path=target), _EXISTS_HINT) from None
    except OSError as exc:
        cannot = _("không ghi được tệp «{path}»: {error}").format(path=target, error=exc.strerror or exc)
        raise BpmnError(BpmnCode.OUTPUT, cannot) from None
    return target
