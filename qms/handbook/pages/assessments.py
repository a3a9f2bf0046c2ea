"""The dashboard page of a year's ISO 18091 self-assessment (``tu-danh-gia/<year>.md``).

Per quadrant: the count of each colour and a table of its indicators, each with a coloured marker **and** its word
(đỏ / vàng / xanh: colour alone says nothing to a colour-blind reader or on paper), the indicators most relevant to
an education agency marked, the evidence, the responsible unit, and the change since last year's file. The marker
is a ``<span class="qms-light qms-light-red">`` the handbook's allow-list keeps (:mod:`qms.handbook.safe_html`:
``span`` with ``class`` and ``title``) and the plugin's stylesheet colours. Every value from the file is escaped.
"""

from __future__ import annotations

import json

from qms.assessment.compare import Change
from qms.assessment.model import Score
from qms.assessment.summary import Line, QuadrantLines, Summary
from qms.handbook.html_blocks import table
from qms.handbook.pages.common import md, text
from qms.i18n import Lang, Message, _
from qms.report.assessment import CHANGE_WORDS, MARKS, score_word

W: dict[str, Message] = {
    "title": _("Tự đánh giá ISO 18091 năm {year}"),
    "intro": _("{organisation}: tự đánh giá theo bộ chỉ số TCVN ISO 18091:2020 ngày {date}; người đánh giá: {assessors}. Tệp: {file}."),
    "paraphrase": _(
        "Tên và tiêu chí của các chỉ số là diễn giải của dự án, không phải lời văn của tiêu chuẩn; xem tài liệu định dạng tự đánh giá."
    ),
    "education": _("🎓 chỉ số gắn với ngành giáo dục."),
    "counts": _("Đỏ: {red}; vàng: {yellow}; xanh: {green}; không áp dụng: {na}; chưa đánh giá: {missing}."),
    "overview": _("Tổng quan"),
    "quadrant": _("Nhóm"),
    "id": _("Mã"),
    "indicator": _("Chỉ số"),
    "score": _("Mức"),
    "previous": _("Năm trước"),
    "change": _("So với năm trước"),
    "evidence": _("Minh chứng"),
    "responsible": _("Đơn vị chịu trách nhiệm"),
    "notes": _("Ghi chú"),
    "compared": _("So với năm {year}: tốt lên {better}, giữ nguyên {same}, kém đi {worse}."),
    "no_previous": _("Không có tệp đánh giá năm trước để so sánh."),
    "changed": _("Các chỉ số thay đổi so với năm trước"),
    "none_changed": _("Không chỉ số nào thay đổi mức so với năm trước."),
}
LIGHTS = {Score.RED: "red", Score.YELLOW: "yellow", Score.GREEN: "green"}


def word(key: str, lang: Lang, **args: object) -> str:
    return W[key].get(lang).format(**args)


def marker(score: Score | None, lang: Lang) -> str:
    """A coloured dot and the score's word (escaped): the word is what the page says, the colour only helps."""
    name = text(score_word(score).get(lang))
    if score not in LIGHTS:
        return name
    return f'<span class="qms-light qms-light-{LIGHTS[score]}" title="{name}" aria-hidden="true">●</span> {name}'


def assessment_title(summary: Summary, lang: Lang) -> str:
    return text(word("title", lang, year=summary.current.assessment.year))


def _counts(quadrant_counts: dict[Score | None, int], lang: Lang) -> str:
    c = quadrant_counts
    return word("counts", lang, red=c.get(Score.RED, 0), yellow=c.get(Score.YELLOW, 0), green=c.get(Score.GREEN, 0),
                na=c.get(Score.NOT_APPLICABLE, 0), missing=c.get(None, 0))  # fmt: skip


def _overview(summary: Summary, lang: Lang) -> list[str]:
    heads = [word(k, lang) for k in ("quadrant",)] + [marker(s, lang) for s in (Score.RED, Score.YELLOW, Score.GREEN)]
    heads += [text(score_word(Score.NOT_APPLICABLE).get(lang)), text(score_word(None).get(lang))]
    rows = []
    for quadrant in summary.quadrants:
        c = quadrant.counts()
        name = text(f"{quadrant.quadrant.number}. {quadrant.quadrant.name.get(lang)}")
        rows.append([name, *(str(c[s]) for s in (Score.RED, Score.YELLOW, Score.GREEN, Score.NOT_APPLICABLE, None))])
    return [f"## {word('overview', lang)}", "", table(heads, rows)]


def _change(line: Line, lang: Lang) -> str:
    return "" if line.change is None else text(f"{MARKS[line.change]} {CHANGE_WORDS[line.change].get(lang)}")


def _row(summary: Summary, line: Line, compared: bool, lang: Lang) -> list[str]:
    entry, assessment = line.entry, summary.current.assessment
    name = text(line.indicator.name.get(lang)) + (' <span class="qms-education" title="🎓">🎓</span>' if line.indicator.education else "")
    unit = assessment.unit_name(entry.responsible) if entry else None
    responsible = text(unit.get(lang) if unit else entry.responsible if entry else None)
    details = "<br>".join(text(e) for e in entry.evidence) if entry else ""
    notes = text((entry.reason or entry.notes) if entry else None)
    row = [text(line.indicator.id), name, marker(line.score, lang)]
    row += [marker(line.previous, lang), _change(line, lang)] if compared else []
    return [*row, details, responsible, notes]


def _quadrant(summary: Summary, quadrant: QuadrantLines, lang: Lang) -> list[str]:
    compared = summary.previous is not None
    keys = ("id", "indicator", "score", *(("previous", "change") if compared else ()), "evidence", "responsible", "notes")
    heading = md(f"{quadrant.quadrant.number}. {quadrant.quadrant.name.get(lang)}")
    rows = [_row(summary, line, compared, lang) for line in quadrant.lines]
    return [f"## {heading}", "", _counts(quadrant.counts(), lang), "", table([word(k, lang) for k in keys], rows)]


def _comparison(summary: Summary, lang: Lang) -> list[str]:
    if summary.previous is None:
        return [word("no_previous", lang), ""]
    changes = summary.changes()
    lines = [md(word("compared", lang, year=summary.previous.assessment.year, better=changes[Change.IMPROVED],
                     same=changes[Change.SAME], worse=changes[Change.WORSE])), ""]  # fmt: skip
    moved = [line for line in summary.lines() if line.change in (Change.IMPROVED, Change.WORSE)]
    lines += [f"## {word('changed', lang)}", ""]
    if not moved:
        return [*lines, word("none_changed", lang), ""]
    keys = ("id", "indicator", "previous", "score", "change")
    rows = [[text(line.indicator.id), text(line.indicator.name.get(lang)), marker(line.previous, lang), marker(line.score, lang), _change(line, lang)]
            for line in moved]  # fmt: skip
    return [*lines, table([word(k, lang) for k in keys], rows)]


def assessment_page(summary: Summary, file_name: str, lang: Lang) -> str:
    """The Markdown page of ``summary``'s assessment (``file_name``: the file as the configuration names it)."""
    assessment = summary.current.assessment
    title = assessment_title(summary, lang)
    lines = ["---", f"title: {json.dumps(title, ensure_ascii=False)}", "---", "", f"# {md(word('title', lang, year=assessment.year))}", ""]
    intro = word("intro", lang, organisation=assessment.organisation.get(lang), date=assessment.date.strftime("%d/%m/%Y"),
                 assessors=", ".join(assessment.assessors), file=file_name)  # fmt: skip
    lines += [md(intro), "", md(word("paraphrase", lang)), "", _counts(summary.counts(), lang) + " " + word("education", lang), ""]
    lines += _overview(summary, lang) + _comparison(summary, lang)
    for quadrant in summary.quadrants:
        lines += _quadrant(summary, quadrant, lang)
    return "\n".join(lines).rstrip("\n") + "\n"


__all__ = ["W", "assessment_page", "assessment_title", "marker"]
