"""``qms audit``: run the Gherkin audit criteria of features/ against the processes and write the report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import err, fail, out, project_config, state, t
from qms.cli.exit_codes import ExitCode
from qms.diagnostics import Severity, display_path
from qms.i18n import _

_ALLOW_CODE = (
    "Chạy cả mã Python đi kèm tiêu chí (conftest.py): mã do người viết tiêu chí viết, chạy với quyền của bạn "
    "/ also run the Python code that comes with the criteria: code written by whoever wrote them, run as you"
)


def audit(
    features: Annotated[Path, typer.Option("--features", help="Thư mục tiêu chí (.feature) / criteria folder or file")] = Path("features"),
    processes: Annotated[Path, typer.Option("--processes", help="Thư mục quy trình / process folder")] = Path("processes"),
    tags: Annotated[str | None, typer.Option("--tags", help="Lọc theo thẻ, ví dụ «nd30-2020 and not khuyen-nghi»")] = None,
    process_code: Annotated[str | None, typer.Option("--process", help="Chỉ đánh giá quy trình này / only this process")] = None,
    outputs: Annotated[list[Path] | None, typer.Option("--out", "-o", help="Báo cáo: .md, .html hoặc .xml (JUnit); lặp lại được")] = None,
    allow_code: Annotated[bool, typer.Option("--allow-code", help=_ALLOW_CODE)] = False,
    all_languages: Annotated[
        bool, typer.Option("--all-languages", help="Chạy cả tiêu chí viết bằng ngôn ngữ khác / also run criteria in other languages")
    ] = False,
    record: Annotated[
        str | None, typer.Option("--record", help="Ghi phát hiện vào hồ sơ cuộc đánh giá này / write the findings into this audit's record")
    ] = None,
    audits: Annotated[Path, typer.Option("--audits", help="Thư mục hồ sơ đánh giá / audit records folder")] = Path("audits"),
) -> None:
    """Đánh giá theo tiêu chí Gherkin trong features/ và lập báo cáo / run the audit criteria and write the report."""
    from qms.audit.codes import AuditCode
    from qms.audit.report import report_text, write_report  # late: pytest and the criteria are heavy to import
    from qms.audit.run import code_in_criteria, code_refused, run_audit

    for path in (features, processes, *((audits,) if record is not None else ())):
        if not path.exists():
            fail(
                _("không tìm thấy tệp hoặc thư mục «{path}»").format(path=path),
                _("kiểm tra lại đường dẫn; lệnh nhận tệp .yaml/.yml hoặc thư mục chứa chúng"),
            )
    if not allow_code and (found := code_in_criteria(features)):
        message, hint = code_refused(found)
        fail(f"{display_path(found[0])}:1:1: {AuditCode.CODE_REFUSED} {Severity.ERROR.label(state.lang)}: {message.get(state.lang)}", hint)
    # The criteria read the rule configuration the processes' project declares: a wrong one is a wrong command line
    # (exit 2, at its line), as for «qms check», not a criterion that fails.
    project_config(start=processes if processes.is_dir() else processes.parent)
    with err.status(t(_("Đang đánh giá theo các tiêu chí…"))):
        report = run_audit(
            features, processes, tags=tags, process=process_code, lang=state.lang, allow_code=allow_code, all_languages=all_languages
        )
    if record is not None:
        from qms.cli.audit_record import write_record

        write_record(report, audits, record)
    out.print(report_text(report, state.lang), markup=False, highlight=False)
    for path in outputs or ():
        write_report(report, path, state.lang)
        out.print(t(_("Đã ghi {path}"), path=path))
    raise typer.Exit(ExitCode.OK if report.ok else ExitCode.FINDINGS)
