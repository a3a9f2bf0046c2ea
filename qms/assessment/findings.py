"""The findings of an assessment file (codes in :mod:`qms.assessment.codes`), each at the ``file:line:column`` of the
entry it is about; an indicator that has no entry is reported at the ``indicators`` key."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qms.assessment.codes import ASSESSMENT_CODES, AsmCode
from qms.assessment.indicators import catalogue
from qms.assessment.model import Score
from qms.assessment.read import AssessmentFile, assessment_files, read_assessment
from qms.diagnostics import Diagnostic, Location, Severity, sort_key
from qms.i18n import Message, _
from qms.load.schema_errors import closest

_SEVERITY = {info.code: info.severity for info in ASSESSMENT_CODES}


def _finding(code: AsmCode, location: Location, message: Message, hint: Message | None, where: tuple[str | int, ...]) -> Diagnostic:
    return Diagnostic(code.value, _SEVERITY[code.value], location, message, hint, data={"path": list(where)})


def assessment_findings(assessment_file: AssessmentFile) -> list[Diagnostic]:
    """Every ASM finding of one file (not the comparison with last year: :func:`previous_of`), sorted by place."""
    assessment, source = assessment_file.assessment, assessment_file.source
    known = catalogue().by_id()
    found: list[Diagnostic] = []

    def report(code: AsmCode, where: tuple[str | int, ...], message: Message, hint: Message | None = None) -> None:
        found.append(_finding(code, source.value(where), message, hint, where))

    seen: dict[str, int] = {}
    for i, entry in enumerate(assessment.indicators):
        if entry.id not in known:
            suggestion = closest(entry.id, list(known))
            hint = _("có phải ý bạn là «{id}»?").format(id=suggestion) if suggestion else _("các mã: 1.1–1.10, 2.1–2.8, 3.1–3.12, 4.1–4.9")
            report(AsmCode.UNKNOWN, ("indicators", i, "id"), _("«{id}» không phải là mã chỉ số của bộ chỉ số ISO 18091").format(id=entry.id), hint)
            continue
        if entry.id in seen:
            message = _("chỉ số {id} đã được đánh giá ở mục thứ {n}").format(id=entry.id, n=seen[entry.id] + 1)
            report(AsmCode.TWICE, ("indicators", i, "id"), message, _("gộp hai mục thành một, giữ mức và minh chứng đúng"))
            continue
        seen[entry.id] = i
        if entry.score is Score.GREEN and not entry.evidence:
            message = _("chỉ số {id} ở mức xanh nhưng không có minh chứng").format(id=entry.id)
            report(AsmCode.GREEN_UNPROVEN, ("indicators", i, "score"), message, _("thêm «evidence:» nêu văn bản, báo cáo chứng minh mức xanh"))
        if entry.score is Score.NOT_APPLICABLE and entry.reason is None:
            message = _("chỉ số {id} không áp dụng nhưng không nêu lý do").format(id=entry.id)
            report(AsmCode.NO_REASON, ("indicators", i, "score"), message, _("thêm «reason:» nêu vì sao chỉ số không áp dụng cho cơ quan"))
        if entry.score in (Score.RED, Score.YELLOW) and entry.responsible is None:
            message = _("chỉ số {id} ở mức {score} chưa có đơn vị chịu trách nhiệm").format(id=entry.id, score=SCORE_WORDS[entry.score])
            report(AsmCode.NO_RESPONSIBLE, ("indicators", i, "score"), message, _("thêm «responsible:» với mã một đơn vị trong «units»"))
    location = source.key(("indicators",)) if "indicators" in assessment.model_fields_set else source.value(())
    for indicator in catalogue().indicators:
        if indicator.id not in seen:
            message = _("chỉ số {id} ({name}) chưa được đánh giá").format(id=indicator.id, name=indicator.name.vi)
            found.append(_finding(AsmCode.NOT_SCORED, location, message, _("thêm một mục «- id: \"...\"» với «score:» cho chỉ số đó"), ("indicators",)))
    return sorted(found, key=sort_key)


SCORE_WORDS = {
    Score.RED: _("đỏ"),
    Score.YELLOW: _("vàng"),
    Score.GREEN: _("xanh"),
    Score.NOT_APPLICABLE: _("không áp dụng"),
}


def previous_of(assessment_file: AssessmentFile) -> tuple[AssessmentFile | None, list[Diagnostic]]:
    """Last year's assessment, or ``None`` and the ASM007 finding saying why it cannot be compared (none if not named)."""
    path = assessment_file.previous_path()
    if path is None:
        return None, []
    where: tuple[str | int, ...] = ("previous",)
    location = assessment_file.source.value(where)
    if not path.is_file():
        message = _("không có tệp đánh giá năm trước «{path}»").format(path=assessment_file.assessment.previous)
        return None, [_finding(AsmCode.PREVIOUS, location, message, _("sửa đường dẫn «previous» (tính từ thư mục của tệp này)"), where)]
    previous, problems = read_assessment(path)
    if previous is None:
        message = _("tệp đánh giá năm trước «{path}» có {n} lỗi").format(path=assessment_file.assessment.previous, n=len(problems))
        return None, [_finding(AsmCode.PREVIOUS, location, message, _("kiểm tra tệp đó: qms assess validate {path}").format(path=str(path)), where)]
    if previous.assessment.year >= assessment_file.assessment.year:
        message = _("tệp «{path}» là đánh giá năm {year}, không phải của một năm trước {current}").format(
            path=assessment_file.assessment.previous, year=previous.assessment.year, current=assessment_file.assessment.year
        )
        return None, [_finding(AsmCode.PREVIOUS, location, message, _("«previous» chỉ đến tệp của năm trước"), where)]
    return previous, []


@dataclass
class AssessmentCheck:
    """What ``qms assess validate`` found: how many files were read, the assessments read, every problem."""

    files: int
    assessments: list[AssessmentFile] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity is Severity.ERROR for d in self.diagnostics)


def check_assessments(paths: Iterable[Path | str]) -> AssessmentCheck:
    """Read every assessment file under ``paths``: load errors, the ASM findings, and whether last year's file compares."""
    files = assessment_files(paths)
    result = AssessmentCheck(len(files))
    for file in files:
        assessment_file, problems = read_assessment(file)
        result.diagnostics += problems
        if assessment_file is not None:
            result.assessments.append(assessment_file)
            result.diagnostics += assessment_findings(assessment_file) + previous_of(assessment_file)[1]
    result.diagnostics.sort(key=sort_key)
    return result


__all__ = ["SCORE_WORDS", "AssessmentCheck", "assessment_findings", "check_assessments", "previous_of"]
