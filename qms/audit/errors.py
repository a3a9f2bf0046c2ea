"""What a step of an audit criterion raises.

:class:`AuditFinding`: the process does not meet the criterion. It is what
an auditor writes down and signs: a bilingual sentence and, where the
process file shows it, the file and line. It subclasses ``AssertionError``
so that pytest reports it as a failed test, like a plain ``assert``.

:class:`CriterionError`: the criterion itself cannot be evaluated (a process
that is not in the folder, a value that is not a duration...). It says
nothing about the process, so it is an error of the criteria, never a
finding.
"""

from __future__ import annotations

from qms.diagnostics import Location
from qms.i18n import Lang, Message


class AuditFinding(AssertionError):
    """The process falls short of the criterion; ``location`` points into the process file."""

    def __init__(self, message: Message, location: Location | None = None, hint: Message | None = None, process: str | None = None):
        self.message = message
        self.location = location
        self.hint = hint
        self.process = process
        super().__init__(self.render())

    def render(self, lang: Lang | str = Lang.VI) -> str:
        where = f"{self.location}: " if self.location is not None else ""
        return where + self.message.get(lang)

    def __str__(self) -> str:
        # pytest prints str(exception); both languages, so nobody needs to rerun the audit to read it.
        return f"{self.render(Lang.VI)} / {self.message.en}"


class CriterionError(Exception):
    """The criterion cannot be evaluated as written."""

    def __init__(self, message: Message, hint: Message | None = None):
        self.message = message
        self.hint = hint
        super().__init__(f"{message.vi} / {message.en}")
