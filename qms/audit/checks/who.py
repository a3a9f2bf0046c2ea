"""Who: the owner, the status and sign-offs of the document, roles and the authority of the steps (ISO 9001 5.3, 7.5.2)."""

from __future__ import annotations

from qms.audit.checks.common import fail_at_steps, find_record, find_step, missing_role, nothing, role_cause, role_id, step_label
from qms.audit.library import AuditedProcess
from qms.audit.parsers import Invalid, require
from qms.domain import AUTHORITY_NAMES, STATUS_NAMES, holds_authority, same_signatory, steps_without_role, unauthorised_steps
from qms.i18n import Message, _, ngettext
from qms.model import Authority, SignOff, Status, Step


def owner_is(a: AuditedProcess, role: str) -> None:
    if a.process.owner != role_id(a, role):
        raise a.finding(
            _("quy trình {code} do vai trò «{actual}» chủ trì, không phải «{expected}»").format(
                code=a.code, actual=a.process.owner, expected=role
            ),
            a.at("owner"),
            cause=role_cause(a, role),
        )


def status_is(a: AuditedProcess, status: Status | Invalid) -> None:
    expected = require(status)
    if a.process.status is not expected:
        actual, wanted = STATUS_NAMES[a.process.status], STATUS_NAMES[expected]
        raise a.finding(
            _("quy trình {code} đang ở trạng thái «{actual}», tiêu chí yêu cầu «{expected}»").format(
                code=a.code, actual=actual, expected=wanted
            ),
            a.at("status"),
        )


def _approved(a: AuditedProcess) -> SignOff:
    approval = a.process.approval
    if approval is None or approval.approved is None:
        raise a.finding(_("quy trình {code} chưa ghi người phê duyệt (approval.approved)").format(code=a.code), a.at("approval"))
    return approval.approved


def approved_by(a: AuditedProcess, role: str) -> None:
    approved = _approved(a)
    if approved.role != role_id(a, role):
        message = _("quy trình {code} được phê duyệt bởi vai trò «{actual}», không phải «{expected}»").format(
            code=a.code, actual=approved.role, expected=role
        )
        raise a.finding(message, a.at("approval", "approved", "role"), cause=role_cause(a, role))


def approver_not_drafter(a: AuditedProcess) -> None:
    """The approver is another signatory than the drafter: another role and another person, as rule QMS204 asks.

    What counts as the same signatory, and why, is :func:`qms.domain.same_signatory`.
    """
    approved = _approved(a)
    prepared = a.process.approval.prepared if a.process.approval else None
    if prepared is None:
        raise a.finding(
            _(
                "quy trình {code} chưa ghi người soạn thảo (approval.prepared) nên không xác định được người phê duyệt có độc lập không"
            ).format(code=a.code),
            a.at("approval"),
        )
    same = same_signatory(prepared, approved)
    where = a.at("approval", "approved")
    if same.person:
        raise a.finding(_("người phê duyệt quy trình {code} cũng là người soạn thảo ({who})").format(code=a.code, who=approved.name), where)
    if same.role and prepared.name and approved.name:  # two people, one position
        message = _(
            "người phê duyệt quy trình {code} giữ cùng vai trò «{role}» với người soạn thảo ({drafter} soạn thảo, {approver} phê duyệt)"
        )
        raise a.finding(message.format(code=a.code, role=approved.role, drafter=prepared.name, approver=approved.name), where)
    if same.role:
        raise a.finding(_("người phê duyệt quy trình {code} cũng là người soạn thảo ({who})").format(code=a.code, who=approved.role), where)


def approver_has_authority(a: AuditedProcess) -> None:
    approved = _approved(a)
    if not holds_authority(a.process, approved.role, Authority.APPROVE):
        raise a.finding(
            _("vai trò phê duyệt «{role}» của quy trình {code} không có thẩm quyền phê duyệt (authority: approve)").format(
                code=a.code, role=approved.role
            ),
            a.at("approval", "approved", "role"),
        )


def effective_not_before_approval(a: AuditedProcess) -> None:
    approved = _approved(a)
    effective = a.process.effective_date
    if approved.date is None or effective is None:
        raise a.finding(
            _("quy trình {code} thiếu ngày phê duyệt hoặc ngày hiệu lực").format(code=a.code),
            a.at("effective_date") if effective else a.at("approval", "approved"),
        )
    if effective < approved.date:
        message = _("quy trình {code} có hiệu lực từ {effective}, trước ngày phê duyệt {approved}").format(
            code=a.code,
            effective=effective.strftime("%d/%m/%Y"),
            approved=approved.date.strftime("%d/%m/%Y"),
        )
        raise a.finding(message, a.at("effective_date"))


def revision_for_current_version(a: AuditedProcess) -> None:
    if not any(r.version == a.process.version for r in a.process.revisions):
        where = a.at("revisions") if a.process.revisions else a.at("version")
        raise a.finding(
            _("lịch sử sửa đổi của quy trình {code} không có dòng nào cho phiên bản hiện hành {version}").format(
                code=a.code, version=a.process.version
            ),
            where,
        )


def has_role(a: AuditedProcess, role: str) -> None:
    if role_id(a, role) is None:
        cause = missing_role(a, role)
        raise a.finding(cause.message, cause.location, cause=cause)


def has_step(a: AuditedProcess, step: str) -> None:
    find_step(a, step)


def has_record(a: AuditedProcess, record: str) -> None:
    find_record(a, record)


def every_step_has_role(a: AuditedProcess) -> None:
    missing = steps_without_role(a.process)
    message = ngettext(
        "{count} bước của quy trình {code} chưa có vai trò thực hiện: {steps}",
        "{count} bước của quy trình {code} chưa có vai trò thực hiện: {steps}",
        len(missing),
    )
    fail_at_steps(a, missing, message)


def step_done_by(a: AuditedProcess, step: str, role: str) -> None:
    found = find_step(a, step)
    if found.role is None or found.role != role_id(a, role):
        actual: Message | str = found.role or nothing()
        message = _("bước «{step}» của quy trình {code} do vai trò «{actual}» thực hiện, không phải «{expected}»").format(
            code=a.code, step=step_label(found), actual=actual, expected=role
        )
        where = a.step_at(found.id, "role") if found.role else a.step_at(found.id)
        raise a.finding(message, where, step=found.id, cause=role_cause(a, role))


def _exercised(step: Step) -> Message:
    """«ky (ký ban hành: chuyen-vien)»: a step, the authority it exercises and who does it."""
    act = AUTHORITY_NAMES[step.authority] if step.authority else nothing()
    return Message("{id} ({act}: {who})", "{id} ({act}: {who})").format(id=step.id, act=act, who=step.role or nothing())


def authority_steps_by_authorised_roles(a: AuditedProcess) -> None:
    bad = unauthorised_steps(a.process)
    message = ngettext(
        "{count} bước của quy trình {code} do vai trò không có thẩm quyền tương ứng thực hiện: {steps}",
        "{count} bước của quy trình {code} do vai trò không có thẩm quyền tương ứng thực hiện: {steps}",
        len(bad),
    )
    fail_at_steps(a, bad, message, "authority", label=_exercised)
