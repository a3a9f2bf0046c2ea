"""Performance evaluation and improvement rules (QMS8xx): ISO 9001:2015 clauses 9 and 10 as a process claims them.

A process lists the clauses it evidences in ``iso_clauses``; an auditor
reads that list as a promise. These rules check that what a claimed clause
requires shows in the process definition itself: retained evidence (9.1.1,
9.2.2 f, 9.3.3, 10.2.2) and a review of whether corrective action worked
(10.2.1 d). They check the structure, not the content: a rule cannot tell
whether a record really is an audit report.
"""

from __future__ import annotations

from qms.model import Process


def claimed(process: Process, clause: str) -> list[str]:
    """The clauses of ``iso_clauses`` that are ``clause`` or fall under it ("10.2" claims "10.2" and "10.2.1")."""
    return [c for c in process.iso_clauses if c == clause or c.startswith(clause + ".")]
