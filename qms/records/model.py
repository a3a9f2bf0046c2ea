"""The audit record formats (``audits/*.yaml``): the annual audit programme and the record of each internal audit.

ISO 9001:2015 9.2 asks for an audit programme (frequency, methods, responsibilities, planning, reporting, based on
the importance of the processes and the results of earlier audits) and for the audit results to be kept; 10.2 asks
that each nonconformity be corrected, its cause found, an action taken and its effectiveness reviewed. ISO 19011:2018
describes how: the programme (clause 5), the audit team and its independence (clause 4 and 7), the findings graded
as the certification bodies do (major and minor nonconformities, observations, opportunities for improvement).

A programme file has ``audits:`` (the audits planned that year); any other file is the record of one audit.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from qms.model import Text
from qms.model.process import PROCESS_CODE_PATTERN, STEP_ID_PATTERN, Clause, NonEmpty, _Strict
from qms.model.values import Date

AuditId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,39})$")]
FindingId = AuditId
ProcessRef = Annotated[str, StringConstraints(pattern=PROCESS_CODE_PATTERN)]
RoleRef = Annotated[str, StringConstraints(pattern=STEP_ID_PATTERN)]


class Scope(_Strict):
    """What an audit covers: processes (by code) and ISO 9001 clauses (none listed: those the processes evidence)."""

    processes: list[ProcessRef] = Field(default_factory=list, description="Quy trình được đánh giá / processes audited, by code")
    clauses: list[Clause] = Field(default_factory=list, description="Điều khoản ISO 9001 / clauses audited, e.g. 9.2.2")


class PlannedAudit(_Strict):
    id: AuditId = Field(description="Mã cuộc đánh giá / audit id, e.g. DGNB-2026-01 (the record file's name)")
    scope: Scope = Field(description="Phạm vi / scope: processes and clauses")
    month: int = Field(ge=1, le=12, description="Tháng dự kiến / planned month, 1–12")
    frequency: Text | None = Field(
        None, description="Tần suất và căn cứ rủi ro / frequency and why (importance, risk, earlier results; ISO 9001 9.2.2 a)"
    )
    lead: NonEmpty | None = Field(None, description="Trưởng đoàn dự kiến / planned lead auditor")


class Programme(_Strict):
    """The audit programme of a year (chương trình đánh giá nội bộ năm, ISO 9001 9.2.2 a; ISO 19011 5)."""

    code: AuditId = Field(description="Mã chương trình / programme code, e.g. CT-DGNB-2026")
    year: int = Field(ge=2000, le=2100, description="Năm / year")
    title: Text | None = Field(None, description="Tên / title")
    approved_by: NonEmpty | None = Field(None, description="Người phê duyệt / approved by")
    approved_on: Date | None = Field(None, description="Ngày phê duyệt / date approved")
    audits: list[PlannedAudit] = Field(min_length=1, description="Các cuộc đánh giá dự kiến / audits planned")


class Dates(_Strict):
    start: Date = Field(description="Ngày bắt đầu / first day of the audit")
    end: Date | None = Field(None, description="Ngày kết thúc / last day (default: the first)")


class RoleHeld(_Strict):
    """A role a person holds in the organisation: a role id of a process (in every process that has it when none is named)."""

    role: RoleRef = Field(description="Mã vai trò trong quy trình / role id, e.g. mot-cua")
    process: ProcessRef | None = Field(None, description="Quy trình / the process the role is of (default: any)")


class Auditor(_Strict):
    name: NonEmpty = Field(description="Họ và tên / full name")
    unit: NonEmpty | None = Field(None, description="Đơn vị công tác / unit the auditor works in")
    lead: bool = Field(False, description="Trưởng đoàn / lead auditor")
    roles: list[RoleHeld] = Field(default_factory=list, description="Vai trò đang đảm nhiệm trong cơ quan / roles held (independence, ISO 9001 9.2.2 c)")


class Auditee(_Strict):
    name: NonEmpty = Field(description="Họ và tên / full name")
    unit: NonEmpty | None = Field(None, description="Đơn vị / unit")
    title: NonEmpty | None = Field(None, description="Chức vụ / title")


class FindingKind(StrEnum):
    MAJOR = "major"  # điểm không phù hợp nặng
    MINOR = "minor"  # điểm không phù hợp nhẹ
    OBSERVATION = "observation"  # điểm lưu ý / quan sát
    OPPORTUNITY = "opportunity"  # cơ hội cải tiến

    @property
    def nonconformity(self) -> bool:
        return self in (FindingKind.MAJOR, FindingKind.MINOR)


class ActionStatus(StrEnum):
    OPEN = "open"  # chưa thực hiện
    IN_PROGRESS = "in_progress"  # đang thực hiện
    CLOSED = "closed"  # đã đóng


class Result(StrEnum):
    EFFECTIVE = "effective"
    NOT_EFFECTIVE = "not_effective"


class Effectiveness(_Strict):
    """The check that the corrective action worked (ISO 9001 10.2.1 d)."""

    date: Date = Field(description="Ngày xác minh / date checked")
    result: Result = Field(description="Kết quả / effective | not_effective")
    evidence: NonEmpty | None = Field(None, description="Bằng chứng / evidence looked at")
    by: NonEmpty | None = Field(None, description="Người xác minh / checked by")


class Finding(_Strict):
    """One finding: where (clause, process, step), what was seen, and for a nonconformity how it is dealt with."""

    id: FindingId = Field(description="Mã phát hiện, không đổi / stable finding id, e.g. NC-01")
    kind: FindingKind = Field(description="major | minor | observation | opportunity")
    clause: Clause = Field(description="Điều khoản ISO 9001 / clause, e.g. 8.5.1")
    process: ProcessRef | None = Field(None, description="Quy trình / process code")
    step: RoleRef | None = Field(None, description="Bước / step id in that process")
    statement: Text = Field(description="Nội dung phát hiện / what was found")
    evidence: Text = Field(description="Bằng chứng khách quan / objective evidence")
    criterion: NonEmpty | None = Field(None, description="Tiêu chí phát hiện ra (kịch bản Gherkin, mã quy tắc) / criterion that raised it")
    correction: Text | None = Field(None, description="Khắc phục tức thời / correction")
    root_cause: Text | None = Field(None, description="Nguyên nhân gốc / root cause")
    corrective_action: Text | None = Field(None, description="Hành động khắc phục / corrective action")
    owner: NonEmpty | None = Field(None, description="Đơn vị hoặc người chịu trách nhiệm / owner (unit or person)")
    due: Date | None = Field(None, description="Hạn hoàn thành / due date")
    status: ActionStatus = Field(ActionStatus.OPEN, description="open | in_progress | closed")
    closed: Date | None = Field(None, description="Ngày đóng / date closed")
    effectiveness: Effectiveness | None = Field(None, description="Xác minh hiệu lực / effectiveness check")


class AuditRecord(_Strict):
    """The record of one internal audit (báo cáo đánh giá nội bộ; ISO 9001 9.2.2 d, f)."""

    id: AuditId = Field(description="Mã cuộc đánh giá / audit id, as in the programme")
    programme: AuditId | None = Field(None, description="Mã chương trình / programme code")
    title: Text | None = Field(None, description="Tên / title")
    dates: Dates = Field(description="Thời gian đánh giá / audit dates")
    team: list[Auditor] = Field(min_length=1, description="Đoàn đánh giá / audit team")
    auditees: list[Auditee] = Field(default_factory=list, description="Người được đánh giá / auditees")
    scope: Scope = Field(description="Phạm vi / scope")
    criteria: list[NonEmpty] = Field(default_factory=list, description="Chuẩn mực đánh giá / audit criteria, e.g. TCVN ISO 9001:2015")
    findings: list[Finding] = Field(default_factory=list, description="Phát hiện / findings")


__all__ = [
    "ActionStatus",
    "AuditRecord",
    "Auditee",
    "Auditor",
    "Dates",
    "Effectiveness",
    "Finding",
    "FindingKind",
    "PlannedAudit",
    "Programme",
    "Result",
    "RoleHeld",
    "Scope",
]
