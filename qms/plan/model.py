"""The plan format (``plans/*.yaml``): an annual plan or quality objectives (ISO 9001 6.2) as data.

A plan is issued by a document (number, date, signer), covers a period, sets targets (each measured from a dossier
log, taken from a process KPI, or entered by hand with its evidence), and lists tasks, each with what the seeds call
the "5 rõ": a lead unit (chủ trì), the work, a time frame, a product, and who answers for it; recurring tasks are the
reports due every month, quarter, half-year or year. Units are a register of their own, so that a task names one by
its id and a misspelt unit is an error with its line.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

from pydantic import Field, StringConstraints

from qms.model import Measure, Target, Text
from qms.model.process import PROCESS_CODE_PATTERN, RECORD_CODE_PATTERN, STEP_ID_PATTERN, NonEmpty, _Strict
from qms.model.values import Date
from qms.plan.timeframe import TimeFrame

UnitId = Annotated[str, StringConstraints(pattern=STEP_ID_PATTERN)]
PlanCode = Annotated[str, StringConstraints(pattern=PROCESS_CODE_PATTERN)]
TaskId = Annotated[str, StringConstraints(pattern=r"^[A-Za-z0-9](?:[A-Za-z0-9._-]{0,39})$")]
Code = Annotated[str, StringConstraints(pattern=RECORD_CODE_PATTERN)]


class IssuingDocument(_Strict):
    """The document that issues the plan (Decree 30/2020 layout: number and symbol, date, signer)."""

    number: NonEmpty = Field(description="Số, ký hiệu / number and symbol, e.g. 15/KH-SGDĐT")
    date: Date = Field(description="Ngày ban hành / date issued")
    issuer: NonEmpty | None = Field(None, description="Cơ quan ban hành / issuing body")
    signer: NonEmpty | None = Field(None, description="Người ký / signer")
    signer_title: NonEmpty | None = Field(None, description="Chức vụ người ký / signer's title, e.g. «Giám đốc»")


class Period(_Strict):
    start: Date = Field(description="Từ ngày / first day")
    end: Date = Field(description="Đến ngày / last day")


class Unit(_Strict):
    id: UnitId = Field(description="Mã đơn vị, không dấu / unit id, e.g. van-phong")
    name: Text = Field(description="Tên đơn vị / unit name")


class PlanTarget(_Strict):
    """A target (chỉ tiêu) and how its value is known: a log measure, a process KPI, or a value with its evidence."""

    code: Code = Field(description="Mã chỉ tiêu / target code, e.g. CT-01")
    name: Text = Field(description="Tên chỉ tiêu / what is measured")
    target: Target = Field(description="Chỉ tiêu / the figure, e.g. «>= 95%»")
    measure: Measure | None = Field(None, description="Số đo trên nhật ký hồ sơ (qms analyze) / log measure, e.g. in_time_rate")
    process: PlanCode | None = Field(None, description="Quy trình đo theo / the process the log is measured against")
    kpi: Code | None = Field(None, description="KPI của quy trình / the process KPI this target is, e.g. KPI-TTHC-01")
    logs: list[NonEmpty] = Field(default_factory=list, description="Nhật ký hồ sơ (đường dẫn từ tệp kế hoạch) / dossier logs")
    value: float | None = Field(None, description="Giá trị đã đạt, nhập tay / value entered by hand")
    evidence: NonEmpty | None = Field(None, description="Minh chứng của giá trị nhập tay / evidence of that value")
    owner: UnitId | None = Field(None, description="Đơn vị theo dõi / unit that monitors it")


class TaskStatus(StrEnum):
    NOT_STARTED = "not_started"  # chưa thực hiện
    IN_PROGRESS = "in_progress"  # đang thực hiện
    DONE = "done"  # đã hoàn thành
    CANCELLED = "cancelled"  # không thực hiện (nêu lý do ở notes)


class Section(_Strict):
    id: TaskId = Field(description="Số mục / section number, e.g. I")
    title: Text = Field(description="Tên mục / section title")


class Task(_Strict):
    """One task of the plan's appendix: the "5 rõ" — lead unit, content, time, product, responsibility."""

    id: TaskId = Field(description="Số thứ tự / number, e.g. 1, 3.a, II.2")
    section: TaskId | None = Field(None, description="Mục (id trong sections) / section id")
    content: Text = Field(description="Nội dung công việc / what is to be done")
    lead: UnitId | None = Field(None, description="Đơn vị chủ trì / lead unit (id in units)")
    cooperating: list[UnitId] = Field(default_factory=list, description="Đơn vị phối hợp / cooperating units")
    time: TimeFrame | None = Field(None, description="Thời gian thực hiện, hoàn thành / time frame: «Quý I/2026», «10/01/2026»...")
    product: Text | None = Field(None, description="Sản phẩm / expected product, e.g. «Kế hoạch», «Báo cáo»")
    status: TaskStatus = Field(TaskStatus.NOT_STARTED, description="Tình trạng / status")
    completed: Date | None = Field(None, description="Ngày hoàn thành / completion date")
    evidence: NonEmpty | None = Field(None, description="Minh chứng (số văn bản, đường dẫn) / evidence")
    notes: NonEmpty | None = Field(None, description="Ghi chú, lý do chậm / notes, reason for delay")


class Frequency(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    HALF = "half"
    YEAR = "year"


class Recurring(_Strict):
    """A task due every period (the periodic reports): due on ``due_day`` of the period's last month (``in_next_month``:
    of the month after it)."""

    id: TaskId = Field(description="Mã / id, e.g. BC-QUY")
    content: Text = Field(description="Nội dung / what is due, e.g. «Báo cáo CCHC quý»")
    lead: UnitId | None = Field(None, description="Đơn vị chủ trì / lead unit")
    every: Frequency = Field(description="Mỗi / every: month | quarter | half | year")
    due_day: int = Field(ge=1, le=31, description="Hạn: trước ngày ... / due on this day, e.g. 8")
    in_next_month: bool = Field(False, description="Hạn ở tháng sau kỳ / due in the month after the period")
    product: Text | None = Field(None, description="Sản phẩm / product, e.g. «Báo cáo»")
    recipient: NonEmpty | None = Field(None, description="Gửi / sent to, e.g. «Sở Nội vụ»")
    done: list[Date] = Field(default_factory=list, description="Ngày đã gửi các kỳ / the days the reports were sent")


class Plan(_Strict):
    """An annual plan (kế hoạch) or the quality objectives of a year."""

    code: PlanCode = Field(description="Mã kế hoạch / plan code, e.g. KH-CCHC-2026")
    title: Text = Field(description="Tên kế hoạch / title")
    document: IssuingDocument | None = Field(None, description="Văn bản ban hành / issuing document")
    period: Period = Field(description="Thời gian của kế hoạch / period covered")
    units: list[Unit] = Field(default_factory=list, description="Các đơn vị / units")
    targets: list[PlanTarget] = Field(default_factory=list, description="Chỉ tiêu / targets")
    sections: list[Section] = Field(default_factory=list, description="Các mục của phụ lục / sections of the appendix")
    tasks: list[Task] = Field(default_factory=list, description="Nhiệm vụ / tasks")
    recurring: list[Recurring] = Field(default_factory=list, description="Nhiệm vụ định kỳ / recurring tasks (reports)")

    def unit_name(self, unit_id: str | None) -> str:
        for unit in self.units:
            if unit.id == unit_id:
                return unit.name.vi
        return unit_id or ""


__all__ = ["Frequency", "IssuingDocument", "Period", "Plan", "PlanTarget", "Recurring", "Section", "Task", "TaskStatus", "Unit"]
