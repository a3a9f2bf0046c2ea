"""The process as a controlled document (ISO 9001 7.5): its status, who signed it, which clauses it claims.

Answers shared by the document-control rules (QMS2xx, QMS5xx, QMS8xx) and
the audit steps about status, approval and clauses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qms.i18n import Message, _
from qms.model import Process, SignOff, Status
from qms.model.values import fold

# --- status vocabulary ---------------------------------------------------------------------------

# What each status is called, as an agency's document register writes it.
STATUS_NAMES: dict[Status, Message] = {
    Status.DRAFT: _("dự thảo"),
    Status.REVIEW: _("đang xem xét"),
    Status.APPROVED: _("đã phê duyệt"),
    Status.OBSOLETE: _("hết hiệu lực"),
}

# Statuses of a document that has been through approval: it must show how (sign-offs, dates, revisions).
ISSUED = frozenset({Status.APPROVED, Status.OBSOLETE})

# Words an auditor may write for a status, folded (lowercase, no diacritics): the names above and usual variants.
STATUS_WORDS: dict[str, Status] = {
    "du thao": Status.DRAFT,
    "draft": Status.DRAFT,
    "dang xem xet": Status.REVIEW,
    "xem xet": Status.REVIEW,
    "review": Status.REVIEW,
    "in review": Status.REVIEW,
    "under review": Status.REVIEW,
    "da phe duyet": Status.APPROVED,
    "duoc phe duyet": Status.APPROVED,
    "phe duyet": Status.APPROVED,
    "approved": Status.APPROVED,
    "het hieu luc": Status.OBSOLETE,
    "obsolete": Status.OBSOLETE,
}


def status_named(text: str) -> Status | None:
    """The status ``text`` names in either language, diacritics and case ignored («Đã phê duyệt» -> approved); None if none."""
    return STATUS_WORDS.get(" ".join(fold(text).split()))


def status_label(status: Status) -> Message:
    """A status as written in the file, glossed in Vietnamese: «approved» (đã phê duyệt); in English the word alone."""
    return Message(f"«{status.value}» ({STATUS_NAMES[status].vi})", f"«{status.value}»")


# --- who signed: drafter and approver --------------------------------------------------------------


def same_person(a: str, b: str) -> bool:
    """Two names of one person: "Nguyễn Văn An" and "nguyen  van an" are the same name typed twice."""
    return " ".join(fold(a).split()) == " ".join(fold(b).split())


@dataclass(frozen=True)
class SameSignatory:
    """Why two sign-offs count as one signatory: they name the same role, the same person, or both. False when neither."""

    role: bool = False
    person: bool = False

    def __bool__(self) -> bool:
        return self.role or self.person


def same_signatory(first: SignOff, second: SignOff) -> SameSignatory:
    """Whether two sign-offs (drafter and approver) are one signatory: the same role, or the same person.

    Either is enough, and neither can stand in for the other:

    * **Same role, two person names**: one signatory. ISO 9001 7.5.2 c asks
      for documented information to be reviewed and approved for suitability
      and adequacy, and 5.3 assigns that authority to roles; Decree
      30/2020/NĐ-CP gives the drafting to a unit or officer (Art. 10) and the
      authority to sign to a position (Art. 13: the head of the agency, or
      whoever signs on the head's behalf), not to an individual. An approval
      given from the drafter's own position, by a colleague of the same
      office, is not the independent approval by the authority the process
      assigns: the separation the standard and the decree ask for is between
      the position that drafts and the one that signs for approval.
    * **Same person under two roles** (a deputy who drafted as head of unit
      and approves as acting leader): one signatory. Whoever signs is
      responsible for what they sign (Decree 30/2020, Art. 13); a person
      approving their own draft is not reviewed by anybody.

    Roles are compared by id. Names are compared only when both sign-offs give
    one, without diacritics, case or repeated spaces (:func:`same_person`).
    """
    person = bool(first.name and second.name and same_person(first.name, second.name))
    return SameSignatory(role=first.role == second.role, person=person)


# --- clauses a process claims ----------------------------------------------------------------------

_POINT = re.compile(r"\s*[a-h]\)$")  # the point of a clause: «4.4.1 b)», «4.4.1b)»


def claimed_clauses(process: Process, clause: str) -> list[str]:
    """The entries of ``iso_clauses`` that are ``clause`` or fall under it, as written.

    "8.5" is claimed by "8.5" and "8.5.1", not by "8.55"; a point is part of
    its clause ("4.4.1 b)" claims 4.4.1 and 4.4); "8.5.1" is not claimed by "8.5".
    """
    found = []
    for entry in process.iso_clauses:
        number = _POINT.sub("", entry.strip())
        if number == clause or number.startswith(clause + "."):
            found.append(entry)
    return found
