"""How an ISO 18091 self-assessment is shown: ``qms assess validate``'s closing line, ``qms assess show``'s
traffic-light tables (Rich) and JSON. Nothing is judged here: the figures come from :mod:`qms.assessment.summary`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.console import RenderableType
from rich.table import Table
from rich.text import Text

from qms.assessment.compare import Change
from qms.assessment.findings import SCORE_WORDS
from qms.assessment.model import Score
from qms.assessment.summary import Line, QuadrantLines, Summary
from qms.diagnostics import Diagnostic, Severity, display_path, visible
from qms.i18n import Lang, Message, _
from qms.report.payloads import dumps

SCORE_STYLES = {Score.RED: "bold red", Score.YELLOW: "bold yellow", Score.GREEN: "bold green", Score.NOT_APPLICABLE: "dim"}
NOT_SCORED = _("chưa đánh giá")
CHANGE_WORDS = {
    Change.IMPROVED: _("tốt lên"),
    Change.SAME: _("giữ nguyên"),
    Change.WORSE: _("kém đi"),
    Change.NEW: _("năm trước chưa có mức"),
    Change.NOT_RATED: _("không so sánh được"),
}
CHANGE_STYLES = {Change.IMPROVED: "green", Change.WORSE: "red"}
MARKS = {Change.IMPROVED: "↑", Change.SAME: "=", Change.WORSE: "↓", Change.NEW: "·", Change.NOT_RATED: "·"}


def score_word(score: Score | None) -> Message:
    return SCORE_WORDS[score] if score is not None else NOT_SCORED


def _cell(text: str, style: str = "") -> Text:
    return Text(visible(text), style=style)


def assess_validate_summary(files: int, read: int, diagnostics: Sequence[Diagnostic], lang: Lang | str) -> Text:
    """``qms assess validate``'s closing sentence: files read, assessments usable, errors, warnings and notes found."""
    counts = {s: sum(d.severity is s for d in diagnostics) for s in Severity}
    text = _("Tệp tự đánh giá: {files}; đọc được: {read}; lỗi: {errors}; cảnh báo: {warnings}; thông tin: {infos}.").format(
        files=files, read=read, errors=counts[Severity.ERROR], warnings=counts[Severity.WARNING], infos=counts[Severity.INFO]
    )
    return Text(text.get(lang), style="red" if counts[Severity.ERROR] else "green")


def assess_validate_json(files: int, read: int, diagnostics: Sequence[Diagnostic], ok: bool, lang: Lang | str) -> str:
    return dumps({"ok": ok, "files": files, "assessments": read, "diagnostics": [d.to_dict(lang) for d in diagnostics]})


def _counts_text(quadrant: QuadrantLines, lang: Lang | str) -> str:
    counts = quadrant.counts()
    parts = [f"{score_word(score).get(lang)}: {counts[score]}" for score in (Score.RED, Score.YELLOW, Score.GREEN)]
    extra = [(score, counts[score]) for score in (Score.NOT_APPLICABLE, None) if counts[score]]
    return "; ".join(parts + [f"{score_word(score).get(lang)}: {n}" for score, n in extra])


def _quadrant_table(quadrant: QuadrantLines, compared: bool, lang: Lang | str) -> Table:
    title = f"{quadrant.quadrant.number}. {quadrant.quadrant.name.get(lang)} — {_counts_text(quadrant, lang)}"
    table = Table(title=visible(title), show_header=True, header_style="bold", title_justify="left")
    for head in (_("Mã"), _("Chỉ số"), _("Mức")) + ((_("Năm trước"), _("So với năm trước")) if compared else ()):
        table.add_column(head.get(lang))
    for line in quadrant.lines:
        name = line.indicator.name.get(lang) + (" *" if line.indicator.education else "")
        row = [_cell(line.indicator.id), _cell(name), _score_cell(line.score, lang)]
        if compared:
            row += [_score_cell(line.previous, lang), _change_cell(line, lang)]
        table.add_row(*row)
    return table


def _score_cell(score: Score | None, lang: Lang | str) -> Text:
    if score is None:
        return Text(NOT_SCORED.get(lang), style="dim")
    mark = "" if score is Score.NOT_APPLICABLE else "● "
    return Text(mark + score_word(score).get(lang), style=SCORE_STYLES[score])


def _change_cell(line: Line, lang: Lang | str) -> Text:
    if line.change is None:
        return Text("")
    return Text(f"{MARKS[line.change]} {CHANGE_WORDS[line.change].get(lang)}", style=CHANGE_STYLES.get(line.change, ""))


def assess_show_summary(summary: Summary, lang: Lang | str) -> list[RenderableType]:
    """The heading, one traffic-light table per quadrant, and the totals (with the change since last year)."""
    assessment = summary.current.assessment
    heading = _("Tự đánh giá theo ISO 18091 năm {year}: {organisation}. Ngày đánh giá: {date}; người đánh giá: {assessors}.").format(
        year=assessment.year, organisation=assessment.organisation.get(lang), date=assessment.date.isoformat(), assessors=", ".join(assessment.assessors)
    )
    shown: list[RenderableType] = [Text(visible(heading.get(lang)), style="bold")]
    compared = summary.previous is not None
    shown += [_quadrant_table(quadrant, compared, lang) for quadrant in summary.quadrants]
    counts = summary.counts()
    total = _("Cộng: đỏ {red}, vàng {yellow}, xanh {green}, không áp dụng {na}, chưa đánh giá {missing}. (*) chỉ số gắn với ngành giáo dục.").format(
        red=counts[Score.RED], yellow=counts[Score.YELLOW], green=counts[Score.GREEN], na=counts[Score.NOT_APPLICABLE], missing=counts[None]
    )
    shown.append(Text(total.get(lang)))
    if summary.previous is not None:
        changes = summary.changes()
        moved = _("So với năm {year} ({path}): tốt lên {better}, giữ nguyên {same}, kém đi {worse}.").format(
            year=summary.previous.assessment.year, path=display_path(summary.previous.path),
            better=changes[Change.IMPROVED], same=changes[Change.SAME], worse=changes[Change.WORSE],
        )  # fmt: skip
        shown.append(Text(visible(moved.get(lang))))
    return shown


def _line_json(line: Line, lang: Lang | str) -> dict[str, Any]:
    entry = line.entry
    return {
        "id": line.indicator.id,
        "name": line.indicator.name.get(lang),
        "education": line.indicator.education,
        "score": line.score.value if line.score else None,
        "evidence": entry.evidence if entry else [],
        "responsible": entry.responsible if entry else None,
        "reason": entry.reason if entry else None,
        "notes": entry.notes if entry else None,
        "previous": line.previous.value if line.previous else None,
        "change": line.change.value if line.change else None,
    }


def assess_show_json(summary: Summary, lang: Lang | str) -> str:
    assessment = summary.current.assessment
    quadrants = []
    for quadrant in summary.quadrants:
        counts = quadrant.counts()
        quadrants.append({
            "id": quadrant.quadrant.id.value, "number": quadrant.quadrant.number, "name": quadrant.quadrant.name.get(lang),
            "counts": {**{s.value: counts[s] for s in Score}, "not_scored": counts[None]},
            "indicators": [_line_json(line, lang) for line in quadrant.lines],
        })  # fmt: skip
    previous = summary.previous
    return dumps({
        "organisation": assessment.organisation.get(lang), "year": assessment.year, "date": assessment.date.isoformat(),
        "assessors": assessment.assessors, "file": display_path(summary.current.path),
        "previous": {"file": display_path(previous.path), "year": previous.assessment.year} if previous else None,
        "changes": {c.value: n for c, n in summary.changes().items()} if previous else None,
        "quadrants": quadrants,
    })  # fmt: skip


__all__ = ["CHANGE_WORDS", "MARKS", "NOT_SCORED", "assess_show_json", "assess_show_summary", "assess_validate_json", "assess_validate_summary", "score_word"]
