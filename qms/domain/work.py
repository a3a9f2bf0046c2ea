"""The work a process lays down: who does each step with what authority, decisions, risks, apologies, working days.

Answers shared by the conformity rules and the audit steps about the steps,
roles, records and risks of a process.
"""

from __future__ import annotations

from qms.i18n import Message, _
from qms.model import MINUTES_PER_WORKING_DAY, Authority, Process, Record, Risk, RiskKind, Step, StepType
from qms.model.values import fold

# --- roles and authority ---------------------------------------------------------------------------

# What each authority a role may hold is called: the act it allows.
AUTHORITY_NAMES: dict[Authority, Message] = {
    Authority.APPROVE: _("phê duyệt"),
    Authority.SIGN: _("ký ban hành"),
}


def steps_without_role(process: Process) -> list[Step]:
    """The steps that name no responsible role, in file order."""
    return [step for step in process.steps if not step.role]


def holds_authority(process: Process, role_id: str | None, authority: Authority) -> bool:
    """Whether the role ``role_id`` of ``process`` exists and holds ``authority``."""
    role = process.roles.get(role_id) if role_id else None
    return role is not None and authority in role.authority


def unauthorised_steps(process: Process) -> list[Step]:
    """The steps exercising an authority (approve, sign) that their role does not hold, or that have no role."""
    return [s for s in process.steps if s.authority is not None and not holds_authority(process, s.role, s.authority)]


# --- decisions and risks ---------------------------------------------------------------------------


def decisions_without_criteria(process: Process) -> list[Step]:
    """The decision steps that state no acceptance criteria (ISO 9001 4.4.1 c), in file order."""
    return [step for step in process.steps if step.type is StepType.DECISION and step.criteria is None]


def needs_control(risk: Risk) -> bool:
    """Whether ``risk`` needs a controlling step: a risk does; an opportunity is pursued, not controlled (ISO 9001 6.1)."""
    return risk.kind is RiskKind.RISK


def uncontrolled_risks(process: Process) -> list[tuple[int, Risk]]:
    """The risks (not opportunities) that name no controlling step, with their index under «risks»."""
    return [(i, risk) for i, risk in enumerate(process.risks) if needs_control(risk) and not risk.controls]


# --- records: who produces them, the apology for a late dossier ------------------------------------

# Folded words that name an apology slip in Vietnamese or English ("apolog" also catches "apologies",
# "apologise"). A heuristic: the form (Mẫu số 04) has no fixed code an agency must use.
APOLOGY_WORDS = ("xin loi", "apolog")


def is_apology(record: Record) -> bool:
    """Whether ``record`` is the apology for a late dossier: its name or form, folded, contains «xin loi» or «apolog»."""
    texts = [text for part in (record.name, record.form) if part for text in (part.vi, part.en) if text]
    folded = " ".join(fold(text) for text in texts)
    return any(word in folded for word in APOLOGY_WORDS)


def steps_producing(process: Process, record_code: str) -> list[Step]:
    """The steps that produce the record ``record_code`` (list it under «records»), in file order."""
    return [step for step in process.steps if record_code in step.records]


def apology_records(process: Process) -> list[Record]:
    """The records of ``process`` that are apologies for a late dossier (:func:`is_apology`), in file order."""
    return [record for record in process.records if is_apology(record)]


# --- working days ---------------------------------------------------------------------------------


def working_days_figure(minutes: int) -> Message:
    """Working minutes as a number of working days, at most two decimals, as each language writes it ("2,5" / "2.5")."""
    figure = f"{minutes / MINUTES_PER_WORKING_DAY:.2f}".rstrip("0").rstrip(".")
    return Message(figure.replace(".", ","), figure)
