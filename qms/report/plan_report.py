"""The progress report of a plan for a report period (báo cáo kết quả thực hiện kế hoạch), as Markdown or HTML.

What it says, in the order of an agency's periodic report: the period and the window its figures are cut off at
(Decree 09/2019/NĐ-CP, art. 12, :mod:`qms.plan.periods`); each target with the figure reached, the target and
whether it is met (a figure entered by hand is said to be one, with its evidence); the tasks of the period: done
in time or late (with the reason the plan's notes give), overdue with their lead unit, still open, without a
deadline, not carried out; the periodic reports due in the period; and proposals (kiến nghị): one prompt for each
overdue task or report and each missed target, for the officer to complete.

Which tasks belong to a period: those whose time frame overlaps its calendar days, those completed within its
window, those overdue from before it, and those without a deadline (continuous work, reported every time) [M:
our reading; the seeds do not say]. Every state comes from :class:`~qms.plan.status.PlanStatus`; nothing is judged
here. The report is a list of blocks of plain text (those of :mod:`qms.report.analysis_page`), which each format
escapes for itself (:mod:`qms.escape`): task contents, unit names and notes are data. :mod:`qms.report.plan_docx`
writes the same blocks as a Word document.
"""

from __future__ import annotations

from datetime import date

from qms.escape import html_text
from qms.i18n import Lang, Message, _
from qms.i18n import day_text as i18n_day
from qms.model import Text
from qms.plan.model import Plan, TaskStatus
from qms.plan.periods import ReportPeriod, parse_period
from qms.plan.status import PlanStatus, RecurringLine, TargetLine, TaskLine, TaskState
from qms.report.analysis_page import STYLE, Block, Heading, Items, Paragraph, Table
from qms.report.analysis_page import _html_block as html_block
from qms.report.analysis_page import _markdown_block as markdown_block
from qms.report.plan_status import REPORT_STATES, SOURCE_LABELS, target_figure

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
DONE = (TaskState.DONE_IN_TIME, TaskState.DONE_LATE)
TASK_STATUSES = {TaskStatus.NOT_STARTED: _("chưa thực hiện"), TaskStatus.IN_PROGRESS: _("đang thực hiện"), TaskStatus.DONE: _("đã hoàn thành")}


def day_text(day: date | None, lang: Lang | str) -> str:
    """``09/01/2026`` in Vietnamese, ``2026-01-09`` in English; ``-`` for no date."""
    return "-" if day is None else i18n_day(day, lang)


def both(text: Text) -> Message:
    """A text of the plan in both languages (its Vietnamese where it has no English)."""
    return Message(text.vi, text.get(Lang.EN))


def day_message(day: date | None) -> Message:
    return Message(day_text(day, Lang.VI), day_text(day, Lang.EN))


def lower_first(message: Message) -> Message:
    return Message(message.vi[:1].lower() + message.vi[1:], message.en[:1].lower() + message.en[1:])


def report_subject(status: PlanStatus, period: ReportPeriod) -> Message:
    """The subject line (trích yếu): «Kết quả thực hiện Kế hoạch … quý I năm 2026»."""
    return _("Kết quả thực hiện {plan} {period}").format(plan=both(status.plan_file.plan.title), period=period.phrase)


def lead_name(plan: Plan, unit_id: str | None, lang: Lang | str) -> str:
    if not unit_id:
        return _("(chưa giao đơn vị chủ trì)").get(lang)
    return next((unit.name.get(lang) for unit in plan.units if unit.id == unit_id), unit_id)


def in_period(line: TaskLine, period: ReportPeriod) -> bool:
    """Whether the task belongs to the report of ``period`` (this module's documentation says which do)."""
    task = line.task
    if task.completed is not None and period.window_first <= task.completed <= period.window_last:
        return True
    frame = task.time
    if line.deadline is None or frame is None or frame.first is None:
        return True
    if frame.first > period.last:
        return False
    return line.deadline >= period.first or line.state is TaskState.OVERDUE


def period_tasks(status: PlanStatus, period: ReportPeriod) -> list[TaskLine]:
    return [line for line in status.tasks if in_period(line, period)]


def period_reports(status: PlanStatus, period: ReportPeriod) -> list[RecurringLine]:
    """The periodic reports due within ``period``, and those due before it and still not sent."""
    return [line for line in status.recurring if period.first <= line.due <= period.last or (line.due < period.first and line.state is TaskState.OVERDUE)]


def _verdict(met: bool | None, lang: Lang | str) -> str:
    return (_("không đo được") if met is None else _("đạt") if met else _("không đạt")).get(lang)


def _target_note(line: TargetLine, lang: Lang | str) -> str:
    notes = [line.note.get(lang)] if line.note is not None else []
    if line.source == "value":
        evidence = line.target.evidence
        hand = _("giá trị nhập tay; minh chứng: {evidence}").format(evidence=evidence) if evidence else _("giá trị nhập tay, chưa có minh chứng")
        notes.insert(0, hand.get(lang))
    return "; ".join(notes)


def _targets(status: PlanStatus, lang: Lang | str) -> list[Block]:
    if not status.targets:
        return [Paragraph(_("Kế hoạch không đặt chỉ tiêu.").get(lang))]
    period = status.plan_file.plan.period
    measured = _("Số đo trên nhật ký hồ sơ tính từ {first} đến {last}.").format(
        first=day_text(period.start, lang), last=day_text(min(period.end, status.as_of), lang)
    )
    heads = [h.get(lang) for h in (_("mã"), _("chỉ tiêu"), _("kế hoạch"), _("đạt được"), _("kết quả"), _("nguồn"), _("ghi chú"))]
    rows = [
        [line.target.code, line.target.name.get(lang), str(line.target.target), target_figure(line.target, line.actual), _verdict(line.met, lang),
         SOURCE_LABELS.get(line.source, Message(line.source, line.source)).get(lang), _target_note(line, lang)]
        for line in status.targets
    ]  # fmt: skip
    met = sum(1 for line in status.targets if line.met)
    missed = sum(1 for line in status.targets if line.met is False)
    counts = _("Đạt {met}/{n} chỉ tiêu; không đạt {missed}; không đo được {unknown}.").format(
        met=met, n=len(status.targets), missed=missed, unknown=len(status.targets) - met - missed
    )
    return [Paragraph(measured.get(lang)), Table(heads, rows, frozenset({3})), Paragraph(counts.get(lang))]


def _done_rows(plan: Plan, lines: list[TaskLine], lang: Lang | str) -> list[list[str]]:
    rows = []
    for line in lines:
        result = (_("đúng hạn") if line.state is TaskState.DONE_IN_TIME else _("trễ hạn")).get(lang)
        task = line.task
        rows.append(
            [task.id, task.content.get(lang), lead_name(plan, task.lead, lang), day_text(line.deadline, lang),
             day_text(task.completed, lang), result, task.evidence or "", task.notes or ""]
        )  # fmt: skip
    return rows


def _open_rows(plan: Plan, lines: list[TaskLine], lang: Lang | str, overdue: bool) -> list[list[str]]:
    rows = []
    for line in lines:
        task, days = line.task, line.days_left or 0
        count = str(-days) if overdue else str(days)
        rows.append(
            [task.id, task.content.get(lang), lead_name(plan, task.lead, lang), day_text(line.deadline, lang), count,
             TASK_STATUSES[task.status].get(lang), task.notes or ""]
        )  # fmt: skip
    return rows


def _other_rows(plan: Plan, lines: list[TaskLine], lang: Lang | str) -> list[list[str]]:
    rows = []
    for line in lines:
        task = line.task
        status = TASK_STATUSES.get(task.status, _("không thực hiện")).get(lang)
        rows.append([task.id, task.content.get(lang), lead_name(plan, task.lead, lang), str(task.time or "-"), status, task.notes or ""])
    return rows


def _tasks(status: PlanStatus, period: ReportPeriod, lang: Lang | str) -> list[Block]:
    plan, lines = status.plan_file.plan, period_tasks(status, period)
    by = {state: [line for line in lines if line.state is state] for state in TaskState}
    common = [_("số"), _("nội dung"), _("đơn vị chủ trì")]
    groups = (
        (_("Nhiệm vụ đã hoàn thành"), [line for line in lines if line.state in DONE],
         [*common, _("hạn"), _("ngày hoàn thành"), _("kết quả"), _("minh chứng"), _("ghi chú, lý do chậm")], _done_rows),
        (_("Nhiệm vụ quá hạn, chưa hoàn thành"), by[TaskState.OVERDUE],
         [*common, _("hạn"), _("số ngày quá hạn"), _("tình trạng"), _("ghi chú")], lambda p, ls, lg: _open_rows(p, ls, lg, True)),
        (_("Nhiệm vụ đang thực hiện, trong hạn"), by[TaskState.OPEN_IN_TIME],
         [*common, _("hạn"), _("số ngày còn lại"), _("tình trạng"), _("ghi chú")], lambda p, ls, lg: _open_rows(p, ls, lg, False)),
        (_("Nhiệm vụ thường xuyên, theo yêu cầu (không có thời hạn)"), by[TaskState.NO_DEADLINE],
         [*common, _("thời gian"), _("tình trạng"), _("ghi chú")], _other_rows),
        (_("Nhiệm vụ không thực hiện"), by[TaskState.CANCELLED], [*common, _("thời gian"), _("tình trạng"), _("lý do")], _other_rows),
    )  # fmt: skip
    done = len(groups[0][1])
    summary = _("Trong kỳ có {n} nhiệm vụ: hoàn thành {done} (đúng hạn {in_time}, trễ hạn {late}); quá hạn {overdue}; "
                "đang thực hiện trong hạn {open}; không có thời hạn {none}; không thực hiện {cancelled}.").format(
        n=len(lines), done=done, in_time=len(by[TaskState.DONE_IN_TIME]), late=len(by[TaskState.DONE_LATE]),
        overdue=len(by[TaskState.OVERDUE]), open=len(by[TaskState.OPEN_IN_TIME]), none=len(by[TaskState.NO_DEADLINE]),
        cancelled=len(by[TaskState.CANCELLED]),
    )  # fmt: skip
    blocks: list[Block] = [Paragraph(summary.get(lang))]
    number = 0
    for title, chosen, heads, rows in groups:
        if not chosen and title not in (groups[0][0], groups[1][0]):
            continue
        number += 1
        blocks.append(Heading(f"{number}. {title.get(lang)}", 3))
        if chosen:
            blocks.append(Table([h.get(lang) for h in heads], rows(plan, chosen, lang), frozenset()))
        else:
            blocks.append(Paragraph(_("Không có.").get(lang)))
    return blocks + _overdue_units(status, lang)


def _overdue_units(status: PlanStatus, lang: Lang | str) -> list[Block]:
    counted = status.overdue_by_unit()
    if not counted:
        return []
    plan = status.plan_file.plan
    title = _("Nhiệm vụ và báo cáo quá hạn theo đơn vị chủ trì (cả kế hoạch, đến ngày {day})").format(day=day_text(status.as_of, lang))
    rows = [[lead_name(plan, unit or None, lang), str(n)] for unit, n in counted]
    return [Paragraph(title.get(lang)), Table([_("đơn vị chủ trì").get(lang), _("số quá hạn").get(lang)], rows, frozenset({1}))]


def _reports(status: PlanStatus, period: ReportPeriod, lang: Lang | str) -> list[Block]:
    lines = period_reports(status, period)
    if not lines:
        return [Paragraph(_("Không có báo cáo định kỳ đến hạn trong kỳ.").get(lang))]
    plan = status.plan_file.plan
    heads = [h.get(lang) for h in (_("mã"), _("nội dung"), _("đơn vị chủ trì"), _("kỳ"), _("hạn gửi"), _("ngày gửi"), _("nơi nhận"), _("tình trạng"))]
    rows = [
        [line.recurring.id, line.recurring.content.get(lang), lead_name(plan, line.recurring.lead, lang),
         parse_period(line.period_key).label.get(lang), day_text(line.due, lang), day_text(line.sent, lang),
         line.recurring.recipient or "", REPORT_STATES.get(line.state, Message(line.state.value, line.state.value)).get(lang)]
        for line in lines
    ]  # fmt: skip
    return [Table(heads, rows, frozenset())]


def proposals(status: PlanStatus, period: ReportPeriod) -> list[Message]:
    """One prompt (kiến nghị) per overdue task or report and per missed target, each to be completed by the officer."""
    plan, found = status.plan_file.plan, []
    for line in period_tasks(status, period):
        if line.state is TaskState.OVERDUE:
            prompt = _("Kiến nghị về nhiệm vụ {id} «{content}» (chủ trì: {unit}), quá hạn {days} ngày: …")
            unit = Message(lead_name(plan, line.task.lead, Lang.VI), lead_name(plan, line.task.lead, Lang.EN))
            found.append(prompt.format(id=line.task.id, content=both(line.task.content), unit=unit, days=-(line.days_left or 0)))
    for report in period_reports(status, period):
        if report.state is TaskState.OVERDUE:
            prompt = _("Kiến nghị về báo cáo {id} «{content}» kỳ {period}, quá hạn gửi từ {due}: …")
            label = parse_period(report.period_key).phrase
            found.append(prompt.format(id=report.recurring.id, content=both(report.recurring.content), period=label, due=day_message(report.due)))
    for target in status.targets:
        if target.met is False:
            prompt = _("Kiến nghị về chỉ tiêu {code} «{name}» chưa đạt (đạt {actual}, kế hoạch {target}): …")
            found.append(prompt.format(code=target.target.code, name=both(target.target.name), actual=target_figure(target.target, target.actual), target=str(target.target.target)))
    return found


def _proposals(status: PlanStatus, period: ReportPeriod, lang: Lang | str) -> list[Block]:
    found = proposals(status, period)
    if not found:
        return [Paragraph(_("Không có nhiệm vụ quá hạn hay chỉ tiêu chưa đạt cần kiến nghị; đơn vị bổ sung đề xuất (nếu có).").get(lang))]
    return [Items([prompt.get(lang) for prompt in found])]


def _period(status: PlanStatus, period: ReportPeriod, lang: Lang | str) -> list[Block]:
    lines = [
        _("Kỳ báo cáo: {label}, từ {first} đến {last}.").format(
            label=period.label, first=day_text(period.first, lang), last=day_text(period.last, lang)
        ),
        _("Thời gian chốt số liệu: từ {first} đến {last} (Nghị định 09/2019/NĐ-CP, Điều 12).").format(
            first=day_message(period.window_first), last=day_message(period.window_last)
        ),
        _("Tình hình thực hiện tính đến ngày {day}.").format(day=day_message(status.as_of)),
    ]
    document = status.plan_file.plan.document
    if document is not None:
        lines.append(_("Kế hoạch số {number} ngày {day}.").format(number=document.number, day=day_message(document.date)))
    return [Items([line.get(lang) for line in lines])]


def plan_report_blocks(status: PlanStatus, period: ReportPeriod, lang: Lang | str = Lang.VI) -> list[Block]:
    """The body of the report, its sections numbered I, II…: the same in Markdown, HTML and Word."""
    sections = (
        (_("Kỳ báo cáo và thời gian chốt số liệu"), _period(status, period, lang)),
        (_("Kết quả thực hiện các chỉ tiêu"), _targets(status, lang)),
        (_("Kết quả thực hiện nhiệm vụ"), _tasks(status, period, lang)),
        (_("Báo cáo định kỳ"), _reports(status, period, lang)),
        (_("Kiến nghị, đề xuất"), _proposals(status, period, lang)),
    )
    blocks: list[Block] = []
    for i, (title, body) in enumerate(sections):
        blocks += [Heading(f"{ROMAN[i]}. {title.get(lang)}"), *body]
    return blocks


def plan_report_title(status: PlanStatus, period: ReportPeriod, lang: Lang | str = Lang.VI) -> str:
    """«Báo cáo kết quả thực hiện Kế hoạch … quý I năm 2026», plain text."""
    return _("Báo cáo {subject}").format(subject=lower_first(report_subject(status, period))).get(lang)


def _page(status: PlanStatus, period: ReportPeriod, lang: Lang | str) -> list[Block]:
    document = status.plan_file.plan.document
    head: list[Block] = [Heading(plan_report_title(status, period, lang), 1)]
    if document is not None and document.issuer:
        head.append(Paragraph(document.issuer))
    return head + plan_report_blocks(status, period, lang)


def plan_report_markdown(status: PlanStatus, period: ReportPeriod, lang: Lang | str = Lang.VI) -> str:
    """The report as Markdown (tables need the ``tables`` extension); every text from the plan escaped."""
    lines: list[str] = []
    for block in _page(status, period, lang):
        lines += markdown_block(block, None)
    return "\n".join(lines)


def plan_report_html(status: PlanStatus, period: ReportPeriod, lang: Lang | str = Lang.VI) -> str:
    """The report as a standalone HTML page: its style inside, nothing loaded from elsewhere."""
    body = "\n".join(html_block(block) for block in _page(status, period, lang))
    return (
        f'<!DOCTYPE html>\n<html lang="{html_text(Lang(lang).value)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{html_text(plan_report_title(status, period, lang))}</title>\n'
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


__all__ = [
    "day_text",
    "in_period",
    "lead_name",
    "period_reports",
    "period_tasks",
    "plan_report_blocks",
    "plan_report_html",
    "plan_report_markdown",
    "plan_report_title",
    "proposals",
    "report_subject",
]
