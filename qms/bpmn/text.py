"""Text from a BPMN file made fit for a YAML file, a one-line comment or a note.

BPMN files come from outside: a name or a text may hold characters a YAML
file cannot (control characters, lone surrogates) and line separators that
would end a comment or a plain scalar. Every stage of the import cleans with
the same few functions, so what is written always loads.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from typing import Any

from qms.i18n import Message, _

# Characters YAML cannot hold (C0 and C1 controls but tab and line breaks, lone surrogates, U+FFFE, U+FFFF),
# and the line breaks YAML 1.1 knows besides \n (a comment or a plain scalar ends at any of them).
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
_BREAKS = re.compile("\r\n?|[\x85\u2028\u2029]")
_SUSPECT = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")
# What a YAML reader accepts at all (PyYAML's Reader.NON_PRINTABLE, inverted), for comments.
_NOT_PRINTABLE = re.compile("[^\x09\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def suspect(text: str) -> bool:
    """Whether ``text`` may hold something :func:`clean` changes (most text does not: it is then left alone)."""
    return _SUSPECT.search(text) is not None


def clean(text: str, removed: list[str], replaced: list[str], newline: str = "\n") -> str:
    """``text`` without control characters (listed in ``removed``), its line separators as ``newline``."""
    if not _SUSPECT.search(text):
        return text

    def line_break(match: re.Match[str]) -> str:
        replaced.append(match.group()[0])
        return newline

    def drop(match: re.Match[str]) -> str:
        removed.append(match.group())
        return ""

    return _UNSAFE.sub(drop, _BREAKS.sub(line_break, text))


def comment(text: str) -> str:
    """``text`` as the rest of one comment line: any line break (``\\n``, ``\\r``, U+0085, U+2028, U+2029) would end
    the comment and start YAML, so all whitespace becomes one space; what YAML cannot hold is dropped."""
    return _NOT_PRINTABLE.sub("", " ".join(text.split()))


def one_line(text: str) -> str:
    """``text`` as a modeler shows a name: one line, whitespace collapsed, only what YAML can hold."""
    return comment(text)


def shown(value: Any) -> str:
    """A value of the qms data as a note shows it: one line, at most 80 characters."""
    text = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    if text != one_line(text):  # «QT-01\n»: the line break is what is wrong, so it is shown
        text = json.dumps(text, ensure_ascii=False)[1:-1]
    return text if len(text) <= 80 else text[:79] + "…"


CHARACTERS_HINT = _("kiểm tra lại tên, mô tả trong tệp YAML; các ký tự này thường do dán từ tài liệu khác")


def characters_changed(what: str, removed: Iterable[str], replaced: Iterable[str]) -> Message:
    """A note that ``what`` lost the characters ``removed`` and had the line separators ``replaced``."""
    removed = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(removed)))
    replaced = ", ".join(f"U+{ord(c):04X}" for c in sorted(set(replaced)))
    vi, en = [], []
    if removed:
        vi.append(f"đã bỏ ký tự điều khiển {removed} (tệp YAML không chứa được)")
        en.append(f"control characters {removed} were removed (a YAML file cannot hold them)")
    if replaced:
        vi.append(f"ký tự ngắt dòng {replaced} được thay bằng dấu cách (trong tên) hoặc xuống dòng thường (trong văn bản)")
        en.append(f"line separators {replaced} were replaced by a space (in a name) or a plain line break (in a text)")
    return Message(f"{what}: " + "; ".join(vi), f"{what}: " + "; ".join(en))
