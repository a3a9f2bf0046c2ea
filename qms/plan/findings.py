"""The findings of a plan: its tasks' "5 rõ" and, on a date, what is overdue (codes in :mod:`qms.plan.codes`).

Each finding is a :class:`~qms.diagnostics.Diagnostic` at the ``file:line:column`` of the value it is about; a
missing value is reported at the task (or target, or report) it is missing from. Overdue findings (PLN008,
PLN009) need the date the plan is looked at: without ``as_of`` they are not reported.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from qms.diagnostics import Diagnostic, Location, Severity, sort_key
from qms.i18n import Message, _
from qms.plan.codes import PLAN_CODES, PlnCode
from qms.plan.model import Plan, Task, TaskStatus
from qms.plan.read import PlanFile, read_plans
from qms.plan.status import TaskState, deadline_of, recurring_lines, task_line
from qms.plan.timeframe import FrameKind

_SEVERITY = {info.code: info.severity for info in PLAN_CODES}
Report = Callable[[PlnCode, tuple[str | int, ...], Message, Message | None], None]


def plan_findings(plan_file: PlanFile, as_of: date | None = None) -> list[Diagnostic]:
    """Every PLN finding of ``plan_file``, sorted by place; overdue ones only when ``as_of`` is given."""
    plan, source = plan_file.plan, plan_file.source
    found: list[Diagnostic] = []

    def report(code: PlnCode, where: tuple[str | int, ...], message: Message, hint: Message | None = None) -> None:
        location: Location = source.value(where)
        found.append(Diagnostic(code.value, _SEVERITY[code.value], location, message, hint, data={"path": list(where)}))

    for i, task in enumerate(plan.tasks):
        _five_clear(plan, i, task, report)
        if as_of is not None:
            _task_overdue(i, task, as_of, report)
    for i, target in enumerate(plan.targets):
        if target.measure is None and target.kpi is None and target.value is None:
            message = _("chỉ tiêu {code} không có cách đo").format(code=target.code)
            report(PlnCode.UNMEASURED, ("targets", i), message, _("thêm «measure:» và «logs:», «kpi:», hoặc «value:» với «evidence:»"))
        if target.value is not None and target.evidence is None:
            message = _("giá trị {value} của chỉ tiêu {code} không có minh chứng").format(value=f"{target.value:g}", code=target.code)
            report(PlnCode.VALUE_UNPROVEN, ("targets", i, "value"), message, _("thêm «evidence:» nêu nguồn của giá trị"))
    for i, recurring in enumerate(plan.recurring):
        if recurring.lead is None:
            message = _("nhiệm vụ định kỳ {id} không có đơn vị chủ trì").format(id=recurring.id)
            report(PlnCode.NO_LEAD, ("recurring", i, "lead"), message, _units_hint(plan))
        for line in recurring_lines(recurring, plan.period.start, plan.period.end, as_of) if as_of is not None else ():
            if line.state is TaskState.OVERDUE:
                message = _("báo cáo {id} kỳ {period} quá hạn: hạn {due}, chưa có ngày gửi").format(
                    id=recurring.id, period=line.period_key, due=line.due.isoformat()
                )
                report(PlnCode.REPORT_OVERDUE, ("recurring", i, "done"), message, _("gửi báo cáo và thêm ngày gửi vào «done»"))
    return sorted(found, key=sort_key)


def _units_hint(plan: Plan) -> Message:
    names = ", ".join(unit.id for unit in plan.units) or "-"
    return _("thêm «lead:» với mã một đơn vị trong «units» ({units})").format(units=names)


def _five_clear(plan: Plan, i: int, task: Task, report: Report) -> None:
    """Rõ người (lead), rõ thời gian (time), rõ kết quả (product); a done task's date and evidence; the deadline's year."""
    if task.lead is None:
        report(PlnCode.NO_LEAD, ("tasks", i, "lead"), _("nhiệm vụ {id} không có đơn vị chủ trì").format(id=task.id), _units_hint(plan))
    if task.time is None:
        hint = _("thêm «time:», ví dụ «Quý II/2026», «Tháng 10/2026», «Trước ngày 15/3/2026» hoặc «Theo yêu cầu»")
        report(PlnCode.NO_TIME, ("tasks", i, "time"), _("nhiệm vụ {id} không có thời gian thực hiện").format(id=task.id), hint)
    elif task.time.kind is FrameKind.ON_REQUEST:
        message = _("nhiệm vụ {id} không có hạn hoàn thành («{time}»)").format(id=task.id, time=task.time.text)
        hint = _("nếu biết kỳ báo cáo, ghi thời gian cụ thể (ví dụ «Tháng 01/2026»), hoặc đưa vào «recurring»")
        report(PlnCode.ON_REQUEST, ("tasks", i, "time"), message, hint)
    if task.product is None:
        hint = _("thêm «product:», ví dụ «Báo cáo», «Quyết định ban hành»")
        report(PlnCode.NO_PRODUCT, ("tasks", i, "product"), _("nhiệm vụ {id} không có sản phẩm").format(id=task.id), hint)
    if task.status is TaskStatus.DONE and (task.completed is None or task.evidence is None):
        missing = ", ".join(f"«{name}»" for name, value in (("completed", task.completed), ("evidence", task.evidence)) if value is None)
        message = _("nhiệm vụ {id} đã hoàn thành nhưng thiếu {missing}").format(id=task.id, missing=missing)
        hint = _("thêm «completed:» (ngày hoàn thành) và «evidence:» (số, ngày văn bản)")
        report(PlnCode.DONE_UNPROVEN, ("tasks", i, "status"), message, hint)
    deadline, period = deadline_of(task), plan.period
    if deadline is not None and not period.start <= deadline <= period.end:
        message = _("hạn {deadline} của nhiệm vụ {id} nằm ngoài thời gian của kế hoạch ({start} đến {end})").format(
            deadline=deadline.isoformat(), id=task.id, start=period.start.isoformat(), end=period.end.isoformat()
        )
        report(PlnCode.OUTSIDE_PERIOD, ("tasks", i, "time"), message, _("kiểm tra năm trong «time», hoặc «period» của kế hoạch"))


def _task_overdue(i: int, task: Task, as_of: date, report: Report) -> None:
    line = task_line(task, as_of)
    if line.state is TaskState.OVERDUE and line.deadline is not None:
        message = _("nhiệm vụ {id} quá hạn {days} ngày (hạn {deadline}) vào ngày {as_of}").format(
            id=task.id, days=-(line.days_left or 0), deadline=line.deadline.isoformat(), as_of=as_of.isoformat()
        )
        hint = _("hoàn thành và ghi «status: done», «completed:», hoặc ghi lý do chậm ở «notes»")
        report(PlnCode.OVERDUE, ("tasks", i, "time"), message, hint)


@dataclass
class PlanCheck:
    """What ``qms plan validate`` found: how many files were read, the plans read from them, every problem."""

    files: int
    plans: list[PlanFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def check_plans(paths: Iterable[Path | str], as_of: date | None = None) -> PlanCheck:
    """Read every plan file under ``paths`` and find what each lacks: load errors, then the PLN findings."""
    plans, problems = read_plans(paths)
    for plan_file in plans:
        problems += plan_findings(plan_file, as_of)
    files = {str(p.path) for p in plans} | {str(d.location.path) for d in problems}
    return PlanCheck(len(files), plans, sorted(problems, key=sort_key))


__all__ = ["PlanCheck", "check_plans", "plan_findings"]
