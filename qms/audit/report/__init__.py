"""The outcome of an audit against criteria, and its writers: Markdown, HTML, JUnit XML.

:mod:`.model` says what a criterion's outcome is (passed, a nonconformity, an
observation, an error) and gathers them in an :class:`AuditReport`;
:mod:`.markdown`, :mod:`.html` and :mod:`.junit` write it, with the plain text
they share from :mod:`.text`.

Reports are Vietnamese unless asked otherwise; the HTML page is
self-contained (no external resources). Every text is escaped for its
format by :mod:`qms.render.escape`, the one place outputs escape.
"""

from __future__ import annotations

from pathlib import Path

from qms.audit.report.html import report_html
from qms.audit.report.junit import report_junit
from qms.audit.report.markdown import report_markdown, report_text
from qms.audit.report.model import (
    BLANK_SIGNATORIES,
    OBSERVATION_TAGS,
    AuditError,
    AuditReport,
    CriterionResult,
    Kind,
    Outcome,
    Signatory,
    StepRef,
    basis_label,
    is_basis_tag,
    is_process_tag,
    kind_for,
)
from qms.i18n import Lang

WRITERS = {"md": report_markdown, "markdown": report_markdown, "html": report_html, "xml": report_junit, "junit": report_junit}


def write_report(report: AuditReport, path: Path, lang: Lang | str | None = None) -> None:
    """Write ``report`` to ``path`` in the format its suffix names (.md, .html, .xml)."""
    writer = WRITERS.get(path.suffix.lstrip(".").lower(), report_markdown)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(writer(report, lang), encoding="utf-8")


__all__ = [
    "BLANK_SIGNATORIES",
    "OBSERVATION_TAGS",
    "WRITERS",
    "AuditError",
    "AuditReport",
    "CriterionResult",
    "Kind",
    "Outcome",
    "Signatory",
    "StepRef",
    "basis_label",
    "is_basis_tag",
    "is_process_tag",
    "kind_for",
    "report_html",
    "report_junit",
    "report_markdown",
    "report_text",
    "write_report",
]
