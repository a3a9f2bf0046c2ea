"""One nonconformity per cause: the failed criteria gathered by what makes them fail.

One role missing from a process makes every criterion that names it fail («the process has role X», «step Y is done
by X», «the process is approved by X»); one rule finding fails every criterion that cites the rule or its severity.
An auditee fixes that once, so the report lists it once: one finding (a :class:`Shortfall`) with the cause, its
evidence in the process file, and every criterion and clause it breaks.

Two failed criteria have the same cause when their findings have the same :class:`~qms.audit.errors.Cause` key:

* the same element missing from the same process: a role, a step, a record or a KPI named by its id or its name,
  accents and case ignored (``role QT-TTHC-01 chuyen-vien``);
* the same finding of a conformity rule: the same rule code at the same file, line and column
  (``rule QMS302 processes/QT-TTHC-01.yaml:40:9``);
* otherwise, the very same finding: the same code, process, evidence (file, line, column) and message.

A cause is a nonconformity if any of its criteria is one, an observation when all of them are (``@khuyen-nghi``).
"""

from __future__ import annotations

from dataclasses import dataclass

from qms.audit.report.criteria import CriterionResult, Kind, Outcome, basis_label
from qms.diagnostics import Location
from qms.i18n import Lang, Message


@dataclass(frozen=True)
class Shortfall:
    """One cause and the failed criteria it explains, in the order they ran; numbered from 1 in the report."""

    number: int
    criteria: tuple[CriterionResult, ...]

    @property
    def first(self) -> CriterionResult:
        return self.criteria[0]

    @property
    def kind(self) -> Kind:
        kinds = {r.kind or Kind.NONCONFORMITY for r in self.criteria}
        return Kind.NONCONFORMITY if Kind.NONCONFORMITY in kinds else Kind.OBSERVATION

    @property
    def code(self) -> str | None:
        return self.first.problem_code

    @property
    def message(self) -> Message:
        return self.first.root.message

    @property
    def evidence(self) -> Location | None:
        return self.first.root.location

    @property
    def hint(self) -> Message | None:
        return next((r.hint for r in self.criteria if r.hint is not None), None)

    @property
    def basis(self) -> tuple[str, ...]:
        """The clauses and legal articles the cause breaks: every criterion's, once each, in order."""
        return tuple(dict.fromkeys(tag for r in self.criteria for tag in r.basis))

    def basis_text(self, lang: Lang | str = Lang.VI) -> str:
        return "; ".join(basis_label(t, lang) for t in self.basis)

    @property
    def subjects(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(code for r in self.criteria for code in r.subjects))

    def own_message(self, result: CriterionResult) -> Message | None:
        """What ``result`` says beyond the cause («bước ky do vai trò … thực hiện»), ``None`` when it says just that."""
        return result.message if result.message is not None and result.message != self.message else None

    def own_evidence(self, result: CriterionResult) -> Location | None:
        """Where ``result`` shows the cause, when that is another place than the cause's own evidence."""
        return result.evidence if result.evidence is not None and result.evidence != self.evidence else None


def shortfalls(results: list[CriterionResult]) -> list[Shortfall]:
    """The failed criteria of ``results`` gathered by cause, in the order each cause first failed."""
    by_key: dict[str, list[CriterionResult]] = {}
    for result in results:
        if result.outcome is Outcome.FAILED:
            by_key.setdefault(result.root.key, []).append(result)
    return [Shortfall(i, tuple(group)) for i, group in enumerate(by_key.values(), 1)]


__all__ = ["Shortfall", "shortfalls"]
