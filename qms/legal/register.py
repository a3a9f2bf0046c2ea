"""The register as the rules ask it: which text a number names, and which text replaced it from when.

A replacement may be written on either side: the old text's ``replaced_by`` or the new text's ``replaces``; a number
either side names need not be in the register. It takes effect on the new text's ``in_force_from`` or, when that is not
known, the day after the old text's ``in_force_until``; with neither the day is unknown and no rule can judge it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from qms.diagnostics import Diagnostic
from qms.legal.citations import find_citations, number_key
from qms.legal.model import LegalText


@dataclass(frozen=True)
class Replacement:
    """``replaced`` gave way to ``replacement`` on ``effective``; ``verified`` when every entry saying so was checked."""

    replaced: str
    replacement: str
    effective: date
    verified: bool


@dataclass(frozen=True)
class Register:
    """The legal texts known to a run: a project's register (``files``) or, with no files, the one shipped in the package."""

    texts: tuple[LegalText, ...] = ()
    files: tuple[Path, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    _by_key: dict[str, LegalText] = field(init=False, repr=False, compare=False, hash=False)
    _replacing: dict[str, list[LegalText]] = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        by_key: dict[str, LegalText] = {}
        replacing: dict[str, list[LegalText]] = {}
        for text in self.texts:
            by_key.setdefault(key_of(text.number), text)  # a duplicate is the reader's error; the first counts
            for old in text.replaces:
                replacing.setdefault(key_of(old), []).append(text)
        object.__setattr__(self, "_by_key", by_key)
        object.__setattr__(self, "_replacing", replacing)

    @property
    def is_project(self) -> bool:
        """Whether this is a project's own register rather than the package's default."""
        return bool(self.files)

    def text(self, number: str) -> LegalText | None:
        """The entry for ``number`` however it is written (case, spaces, Đ/D)."""
        return self._by_key.get(key_of(number))

    def replacement_of(self, number: str) -> Replacement | None:
        """The earliest known replacement of the text ``number`` whose day is known, or ``None``."""
        old = self.text(number)
        candidates: list[Replacement] = []
        if old is not None and old.replaced_by:
            new = self.text(old.replaced_by)
            day = _effective(old, new)
            if day is not None:
                candidates.append(
                    Replacement(old.number, new.number if new else old.replaced_by, day, old.verified and (new is None or new.verified))
                )
        for new in self._replacing.get(key_of(number), []):
            day = _effective(old, new)
            if day is not None:
                candidates.append(
                    Replacement(old.number if old else number, new.number, day, new.verified and (old is None or old.verified))
                )
        return min(candidates, key=lambda r: (r.effective, not r.verified), default=None)


def key_of(number: str) -> str:
    """The comparable key of a number however it is written, also «Nghị định số 61/2018/NĐ-CP» (a standard's name as is)."""
    found = find_citations(number)
    return found[0].key if len(found) == 1 else number_key(number)


def _effective(old: LegalText | None, new: LegalText | None) -> date | None:
    if new is not None and new.in_force_from is not None:
        return new.in_force_from
    if old is not None and old.in_force_until is not None:
        return old.in_force_until + timedelta(days=1)
    return None


__all__ = ["Register", "Replacement", "key_of"]
