"""The assessment format (``assessments/*.yaml``): one year's ISO 18091 self-assessment of an organisation.

An assessment names the organisation, the year, its assessors and the date, and has one entry per indicator of
:mod:`qms.assessment.indicators`: a score (red, yellow, green, or not_applicable with its reason), the evidence,
the unit responsible (an id of ``units``, which may be a plan's unit ids), notes. ``previous`` is the path (from
the file's folder) of last year's assessment, to compare with. Which indicators are scored, and how, is judged by
the ASM findings (:mod:`qms.assessment.findings`), not here: a file with an unknown id still reads.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated, Any

from pydantic import Field, StringConstraints, field_validator

from qms.model import Text
from qms.model.process import STEP_ID_PATTERN, NonEmpty, _Strict
from qms.model.values import Date

UnitId = Annotated[str, StringConstraints(pattern=STEP_ID_PATTERN)]


class Score(StrEnum):
    RED = "red"  # đỏ
    YELLOW = "yellow"  # vàng
    GREEN = "green"  # xanh
    NOT_APPLICABLE = "not_applicable"  # không áp dụng (nêu lý do ở «reason»)


RANK = {Score.RED: 0, Score.YELLOW: 1, Score.GREEN: 2}  # the colours' order, for the comparison with last year


class Unit(_Strict):
    id: UnitId = Field(description="Mã đơn vị, không dấu / unit id, e.g. van-phong")
    name: Text = Field(description="Tên đơn vị / unit name")


class Entry(_Strict):
    """One indicator's score and what supports it."""

    id: str = Field(description="Mã chỉ số / indicator id, e.g. 1.10")
    score: Score = Field(description="Mức / score: red | yellow | green | not_applicable")
    evidence: list[NonEmpty] = Field(default_factory=list, description="Minh chứng (số văn bản, đường dẫn) / evidence")
    responsible: UnitId | None = Field(None, description="Đơn vị chịu trách nhiệm (id trong units) / responsible unit")
    reason: NonEmpty | None = Field(None, description="Lý do không áp dụng / why the indicator does not apply")
    notes: NonEmpty | None = Field(None, description="Ghi chú, việc cần làm / notes, next steps")

    @field_validator("evidence", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class Assessment(_Strict):
    """One year's self-assessment against the ISO 18091 indicators."""

    organisation: Text = Field(description="Cơ quan, tổ chức tự đánh giá / the organisation assessed")
    year: int = Field(ge=2000, le=2100, description="Năm đánh giá / year assessed")
    date: Date = Field(description="Ngày đánh giá / date of the assessment")
    assessors: list[NonEmpty] = Field(min_length=1, description="Người đánh giá / assessors")
    previous: NonEmpty | None = Field(None, description="Tệp đánh giá năm trước (đường dẫn từ tệp này) / last year's file")
    units: list[Unit] = Field(default_factory=list, description="Các đơn vị / units (a plan's unit ids may be used)")
    indicators: list[Entry] = Field(default_factory=list, description="Kết quả từng chỉ số / one entry per indicator")

    def unit_name(self, unit_id: str | None) -> Text | None:
        return next((unit.name for unit in self.units if unit.id == unit_id), None)

    def entries(self) -> dict[str, Entry]:
        """The entries by indicator id (the first of an id given twice)."""
        found: dict[str, Entry] = {}
        for entry in self.indicators:
            found.setdefault(entry.id, entry)
        return found


__all__ = ["RANK", "Assessment", "Entry", "Score", "Unit", "UnitId"]
