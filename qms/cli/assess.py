"""``qms assess validate`` (the self-assessment files: format and ASM findings), ``qms assess show`` (a year's
traffic-light tables and the change since last year) and ``qms assess schema`` (the format's JSON Schema)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import FORMAT_FLAGS, TEXT_HELP, LoadFormat, OutputFormat, err, fail, out, print_diagnostics, show, state, write_output
from qms.cli.exit_codes import ExitCode
from qms.cli.paths import existing_paths
from qms.i18n import _

AssessPaths = Annotated[
    list[Path] | None, typer.Argument(help="Tệp hoặc thư mục tự đánh giá / assessment files or folders (default assessments/)")
]


def validate(
    paths: AssessPaths = None,
    output: Annotated[LoadFormat, typer.Option(*FORMAT_FLAGS, help=f"{TEXT_HELP} | json")] = LoadFormat.HUMAN,
) -> None:
    """Kiểm tra các tệp tự đánh giá ISO 18091 / validate ISO 18091 self-assessment files."""
    from qms.assessment.findings import check_assessments  # late, as in every command: see qms.cli.app
    from qms.report.assessment import assess_validate_json, assess_validate_summary

    given = existing_paths(paths, "assessments")
    result = check_assessments(given)
    if not result.files:
        fail(_("không có tệp tự đánh giá (.yaml, .yml) nào trong {paths}").format(paths=", ".join(map(str, given))))
    code = ExitCode.OK if result.ok else ExitCode.FINDINGS
    if output is LoadFormat.JSON:
        write_output(assess_validate_json(result.files, len(result.assessments), result.diagnostics, result.ok, state.lang), None)
    else:
        print_diagnostics(result.diagnostics, output.value)
        out.print(assess_validate_summary(result.files, len(result.assessments), result.diagnostics, state.lang))
    raise typer.Exit(code)


def show_assessment(
    file: Annotated[Path, typer.Argument(help="Tệp tự đánh giá / assessment file")],
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
) -> None:
    """Bảng đèn giao thông theo nhóm và so sánh với năm trước / the traffic lights per quadrant, against last year."""
    from qms.assessment import read_assessment
    from qms.assessment.findings import previous_of
    from qms.assessment.summary import summarise
    from qms.report.assessment import assess_show_json, assess_show_summary

    assessment_file, problems = read_assessment(existing_paths([file], str(file))[0])
    if assessment_file is None:
        print_diagnostics(problems, console=err)
        fail(_("tệp tự đánh giá «{path}» có lỗi; sửa rồi chạy lại (qms assess validate)").format(path=str(file)))
    previous, notes = previous_of(assessment_file)
    print_diagnostics(notes, console=err)
    summary = summarise(assessment_file, previous)
    if output is OutputFormat.JSON:
        write_output(assess_show_json(summary, state.lang), None)
    else:
        show(assess_show_summary(summary, state.lang))
    raise typer.Exit(ExitCode.OK)


def schema(
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Ghi ra tệp / write to this file")] = None,
) -> None:
    """Lược đồ JSON của định dạng tự đánh giá / the assessment format's JSON Schema."""
    from qms.assessment.schema import assessment_json_schema_text

    write_output(assessment_json_schema_text(), out_file)


# The assess group's commands, as qms.cli.app registers them: (name, function).
COMMANDS = (("validate", validate), ("show", show_assessment), ("schema", schema))

__all__ = ["COMMANDS", "schema", "show_assessment", "validate"]
