"""The clause coverage matrix: which processes evidence each clause, which rules check it.

An auditor reads it to see what is not covered at all: a clause no process
claims to evidence, or one no rule checks (then only a human audit can).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from qms.domain.citizen import serves_citizens
from qms.i18n import Message
from qms.iso9001 import ISO9001_CLAUSES, clause_in_scope
from qms.model import Process
from qms.rules.base import Finding, Rule
from qms.standards import ISO18091_AREAS


@dataclass(frozen=True)
class CoverageRow:
    standard: str  # "ISO 9001:2015" or "ISO 18091:2019"
    key: str  # clause number or area key
    title: Message
    processes: tuple[str, ...]
    rules: tuple[str, ...]
    not_applicable: str | None = None  # the project's justification when the clause does not apply (ISO 9001 4.3)

    @property
    def gap(self) -> bool:
        return self.not_applicable is None and (not self.processes or not self.rules)


def coverage_matrix(
    processes: Sequence[Process], rules: Sequence[type[Rule]], findings: Sequence[Finding] = (), not_applicable: Mapping[str, str] | None = None
) -> list[CoverageRow]:
    """One row per ISO 9001 clause in scope, then one per ISO 18091 area.

    A process evidences an ISO 9001 clause when it declares it (``iso_clauses``,
    sub-clauses count for their clause); it evidences an ISO 18091 area when it
    is citizen-facing and no rule of that area has an active finding on it. A clause the project declares not
    applicable (``not_applicable``, with its justification) is shown as such and is not a gap.
    """
    not_applicable = not_applicable or {}
    rows: list[CoverageRow] = []
    for clause, title in ISO9001_CLAUSES.items():
        evidencing = tuple(sorted({p.code for p in processes for c in p.iso_clauses if clause_in_scope(c) == clause}))
        checking = tuple(r.code for r in rules if any(clause_in_scope(c) == clause for c in r.iso9001))
        rows.append(CoverageRow("ISO 9001:2015", clause, title, evidencing, checking, not_applicable.get(clause)))
    for key, area in ISO18091_AREAS.items():
        checking = tuple(r.code for r in rules if key in r.iso18091)
        failing = {f.process for f in findings if f.code in checking and not f.waived}
        evidencing = tuple(sorted(p.code for p in processes if serves_citizens(p) and checking and p.code not in failing))
        rows.append(CoverageRow("ISO 18091:2019", key, area.name, evidencing, checking))
    return rows
