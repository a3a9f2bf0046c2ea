"""What a change of the law touches: every place a text is cited, and the texts out of force on a day.

``qms legal impact NUMBER`` lists each process, step and line citing a text, so that when a circular is replaced the
officer sees the whole revision at once; ``qms legal check --as-of DATE`` lists the register's texts not in force on
that day and where each is still cited. Places are those of :func:`~qms.legal.citing.process_citations`: the legal
basis and the free text, not the revision history.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from qms.diagnostics import Location
from qms.i18n import Message, _
from qms.legal.citing import process_citations
from qms.legal.model import LegalText
from qms.legal.register import Register, Replacement, key_of
from qms.model import Process


@dataclass(frozen=True)
class CitingPlace:
    """One place a text is cited: the process, the step when in a step, the field's location, the number as written."""

    process: str
    step: str | None
    location: Location
    written: str
    key: str


@dataclass(frozen=True)
class OutOfForce:
    """A text of the register not in force on a day, why, and where the processes still cite it."""

    text: LegalText
    why: Message
    replacement: Replacement | None
    places: tuple[CitingPlace, ...]


def citing_places(processes: Iterable[Process]) -> list[CitingPlace]:
    """Every citation of every process, in process and line order."""
    places = []
    for process in processes:
        for cited in process_citations(process):
            step = process.steps[cited.path[1]].id if cited.path[0] == "steps" and isinstance(cited.path[1], int) else None
            where = process.origin.at(*cited.path) if process.origin is not None else Location(Path(f"<{process.code}>"))
            places.append(CitingPlace(process.code, step, where, cited.citation.written, cited.citation.key))
    return sorted(places, key=lambda p: (p.process, p.location.line, p.location.column))


def impact(number: str, processes: Iterable[Process]) -> list[CitingPlace]:
    """Every place the text ``number`` is cited, however it is written there."""
    key = key_of(number)
    return [place for place in citing_places(processes) if place.key == key]


def out_of_force(register: Register, day: date, processes: Sequence[Process] = ()) -> list[OutOfForce]:
    """The register's texts not in force on ``day`` (replaced, expired or not yet in force), each with its citing places."""
    places = citing_places(processes)
    found = []
    for text in register.texts:
        why, replacement = _why(register, text, day)
        if why is not None:
            key = key_of(text.number)
            found.append(OutOfForce(text, why, replacement, tuple(p for p in places if p.key == key)))
    return found


def _day(day: date) -> Message:
    return Message(day.strftime("%d/%m/%Y"), day.isoformat())  # as each language writes a date


def _why(register: Register, text: LegalText, day: date) -> tuple[Message | None, Replacement | None]:
    change = register.replacement_of(text.number)
    if change is not None and day >= change.effective:
        since = _day(change.effective)
        return _("đã được thay bằng {replacement} từ ngày {since}").format(replacement=change.replacement, since=since), change
    if text.in_force_until is not None and day > text.in_force_until:
        end = _day(text.in_force_until)
        return _("đã hết hiệu lực (ngày cuối còn hiệu lực {end})").format(end=end), None
    if text.in_force_from is not None and day < text.in_force_from:
        start = _day(text.in_force_from)
        return _("chưa có hiệu lực (có hiệu lực từ {start})").format(start=start), None
    return None, None


__all__ = ["CitingPlace", "OutOfForce", "citing_places", "impact", "out_of_force"]
