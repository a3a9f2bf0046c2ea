"""The ISO 18091 indicators (TCVN ISO 18091:2020, Annex A): 39 indicators in four quadrants, shipped as package data.

``indicators.yaml`` holds, for each indicator, a stable id (``1.1``..``1.10``, ``2.1``..``2.8``, ``3.1``..``3.12``,
``4.1``..``4.9``), its quadrant, a short name and what a local government would need to show for red, yellow and
green, in Vietnamese and English, and ``education: true`` on those most relevant to an education agency.
The names and criteria are OUR PARAPHRASE, not the standard's (copyrighted) text, and have not been checked
against it; the counts per quadrant come from the project's issue.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cache
from importlib import resources
from typing import Annotated

import yaml
from pydantic import Field, StringConstraints

from qms.model import Text
from qms.model.process import _Strict

INDICATOR_ID_PATTERN = r"^[1-4]\.[1-9][0-9]?$"
IndicatorId = Annotated[str, StringConstraints(pattern=INDICATOR_ID_PATTERN)]


class QuadrantId(StrEnum):
    INSTITUTIONAL = "institutional"
    ECONOMIC = "economic"
    SOCIAL = "social"
    ENVIRONMENTAL = "environmental"


class Quadrant(_Strict):
    id: QuadrantId
    number: int = Field(ge=1, le=4)
    name: Text


class Indicator(_Strict):
    """One indicator and its criteria (our paraphrase) for each colour."""

    id: IndicatorId
    quadrant: QuadrantId
    name: Text
    red: Text
    yellow: Text
    green: Text
    education: bool = False

    def criterion(self, colour: str) -> Text:
        """The criterion of ``colour`` (``red``, ``yellow``, ``green``)."""
        return {"red": self.red, "yellow": self.yellow, "green": self.green}[colour]


class Catalogue(_Strict):
    quadrants: list[Quadrant]
    indicators: list[Indicator]

    def by_id(self) -> dict[str, Indicator]:
        return {indicator.id: indicator for indicator in self.indicators}

    def of(self, quadrant: QuadrantId) -> list[Indicator]:
        return [indicator for indicator in self.indicators if indicator.quadrant is quadrant]


@cache
def catalogue() -> Catalogue:
    """The shipped indicators, read once."""
    text = resources.files("qms.assessment").joinpath("indicators.yaml").read_text(encoding="utf-8")
    return Catalogue.model_validate(yaml.safe_load(text))


def indicator_ids() -> list[str]:
    """Every indicator id, in the catalogue's order."""
    return [indicator.id for indicator in catalogue().indicators]


__all__ = ["INDICATOR_ID_PATTERN", "Catalogue", "Indicator", "IndicatorId", "Quadrant", "QuadrantId", "catalogue", "indicator_ids"]
