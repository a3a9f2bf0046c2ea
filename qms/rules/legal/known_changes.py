"""Known replacements of legal documents the agencies' processes cite.

This table is how the toolkit keeps up with changing law: when a decree or
circular is replaced, adding one row here is the whole change; QMS402 then
flags every process still citing the old number on or after the day the
replacement took effect. Confidence follows the domain brief: "[R]" read in
a public source, "[S]" from secondary sources only (to verify against the
official gazette), "[M]" from memory.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

from qms.rules.legal.validity import number_key

Confidence = Literal["[R]", "[S]", "[M]"]


@dataclass(frozen=True)
class KnownChange:
    replaced: str  # number as usually written, e.g. "61/2018/NĐ-CP"
    replacement: str
    effective: date  # the day the replacement took effect
    confidence: Confidence

    @property
    def confirmed(self) -> bool:
        return self.confidence == "[R]"


KNOWN_CHANGES: tuple[KnownChange, ...] = (
    # One-stop mechanism (cơ chế một cửa): Decree 118/2025 of 9/6/2025.
    KnownChange("61/2018/NĐ-CP", "118/2025/NĐ-CP", date(2025, 7, 1), "[S]"),
    KnownChange("107/2021/NĐ-CP", "118/2025/NĐ-CP", date(2025, 7, 1), "[S]"),  # amended 61/2018
    KnownChange("01/2018/TT-VPCP", "03/2025/TT-VPCP", date(2025, 7, 1), "[S]"),  # the one-stop forms
    # Clerical work (công tác văn thư): Decree 30/2020 of 5/3/2020.
    KnownChange("110/2004/NĐ-CP", "30/2020/NĐ-CP", date(2020, 3, 5), "[R]"),
    KnownChange("09/2010/NĐ-CP", "30/2020/NĐ-CP", date(2020, 3, 5), "[R]"),
    # Decision 19/2014/QĐ-TTg (ISO 9001 in state bodies) stays: no replacement found.
)

_BY_KEY = {number_key(change.replaced): change for change in KNOWN_CHANGES}


def replacement_of(key: str) -> KnownChange | None:
    """The known change replacing the document with comparable number ``key`` (see ``number_key``)."""
    return _BY_KEY.get(key)
