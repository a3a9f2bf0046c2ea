"""Where a plan stands on a date: each task in time, late or overdue, each periodic report sent or due, each target
measured (docs/plans.md, "Theo dõi").

The rules, each ours where the seeds say nothing [M]:

* a task's **deadline** is the last day of its time frame; "on request", "continuous" or no time: no deadline;
* a task counts as **done** on ``as_of`` when its status is ``done`` and its ``completed`` date is not after
  ``as_of`` (a status taken on an earlier date does not see later work); done by its deadline is *done in time*,
  after it *done late*; done without a ``completed`` date is counted as done in time (PLN005 says the date is
  missing);
* a task not done is *open in time* while ``as_of`` is not after its deadline, *overdue* after it;
  ``cancelled`` is cancelled whatever its dates;
* **warnings** count calendar days (not working days) from ``as_of`` to the deadline: 7, 3 or 1 when the deadline
  is that close or closer (the smallest threshold reached; the deadline day itself is 1);
* a **periodic report**'s periods are those of its frequency that overlap the plan's period; each is due on
  ``due_day`` of the period's last month (``in_next_month``: of the month after it), clamped to the month's length.
  The dates of ``done`` are matched to the periods in order: a period takes the earliest date not after ``as_of``,
  on or after the period's first day, that no earlier period took. Sent by its due date: in time; after: late;
  not sent and ``as_of`` after its due date: overdue; otherwise open;
* a **target** is measured from its ``logs`` (paths from the plan file) by :func:`qms.measure.analyze_files`, from
  the plan's first day to ``as_of`` or its last day, whichever is earlier, with its ``measure`` (or, for a ``kpi``,
  the process KPI's); else its hand-entered ``value``; a ``kpi`` alone cannot be measured from the process file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

from qms.i18n import Message, _
from qms.measure import Analysis, AnalyzeError, Request, analyze_files, find_process
from qms.model import Measure
from qms.plan.model import Frequency, PlanTarget, Recurring, Task, TaskStatus
from qms.plan.read import PlanFile
from qms.plan.timeframe import FrameKind

WARNING_DAYS = (1, 3, 7)  # calendar days before a deadline, smallest first


class TaskState(StrEnum):
    DONE_IN_TIME = "done_in_time"
    DONE_LATE = "done_late"
    OPEN_IN_TIME = "open_in_time"
    OVERDUE = "overdue"
    NO_DEADLINE = "no_deadline"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class TaskLine:
    """A task on ``as_of``: its state, its deadline, the calendar days left to it (negative once past) while open."""

    task: Task
    state: TaskState
    deadline: date | None
    days_left: int | None
    warning: int | None  # 7, 3 or 1 when the deadline is that close (the smallest threshold reached), else None


@dataclass(frozen=True)
class TargetLine:
    """A target and what is known of it: ``source`` "log" (measured), "kpi", "value" (entered by hand) or "none"."""

    target: PlanTarget
    actual: float | None
    met: bool | None
    source: str
    note: Message | None = None


@dataclass(frozen=True)
class RecurringLine:
    """One period of a periodic report: its key ("2026-Q1", "2026-H1", "2026", "2026-03"), due date, sending date."""

    recurring: Recurring
    period_key: str
    due: date
    sent: date | None
    state: TaskState


@dataclass
class PlanStatus:
    """Every task, target and report period of a plan on ``as_of``."""

    plan_file: PlanFile
    as_of: date
    tasks: list[TaskLine] = field(default_factory=list)
    targets: list[TargetLine] = field(default_factory=list)
    recurring: list[RecurringLine] = field(default_factory=list)

    def overdue_by_unit(self) -> list[tuple[str, int]]:
        """Overdue tasks and report periods by lead unit id ("" for none), most first, then by id."""
        leads = [line.task.lead for line in self.tasks if line.state is TaskState.OVERDUE]
        leads += [line.recurring.lead for line in self.recurring if line.state is TaskState.OVERDUE]
        counts = Counter(lead or "" for lead in leads)
        return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))

    def grid(self) -> dict[TaskState, int]:
        """How many tasks are in each state (every state, zeros included); report periods are not tasks here."""
        counts = Counter(line.state for line in self.tasks)
        return {state: counts[state] for state in TaskState}

    def no_deadline_done(self) -> int:
        """How many of the tasks without a deadline are done on ``as_of`` (the grid's "done, no deadline" cell)."""
        return sum(line.state is TaskState.NO_DEADLINE and _done_by(line.task, self.as_of) for line in self.tasks)

    @property
    def on_track(self) -> bool:
        """Nothing overdue (tasks or reports) and every target that has a value meets it."""
        states = [line.state for line in self.tasks] + [line.state for line in self.recurring]
        overdue = TaskState.OVERDUE in states
        return not overdue and all(line.met is not False for line in self.targets)


def _done_by(task: Task, as_of: date) -> bool:
    return task.status is TaskStatus.DONE and (task.completed is None or task.completed <= as_of)


def deadline_of(task: Task) -> date | None:
    """The last day of the task's time frame; ``None`` on request or without a time."""
    if task.time is None or task.time.kind is FrameKind.ON_REQUEST:
        return None
    return task.time.last


def warning_for(days_left: int) -> int | None:
    """7, 3 or 1 when ``days_left`` (calendar days, 0 on the deadline day) is within that, else ``None``."""
    if days_left < 0:
        return None
    return next((limit for limit in WARNING_DAYS if days_left <= limit), None)


def task_line(task: Task, as_of: date) -> TaskLine:
    """The state of ``task`` on ``as_of`` (the rules in this module's documentation)."""
    deadline = deadline_of(task)
    if task.status is TaskStatus.CANCELLED:
        return TaskLine(task, TaskState.CANCELLED, deadline, None, None)
    if deadline is None:
        return TaskLine(task, TaskState.NO_DEADLINE, None, None, None)
    if _done_by(task, as_of):
        late = task.completed is not None and task.completed > deadline
        return TaskLine(task, TaskState.DONE_LATE if late else TaskState.DONE_IN_TIME, deadline, None, None)
    days_left = (deadline - as_of).days
    state = TaskState.OPEN_IN_TIME if days_left >= 0 else TaskState.OVERDUE
    return TaskLine(task, state, deadline, days_left, warning_for(days_left))


# --- periodic reports ------------------------------------------------------------------------------------------

def month_end(year: int, month: int) -> date:
    return (date(year, month, 28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


_MONTHS = {Frequency.MONTH: 1, Frequency.QUARTER: 3, Frequency.HALF: 6, Frequency.YEAR: 12}


def _period_key(every: Frequency, year: int, first_month: int) -> str:
    number = (first_month - 1) // _MONTHS[every] + 1
    return {
        Frequency.MONTH: f"{year}-{first_month:02d}",
        Frequency.QUARTER: f"{year}-Q{number}",
        Frequency.HALF: f"{year}-H{number}",
        Frequency.YEAR: f"{year}",
    }[every]


def _periods(every: Frequency, start: date, end: date) -> list[tuple[str, date, date]]:
    """(key, first day, last day) of each period of ``every`` that overlaps ``start`` to ``end``."""
    size, found = _MONTHS[every], []
    year, month = start.year, (start.month - 1) // size * size + 1
    while date(year, month, 1) <= end:
        last_month = month + size - 1
        found.append((_period_key(every, year, month), date(year, month, 1), month_end(year, last_month)))
        year, month = (year + 1, 1) if last_month == 12 else (year, last_month + 1)
    return found


def _due(recurring: Recurring, last_day: date) -> date:
    year, month = last_day.year, last_day.month
    if recurring.in_next_month:
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    end = month_end(year, month)
    return end.replace(day=min(recurring.due_day, end.day))


def recurring_due_dates(recurring: Recurring, start: date, end: date) -> list[tuple[str, date]]:
    """Each period of the plan (``start`` to ``end``) and its due date: ``due_day`` of the period's last month (or of
    the next month with ``in_next_month``), clamped to the month's length (31 in February: the 28th or 29th)."""
    return [(key, _due(recurring, last)) for key, _first, last in _periods(recurring.every, start, end)]


def recurring_lines(recurring: Recurring, start: date, end: date, as_of: date) -> list[RecurringLine]:
    """Every period of ``recurring`` from ``start`` to ``end`` on ``as_of``, its sending date matched from ``done``."""
    unused = sorted(day for day in recurring.done if day <= as_of)
    lines = []
    for key, first, last in _periods(recurring.every, start, end):
        due = _due(recurring, last)
        sent = next((day for day in unused if day >= first), None)
        if sent is not None:
            unused.remove(sent)
            state = TaskState.DONE_IN_TIME if sent <= due else TaskState.DONE_LATE
        else:
            state = TaskState.OVERDUE if as_of > due else TaskState.OPEN_IN_TIME
        lines.append(RecurringLine(recurring, key, due, sent, state))
    return lines


# --- targets ---------------------------------------------------------------------------------------------------


@dataclass
class _Measurer:
    """Runs each log analysis a plan's targets need once, over the plan's period up to ``as_of``."""

    plan_file: PlanFile
    as_of: date
    processes: Path | None
    done: dict[tuple[tuple[Path, ...], str | None], Analysis | AnalyzeError] = field(default_factory=dict)

    def analysis(self, target: PlanTarget) -> Analysis | AnalyzeError:
        logs = tuple(self.plan_file.path.parent / log for log in target.logs)
        key = (logs, target.process)
        if key not in self.done:
            period = self.plan_file.plan.period
            request = Request(
                logs, target.process, self.processes, first=period.start, last=min(period.end, self.as_of), goals_from_process=False
            )
            try:
                self.done[key] = analyze_files(request)
            except AnalyzeError as exc:
                self.done[key] = exc
        return self.done[key]

    def measure_of(self, target: PlanTarget) -> Measure | None:
        """The target's own ``measure``, or its KPI's in the process it names."""
        if target.measure is not None or target.kpi is None or target.process is None:
            return target.measure
        try:
            process = find_process(target.process, self.processes)
        except AnalyzeError:
            return None
        return next((kpi.measure for kpi in process.kpis if kpi.code == target.kpi), None)


def _measured(target: PlanTarget, measurer: _Measurer) -> TargetLine:
    measure = measurer.measure_of(target)
    if measure is None:
        return TargetLine(target, None, None, "log", _("có «logs» nhưng không rõ số đo: thêm «measure» (ví dụ in_time_rate)"))
    if measurer.as_of < measurer.plan_file.plan.period.start:
        return TargetLine(target, None, None, "log", _("kế hoạch chưa bắt đầu vào ngày xét"))
    found = measurer.analysis(target)
    if isinstance(found, AnalyzeError):
        return TargetLine(target, None, None, "log", _("không đo được: {reason}").format(reason=found.message))
    actual = found.value(measure)
    if actual is None:
        return TargetLine(target, None, None, "log", _("nhật ký không có hồ sơ nào để tính số đo này trong kỳ"))
    return TargetLine(target, actual, target.target.is_met_by(round(actual, 6)), "log")


def _target_line(target: PlanTarget, measurer: _Measurer | None) -> TargetLine:
    """What is known of ``target``: measured from its logs (``measurer``; ``None``: not measured), its value, or nothing."""
    if target.logs:
        if measurer is None:
            return TargetLine(target, None, None, "log", _("chưa đo: trạng thái được lập không đo nhật ký hồ sơ"))
        return _measured(target, measurer)
    if target.value is not None:
        return TargetLine(target, target.value, target.target.is_met_by(target.value), "value")
    if target.kpi is not None:
        note = _("KPI {kpi} của quy trình chỉ nêu chỉ tiêu, không cho giá trị đạt được: thêm «logs» để đo, hoặc «value»")
        return TargetLine(target, None, None, "kpi", note.format(kpi=target.kpi))
    if target.measure is not None:
        return TargetLine(target, None, None, "none", _("có «measure» nhưng không có «logs» để đo"))
    return TargetLine(target, None, None, "none", _("không có cách đo: thêm «measure» và «logs», «kpi» hoặc «value»"))


def plan_status(plan_file: PlanFile, as_of: date, *, measure: bool = True, processes: Path | None = None) -> PlanStatus:
    """Where ``plan_file`` stands on ``as_of``; ``measure=False`` skips the log analyses (targets from logs: no value).

    ``processes`` is the folder of process files a target's ``process`` is looked up in (default ``processes/``)."""
    plan = plan_file.plan
    measurer = _Measurer(plan_file, as_of, processes) if measure else None
    return PlanStatus(
        plan_file,
        as_of,
        tasks=[task_line(task, as_of) for task in plan.tasks],
        targets=[_target_line(target, measurer) for target in plan.targets],
        recurring=_all_recurring(plan.recurring, plan.period.start, plan.period.end, as_of),
    )


def _all_recurring(items: Iterable[Recurring], start: date, end: date, as_of: date) -> list[RecurringLine]:
    return [line for recurring in items for line in recurring_lines(recurring, start, end, as_of)]


__all__ = [
    "WARNING_DAYS",
    "PlanStatus",
    "RecurringLine",
    "TargetLine",
    "TaskLine",
    "TaskState",
    "deadline_of",
    "month_end",
    "plan_status",
    "recurring_due_dates",
    "recurring_lines",
    "task_line",
    "warning_for",
]
