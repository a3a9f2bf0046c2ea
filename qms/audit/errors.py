"""What a step of an audit criterion raises.

:class:`AuditFinding`: the process does not meet the criterion. It is what
an auditor writes down and signs: a bilingual sentence and, where the
process file shows it, the file and line. It subclasses ``AssertionError``
so that pytest reports it as a failed test, like a plain ``assert``.

:class:`CriterionError`: the criterion itself cannot be evaluated (a process
that is not in the folder, a value that is not a duration...). It says
nothing about the process, so it is an error of the criteria, never a
finding.

Each carries its code (:mod:`qms.audit.codes`) and becomes a
:class:`~qms.diagnostics.Diagnostic` with :meth:`~AuditFinding.diagnostic`,
the one type every problem the toolkit reports is.

A finding may name its :class:`Cause`: the missing element or the rule finding behind it. Criteria that fail for
one cause make one nonconformity in the report (:mod:`qms.audit.report.causes`), not one per criterion.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from qms.audit.codes import AuditCode
from qms.diagnostics import Diagnostic, Location, Severity
from qms.i18n import Lang, Message


@dataclass(frozen=True)
class Cause:
    """What makes a criterion fail, as one thing an auditee fixes once: a role missing from a process, a rule finding.

    ``key`` says what the thing is («role QT-TTHC-01 chuyen-vien»): two findings with the same key have one cause.
    ``message`` states it and ``location`` shows it in the process file.
    """

    key: str
    message: Message
    location: Location | None = None


class AuditFinding(AssertionError):
    """The process falls short of the criterion; ``location`` points into the process file, ``step`` names its step."""

    def __init__(
        self,
        message: Message,
        location: Location | None = None,
        hint: Message | None = None,
        process: str | None = None,
        *,
        step: str | None = None,
        code: str = AuditCode.NOT_MET,
        cause: Cause | None = None,
    ):
        self.message = message
        self.cause = cause
        self.location = location
        self.hint = hint
        self.process = process
        self.step = step
        self.code = str(code)
        super().__init__(self.render())

    def render(self, lang: Lang | str = Lang.VI) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        return where + self.message.get(lang)

    def diagnostic(self, at: Location | None = None, severity: Severity = Severity.ERROR) -> Diagnostic:
        """The finding as a diagnostic, at its place in the process file or, without one, at ``at``."""
        where = self.location or at or Location(Path(self.process or "."))
        return Diagnostic(self.code, severity, where, self.message, self.hint, process=self.process, step=self.step)

    def __str__(self) -> str:
        # pytest prints str(exception); both languages, so nobody needs to rerun the audit to read it.
        return f"{self.render(Lang.VI)} / {self.message.en}"


class CriterionError(Exception):
    """The criterion cannot be evaluated as written."""

    def __init__(self, message: Message, hint: Message | None = None, *, code: str = AuditCode.CRITERION):
        self.message = message
        self.hint = hint
        self.code = str(code)
        super().__init__(f"{message.vi} / {message.en}")

    def diagnostic(self, at: Location) -> Diagnostic:
        """The error as a diagnostic at ``at``, the criterion's step that raised it."""
        return Diagnostic(self.code, Severity.ERROR, at, self.message, self.hint)
