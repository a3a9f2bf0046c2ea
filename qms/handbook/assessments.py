"""The handbook's self-assessments: each file of the plugin's ``assessments`` option as a dashboard page.

    plugins:
      - qms:
          processes: processes
          assessments: [assessments/18091-2026.yaml]

Each assessment gets the page ``tu-danh-gia/<year>.md`` (:mod:`qms.handbook.pages.assessments`), compared with the
file its ``previous`` names. Paths are relative to the folder of the configuration file. An entry that gives no page
(no such file, a file with errors, a second assessment of the same year) is one sentence saying why, which the
plugin logs as a warning (a strict build stops on it); so is a previous year's file that cannot be compared.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from qms.assessment import read_assessment
from qms.assessment.findings import previous_of
from qms.assessment.summary import summarise
from qms.diagnostics import Diagnostic, Location, display_path
from qms.handbook.pages.assessments import assessment_page, assessment_title
from qms.i18n import Lang, _

ASSESSMENTS = "tu-danh-gia"  # the folder of the assessments' pages
SECTION = _("Tự đánh giá ISO 18091")
_MISSING = _("assessments: không có tệp tự đánh giá «{file}» (đường dẫn tính từ thư mục của mkdocs.yml)")
_INVALID = _("assessments: tệp tự đánh giá «{file}» có lỗi, không có trang: {problems}")
_TWICE = _("assessments: năm {year} đã có trang; «{file}» bị bỏ qua")
_PREVIOUS = _("assessments: «{file}»: {problem}")


def assessment_path(year: int) -> str:
    return f"{ASSESSMENTS}/{year}.md"


@dataclass
class AssessmentPages:
    """Pages (path relative to the handbook's folder -> Markdown), their titles (escaped), problems (sentences)."""

    pages: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def _rendered(diagnostics: Sequence[Diagnostic], lang: Lang) -> str:
    shown = []
    for d in diagnostics[:5]:
        shown.append(replace(d, location=Location(Path(display_path(d.location.path)), d.location.line, d.location.column)).render(lang))
    return "; ".join(shown)


def assessed(entries: Sequence[str], base: Path, lang: Lang = Lang.VI) -> AssessmentPages:
    """The dashboard pages of every assessment file in ``entries`` (paths from ``base``)."""
    found = AssessmentPages()
    for name in entries:
        file = base / name
        if not file.is_file():
            found.problems.append(_MISSING.format(file=name).get(lang))
            continue
        current, problems = read_assessment(file)
        if current is None:
            found.problems.append(_INVALID.format(file=name, problems=_rendered(problems, lang)).get(lang))
            continue
        path = assessment_path(current.assessment.year)
        if path in found.pages:
            found.problems.append(_TWICE.format(year=current.assessment.year, file=name).get(lang))
            continue
        previous, notes = previous_of(current)
        found.problems += [_PREVIOUS.format(file=name, problem=_rendered(notes, lang)).get(lang)] if notes else []
        summary = summarise(current, previous)
        found.pages[path] = assessment_page(summary, name, lang)
        found.titles[path] = assessment_title(summary, lang)
    return found


__all__ = ["ASSESSMENTS", "SECTION", "AssessmentPages", "assessed", "assessment_path"]
