"""Where a process cites legal texts: its legal basis, and every citation written in its free text.

Free text is every string of the process model (descriptions, criteria, record names and forms, notes, risks,
waivers' reasons...), found by walking the model, so a field added to the format is scanned without a change here.
Two parts are left out on purpose: the ``legal_basis`` entries (structured, judged as such; their titles and
``replaces`` name the texts they amend or replace) and the revision history, which records what the process rested
on before and must go on saying so.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from pydantic import BaseModel

from qms.legal.citations import Citation, find_citations, number_key
from qms.model import Process, Text

Path_ = tuple[str | int, ...]
_NOT_FREE_TEXT = frozenset({"legal_basis", "revisions"})


@dataclass(frozen=True)
class Cited:
    """A citation in free text and the field it is written in (a path for ``RuleContext.location``)."""

    path: Path_
    citation: Citation


def process_citations(process: Process) -> list[Cited]:
    """Every citation of the process: each number of its legal basis, then its free text (for ``qms legal impact``)."""
    found = []
    for index, document in enumerate(process.legal_basis):
        path: Path_ = ("legal_basis", index, "number")
        numbers = find_citations(document.number)
        # A standard («ISO 19011:2018») has no «number/year/symbol»: the whole number is its citation.
        whole = Citation(document.number, document.number, number_key(document.number), 0, len(document.number))
        found += [Cited(path, citation) for citation in numbers or [whole]]
    return found + free_text_citations(process)


def free_text_citations(process: Process) -> list[Cited]:
    """Each legal number cited in the process's free text, once per field (Vietnamese and English alike)."""
    found: dict[tuple[Path_, str], Cited] = {}
    for path, text in _strings(process, ()):
        if path and path[0] in _NOT_FREE_TEXT:
            continue
        field = path[:-1] if path[-1] in ("vi", "en") else path
        for citation in find_citations(text):
            found.setdefault((field, citation.key), Cited(path, citation))
    return list(found.values())


def _strings(value: object, path: Path_) -> Iterator[tuple[Path_, str]]:
    if isinstance(value, Text):
        yield (*path, "vi"), value.vi
        if value.en:
            yield (*path, "en"), value.en
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _strings(getattr(value, name), (*path, name))
    elif isinstance(value, str):
        yield path, value
    elif isinstance(value, list | tuple):
        for i, item in enumerate(value):
            yield from _strings(item, (*path, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*path, str(key)))


__all__ = ["Cited", "free_text_citations", "process_citations"]
