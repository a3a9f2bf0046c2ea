"""Who: the owner, the status and sign-offs of the document, roles and the authority of the steps (ISO 9001 5.3, 7.5.2)."""

from __future__ import annotations

from qms.audit.checks.common import find_record, find_step, listing, nothing, role_id, step_label
from qms.audit.errors import bilingual
from qms.audit.library import AuditedProcess, close_matches
from qms.audit.parsers import Invalid, require
from qms.domain import AUTHORITY_NAMES, STATUS_NAMES, holds_authority, same_signatory, steps_without_role, unauthorised_steps
from qms.i18n import Message, msg
from qms.model import Authority, SignOff, Status, Step


def owner_is(a: AuditedProcess, role: str) -> None:
    if a.process.owner != role_id(a, role):
        raise a.finding(bilingual("audit.owner.mismatch", code=a.code, actual=a.process.owner, expected=role), a.at("owner"))


def status_is(a: AuditedProcess, status: Status | Invalid) -> None:
    expected = require(status)
    if a.process.status is not expected:
        actual, wanted = STATUS_NAMES[a.process.status], STATUS_NAMES[expected]
        raise a.finding(bilingual("audit.status.mismatch", code=a.code, actual=actual, expected=wanted), a.at("status"))


def _approved(a: AuditedProcess) -> SignOff:
    approval = a.process.approval
    if approval is None or approval.approved is None:
        raise a.finding(msg("audit.approval.missing", code=a.code), a.at("approval"))
    return approval.approved


def approved_by(a: AuditedProcess, role: str) -> None:
    approved = _approved(a)
    if approved.role != role_id(a, role):
        message = bilingual("audit.approval.other", code=a.code, actual=approved.role, expected=role)
        raise a.finding(message, a.at("approval", "approved", "role"))


def approver_not_drafter(a: AuditedProcess) -> None:
    """The approver is another signatory than the drafter: another role and another person, as rule QMS204 asks.

    What counts as the same signatory, and why, is :func:`qms.domain.same_signatory`.
    """
    approved = _approved(a)
    prepared = a.process.approval.prepared if a.process.approval else None
    if prepared is None:
        raise a.finding(msg("audit.approval.no_preparer", code=a.code), a.at("approval"))
    same = same_signatory(prepared, approved)
    where = a.at("approval", "approved")
    if same.person:
        raise a.finding(msg("audit.approval.self", code=a.code, who=approved.name), where)
    if same.role and prepared.name and approved.name:  # two people, one position
        message = Message(
            "người phê duyệt quy trình {code} giữ cùng vai trò «{role}» với người soạn thảo ({drafter} soạn thảo, {approver} phê duyệt)",
            "process {code} is approved from its drafter's own role «{role}» ({drafter} drafted it, {approver} approved it)",
        )
        raise a.finding(message.format(code=a.code, role=approved.role, drafter=prepared.name, approver=approved.name), where)
    if same.role:
        raise a.finding(msg("audit.approval.self", code=a.code, who=approved.role), where)


def approver_has_authority(a: AuditedProcess) -> None:
    approved = _approved(a)
    if not holds_authority(a.process, approved.role, Authority.APPROVE):
        raise a.finding(msg("audit.approval.no_authority", code=a.code, role=approved.role), a.at("approval", "approved", "role"))


def effective_not_before_approval(a: AuditedProcess) -> None:
    approved = _approved(a)
    effective = a.process.effective_date
    if approved.date is None or effective is None:
        raise a.finding(msg("audit.approval.no_dates", code=a.code), a.at("effective_date") if effective else a.at("approval", "approved"))
    if effective < approved.date:
        message = msg(
            "audit.approval.after_effective",
            code=a.code,
            effective=effective.strftime("%d/%m/%Y"),
            approved=approved.date.strftime("%d/%m/%Y"),
        )
        raise a.finding(message, a.at("effective_date"))


def revision_for_current_version(a: AuditedProcess) -> None:
    if not any(r.version == a.process.version for r in a.process.revisions):
        where = a.at("revisions") if a.process.revisions else a.at("version")
        raise a.finding(msg("audit.revision.missing", code=a.code, version=a.process.version), where)


def has_role(a: AuditedProcess, role: str) -> None:
    if role_id(a, role) is None:
        roles = a.process.roles
        close = close_matches(role, list(roles) + [r.name.vi for r in roles.values()])
        raise a.finding(bilingual("audit.role.missing", code=a.code, role=role, close=close), a.at("roles"))


def has_step(a: AuditedProcess, step: str) -> None:
    find_step(a, step)


def has_record(a: AuditedProcess, record: str) -> None:
    find_record(a, record)


def every_step_has_role(a: AuditedProcess) -> None:
    missing = steps_without_role(a.process)
    if missing:
        message = bilingual("audit.steps.no_role", code=a.code, count=len(missing), steps=listing([step_label(s) for s in missing]))
        raise a.finding(message, a.step_at(missing[0].id))


def step_done_by(a: AuditedProcess, step: str, role: str) -> None:
    found = find_step(a, step)
    if found.role is None or found.role != role_id(a, role):
        actual: Message | str = found.role or nothing()
        message = bilingual("audit.step.role", code=a.code, step=step_label(found), actual=actual, expected=role)
        raise a.finding(message, a.step_at(found.id, "role") if found.role else a.step_at(found.id))


def _exercised(step: Step) -> Message:
    """«ky (ký ban hành: chuyen-vien)»: a step, the authority it exercises and who does it."""
    act = AUTHORITY_NAMES[step.authority] if step.authority else nothing()
    return Message("{id} ({act}: {who})", "{id} ({act}: {who})").format(id=step.id, act=act, who=step.role or nothing())


def authority_steps_by_authorised_roles(a: AuditedProcess) -> None:
    bad = unauthorised_steps(a.process)
    if bad:
        message = bilingual("audit.authority.missing", code=a.code, count=len(bad), steps=listing([_exercised(s) for s in bad]))
        raise a.finding(message, a.step_at(bad[0].id, "authority"))
