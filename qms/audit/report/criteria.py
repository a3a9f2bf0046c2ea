"""The outcome of one criterion (a scenario, or one row of a scenario outline) and the tags that classify it.

Split from :mod:`qms.audit.report.model` so that :mod:`qms.audit.report.causes`, which gathers these results by
cause, and the report that numbers those causes import in one direction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from qms.audit.codes import AuditCode
from qms.audit.errors import Cause
from qms.diagnostics import Diagnostic, Location, Severity
from qms.i18n import Lang, Message, _, pgettext
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
    cause: Cause | None = None  # the missing element or rule finding behind a finding, which other criteria may share

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

    @property
    def root(self) -> Cause:
        """The cause of a finding: the one its step named or, failing that, the finding itself (its code, process,
        evidence and message), so that only criteria failing with the very same finding share it."""
        if self.cause is not None:
            return self.cause
        where = self.evidence
        place = f"{where.path}:{where.line}:{where.column}" if where is not None else f"{self.file}:{self.line}"
        message = self.message or Message("", "")
        return Cause(f"finding {self.problem_code} {self.process} {place} {message.vi}", message, where)

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
