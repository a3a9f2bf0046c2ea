"""This year's assessment against last year's: for each indicator, better, the same or worse (red < yellow < green)."""

from __future__ import annotations

from enum import StrEnum

from qms.assessment.model import RANK, Assessment, Score


class Change(StrEnum):
    IMPROVED = "improved"  # tốt lên
    SAME = "same"  # giữ nguyên
    WORSE = "worse"  # kém đi
    NEW = "new"  # no colour last year (not scored, or not applicable)
    NOT_RATED = "not_rated"  # no colour this year (not applicable, or not scored)


def change(current: Score | None, previous: Score | None) -> Change:
    """How an indicator moved from ``previous`` to ``current``."""
    if current is None or current not in RANK:
        return Change.NOT_RATED
    if previous is None or previous not in RANK:
        return Change.NEW
    delta = RANK[current] - RANK[previous]
    return Change.IMPROVED if delta > 0 else Change.WORSE if delta < 0 else Change.SAME


def compare(current: Assessment, previous: Assessment) -> dict[str, Change]:
    """The change of every indicator scored this year or last year, by id."""
    now, before = current.entries(), previous.entries()
    ids = list(now) + [i for i in before if i not in now]
    return {i: change(now[i].score if i in now else None, before[i].score if i in before else None) for i in ids}


__all__ = ["Change", "change", "compare"]
