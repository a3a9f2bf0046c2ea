"""``qms validate``: read the process files, report what is wrong with their format and references."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qms.cli.common import (
    FORMAT_FLAGS,
    TEXT_HELP,
    LoadFormat,
    Paths,
    err,
    given_paths,
    out,
    print_diagnostics,
    show,
    state,
    usage_problem,
    write_output,
)
from qms.cli.exit_codes import ExitCode
from qms.cli.options import Narrator
from qms.cli.scope import ForceExclude, NoCache, exclusion, results_cache
from qms.diagnostics import Diagnostic, LoadCode, Location, error
from qms.i18n import _

if TYPE_CHECKING:
    from qms.load import LoadResult


def validate(
    paths: Paths = None,
    output: Annotated[LoadFormat, typer.Option(*FORMAT_FLAGS, help=f"{TEXT_HELP} | json")] = LoadFormat.HUMAN,
    force_exclude: ForceExclude = False,
    no_cache: NoCache = False,
) -> None:
    """Kiểm tra định dạng và tham chiếu của các quy trình / validate process files."""
    from qms.load.cached import load_paths_cached  # late, as in every command: registering them all stays cheap (issue 15)
    from qms.report.payloads import load_json
    from qms.report.summary import load_summary

    given = given_paths(paths)
    narrator = Narrator()
    result = load_paths_cached(given, results_cache(no_cache, given), exclusion(force_exclude))
    narrator.files(result.files)
    nothing = [] if result.files or usage_problem(result.diagnostics) else [nothing_to_check(p) for p in given]
    result.diagnostics += nothing
    code = exit_code(result)
    if output is LoadFormat.JSON:
        write_output(load_json(result, code is ExitCode.OK, state.lang), None)
    else:
        print_diagnostics([d for d in result.diagnostics if d not in nothing], output.value)
        print_diagnostics(nothing, output.value, err)
        if result.files and not state.quiet:  # a table of zeros would read as "no errors"
            show(load_summary(len(result.files), len(result.processes), result.diagnostics, state.lang), out)
    raise typer.Exit(code)


def exit_code(result: LoadResult) -> ExitCode:
    """2 when the command line was wrong or named nothing to check, 1 for errors in the files, else 0."""
    if usage_problem(result.diagnostics) or not result.files:
        return ExitCode.USAGE
    return ExitCode.OK if result.ok else ExitCode.FINDINGS


def nothing_to_check(path: Path) -> Diagnostic:
    return error(
        LoadCode.FILE,
        Location(path),
        _("không có tệp quy trình (.yaml, .yml) nào trong {paths}").format(paths=path),
        _("không có gì được kiểm tra; hãy chỉ ra các tệp .yaml/.yml hoặc thư mục chứa chúng; tên bắt đầu bằng «.» hay «_» bị bỏ qua"),
        usage=True,
    )

