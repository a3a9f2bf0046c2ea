"""Process-approach rules (QMS6xx): ISO 9001:2015 4.4.1 a)–h) and the clauses they lead to.

What 4.4.1 asks of every process beyond its sequence (QMS1xx) and its
responsibilities (QMS2xx): inputs and outputs (a), criteria and
indicators (c, 9.1.1), resources (d), risks and opportunities (f, 6.1),
and a check before anything is released (8.6).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from qms.i18n import Message, _, join


def spoken_list(labels: Sequence[Message]) -> Message | None:
    """Labels as a list read aloud ("A, B và C" / "A, B and C"); None when there are none."""
    if not labels:
        return None
    head, last = labels[:-1], labels[-1]
    if not head:
        return last
    return _("{head} và {last}").format(head=join(list(head), ", "), last=last)


def missing_parts(item: object, parts: Mapping[str, Message]) -> Message | None:
    """The named fields of ``item`` left empty, as a list read aloud ("A, B và C" / "A, B and C"); None when all are filled."""
    return spoken_list([label for field, label in parts.items() if not getattr(item, field)])
