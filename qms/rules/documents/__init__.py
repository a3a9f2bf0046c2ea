"""Documented-information rules (QMS5xx): ISO 9001:2015 7.5 control of the process document itself.

A process file is a controlled document: it is prepared, reviewed and
approved (7.5.2 c), carries its revision history and effective date, names
where each record is kept and for how long (7.5.3.2), and, once in force,
relies only on other documents in force (7.5.3: no use of obsolete ones).
"""

from __future__ import annotations

from datetime import date

from qms.i18n import Message

# The status vocabulary (names, issued statuses) is qms.domain's: the audit steps use it too.


def day(value: date) -> Message:
    """A date the way each language writes it: 08/01/2026 / 2026-01-08."""
    return Message(value.strftime("%d/%m/%Y"), value.isoformat())


def version_key(version: str) -> tuple[int, ...]:
    """Numeric sort key of a version: "1.10" > "1.9", and "2" equals "2.0"."""
    parts = [int(p) for p in version.split(".")]
    while len(parts) > 1 and parts[-1] == 0:
        parts.pop()
    return tuple(parts)
