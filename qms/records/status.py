"""Where the corrective actions stand on a date: each nonconformity open, overdue or closed, counted per process and
per owner, and the reminders due that day (7, 3 and 1 days before a due date)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from qms.records.model import ActionStatus, FindingKind
from qms.records.read import RecordFile

REMINDER_DAYS = (7, 3, 1)


class NcState(StrEnum):
    OPEN = "open"
    OVERDUE = "overdue"
    CLOSED = "closed"


@dataclass(frozen=True)
class NcLine:
    audit: str
    finding: str
    kind: FindingKind
    clause: str
    process: str | None
    owner: str | None
    due: date | None
    state: NcState
    days_left: int | None  # to the due date; negative when overdue; None when closed or without a due date


@dataclass
class RecordStatus:
    as_of: date
    lines: list[NcLine]

    def count(self, by: str) -> dict[str, Counter[NcState]]:
        """``{process or owner: {state: n}}`` (``by``: ``"process"`` or ``"owner"``), sorted by name; "-" for none."""
        table: dict[str, Counter[NcState]] = {}
        for line in self.lines:
            table.setdefault(getattr(line, by) or "-", Counter())[line.state] += 1
        return dict(sorted(table.items()))

    def reminders(self) -> list[NcLine]:
        """The open nonconformities whose due date is 7, 3 or 1 days away: the reminders to send today."""
        return [line for line in self.lines if line.state is NcState.OPEN and line.days_left in REMINDER_DAYS]

    @property
    def overdue(self) -> list[NcLine]:
        return [line for line in self.lines if line.state is NcState.OVERDUE]


def record_status(records: Sequence[RecordFile], as_of: date) -> RecordStatus:
    """Every nonconformity of ``records`` and its state on ``as_of``."""
    lines = []
    for record_file in records:
        for finding in record_file.record.findings:
            if not finding.kind.nonconformity:
                continue
            closed = finding.status is ActionStatus.CLOSED
            days = None if closed or finding.due is None else (finding.due - as_of).days
            state = NcState.CLOSED if closed else NcState.OVERDUE if days is not None and days < 0 else NcState.OPEN
            lines.append(
                NcLine(record_file.record.id, finding.id, finding.kind, finding.clause, finding.process, finding.owner, finding.due, state, days)
            )
    return RecordStatus(as_of, lines)


__all__ = ["REMINDER_DAYS", "NcLine", "NcState", "RecordStatus", "record_status"]
