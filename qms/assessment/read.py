"""Reading assessment files: the same safe YAML reader and the same messages as process and plan files.

:func:`read_assessment` gives the assessment, or ``None`` and every problem with its ``file:line:column``: YAML
errors, fields the format does not have (with a did-you-mean), a responsible unit that is not in ``units``. (The safe
reader keeps every scalar as text, so ``id: 1.10`` stays ``"1.10"``, not the number 1.1.) Which indicators are scored and how is for the
ASM findings (:mod:`qms.assessment.findings`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from qms.assessment.model import Assessment
from qms.diagnostics import Diagnostic, LoadCode, error, sort_key
from qms.i18n import _
from qms.load.documents import read_mapping, validate_as
from qms.load.schema_errors import FileFormat, closest
from qms.load.source import SourceMap

ASSESSMENT_FORMAT = FileFormat(Assessment, _("định dạng tệp tự đánh giá"), "docs/assessment.md")


@dataclass
class AssessmentFile:
    """An assessment read from ``path``, with where each of its values is written (for findings at their line)."""

    path: Path
    assessment: Assessment
    source: SourceMap = field(repr=False)

    def previous_path(self) -> Path | None:
        """Last year's file, from this file's folder; ``None`` if none is named."""
        previous = self.assessment.previous
        return self.path.parent / previous if previous else None


def read_assessment(path: Path | str) -> tuple[AssessmentFile | None, list[Diagnostic]]:
    """The assessment ``path`` holds, or ``None`` and every problem that keeps it from being used, sorted by place."""
    path = Path(path)
    document, problems = read_mapping(path, _("tệp tự đánh giá"))
    if document is None:
        return None, problems
    assessment, problems = validate_as(document, ASSESSMENT_FORMAT)
    if not isinstance(assessment, Assessment):
        return None, problems
    problems = _units(assessment, document.source)
    if problems:
        return None, sorted(problems, key=sort_key)
    return AssessmentFile(path, assessment, document.source), []


def _units(assessment: Assessment, source: SourceMap) -> list[Diagnostic]:
    units = [unit.id for unit in assessment.units]
    found = []
    for i, entry in enumerate(assessment.indicators):
        if entry.responsible and units and entry.responsible not in units:
            suggestion = closest(entry.responsible, units)
            hint = _("có phải ý bạn là «{name}»?").format(name=suggestion) if suggestion else _("các mã có: {names}").format(names=", ".join(units))
            message = _("«{name}» không có trong {what} của tệp tự đánh giá").format(name=entry.responsible, what="units")
            found.append(error(LoadCode.REFERENCE, source.value(("indicators", i, "responsible")), message, hint))
    seen: set[str] = set()
    for i, unit in enumerate(assessment.units):
        if unit.id in seen:
            message = _("«{value}» xuất hiện hai lần trong {name}").format(value=unit.id, name="units")
            found.append(error(LoadCode.DUPLICATE_ID, source.value(("units", i, "id")), message))
        seen.add(unit.id)
    return found


def assessment_files(paths: Iterable[Path | str]) -> list[Path]:
    """Every assessment file (``*.yaml``, ``*.yml``) under ``paths``."""
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")) if path.is_dir() else [path]
    return files


def read_assessments(paths: Iterable[Path | str]) -> tuple[list[AssessmentFile], list[Diagnostic]]:
    """Every assessment under ``paths``, and every problem found in them."""
    assessments, problems = [], []
    for file in assessment_files(paths):
        assessment, found = read_assessment(file)
        problems += found
        if assessment is not None:
            assessments.append(assessment)
    return assessments, sorted(problems, key=sort_key)


__all__ = ["ASSESSMENT_FORMAT", "AssessmentFile", "assessment_files", "read_assessment", "read_assessments"]
