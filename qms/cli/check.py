"""``qms check`` (the conformity rules) and ``qms coverage`` (the clause coverage matrix)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qms.cli.common import (
    FORMAT_FLAGS,
    TEXT_HELP,
    AsOf,
    OutputFormat,
    Paths,
    err,
    given_paths,
    legal_register,
    parse_day,
    print_diagnostics,
    project_config,
    show,
    state,
    t,
    usage_problem,
    write_output,
)
from qms.cli.exit_codes import ExitCode
from qms.cli.options import Narrator
from qms.cli.scope import ForceExclude, Jobs, NoCache, exclusion, jobs_of, results_cache
from qms.i18n import _

if TYPE_CHECKING:
    from qms.rules import CheckReport


class CheckFormat(StrEnum):
    HUMAN = "human"
    CONCISE = "concise"
    FULL = "full"
    JSON = "json"
    SARIF = "sarif"
    JUNIT = "junit"
    GITLAB = "gitlab"


class FailOn(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"
    NEVER = "never"


_WRITERS = {CheckFormat.JSON: "report_json", CheckFormat.SARIF: "report_sarif", CheckFormat.JUNIT: "report_junit"}  # in qms.report.formats
_WRITERS[CheckFormat.GITLAB] = "report_gitlab"  # GitLab's Code Quality report, in qms.report.code_quality
_CODES = "(repeat, or QMS1,QMS203)"


def check(
    paths: Paths = None,
    output: Annotated[CheckFormat, typer.Option(*FORMAT_FLAGS, help=f"{TEXT_HELP} | json | sarif | junit | gitlab")] = CheckFormat.HUMAN,
    out_file: Annotated[Path | None, typer.Option("--out", "-o", help="Ghi ra tệp / write to this file (json, sarif, junit, gitlab)")] = None,
    fail_on: Annotated[FailOn | None, typer.Option("--fail-on", help="Mức gây lỗi / lowest severity that fails: error | warning | info | never")] = None,
    select: Annotated[list[str] | None, typer.Option("--select", help=f"Chỉ chạy các quy tắc này / only these rule codes or prefixes {_CODES}")] = None,
    ignore: Annotated[list[str] | None, typer.Option("--ignore", help=f"Bỏ qua các quy tắc này / skip these rule codes or prefixes {_CODES}")] = None,
    config_file: Annotated[Path | None, typer.Option("--config", help="qms.toml hoặc pyproject.toml")] = None,
    as_of: AsOf = None,
    force_exclude: ForceExclude = False,
    no_cache: NoCache = False,
    jobs: Jobs = None,
) -> None:
    """Kiểm tra sự phù hợp với ISO 9001, ISO 18091 và quy định / check conformity with the rule catalogue."""
    from qms.report import check_summary, code_quality, formats  # late, as in every command: registering them all stays cheap (issue 15)
    from qms.rules.cached import check_paths_cached

    given = given_paths(paths)
    narrator = Narrator()
    config = project_config(config_file, select, ignore)
    scope = exclusion(force_exclude, config.source, found=True)
    store = results_cache(no_cache, given, config.source)
    report = check_paths_cached(given, store, config, parse_day(as_of), legal_register(config), scope, jobs_of(jobs))
    narrator.files(report.files)
    narrator.rules(r.code for r in report.rules)
    if output in _WRITERS:
        writer = getattr(code_quality if output is CheckFormat.GITLAB else formats, _WRITERS[output])
        extra = {"docs_url": config.docs_url} if output is CheckFormat.SARIF else {}
        write_output(writer(report, state.lang, **extra), out_file)
    else:
        print_diagnostics(report.diagnostics, output.value)
        show([] if state.quiet else check_summary(report, state.lang))
    if usage_problem(report.load_diagnostics) or not report.files:
        if not report.files and output not in _WRITERS:
            err.print(t(_("không có tệp quy trình (.yaml, .yml) nào trong {paths}"), paths=", ".join(map(str, given))))
        raise typer.Exit(ExitCode.USAGE)
    raise typer.Exit(ExitCode.FINDINGS if report.fails(fail_on.value if fail_on else config.fail_on) else ExitCode.OK)


def coverage(
    paths: Paths = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
    as_of: AsOf = None,
) -> None:
    """Ma trận điều khoản: quy trình nào đáp ứng, quy tắc nào kiểm tra / clause coverage matrix."""
    from qms.report import coverage_json, coverage_matrix, coverage_table
    from qms.rules import check_paths

    config = project_config()
    report = check_paths(given_paths(paths), config, parse_day(as_of), register=legal_register(config))
    rows = coverage_matrix(report.processes, report.rules, report.findings, config.not_applicable)
    if output is OutputFormat.JSON:
        write_output(coverage_json(rows, state.lang), None)
    else:
        print_diagnostics(report.load_diagnostics)
        show(coverage_table(rows, state.lang))
    raise typer.Exit(_load_exit(report))


def _load_exit(report: CheckReport) -> ExitCode:
    if not report.files or usage_problem(report.load_diagnostics):
        return ExitCode.USAGE
    return ExitCode.FINDINGS if report.load_diagnostics else ExitCode.OK
