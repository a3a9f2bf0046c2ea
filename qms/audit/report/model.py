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

import re
from dataclasses import KW_ONLY, dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from qms.audit.codes import AuditCode
from qms.audit.provenance import Provenance
from qms.diagnostics import Diagnostic, Location, Severity
from qms.i18n import Lang, Message, _, ngettext, pgettext
from qms.model.process import PROCESS_CODE_PATTERN

# Texts by self.value.
_AUDIT_OUTCOME = {
    "passed": _("Đạt"),
    "failed": _("Không đạt"),
    "error": pgettext("audit.outcome.error", "Lỗi"),
    "skipped": _("Bỏ qua"),
}

# Texts by self.value.
_AUDIT_KIND = {
    "nonconformity": _("Điểm không phù hợp"),
    "observation": _("Khuyến nghị"),
}

OBSERVATION_TAGS = frozenset({"khuyen-nghi", "khuyến-nghị", "observation"})
_PROCESS_TAG = re.compile(PROCESS_CODE_PATTERN)
_BASIS_TAG = re.compile(r"^(?:iso\d+|nd\d+|tt\d+|qd\d+|luat)", re.IGNORECASE)


class Outcome(StrEnum):
    PASSED = "passed"
    FAILED = "failed"
    ERROR = "error"
    SKIPPED = "skipped"

    def label(self, lang: Lang | str) -> str:
        return _AUDIT_OUTCOME[self.value].get(lang)


class Kind(StrEnum):
    """How grave a failed criterion is."""

    NONCONFORMITY = "nonconformity"  # điểm không phù hợp
    OBSERVATION = "observation"  # khuyến nghị

    def label(self, lang: Lang | str) -> str:
        return _AUDIT_KIND[self.value].get(lang)


def kind_for(tags: set[str] | frozenset[str] | tuple[str, ...]) -> Kind:
    return Kind.OBSERVATION if OBSERVATION_TAGS & set(tags) else Kind.NONCONFORMITY


def is_process_tag(tag: str) -> bool:
    return bool(_PROCESS_TAG.match(tag)) and any(c.isalpha() for c in tag) and tag == tag.upper()


def is_basis_tag(tag: str) -> bool:
    return bool(_BASIS_TAG.match(tag))


def basis_label(tag: str, lang: Lang | str = Lang.VI) -> str:
    """``iso9001-7.5.2`` -> ``ISO 9001:2015 7.5.2``; ``nd30-2020`` -> ``Nghị định 30/2020/NĐ-CP`` (Decree ... ND-CP)."""
    english = Lang(lang) is Lang.EN
    if match := re.fullmatch(r"iso9001-([\d.]+)", tag, re.IGNORECASE):
        return f"ISO 9001:2015 {match.group(1)}"
    if match := re.fullmatch(r"iso(\d+)(?:-([\d.]+))?", tag, re.IGNORECASE):
        return f"ISO {match.group(1)}" + (f" {match.group(2)}" if match.group(2) else "")
    if match := re.fullmatch(r"nd(\d+)-(\d{4})", tag, re.IGNORECASE):
        number = f"{int(match.group(1)):02d}/{match.group(2)}"
        return f"Decree {number}/ND-CP" if english else f"Nghị định {number}/NĐ-CP"
    if match := re.fullmatch(r"tt(\d+)-(\d{4})(?:-([a-z]+))?", tag, re.IGNORECASE):
        number = f"{int(match.group(1)):02d}/{match.group(2)}" + (f"/TT-{match.group(3).upper()}" if match.group(3) else "")
        return f"Circular {number}" if english else f"Thông tư {number}"
    if match := re.fullmatch(r"qd(\d+)-(\d{4})", tag, re.IGNORECASE):
        number = f"{int(match.group(1)):02d}/{match.group(2)}"
        return f"Decision {number}" if english else f"Quyết định {number}"
    return tag


@dataclass(frozen=True)
class StepRef:
    """A step of a criterion, where it is written."""

    keyword: str
    text: str
    file: Path
    line: int

    def __str__(self) -> str:
        return f"{self.keyword} {self.text}".strip()


@dataclass
class CriterionResult:
    """One criterion (a scenario, or one row of an outline) and what became of it."""

    feature: str
    file: Path
    line: int
    scenario: str
    tags: tuple[str, ...] = ()
    example: dict[str, str] = field(default_factory=dict)
    processes: tuple[str, ...] = ()  # the processes the criterion looked at
    outcome: Outcome = Outcome.PASSED
    kind: Kind | None = None  # for a failure
    message: Message | None = None  # the finding, or why the criterion could not run
    hint: Message | None = None
    step: StepRef | None = None  # the step that failed or is unknown
    evidence: Location | None = None  # where the process file shows the shortfall
    suggestions: tuple[str, ...] = ()  # closest known phrases, for an unknown step
    nodeid: str = ""
    duration: float = 0.0
    code: str | None = None  # what a finding or an error is (AUD001...); None for a criterion passed or skipped
    process: str | None = None  # the process a finding is about
    process_step: str | None = None  # the step of that process, when the finding is about one

    @property
    def basis(self) -> tuple[str, ...]:
        return tuple(t for t in self.tags if is_basis_tag(t))

    @property
    def process_tags(self) -> tuple[str, ...]:
        return tuple(t for t in self.tags if is_process_tag(t))

    @property
    def subjects(self) -> tuple[str, ...]:
        """Processes examined, or failing that the processes the criterion is tagged with."""
        return self.processes or self.process_tags

    def basis_text(self, lang: Lang | str = Lang.VI) -> str:
        return "; ".join(basis_label(t, lang) for t in self.basis)

    def label(self, lang: Lang | str) -> str:
        """The result as the reports name it: the kind of a failure, otherwise the outcome."""
        return self.kind.label(lang) if self.outcome is Outcome.FAILED and self.kind else self.outcome.label(lang)

    @property
    def place(self) -> Location:
        """Where the criterion went wrong: its unknown or failing step or, failing that, the criterion itself."""
        return Location(self.step.file, self.step.line) if self.step is not None else Location(self.file, self.line)

    @property
    def problem_code(self) -> str | None:
        """The code the reports show: a finding's or an error's (AUD001...), ``None`` for a criterion passed or skipped.

        The plugin gives every result its code; a result made by hand without one is a finding, or a step that failed.
        """
        if self.outcome not in (Outcome.FAILED, Outcome.ERROR):
            return None
        return str(self.code or (AuditCode.NOT_MET if self.outcome is Outcome.FAILED else AuditCode.STEP_CRASHED))

    def diagnostic(self) -> Diagnostic | None:
        """A finding or an error as a diagnostic, at its evidence in the process file or at its place in the criteria.

        An observation is a warning; ``None`` for a criterion that passed or was skipped.
        """
        code = self.problem_code
        if code is None:
            return None
        severity = Severity.WARNING if self.kind is Kind.OBSERVATION else Severity.ERROR
        subjects = self.subjects
        process = self.process or (subjects[0] if len(subjects) == 1 else None)
        data: dict[str, object] = {"criterion": self.scenario, "criterion_file": str(self.file), "criterion_line": self.line}
        if self.step is not None:
            data |= {"criterion_step": str(self.step), "criterion_step_line": self.step.line}
        if self.suggestions:
            data["suggestions"] = list(self.suggestions)
        where = self.evidence or self.place
        return Diagnostic(
            code, severity, where, self.message or Message("", ""), self.hint, process=process, step=self.process_step, data=data
        )


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

    def subjects_text(self, result: CriterionResult, lang: Lang | str | None = None) -> str:
        """The processes of a finding, each with its title: «QT-TTHC-01 (Giải quyết hồ sơ…)»."""
        lang = lang or self.lang
        named = []
        for code in result.subjects:
            title = self.process_titles.get(code)
            named.append(f"{code} ({title.get(lang)})" if title else code)
        return ", ".join(named)

    def finding_title(self, result: CriterionResult, lang: Lang | str) -> str:
        """The heading of a finding: «Điểm không phù hợp — ISO 9001:2015 7.5 — QT-TTHC-01 (Giải quyết hồ sơ…)»."""
        parts = ((result.kind or Kind.NONCONFORMITY).label(lang), result.basis_text(lang), self.subjects_text(result, lang))
        return " — ".join(x for x in parts if x)

    def summary(self, lang: Lang | str | None = None) -> str:
        return (
            _("{total}: {passed} đạt, {nonconformities}, {observations}, {errors}")
            .format(
                total=ngettext("{n} tiêu chí", "{n} tiêu chí", len(self.results)).format(n=len(self.results)),
                passed=len(self.passed),
                nonconformities=ngettext("{n} điểm không phù hợp", "{n} điểm không phù hợp", len(self.nonconformities)).format(
                    n=len(self.nonconformities)
                ),
                observations=ngettext("{n} khuyến nghị", "{n} khuyến nghị", len(self.observations)).format(n=len(self.observations)),
                errors=ngettext("{n} lỗi", "{n} lỗi", self.error_count).format(n=self.error_count),
            )
            .get(lang or self.lang)
        )
