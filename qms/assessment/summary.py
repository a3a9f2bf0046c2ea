"""An assessment as its dashboard shows it: per quadrant, the count of each colour and each indicator's score and its
change against last year. :mod:`qms.report.assessment` (the terminal, JSON) and the handbook's page both show this."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from qms.assessment.compare import Change, change
from qms.assessment.indicators import Indicator, Quadrant, catalogue
from qms.assessment.model import Entry, Score
from qms.assessment.read import AssessmentFile


@dataclass(frozen=True)
class Line:
    """One indicator: its entry this year (``None``: not scored) and last year's score, and the change."""

    indicator: Indicator
    entry: Entry | None
    previous: Score | None
    change: Change | None  # None: no previous file to compare with

    @property
    def score(self) -> Score | None:
        return self.entry.score if self.entry is not None else None


@dataclass(frozen=True)
class QuadrantLines:
    quadrant: Quadrant
    lines: list[Line]

    def counts(self) -> Counter[Score | None]:
        """How many indicators have each score (``None``: not scored)."""
        return Counter(line.score for line in self.lines)


@dataclass
class Summary:
    """The assessment ``current``, compared with ``previous`` if it could be read."""

    current: AssessmentFile
    previous: AssessmentFile | None
    quadrants: list[QuadrantLines] = field(default_factory=list)

    def lines(self) -> list[Line]:
        return [line for quadrant in self.quadrants for line in quadrant.lines]

    def changes(self) -> Counter[Change]:
        return Counter(line.change for line in self.lines() if line.change is not None)

    def counts(self) -> Counter[Score | None]:
        total: Counter[Score | None] = Counter()
        for quadrant in self.quadrants:
            total += quadrant.counts()
        return total


def summarise(current: AssessmentFile, previous: AssessmentFile | None = None) -> Summary:
    """Every indicator of the catalogue, by quadrant, with this year's entry and the change since ``previous``."""
    now = current.assessment.entries()
    before = previous.assessment.entries() if previous is not None else {}
    summary = Summary(current, previous)
    books = catalogue()
    for quadrant in books.quadrants:
        lines = []
        for indicator in books.of(quadrant.id):
            entry = now.get(indicator.id)
            last = before[indicator.id].score if indicator.id in before else None
            moved = change(entry.score if entry else None, last) if previous is not None else None
            lines.append(Line(indicator, entry, last, moved))
        summary.quadrants.append(QuadrantLines(quadrant, lines))
    return summary


__all__ = ["Line", "QuadrantLines", "Summary", "summarise"]
