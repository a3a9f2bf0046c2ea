"""The page of a plan (``ke-hoach/<code>.md``) and of its quarterly reports (``ke-hoach/<code>/<2026-Q1>.md``).

The plan's page says where the plan stands on the build's date, from :class:`~qms.plan.status.PlanStatus`: the
issuing document, each target with its measured value and where that value comes from, the tasks of each lead
unit, the overdue tasks and those due within 7 days, the periodic reports, and links to the reports of the
quarters that have ended. A quarter's report is :func:`qms.report.plan_report.plan_report_markdown`'s, which
escapes the plan's text itself. Nothing is judged here: every state comes from the status.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from datetime import date

from qms.handbook.html_blocks import table
from qms.handbook.labels import label
from qms.handbook.links import href
from qms.handbook.pages.common import md, section, text
from qms.i18n import Lang
from qms.plan import Plan, TaskStatus
from qms.plan.periods import ReportPeriod, parse_period
from qms.plan.status import PlanStatus, TargetLine, TaskLine, TaskState
from qms.report.plan_report import day_text, lead_name, plan_report_markdown
from qms.report.plan_status import REPORT_STATES, STATE_LABELS, target_figure

SOON = 7  # days: the tasks «due within 7 days» (the largest warning of qms.plan.status.WARNING_DAYS)
COLUMNS = ("plan_in_time", "plan_late", "plan_overdue", "plan_open")


def _front(title: str) -> list[str]:
    # An explicit title, escaped: mkdocs would take the heading's unescaped text (see pages.process).
    return ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", ""]


def plan_title(plan: Plan, lang: Lang) -> str:
    """The plan's title, escaped (menus and the page's <title>)."""
    return text(plan.title, lang)


def _document(plan: Plan, lang: Lang) -> list[str]:
    lines = [f"## {label('plan_document', lang)}", ""]
    period = label("plan_from_to", lang, first=day_text(plan.period.start, lang), last=day_text(plan.period.end, lang))
    document = plan.document
    if document is None:
        return [*lines, label("plan_no_document", lang), "", f"- {label('plan_period', lang)}: {period}", ""]
    signer = " ".join(part for part in (document.signer_title, document.signer) if part)
    values = (
        ("number", document.number),
        ("plan_doc_date", day_text(document.date, lang)),
        ("plan_issuer", document.issuer),
        ("plan_signer", signer or None),
    )
    lines += [f"- {label(key, lang)}: {md(value)}" for key, value in values if value]
    return [*lines, f"- {label('plan_period', lang)}: {period}", ""]


def _verdict(line: TargetLine, lang: Lang) -> str:
    return label("plan_not_measured" if line.met is None else "plan_met" if line.met else "plan_missed", lang)


def _source(status: PlanStatus, line: TargetLine, lang: Lang) -> str:
    """Where the figure comes from: the log and the days it was measured over, the evidence of a hand-entered value."""
    target, parts = line.target, []
    if line.source == "log":
        period = status.plan_file.plan.period
        last = min(period.end, status.as_of)
        parts.append(label("plan_from_log", lang, logs=", ".join(target.logs), process=target.process or "-",
                           first=day_text(period.start, lang), last=day_text(last, lang)))  # fmt: skip
    elif line.source == "value":
        evidence = target.evidence
        parts.append(label("plan_from_value", lang, evidence=evidence) if evidence else label("plan_from_value_bare", lang))
    if line.note is not None:
        parts.append(line.note.get(lang))
    return "; ".join(parts) or "-"


def _targets(status: PlanStatus, lang: Lang) -> list[str]:
    if not status.targets:
        return [f"## {label('plan_targets', lang)}", "", label("plan_no_targets", lang), ""]
    rows = [
        [text(line.target.code), text(line.target.name, lang), text(str(line.target.target)), text(target_figure(line.target, line.actual)),
         _verdict(line, lang), text(_source(status, line, lang))]
        for line in status.targets
    ]  # fmt: skip
    return section("plan_targets", lang, ("code", "plan_target_name", "target", "plan_actual", "plan_result", "plan_source"), rows)


def _column(line: TaskLine, as_of: date) -> str:
    """The column of the units' table a task counts in (a task done without a deadline is done in time)."""
    if line.state is TaskState.NO_DEADLINE:
        done = line.task.status is TaskStatus.DONE and (line.task.completed is None or line.task.completed <= as_of)
        return "plan_in_time" if done else "plan_open"
    states = {TaskState.DONE_IN_TIME: "plan_in_time", TaskState.DONE_LATE: "plan_late", TaskState.OVERDUE: "plan_overdue"}
    return states.get(line.state, "plan_open")


def _units(status: PlanStatus, lang: Lang) -> list[str]:
    plan = status.plan_file.plan
    heading = [f"## {label('plan_units', lang)}", ""]
    counted = [line for line in status.tasks if line.state is not TaskState.CANCELLED]
    cancelled = len(status.tasks) - len(counted)
    if not status.tasks:
        return [*heading, label("plan_no_tasks", lang), ""]
    by_unit: dict[str | None, Counter[str]] = {}
    for line in counted:
        by_unit.setdefault(line.task.lead, Counter())[_column(line, status.as_of)] += 1
    order = {unit.id: i for i, unit in enumerate(plan.units)}
    leads = sorted(by_unit, key=lambda lead: (lead is None, order.get(lead or "", len(order)), lead or ""))
    total: Counter[str] = sum(by_unit.values(), Counter())
    rows = [
        [text(lead_name(plan, lead, lang)), str(sum(by_unit[lead].values())), *(str(by_unit[lead][key]) for key in COLUMNS)]
        for lead in leads
    ]
    rows.append([label("plan_total", lang), str(len(counted)), *(str(total[key]) for key in COLUMNS)])
    lines = section("plan_units", lang, ("plan_unit", "plan_task_count", *COLUMNS), rows)
    lines.append(label("plan_units_note", lang))
    if cancelled:
        lines += ["", label("plan_cancelled", lang, n=cancelled)]
    return [*lines, ""]


def _task_rows(plan: Plan, lines: Sequence[TaskLine], lang: Lang, overdue: bool) -> list[list[str]]:
    rows = []
    for line in lines:
        days = line.days_left or 0
        rows.append([text(line.task.id), text(line.task.content, lang), text(lead_name(plan, line.task.lead, lang)),
                     day_text(line.deadline, lang), str(-days if overdue else days)])  # fmt: skip
    return rows


def _attention(status: PlanStatus, lang: Lang) -> list[str]:
    plan, columns = status.plan_file.plan, ("plan_task_id", "plan_task", "plan_unit", "plan_deadline")
    overdue = sorted((line for line in status.tasks if line.state is TaskState.OVERDUE), key=lambda line: line.days_left or 0)
    soon = [line for line in status.tasks if line.state is TaskState.OPEN_IN_TIME and line.days_left is not None and line.days_left <= SOON]
    soon.sort(key=lambda line: line.days_left or 0)
    if overdue:
        lines = section("plan_overdue_tasks", lang, (*columns, "plan_days_overdue"), _task_rows(plan, overdue, lang, True))
    else:
        lines = [f"## {label('plan_overdue_tasks', lang)}", "", label("plan_none_overdue", lang), ""]
    heading = label("plan_due_soon", lang, days=SOON)
    if not soon:
        return [*lines, f"## {heading}", "", label("plan_none_due_soon", lang, days=SOON), ""]
    return [
        *lines,
        f"## {heading}",
        "",
        table([label(key, lang) for key in (*columns, "plan_days_left")], _task_rows(plan, soon, lang, False)),
    ]


def _recurring(status: PlanStatus, lang: Lang) -> list[str]:
    if not status.recurring:
        return [f"## {label('plan_reports', lang)}", "", label("plan_no_reports", lang), ""]
    rows = [
        [text(line.recurring.id), text(line.recurring.content, lang), text(parse_period(line.period_key).label.get(lang)),
         day_text(line.due, lang), day_text(line.sent, lang) if line.sent else "", REPORT_STATES.get(line.state, STATE_LABELS[line.state]).get(lang)]
        for line in status.recurring
    ]  # fmt: skip
    return section("plan_reports", lang, ("code", "plan_report", "plan_report_period", "plan_due", "plan_sent", "plan_state"), rows)


def _past(page: str, reports: Sequence[tuple[ReportPeriod, str]], as_of: date, lang: Lang) -> list[str]:
    lines = [f"## {label('plan_past', lang)}", ""]
    if not reports:
        return [*lines, label("plan_past_none", lang, day=day_text(as_of, lang)), ""]
    lines += [f'- <a href="{href(page, path)}">{text(report_title(period, lang))}</a>' for period, path in reports]
    return [*lines, "", label("plan_past_note", lang), ""]


def plan_page(status: PlanStatus, page: str, reports: Sequence[tuple[ReportPeriod, str]], file_name: str, lang: Lang) -> str:
    """The Markdown page ``page`` of the plan on ``status.as_of``; ``reports``: the past quarters and their pages."""
    plan = status.plan_file.plan
    title = plan_title(plan, lang)
    lines = [*_front(title), f"# {md(plan.title, lang)}", ""]
    lines += [md(label("plan_as_of", lang, day=day_text(status.as_of, lang), file=file_name)), ""]
    for part in (_document(plan, lang), _targets(status, lang), _units(status, lang), _attention(status, lang), _recurring(status, lang)):
        lines += part
    lines += _past(page, reports, status.as_of, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


def report_title(period: ReportPeriod, lang: Lang) -> str:
    """«Báo cáo quý I năm 2026», escaped: the report's entry in the menu."""
    return text(label("plan_report_title", lang, period=period.phrase.get(lang)))


def report_page(status: PlanStatus, period: ReportPeriod, page: str, plan_page_path: str, lang: Lang) -> str:
    """The report of ``period`` (its Markdown from :mod:`qms.report.plan_report`) and a link back to the plan's page."""
    body = plan_report_markdown(status, period, lang).rstrip("\n")
    back = f'<a href="{href(page, plan_page_path)}">{text(status.plan_file.plan.code)}</a>'
    return "\n".join(_front(report_title(period, lang))) + "\n" + body + "\n\n" + label("plan_back", lang, plan=back) + "\n"


__all__ = ["plan_page", "plan_title", "report_page", "report_title"]
