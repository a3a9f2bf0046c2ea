"""Recognising Vietnamese legal document numbers wherever they are written: a pure function of a text.

A number is «số/năm/ký hiệu»: ``61/2018/NĐ-CP``, ``21/2019/TT-BGDĐT``, ``19/2014/QĐ-TTg``, ``43/2019/QH14``. Authors
write it loosely: after the kind of text and «số» («Nghị định số 61/2018/NĐ-CP»), with spaces round the slashes
(«107 / 2021 / NĐ-CP»), with D for Đ (keyboards without Vietnamese input), with typographic dashes, in decomposed
Unicode (NFD, as macOS file names and some editors produce). :func:`number_key` is the one comparable form of a number;
:func:`find_citations` gives each citation with its place in the text as given, so that a caller can point at it.

Numbers without a year («1330/QĐ-UBND», usual for provincial decisions) are recognised only after a kind word
(«Quyết định 1330/QĐ-UBND»), where nothing else could be meant.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_DASHES = str.maketrans({"‐": "-", "‑": "-", "–": "-", "—": "-", "\u2212": "-"})  # hyphen, non-breaking hyphen, en and em dash, minus
_KINDS = (
    "thông tư liên tịch",
    "nghị quyết liên tịch",
    "nghị định",
    "thông tư",
    "quyết định",
    "nghị quyết",
    "chỉ thị",
    "luật",
    "bộ luật",
    "pháp lệnh",
    "lệnh",
    "công văn",
    "văn bản",
)
_SYMBOL = r"[A-Za-zĐđ][A-Za-zĐđ0-9]*(?:-[A-Za-zĐđ][A-Za-zĐđ0-9]*)*"  # «NĐ-CP»; « - » is prose, not a symbol
_KIND = "|".join(re.escape(k) for k in _KINDS)
_CITATION = re.compile(
    rf"(?:(?P<kind>{_KIND})\s+(?:số\s+)?)?"  # «Nghị định số », optional
    rf"(?<![\w/])(?P<serial>\d{{1,5}})\s*/\s*(?:(?P<year>(?:19|20)\d{{2}})\s*/\s*)?(?P<symbol>{_SYMBOL})",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Citation:
    """A legal number as found: ``written`` is ``text[start:end]``; ``number`` its tidy form, ``key`` its comparable one."""

    written: str
    number: str  # e.g. "61/2018/NĐ-CP": NFC, no spaces, one kind of dash, Đ where written Đ
    key: str  # number_key(number): "61/2018/ND-CP"
    start: int
    end: int
    kind: str | None = None  # the kind word before it, lower case («nghị định»), if any


def number_key(number: str) -> str:
    """A document number in comparable form: NFC, upper case, Đ as D, no spaces, one kind of dash."""
    text = unicodedata.normalize("NFC", number).upper().replace("Đ", "D").translate(_DASHES)
    return re.sub(r"\s+", "", text)


def _composed(text: str) -> tuple[str, list[int]]:
    """``text`` in NFC with, for each of its characters, the offset in ``text`` where it comes from (and one past the end)."""
    parts: list[str] = []
    origin: list[int] = []
    start = 0
    for i in range(1, len(text) + 1):
        # A base character and the combining marks after it compose together; nothing composes across a base.
        if i == len(text) or not unicodedata.combining(text[i]):
            piece = unicodedata.normalize("NFC", text[start:i])
            parts.append(piece)
            origin += [start] * len(piece)
            start = i
    origin.append(len(text))
    return "".join(parts), origin


def find_citations(text: str) -> list[Citation]:
    """Every legal number in ``text``, in order, with its offsets in ``text`` itself (NFC or NFD alike)."""
    composed, origin = _composed(text.translate(_DASHES))
    found = []
    for match in _CITATION.finditer(composed):
        kind = match.group("kind")
        if match.group("year") is None and kind is None:
            continue  # «15/4» or «a/b» is no citation; a yearless number needs its kind word
        begin = match.start("kind") if kind else match.start("serial")
        symbol = match.group("symbol")
        year = match.group("year")
        number = "/".join(p for p in (match.group("serial"), year, symbol) if p)
        end = match.end("symbol")
        found.append(
            Citation(text[origin[begin] : origin[end]], number, number_key(number), origin[begin], origin[end], kind and kind.lower())
        )
    return found


def numbers_in(text: str) -> list[str]:
    """The tidy numbers cited in a text, in order."""
    return [citation.number for citation in find_citations(text)]


__all__ = ["Citation", "find_citations", "number_key", "numbers_in"]
