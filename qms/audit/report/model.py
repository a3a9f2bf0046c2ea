"""What an audit found: the outcome of each criterion, and the report that gathers them.

The package :mod:`qms.audit.report` exports these names; its writers read them.

Each criterion (one scenario, or one row of a scenario outline) has an
outcome: passed, failed or error. A failure is phrased as a finding an
auditor can sign: a nonconformity (điểm không phù hợp) or, when the
criterion is tagged ``@khuyen-nghi`` / ``@observation``, an observation
(khuyến nghị), with the failing step and the place in the process file.
An error is a criterion that could not be evaluated (unknown step, a
process not in the folder, a file that is not Gherkin): it says nothing
about the processes and is listed apart.

Every finding and error has its code (:mod:`qms.audit.codes`) and becomes a
:class:`~qms.diagnostics.Diagnostic` (:meth:`CriterionResult.diagnostic`,
:meth:`AuditError.diagnostic`, :attr:`AuditReport.diagnostics`).
"""

from __future__ import annotations

from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime
from pathlib import Path

from qms.audit.provenance import Provenance
from qms.audit.report.causes import Shortfall, shortfalls
from qms.audit.report.criteria import (  # noqa: F401 (re-exported: the package and its writers read them here)
    OBSERVATION_TAGS,
    CriterionResult,
    Kind,
    Outcome,
    StepRef,
    basis_label,
    is_basis_tag,
    is_process_tag,
    kind_for,
)
from qms.diagnostics import Diagnostic, Location, Severity
from qms.i18n import Lang, Message, _, ngettext
from qms.rules.agency import Agency


@dataclass
class AuditError:
    """A criteria file that cannot be read, or a problem with the run itself."""

    file: Path | None
    line: int
    message: Message
    hint: Message | None = None
    source: str = ""  # the offending line as written
    _unused: KW_ONLY
    code: str  # what the error is (AUD006...)

    def diagnostic(self, features: Path | None = None) -> Diagnostic:
        """The error as a diagnostic; a problem of the run itself, which has no file, is placed at ``features``."""
        where = Location(self.file or features or Path("."), max(self.line, 1))
        return Diagnostic(
            str(self.code), Severity.ERROR, where, self.message, self.hint, data={"source": self.source} if self.source else {}
        )


@dataclass(frozen=True)
class Signatory:
    """A line of the signature block: who signs as what (name and title blank for a report signed by hand)."""

    role: Message
    name: str = ""
    title: str = ""


# The signature block of a report nobody is named in: lines to fill in by hand.
BLANK_SIGNATORIES = (
    Signatory(_("Trưởng đoàn đánh giá")),
    Signatory(_("Thành viên đoàn đánh giá")),
    Signatory(_("Đại diện đơn vị được đánh giá")),
)


@dataclass
class AuditReport:
    features: Path
    processes: Path
    results: list[CriterionResult] = field(default_factory=list)
    errors: list[AuditError] = field(default_factory=list)
    load_diagnostics: list[Diagnostic] = field(default_factory=list)
    process_titles: dict[str, Message] = field(default_factory=dict)  # code -> title, to name processes in findings
    tags: str | None = None
    process: str | None = None
    lang: Lang = Lang.VI
    started: datetime = field(default_factory=datetime.now)
    exit_code: int = 0
    output: str = ""  # pytest's own output, for debugging a run
    process_versions: dict[str, str] = field(default_factory=dict)  # code -> version, the issue audited
    waived: list[Diagnostic] = field(default_factory=list)  # rule findings an approved waiver covers, in the processes examined
    left_out: list[Path] = field(default_factory=list)  # criteria files in another language than the report's
    provenance: Provenance | None = None
    signatories: list[Signatory] = field(default_factory=list)  # none: the blank lines of BLANK_SIGNATORIES
    agency: Agency | None = None  # the auditee: the [agency] of the project's qms.toml

    @property
    def examined(self) -> list[str]:
        """The codes of the processes the criteria looked at, sorted."""
        return sorted({code for r in self.results for code in r.subjects})

    # --- counts -----------------------------------------------------------------------------
    def _count(self, outcome: Outcome, kind: Kind | None = None) -> int:
        return sum(1 for r in self.results if r.outcome is outcome and (kind is None or r.kind is kind))

    @property
    def passed(self) -> list[CriterionResult]:
        return [r for r in self.results if r.outcome is Outcome.PASSED]

    @property
    def failed(self) -> list[CriterionResult]:
        return [r for r in self.results if r.outcome is Outcome.FAILED]

    @property
    def nonconformities(self) -> list[CriterionResult]:
        return [r for r in self.failed if r.kind is Kind.NONCONFORMITY]

    @property
    def observations(self) -> list[CriterionResult]:
        return [r for r in self.failed if r.kind is Kind.OBSERVATION]

    @property
    def shortfalls(self) -> list[Shortfall]:
        """The failed criteria gathered by cause: what the report numbers as its findings (:mod:`.causes`)."""
        return shortfalls(self.results)

    @property
    def criterion_errors(self) -> list[CriterionResult]:
        return [r for r in self.results if r.outcome is Outcome.ERROR]

    @property
    def error_count(self) -> int:
        return len(self.criterion_errors) + len(self.errors)

    @property
    def diagnostics(self) -> list[Diagnostic]:
        """Every finding and error of the run as a diagnostic: the criteria's, then the run's and its files', then the processes' load errors."""
        found = [d for r in self.results if (d := r.diagnostic()) is not None]
        return found + [e.diagnostic(self.features) for e in self.errors] + list(self.load_diagnostics)

    @property
    def ok(self) -> bool:
        """No nonconformity and every criterion could be evaluated (observations do not count)."""
        return not self.nonconformities and not self.error_count

    def subjects_text(self, result: CriterionResult | Shortfall, lang: Lang | str | None = None) -> str:
        """The processes of a finding, each with its title: «QT-TTHC-01 (Giải quyết hồ sơ…)»."""
        lang = lang or self.lang
        named = []
        for code in result.subjects:
            title = self.process_titles.get(code)
            named.append(f"{code} ({title.get(lang)})" if title else code)
        return ", ".join(named)

    def finding_title(self, result: CriterionResult | Shortfall, lang: Lang | str) -> str:
        """The heading of a finding: «Điểm không phù hợp — ISO 9001:2015 7.5 — QT-TTHC-01 (Giải quyết hồ sơ…)»."""
        parts = ((result.kind or Kind.NONCONFORMITY).label(lang), result.basis_text(lang), self.subjects_text(result, lang))
        return " — ".join(x for x in parts if x)

    def summary(self, lang: Lang | str | None = None) -> str:
        """«6 tiêu chí: 1 đạt, 3 điểm không phù hợp, 1 khuyến nghị, 1 lỗi»: nonconformities and observations by cause."""
        found = self.shortfalls
        nonconformities = sum(1 for s in found if s.kind is Kind.NONCONFORMITY)
        observations = len(found) - nonconformities
        return (
            _("{total}: {passed} đạt, {nonconformities}, {observations}, {errors}")
            .format(
                total=ngettext("{n} tiêu chí", "{n} tiêu chí", len(self.results)).format(n=len(self.results)),
                passed=len(self.passed),
                nonconformities=ngettext("{n} điểm không phù hợp", "{n} điểm không phù hợp", nonconformities).format(n=nonconformities),
                observations=ngettext("{n} khuyến nghị", "{n} khuyến nghị", observations).format(n=observations),
                errors=ngettext("{n} lỗi", "{n} lỗi", self.error_count).format(n=self.error_count),
            )
            .get(lang or self.lang)
        )
