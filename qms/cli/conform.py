"""``qms conform``: do the dossiers of a log of step events follow the process? (qms.conformance, docs/conformance.md)"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import err, fail, print_diagnostics, show, state
from qms.cli.exit_codes import ExitCode
from qms.i18n import _

Logs = Annotated[list[Path], typer.Argument(help="Nhật ký từng bước xử lý / logs of step events: .csv, .xlsx, .xes")]
_Opt = typer.Option


def conform(
    logs: Logs,
    process: Annotated[str, _Opt("--process", "-p", help="Quy trình so với (mã hoặc tệp) / process code or file")],
    processes: Annotated[Path | None, _Opt("--processes", help="Thư mục quy trình / folder of process files (processes)")] = None,
    mapping: Annotated[Path | None, _Opt("--mapping", help="Tệp ánh xạ cột, nhãn bước / mapping file (docs/logs.md)")] = None,
    top: Annotated[int, _Opt("--top", min=1, help="Số biến thể hiện ra / variants shown")] = 10,
    fail_under: Annotated[
        float | None, _Opt("--fail-under", min=0, max=100, help="Mã thoát 1 khi tỷ lệ hồ sơ đúng quy trình dưới mức này (%) / exit 1 below")
    ] = None,
) -> None:
    """So hồ sơ thực tế với quy trình: bỏ bước, lặp bước, sai thứ tự / check that dossiers follow the process."""
    from qms.conformance import ConformanceError, conform_files  # late: see qms.cli.app
    from qms.load import load_paths
    from qms.measure import AnalyzeError, find_process
    from qms.report.conformance import conformance_summary

    try:
        chosen = find_process(process, processes)
        folder = processes or Path("processes")
        # the processes its sub-process steps call: their steps, recorded in the log, are part of the call
        called = {**(load_paths([folder]).by_code() if folder.is_dir() else {}), chosen.code: chosen}
        result, problems = conform_files(logs, chosen, mapping, called, top)
    except (AnalyzeError, ConformanceError) as exc:
        print_diagnostics(exc.diagnostics, console=err)
        fail(exc.message)
    print_diagnostics(problems, console=err)
    show(conformance_summary(result, chosen, state.lang))
    share = result.conforming_share
    if fail_under is not None and (share is None or 100 * share < fail_under):
        err.print(_("Tỷ lệ hồ sơ đúng quy trình dưới {rate}%.").format(rate=f"{fail_under:g}").get(state.lang), style="red")
        raise typer.Exit(ExitCode.FINDINGS)
    raise typer.Exit(ExitCode.OK)


__all__ = ["conform"]
