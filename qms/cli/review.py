"""``qms review``: the input to the management review (ISO 9001 9.3.2) from the audit records, the plan and the
ISO 18091 self-assessment, as Word, Markdown or HTML (:mod:`qms.report.review`)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qms.cli.common import err, fail, parse_day, print_diagnostics, state
from qms.cli.exit_codes import ExitCode
from qms.cli.paths import existing_paths
from qms.cli.writing import write_file
from qms.i18n import _

if TYPE_CHECKING:  # the library is imported where used, as in every command: see qms.cli.app
    from qms.assessment import AssessmentFile
    from qms.plan import PlanFile
    from qms.records import AuditFiles

_Opt = typer.Option


def _audits(path: Path | None) -> tuple[AuditFiles | None, list[Path]]:
    """The audit records of ``path`` (default ``audits/`` when it exists); exit 2 when they cannot be read."""
    from qms.records import read_audits

    if path is None:
        if not Path("audits").is_dir():
            return None, []
        path = Path("audits")
    given = existing_paths([path], str(path))
    read = read_audits(given)
    if read.diagnostics:
        print_diagnostics(read.diagnostics, console=err)
        fail(_("hồ sơ đánh giá có lỗi; sửa rồi chạy lại (qms records validate)"))
    if not read.files:
        fail(_("không có tệp đánh giá (.yaml, .yml) nào trong {paths}").format(paths=str(path)))
    return read, given


def _plan(path: Path | None) -> PlanFile | None:
    from qms.plan import read_plan

    if path is None:
        return None
    plan_file, problems = read_plan(existing_paths([path], str(path))[0])
    if plan_file is None:
        print_diagnostics(problems, console=err)
        fail(_("kế hoạch «{path}» có lỗi; sửa rồi chạy lại (qms plan validate)").format(path=str(path)))
    return plan_file


def _assessment(path: Path | None) -> tuple[AssessmentFile | None, AssessmentFile | None]:
    from qms.assessment import read_assessment
    from qms.assessment.findings import previous_of

    if path is None:
        return None, None
    assessment_file, problems = read_assessment(existing_paths([path], str(path))[0])
    if assessment_file is None:
        print_diagnostics(problems, console=err)
        fail(_("tệp tự đánh giá «{path}» có lỗi; sửa rồi chạy lại (qms assess validate)").format(path=str(path)))
    previous, notes = previous_of(assessment_file)
    print_diagnostics(notes, console=err)
    return assessment_file, previous


def review(
    out: Annotated[list[Path] | None, _Opt("--out", "-o", help="Ghi tài liệu / write the document: .docx | .md | .html (repeat)")] = None,
    as_of: Annotated[str | None, _Opt("--as-of", help="Ngày xét / figures up to this date (YYYY-MM-DD, default today)")] = None,
    audits: Annotated[Path | None, _Opt("--audits", help="Hồ sơ đánh giá / audit records (default audits/ if present)")] = None,
    plan: Annotated[Path | None, _Opt("--plan", help="Tệp kế hoạch / plan file, e.g. plans/KH-CCHC-2026.yaml")] = None,
    assessment: Annotated[Path | None, _Opt("--assessment", help="Tệp tự đánh giá ISO 18091 / self-assessment file")] = None,
    processes: Annotated[Path | None, _Opt("--processes", help="Thư mục quy trình / folder of process files (processes)")] = None,
) -> None:
    """Đầu vào xem xét của lãnh đạo (ISO 9001 9.3.2) / the management review input (.docx, .md, .html)."""
    from qms.report.review import collect_review
    from qms.report.review_docx import REVIEW_FORMATS, write_review

    if not out:
        fail(_("cần ít nhất một tệp: --out xem-xet.docx (hoặc .md, .html)"))
    for path in out:
        if path.suffix.lower() not in REVIEW_FORMATS:
            fail(_("tài liệu «{path}»: chỉ ghi được .docx, .md hoặc .html").format(path=str(path)))
    day = parse_day(as_of) or date.today()
    records, audit_paths = _audits(audits)
    current, previous = _assessment(assessment)
    inputs = collect_review(
        day, audits=records, audit_paths=audit_paths, plan=_plan(plan), assessment=current, previous=previous, processes=processes
    )
    for path in out:
        write_file(partial(write_review, inputs, path, state.lang), path)
    raise typer.Exit(ExitCode.OK)


__all__ = ["review"]
