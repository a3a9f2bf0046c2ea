"""``qms plan validate`` (the plan files' format and "5 rõ") and ``qms plan status`` (where a plan stands on a date)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from qms.cli import plan_import, plan_report
from qms.cli.common import (
    FORMAT_FLAGS,
    TEXT_HELP,
    LoadFormat,
    OutputFormat,
    err,
    fail,
    out,
    parse_day,
    print_diagnostics,
    state,
    write_output,
)
from qms.cli.exit_codes import ExitCode
from qms.cli.paths import existing_paths
from qms.i18n import _

PlanPaths = Annotated[list[Path] | None, typer.Argument(help="Tệp hoặc thư mục kế hoạch / plan files or folders (default plans/)")]


def validate(
    paths: PlanPaths = None,
    output: Annotated[LoadFormat, typer.Option(*FORMAT_FLAGS, help=f"{TEXT_HELP} | json")] = LoadFormat.HUMAN,
) -> None:
    """Kiểm tra định dạng và «5 rõ» của các kế hoạch / validate plan files (format, the 5 rõ of each task)."""
    from qms.plan.findings import check_plans  # late, as in every command: see qms.cli.app
    from qms.report.plan_status import plan_validate_json, plan_validate_summary

    given = existing_paths(paths, "plans")
    result = check_plans(given)
    if not result.files:
        fail(_("không có tệp kế hoạch (.yaml, .yml) nào trong {paths}").format(paths=", ".join(map(str, given))))
    code = ExitCode.OK if result.ok else ExitCode.FINDINGS
    if output is LoadFormat.JSON:
        write_output(plan_validate_json(result.files, len(result.plans), result.diagnostics, result.ok, state.lang), None)
    else:
        print_diagnostics(result.diagnostics, output.value)
        out.print(plan_validate_summary(result.files, len(result.plans), result.diagnostics, state.lang))
    raise typer.Exit(code)


def status(
    file: Annotated[Path, typer.Argument(help="Tệp kế hoạch / plan file")],
    as_of: Annotated[str | None, typer.Option("--as-of", help="Ngày xét / status on this date (YYYY-MM-DD, default today)")] = None,
    processes: Annotated[Path | None, typer.Option("--processes", help="Thư mục quy trình / folder of process files (processes)")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
) -> None:
    """Theo dõi thực hiện kế hoạch vào một ngày / where a plan stands on a date: tasks, reports, targets."""
    from qms.plan import read_plan
    from qms.plan.status import plan_status
    from qms.report.plan_status import plan_status_json, plan_status_summary

    day = parse_day(as_of) or date.today()
    plan_file, problems = read_plan(existing_paths([file], str(file))[0])
    if plan_file is None:
        print_diagnostics(problems, console=err)
        fail(_("kế hoạch «{path}» có lỗi; sửa rồi chạy lại (qms plan validate)").format(path=str(file)))
    result = plan_status(plan_file, day, processes=processes)
    if output is OutputFormat.JSON:
        write_output(plan_status_json(result, state.lang), None)
    else:
        for renderable in plan_status_summary(result, state.lang):
            out.print(renderable)
    raise typer.Exit(ExitCode.OK if result.on_track else ExitCode.FINDINGS)


# The commands of the ``plan`` group, as qms.cli.app registers them: (name, function).
# The plan group's commands; import and the period reports have their own modules (each under 150 lines).
COMMANDS = (("validate", validate), ("status", status), ("import", plan_import.plan_import), *plan_report.COMMANDS)

__all__ = ["COMMANDS", "status", "validate"]
