"""What every part of the mapping (stage 3: Diagram -> Draft) shares: the notes, the language, bilingual texts.

A name shown in the diagram is in one language (the one qms exported in, or
Vietnamese for a diagram drawn elsewhere); the qms data may hold both. What
the modeler shows wins over what qms stored when it was edited.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import META_HINT, Notes, Position, bad_meta_kind, kind_of
from qms.bpmn.text import one_line
from qms.i18n import Lang, Message, _

STEP_ID_MAX = 63  # STEP_ID_PATTERN: one character and up to 62 more; role ids are the same


@dataclass
class Scope:
    """The notes of one import and what they need to name and place what they are about."""

    notes: Notes
    lang: Lang  # the language of the names in the file
    process_id: str | None  # the process element's id: notes about the process and its qms data name it
    meta_at: Position | None  # where the qms data starts in the file
    step_elements: dict[str, str] = field(default_factory=dict)  # step id -> the BPMN element it was made from

    def meta_note(self, message: Message) -> None:
        """A note about the process's qms data (a part of it dropped or replaced), placed where the data starts."""
        self.notes.add(BpmnCode.META_INVALID, message, self.process_id, hint=META_HINT, at=self.meta_at)

    def bad_kind(self, key: str, value: Any, expected: str, instead: str | None = None) -> None:
        """A note that the qms data's ``key`` has the wrong shape and is not used."""
        self.meta_note(bad_meta_kind(key, kind_of(value), expected, instead))

    def merge(self, shown: str, stored: Any, element: str, what: Message) -> dict[str, str] | None:
        """The text a modeler shows (in the exported language) over the bilingual text qms stored, if it was edited."""
        shown = shown.strip()
        stored = text_value(stored)
        if stored is not None and what != _("mô tả bước"):
            stored = {lang: one_line(text) for lang, text in stored.items()}  # a name is one line, as modelers show it
        if stored is None:
            return {"vi": shown} if shown else None
        lang = self.lang.value
        # Compared as a modeler shows them: names are read with their whitespace collapsed to single spaces.
        if not shown or one_line(shown) == one_line(stored.get(lang) or stored["vi"]):
            return dict(stored)
        merged = dict(stored)
        merged[lang] = shown
        other = "en" if lang == "vi" else "vi"
        if merged.get(other):
            self.notes.add(BpmnCode.TRANSLATION, _changed(what, shown, other), element)
        return merged


def text_value(value: Any) -> dict[str, str] | None:
    """``value`` if it is a bilingual text ``{vi: ..., en: ...}`` (Vietnamese not empty), without an empty English."""
    if not isinstance(value, dict) or set(value) - {"vi", "en"}:
        return None
    vi, en = value.get("vi"), value.get("en")
    if not isinstance(vi, str) or not vi.strip() or not (en is None or isinstance(en, str)):
        return None
    return {"vi": vi, "en": en} if en and en.strip() else {"vi": vi}


def _changed(what: Message, text: str, other: str) -> Message:
    other_name = {"en": _("tiếng Anh"), "vi": _("tiếng Việt")}[other]
    return _("{what} «{text}» đã được sửa trong BPMN; bản dịch ({other}) cũ được giữ lại, hãy kiểm tra").format(
        what=what, text=text, other=other_name
    )


class Ids:
    """Step or role ids handed out so far.

    A new id from a name already taken gets the first free «name-N»; the next
    N to try is remembered per name, so 10,000 steps of the same name take
    10,000 tries, not 50 million. Every id fits the id pattern (63 characters).
    """

    def __init__(self, taken: Iterable[str] = ()):
        self.taken = set(taken)
        self.next: dict[str, int] = {}

    def __contains__(self, item: object) -> bool:
        return item in self.taken

    def add(self, item: str) -> None:
        self.taken.add(item)

    def unique(self, base: str) -> str:
        base = base[:60].rstrip("-") or "x"
        if base not in self.taken:
            self.taken.add(base)
            return base
        n = self.next.get(base, 2)
        while True:
            suffix = f"-{n}"
            candidate = base[: STEP_ID_MAX - len(suffix)].rstrip("-") + suffix
            n += 1
            if candidate not in self.taken:
                break
        self.next[base] = n
        self.taken.add(candidate)
        return candidate
