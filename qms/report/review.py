"""The input to the management review (đầu vào xem xét của lãnh đạo, ISO 9001:2015 9.3.2), as blocks of text.

Each input of 9.3.2 is a section, filled from the records the toolkit keeps where they exist and marked «chưa có dữ
liệu — bổ sung» where they do not (the officer completes it before the meeting):

* a) the actions from previous reviews, b) changes in external and internal issues, c) 7) external providers, d)
  resources, e) risks and opportunities: nothing in the data, placeholders;
* c) 1) customer satisfaction: the plan's targets whose name speaks of satisfaction (hài lòng) [M: our reading;
  no measure of the logs is one];
* c) 2) quality objectives: the plan's targets with the figure reached (:func:`qms.plan.status.plan_status`);
* c) 3) process performance: the dossier analysis (:func:`qms.measure.analyze_files`) of each log the plan's
  targets are measured on, over the plan's period up to the review date: in time, early, apology rates;
* c) 4) nonconformities and corrective actions: open, overdue, closed on the date, per process (every record read,
  since an action carries over years);
* c) 5) monitoring and measurement: the ISO 18091 self-assessment's colours and the change from last year;
* c) 6) audit results: the year's audits (those of the programme of the year, those with a record) and their
  findings by kind;
* f) opportunities for improvement: the findings of kind ``opportunity`` of the year's audits.

The year is the review date's. The blocks are those of :mod:`qms.report.analysis_page`; Markdown and HTML escape
every text of the records (:mod:`qms.escape`), :mod:`qms.report.review_docx` writes them as a Word document.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from qms.assessment import AssessmentFile, Change, Score
from qms.assessment.summary import Summary, summarise
from qms.escape import html_text
from qms.i18n import Lang, Message, _
from qms.measure import Analysis, AnalyzeError, Request, analyze_files
from qms.model import Measure
from qms.plan import PlanFile
from qms.plan.status import PlanStatus, TargetLine, plan_status
from qms.records import AuditFiles, FindingKind, RecordFile
from qms.records.model import Result
from qms.records.status import NcState, RecordStatus, record_status
from qms.report.analysis_page import STYLE, Block, Heading, Items, Paragraph, Table
from qms.report.analysis_page import _html_block as html_block
from qms.report.analysis_page import _markdown_block as markdown_block
from qms.report.plan_report import _target_note as target_note
from qms.report.plan_report import _targets as target_blocks
from qms.report.plan_report import _verdict as verdict
from qms.report.plan_report import day_text
from qms.report.plan_status import target_figure

PLACEHOLDER = _("chưa có dữ liệu — bổ sung ({what})")
KINDS = {
    FindingKind.MAJOR: _("không phù hợp nặng"),
    FindingKind.MINOR: _("không phù hợp nhẹ"),
    FindingKind.OBSERVATION: _("điểm lưu ý"),
    FindingKind.OPPORTUNITY: _("cơ hội cải tiến"),
}
SATISFACTION_WORDS = ("hài lòng", "satisf")


@dataclass
class LogFigures:
    """The analysis of one dossier log the plan's targets are measured on (``error``: why it could not be made)."""

    logs: tuple[Path, ...]
    process: str | None
    targets: list[str]
    analysis: Analysis | None = None
    error: Message | None = None


@dataclass
class ReviewInputs:
    """What the review input is made from: each part ``None`` (or empty) when it was not read."""

    as_of: date
    audits: AuditFiles | None = None
    plan: PlanStatus | None = None
    logs: list[LogFigures] = field(default_factory=list)
    assessment: Summary | None = None
    sources: list[Path] = field(default_factory=list)

    @property
    def year(self) -> int:
        return self.as_of.year

    @property
    def records(self) -> RecordStatus | None:
        return record_status(self.audits.records, self.as_of) if self.audits is not None else None

    def year_records(self) -> list[RecordFile]:
        """The records of the audits carried out in the year, up to the review date."""
        found = self.audits.records if self.audits is not None else []
        return [r for r in found if r.record.dates.start.year == self.year and r.record.dates.start <= self.as_of]


def _log_figures(plan_file: PlanFile, as_of: date, processes: Path | None) -> list[LogFigures]:
    """One analysis per distinct (logs, process) of the plan's targets, as :func:`plan_status` measures them."""
    period = plan_file.plan.period
    chosen: dict[tuple[tuple[Path, ...], str | None], list[str]] = {}
    for target in plan_file.plan.targets:
        if target.logs:
            key = (tuple(plan_file.path.parent / log for log in target.logs), target.process)
            chosen.setdefault(key, []).append(target.code)
    found = []
    for (logs, process), codes in chosen.items():
        figures = LogFigures(logs, process, codes)
        if as_of >= period.start:
            request = Request(logs, process, processes, first=period.start, last=min(period.end, as_of), goals_from_process=False)
            try:
                figures.analysis = analyze_files(request)
            except AnalyzeError as exc:
                figures.error = exc.message
        else:
            figures.error = _("kế hoạch chưa bắt đầu vào ngày xét")
        found.append(figures)
    return found


def collect_review(
    as_of: date,
    *,
    audits: AuditFiles | None = None,
    audit_paths: list[Path] | None = None,
    plan: PlanFile | None = None,
    assessment: AssessmentFile | None = None,
    previous: AssessmentFile | None = None,
    processes: Path | None = None,
) -> ReviewInputs:
    """Gather the review's inputs on ``as_of`` from what was read (each optional); nothing is read here but the logs."""
    review = ReviewInputs(as_of, audits=audits)
    if audits is not None:
        review.sources += [f.path for f in audits.programmes] + [f.path for f in audits.records] or list(audit_paths or [])
    if plan is not None:
        review.plan = plan_status(plan, as_of, processes=processes)
        review.logs = _log_figures(plan, as_of, processes)
        review.sources += [plan.path, *dict.fromkeys(Path(os.path.normpath(log)) for figures in review.logs for log in figures.logs)]
    if assessment is not None:
        review.assessment = summarise(assessment, previous)
        review.sources += [assessment.path] + ([previous.path] if previous is not None else [])
    return review


# --- the sections ---------------------------------------------------------------------------------------------


def placeholder(what: Message, lang: Lang | str) -> Paragraph:
    return Paragraph(PLACEHOLDER.format(what=what).get(lang))


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def _satisfaction(review: ReviewInputs, lang: Lang | str) -> list[Block]:
    lines: list[TargetLine] = []
    if review.plan is not None:
        lines = [
            line
            for line in review.plan.targets
            if any(word in line.target.name.vi.lower() + line.target.name.get(Lang.EN).lower() for word in SATISFACTION_WORDS)
        ]
    if not lines:
        return [placeholder(_("kết quả khảo sát, đánh giá sự hài lòng của người dân, tổ chức; phản hồi, kiến nghị"), lang)]
    heads = [h.get(lang) for h in (_("mã"), _("chỉ tiêu"), _("kế hoạch"), _("đạt được"), _("kết quả"), _("ghi chú"))]
    rows = [
        [line.target.code, line.target.name.get(lang), str(line.target.target), target_figure(line.target, line.actual), verdict(line.met, lang), target_note(line, lang)]
        for line in lines
    ]  # fmt: skip
    return [Table(heads, rows, frozenset({3})), placeholder(_("phản hồi, kiến nghị của người dân, tổ chức và các bên quan tâm"), lang)]


def _objectives(review: ReviewInputs, lang: Lang | str) -> list[Block]:
    if review.plan is None:
        return [placeholder(_("mục tiêu chất lượng và mức độ đạt được; không đọc kế hoạch nào"), lang)]
    return target_blocks(review.plan, lang)


def _processes(review: ReviewInputs, lang: Lang | str) -> list[Block]:
    if not review.logs or review.plan is None:
        return [placeholder(_("kết quả giải quyết hồ sơ của các quá trình; kế hoạch không đo chỉ tiêu nào trên nhật ký hồ sơ"), lang)]
    heads = [h.get(lang) for h in (_("nhật ký"), _("quy trình"), _("chỉ tiêu"), _("tiếp nhận"), _("đã giải quyết"), _("trước hạn, đúng hạn"),
                                    _("trước hạn"), _("có văn bản xin lỗi"), _("ghi chú"))]  # fmt: skip
    rows = []
    for figures in review.logs:
        names, process, codes = ", ".join(log.name for log in figures.logs), figures.process or "-", ", ".join(figures.targets)
        found = figures.analysis
        if found is None:
            rows.append([names, process, codes, "-", "-", "-", "-", "-", figures.error.get(lang) if figures.error else ""])
            continue
        rates = [_rate(found.value(m)) for m in (Measure.IN_TIME_RATE, Measure.EARLY_RATE, Measure.APOLOGY_RATE)]
        rows.append([names, process, codes, str(found.total.received), str(found.total.resolved), *rates, ""])
    period = review.plan.plan_file.plan.period
    intro = _("Phân tích nhật ký hồ sơ từ {first} đến {last} (tỷ lệ tính trên số hồ sơ được xét hạn).").format(
        first=day_text(period.start, lang), last=day_text(min(period.end, review.as_of), lang)
    )
    return [Paragraph(intro.get(lang)), Table(heads, rows, frozenset({3, 4, 5, 6, 7}))]


def _nonconformities(review: ReviewInputs, lang: Lang | str) -> list[Block]:
    status = review.records
    if status is None or not review.audits or not review.audits.records:
        return [placeholder(_("sự không phù hợp và hành động khắc phục; không đọc hồ sơ đánh giá nào"), lang)]
    count = Counter(line.state for line in status.lines)
    effective = sum(
        1
        for r in review.audits.records
        for f in r.record.findings
        if f.kind.nonconformity and f.effectiveness and f.effectiveness.result is Result.EFFECTIVE
    )
    summary = _("Ngày {day}: {n} điểm không phù hợp trong hồ sơ đánh giá; đang mở {open}, quá hạn {overdue}, đã đóng {closed} "
                "(đã xác minh có hiệu lực {effective}).").format(
        day=day_text(review.as_of, lang), n=len(status.lines), open=count[NcState.OPEN], overdue=count[NcState.OVERDUE],
        closed=count[NcState.CLOSED], effective=effective,
    )  # fmt: skip
    states = (NcState.OPEN, NcState.OVERDUE, NcState.CLOSED)
    heads = [h.get(lang) for h in (_("quy trình"), _("đang mở"), _("quá hạn"), _("đã đóng"))]
    rows = [[process, *(str(counted[s]) for s in states)] for process, counted in status.count("process").items()]
    blocks: list[Block] = [Paragraph(summary.get(lang)), Table(heads, rows, frozenset({1, 2, 3}))]
    pending = [line for line in status.lines if line.state is not NcState.CLOSED]
    if pending:
        heads = [
            h.get(lang)
            for h in (_("cuộc đánh giá"), _("mã"), _("loại"), _("quy trình"), _("chịu trách nhiệm"), _("hạn"), _("số ngày còn lại"))
        ]
        rows = [
            [line.audit, line.finding, KINDS[line.kind].get(lang), line.process or "-", line.owner or "-", day_text(line.due, lang),
             "-" if line.days_left is None else str(line.days_left)]
            for line in pending
        ]  # fmt: skip
        blocks.append(Table(heads, rows, frozenset({6})))
    return blocks


def _monitoring(review: ReviewInputs, lang: Lang | str) -> list[Block]:
    summary = review.assessment
    if summary is None:
        return [placeholder(_("kết quả theo dõi, đo lường; không đọc tệp tự đánh giá ISO 18091 nào"), lang)]
    counts, current = summary.counts(), summary.current.assessment
    lines = [
        _("Tự đánh giá theo TCVN ISO 18091:2020 năm {year} (ngày {day}): xanh {green}, vàng {yellow}, đỏ {red}, không áp dụng {na}, chưa chấm {none}.").format(
            year=current.year, day=day_text(current.date, lang), green=counts[Score.GREEN], yellow=counts[Score.YELLOW], red=counts[Score.RED],
            na=counts[Score.NOT_APPLICABLE], none=counts[None],
        )
    ]  # fmt: skip
    if summary.previous is not None:
        changes = summary.changes()
        lines.append(_("So với năm {year}: tốt lên {improved}, giữ nguyên {same}, kém đi {worse}, mới chấm {new}.").format(
            year=summary.previous.assessment.year, improved=changes[Change.IMPROVED], same=changes[Change.SAME],
            worse=changes[Change.WORSE], new=changes[Change.NEW],
        ))  # fmt: skip
    else:
        lines.append(_("Không có kết quả tự đánh giá năm trước để so sánh."))
    heads = [h.get(lang) for h in (_("nhóm"), _("xanh"), _("vàng"), _("đỏ"), _("không áp dụng"))]
    rows = [
        [f"{q.quadrant.number}. {q.quadrant.name.get(lang)}", *(str(q.counts()[s]) for s in (Score.GREEN, Score.YELLOW, Score.RED, Score.NOT_APPLICABLE))]
        for q in summary.quadrants
    ]  # fmt: skip
    return [Items([line.get(lang) for line in lines]), Table(heads, rows, frozenset({1, 2, 3, 4}))]


def _audits(review: ReviewInputs, lang: Lang | str) -> list[Block]:
    if review.audits is None:
        return [placeholder(_("kết quả đánh giá nội bộ; không đọc hồ sơ đánh giá nào"), lang)]
    done, blocks = review.year_records(), []
    done_ids = {r.record.id for r in done}
    for programme in (p.programme for p in review.audits.programmes if p.programme.year == review.year):
        missing = [a.id for a in programme.audits if a.id not in done_ids]
        text = _("Chương trình {code} dự kiến {planned} cuộc đánh giá; có hồ sơ {done}; chưa có hồ sơ: {missing}.").format(
            code=programme.code, planned=len(programme.audits), done=sum(1 for a in programme.audits if a.id in done_ids), missing=", ".join(missing) or "-"
        )  # fmt: skip
        blocks.append(Paragraph(text.get(lang)))
    if not done:
        return [*blocks, placeholder(_("không có hồ sơ cuộc đánh giá nội bộ nào trong năm {year}").format(year=review.year), lang)]
    heads = [h.get(lang) for h in (_("cuộc đánh giá"), _("thời gian"), _("quy trình"), *KINDS.values())]
    rows = []
    for record_file in done:
        record, kinds = record_file.record, Counter(f.kind for f in record_file.record.findings)
        dates = day_text(record.dates.start, lang) + (f" – {day_text(record.dates.end, lang)}" if record.dates.end else "")
        rows.append([record.id, dates, ", ".join(record.scope.processes) or "-", *(str(kinds[k]) for k in KINDS)])
    return [*blocks, Table(heads, rows, frozenset({3, 4, 5, 6}))]


def _opportunities(review: ReviewInputs, lang: Lang | str) -> list[Block]:
    found = [(r.record.id, f) for r in review.year_records() for f in r.record.findings if f.kind is FindingKind.OPPORTUNITY]
    if not found:
        return [placeholder(_("cơ hội cải tiến; các cuộc đánh giá trong năm không ghi cơ hội cải tiến nào"), lang)]
    texts = [
        _("{id} ({audit}; {process}; điều {clause}): {statement}")
        .format(id=f.id, audit=audit, process=f.process or "-", clause=f.clause, statement=f.statement.get(lang))
        .get(lang)
        for audit, f in found
    ]
    return [Items(texts), placeholder(_("đề xuất cải tiến của các đơn vị"), lang)]


def _performance(review: ReviewInputs, lang: Lang | str) -> list[Block]:
    parts = (
        (_("1) Sự hài lòng của khách hàng và phản hồi của các bên quan tâm"), _satisfaction(review, lang)),
        (_("2) Mức độ đạt được mục tiêu chất lượng"), _objectives(review, lang)),
        (_("3) Kết quả thực hiện các quá trình và sự phù hợp của dịch vụ"), _processes(review, lang)),
        (_("4) Sự không phù hợp và hành động khắc phục"), _nonconformities(review, lang)),
        (_("5) Kết quả theo dõi và đo lường"), _monitoring(review, lang)),
        (_("6) Kết quả đánh giá"), _audits(review, lang)),
        (
            _("7) Kết quả thực hiện của nhà cung cấp bên ngoài"),
            [placeholder(_("đánh giá các nhà cung cấp, đơn vị phối hợp bên ngoài"), lang)],
        ),
    )
    return [block for title, body in parts for block in (Heading(title.get(lang), 3), *body)]


def review_sections(review: ReviewInputs, lang: Lang | str = Lang.VI) -> list[tuple[Message, list[Block]]]:
    """The inputs of ISO 9001 9.3.2, a) to f), each with its body."""
    return [
        (_("a) Tình trạng của các hành động từ các lần xem xét trước"), [placeholder(_("biên bản, kết luận các lần xem xét trước"), lang)]),
        (_("b) Những thay đổi về các vấn đề bên ngoài và nội bộ liên quan đến hệ thống quản lý chất lượng"),
         [placeholder(_("thay đổi về văn bản pháp luật, tổ chức bộ máy, nhiệm vụ được giao"), lang)]),
        (_("c) Thông tin về kết quả thực hiện và hiệu lực của hệ thống quản lý chất lượng"), _performance(review, lang)),
        (_("d) Sự đầy đủ của nguồn lực"), [placeholder(_("nhân sự, kinh phí, cơ sở vật chất, hạ tầng công nghệ thông tin"), lang)]),
        (_("e) Hiệu lực của các hành động giải quyết rủi ro và cơ hội"), [placeholder(_("kết quả thực hiện các biện pháp xử lý rủi ro, cơ hội"), lang)]),
        (_("f) Các cơ hội cải tiến"), _opportunities(review, lang)),
    ]  # fmt: skip


def review_title(review: ReviewInputs, lang: Lang | str = Lang.VI) -> str:
    return _("Đầu vào xem xét của lãnh đạo năm {year}").format(year=review.year).get(lang)


def review_intro(review: ReviewInputs, lang: Lang | str = Lang.VI) -> list[Block]:
    """The basis (ISO 9001 9.3.2), the date and the sources read."""
    intro = _("Các nội dung đầu vào theo TCVN ISO 9001:2015, điều 9.3.2; số liệu tính đến ngày {day}.").format(
        day=day_text(review.as_of, lang)
    )
    sources = [str(path) for path in dict.fromkeys(review.sources)]
    read = (
        [Paragraph(_("Nguồn dữ liệu đã đọc:").get(lang)), Items(sources)]
        if sources
        else [Paragraph(_("Không đọc nguồn dữ liệu nào.").get(lang))]
    )
    return [Paragraph(intro.get(lang)), *read]


def review_blocks(review: ReviewInputs, lang: Lang | str = Lang.VI) -> list[Block]:
    """The body: the introduction, then the sections a) to f) (the same in Markdown, HTML and Word)."""
    blocks = review_intro(review, lang)
    for title, body in review_sections(review, lang):
        blocks += [Heading(title.get(lang)), *body]
    return blocks


def review_markdown(review: ReviewInputs, lang: Lang | str = Lang.VI) -> str:
    lines: list[str] = []
    for block in [Heading(review_title(review, lang), 1), *review_blocks(review, lang)]:
        lines += markdown_block(block, None)
    return "\n".join(lines)


def review_html(review: ReviewInputs, lang: Lang | str = Lang.VI) -> str:
    body = "\n".join(html_block(block) for block in [Heading(review_title(review, lang), 1), *review_blocks(review, lang)])
    return (
        f'<!DOCTYPE html>\n<html lang="{html_text(Lang(lang).value)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>{html_text(review_title(review, lang))}</title>\n'
        f"<style>\n{STYLE}</style>\n</head>\n<body>\n<main>\n{body}\n</main>\n</body>\n</html>\n"
    )


__all__ = [
    "PLACEHOLDER",
    "LogFigures",
    "ReviewInputs",
    "collect_review",
    "review_blocks",
    "review_html",
    "review_markdown",
    "review_sections",
    "review_title",
]
