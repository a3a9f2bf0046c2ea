"""How a plan's status and findings are shown: Rich tables for ``qms plan status`` / ``qms plan validate``, and JSON.

Nothing is computed here beyond formatting: every state and figure comes from :mod:`qms.plan.status`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qms.diagnostics import Diagnostic, Severity, display_path, visible
from qms.i18n import Lang, Message, _
from qms.plan import Plan, PlanTarget
from qms.plan.status import PlanStatus, TargetLine, TaskLine, TaskState
from qms.report.payloads import dumps

STATE_LABELS = {
    TaskState.DONE_IN_TIME: _("hoàn thành đúng hạn"),
    TaskState.DONE_LATE: _("hoàn thành trễ hạn"),
    TaskState.OPEN_IN_TIME: _("đang trong hạn"),
    TaskState.OVERDUE: _("quá hạn, chưa hoàn thành"),
    TaskState.NO_DEADLINE: _("không có hạn"),
    TaskState.CANCELLED: _("không thực hiện"),
}
REPORT_STATES = {
    TaskState.DONE_IN_TIME: _("đã gửi đúng hạn"),
    TaskState.DONE_LATE: _("đã gửi trễ hạn"),
    TaskState.OPEN_IN_TIME: _("chưa đến hạn"),
    TaskState.OVERDUE: _("quá hạn, chưa gửi"),
}
STATE_STYLES = {TaskState.DONE_LATE: "yellow", TaskState.OVERDUE: "red", TaskState.DONE_IN_TIME: "green"}
SOURCE_LABELS = {"log": _("nhật ký hồ sơ"), "kpi": _("KPI của quy trình"), "value": _("nhập tay"), "none": Message("-", "-")}


def _cell(text: str, style: str = "") -> Text:
    """User text as a cell: shown escaped, never read as Rich markup."""
    return Text(visible(text), style=style)


def unit_name(plan: Plan, unit_id: str | None, lang: Lang | str) -> str:
    unit = next((u for u in plan.units if u.id == unit_id), None)
    return unit.name.get(lang) if unit is not None else (unit_id or "-")


def _report_state(state: TaskState, lang: Lang | str) -> Text:
    return Text(REPORT_STATES.get(state, STATE_LABELS[state]).get(lang), style=STATE_STYLES.get(state, ""))


def header(status: PlanStatus, lang: Lang | str) -> Text:
    plan = status.plan_file.plan
    text = _("{code} — {title}. Ngày xét: {as_of}; kỳ kế hoạch: {first} đến {last}.").format(
        code=plan.code, title=plan.title.get(lang), as_of=status.as_of.isoformat(),
        first=plan.period.start.isoformat(), last=plan.period.end.isoformat(),
    )  # fmt: skip
    return Text(visible(text.get(lang)), style="bold")


def grid_table(status: PlanStatus, lang: Lang | str) -> Table:
    """Done / not done × in time / late / no deadline, with totals; cancelled tasks in the caption."""
    grid, undated_done = status.grid(), status.no_deadline_done()
    table = Table(title=_("Nhiệm vụ").get(lang), show_header=True, header_style="bold")
    table.add_column("")
    for head in (_("đúng hạn, trong hạn"), _("trễ hạn, quá hạn"), _("không có hạn"), _("cộng")):
        table.add_column(head.get(lang), justify="right")
    done = (grid[TaskState.DONE_IN_TIME], grid[TaskState.DONE_LATE], undated_done)
    open_ = (grid[TaskState.OPEN_IN_TIME], grid[TaskState.OVERDUE], grid[TaskState.NO_DEADLINE] - undated_done)
    table.add_row(_("đã hoàn thành").get(lang), *(str(n) for n in done), str(sum(done)))
    table.add_row(_("chưa hoàn thành").get(lang), *(str(n) for n in open_), str(sum(open_)))
    if grid[TaskState.CANCELLED]:
        table.caption = _("Không thực hiện: {n}").format(n=grid[TaskState.CANCELLED]).get(lang)
    return table


def _days(line: TaskLine, lang: Lang | str) -> Text:
    if line.days_left is None:
        return Text("")
    if line.days_left < 0:
        return Text(_("quá {n} ngày").format(n=-line.days_left).get(lang), style="red")
    text = _("còn {n} ngày").format(n=line.days_left).get(lang)
    return Text(text, style="yellow" if line.warning else "")


def attention_table(status: PlanStatus, lang: Lang | str) -> Table | None:
    """The overdue tasks (most overdue first), then those whose deadline is 7, 3 or 1 days away."""
    lines = sorted((t for t in status.tasks if t.state is TaskState.OVERDUE or t.warning), key=lambda t: t.days_left or 0)
    if not lines:
        return None
    plan = status.plan_file.plan
    table = Table(title=_("Nhiệm vụ quá hạn, sắp đến hạn").get(lang), show_header=True, header_style="bold")
    for head in (_("số"), _("nội dung"), _("chủ trì"), _("hạn"), _("còn lại"), _("cảnh báo")):
        table.add_column(head.get(lang))
    for line in lines:
        warning = _("≤ {n} ngày").format(n=line.warning).get(lang) if line.warning else ""
        deadline = line.deadline.isoformat() if line.deadline else ""
        table.add_row(_cell(line.task.id), _cell(line.task.content.get(lang)), _cell(unit_name(plan, line.task.lead, lang)),
                      deadline, _days(line, lang), Text(warning, style="yellow"))  # fmt: skip
    return table


def overdue_units_table(status: PlanStatus, lang: Lang | str) -> Table | None:
    rows = status.overdue_by_unit()
    if not rows:
        return None
    table = Table(title=_("Quá hạn theo đơn vị chủ trì").get(lang), show_header=True, header_style="bold")
    table.add_column(_("đơn vị").get(lang))
    table.add_column(_("số việc quá hạn").get(lang), justify="right")
    for unit, count in rows:
        table.add_row(_cell(unit_name(status.plan_file.plan, unit or None, lang)), Text(str(count), style="red"))
    return table


def recurring_table(status: PlanStatus, lang: Lang | str) -> Table | None:
    if not status.recurring:
        return None
    table = Table(title=_("Báo cáo định kỳ").get(lang), show_header=True, header_style="bold")
    for head in (_("mã"), _("nội dung"), _("kỳ"), _("hạn"), _("ngày gửi"), _("tình trạng")):
        table.add_column(head.get(lang))
    for line in status.recurring:
        sent = line.sent.isoformat() if line.sent else ""
        table.add_row(_cell(line.recurring.id), _cell(line.recurring.content.get(lang)), line.period_key, line.due.isoformat(), sent,
                      _report_state(line.state, lang))  # fmt: skip
    return table


def target_figure(target: PlanTarget, value: float | None) -> str:
    """``88.9%`` for a percentage target, ``3.2 ngày làm việc`` for one in a unit, ``-`` when unknown."""
    if value is None:
        return "-"
    unit = target.target.unit
    return f"{value:.1f}%" if unit == "%" else f"{value:.1f} {unit}".rstrip()


def _verdict(line: TargetLine, lang: Lang | str) -> Text:
    if line.met is None:
        return Text(_("không đo được").get(lang), style="yellow")
    return Text(_("đạt").get(lang), style="green") if line.met else Text(_("không đạt").get(lang), style="red")


def targets_table(status: PlanStatus, lang: Lang | str) -> Table | None:
    if not status.targets:
        return None
    table = Table(title=_("Chỉ tiêu").get(lang), show_header=True, header_style="bold")
    for head in (_("mã"), _("tên chỉ tiêu"), _("mức phải đạt"), _("đạt được"), _("nguồn"), _("kết quả"), _("ghi chú")):
        table.add_column(head.get(lang))
    for line in status.targets:
        target = line.target
        note = line.note.get(lang) if line.note else ""
        table.add_row(_cell(target.code), _cell(target.name.get(lang)), _cell(str(target.target)), target_figure(target, line.actual),
                      SOURCE_LABELS[line.source].get(lang), _verdict(line, lang), _cell(note, "dim"))  # fmt: skip
    return table


def verdict_line(status: PlanStatus, lang: Lang | str) -> Text:
    overdue = sum(line.state is TaskState.OVERDUE for line in status.tasks)
    reports = sum(line.state is TaskState.OVERDUE for line in status.recurring)
    missed = [line.target.code for line in status.targets if line.met is False]
    if status.on_track:
        return Text(_("Không có việc quá hạn; mọi chỉ tiêu đo được đều đạt.").get(lang), style="green")
    text = _("Quá hạn: {tasks} nhiệm vụ, {reports} kỳ báo cáo. Chỉ tiêu không đạt: {missed}.").format(
        tasks=overdue, reports=reports, missed=", ".join(missed) or "-"
    )
    return Text(visible(text.get(lang)), style="red")


def plan_status_summary(status: PlanStatus, lang: Lang | str) -> list[RenderableType]:
    """What ``qms plan status`` prints: the header, the grid, what needs attention, the reports, the targets, the verdict."""
    tables = (attention_table(status, lang), overdue_units_table(status, lang), recurring_table(status, lang), targets_table(status, lang))
    return [header(status, lang), grid_table(status, lang), *(t for t in tables if t is not None), verdict_line(status, lang)]


def _task_dict(line: TaskLine, lang: Lang | str) -> dict[str, Any]:
    task = line.task
    return {
        "id": task.id, "content": task.content.get(lang), "lead": task.lead, "time": task.time.text if task.time else None,
        "status": task.status.value, "completed": task.completed.isoformat() if task.completed else None, "state": line.state.value,
        "deadline": line.deadline.isoformat() if line.deadline else None, "days_left": line.days_left, "warning": line.warning,
    }  # fmt: skip


def plan_status_json(status: PlanStatus, lang: Lang | str) -> str:
    """The status as JSON: the plan, the date, the grid, every task, overdue by unit, report periods, targets."""
    plan = status.plan_file.plan
    payload = {
        "plan": {"code": plan.code, "title": plan.title.get(lang), "file": display_path(status.plan_file.path),
                 "period": {"from": plan.period.start.isoformat(), "to": plan.period.end.isoformat()}},
        "as_of": status.as_of.isoformat(),
        "on_track": status.on_track,
        "grid": {state.value: n for state, n in status.grid().items()},
        "tasks": [_task_dict(line, lang) for line in status.tasks],
        "overdue_by_unit": [{"unit": unit or None, "name": unit_name(plan, unit or None, lang), "overdue": n} for unit, n in status.overdue_by_unit()],
        "recurring": [
            {"id": r.recurring.id, "period": r.period_key, "due": r.due.isoformat(), "sent": r.sent.isoformat() if r.sent else None, "state": r.state.value}
            for r in status.recurring
        ],
        "targets": [
            {"code": t.target.code, "name": t.target.name.get(lang), "target": str(t.target.target), "actual": t.actual, "met": t.met,
             "source": t.source, "note": t.note.get(lang) if t.note else None}
            for t in status.targets
        ],
    }  # fmt: skip
    return dumps(payload)


def plan_validate_summary(files: int, plans: int, diagnostics: Sequence[Diagnostic], lang: Lang | str) -> Text:
    """``qms plan validate``'s closing sentence: files read, plans usable, errors, warnings and notes found."""
    counts = {s: sum(d.severity is s for d in diagnostics) for s in Severity}
    text = _("Tệp kế hoạch: {files}; đọc được: {plans}; lỗi: {errors}; cảnh báo: {warnings}; thông tin: {infos}.").format(
        files=files, plans=plans, errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], infos=counts[Severity.INFO]
    )
    return Text(text.get(lang), style="red" if counts[Severity.ERROR] else "green")


def plan_validate_json(files: int, plans: int, diagnostics: Sequence[Diagnostic], ok: bool, lang: Lang | str) -> str:
    return dumps({"ok": ok, "files": files, "plans": plans, "diagnostics": [d.to_dict(lang) for d in diagnostics]})


__all__ = [
    "REPORT_STATES",
    "SOURCE_LABELS",
    "STATE_LABELS",
    "plan_status_json",
    "plan_status_summary",
    "plan_validate_json",
    "plan_validate_summary",
    "target_figure",
    "unit_name",
]
