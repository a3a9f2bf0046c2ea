"""``qms conform``: do the dossiers of a log of step events follow the process? (qms.conformance, docs/conformance.md)"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import err, fail, print_diagnostics, show, state, t
from qms.cli.exit_codes import ExitCode
from qms.cli.writing import write_file
from qms.i18n import _

Logs = Annotated[list[Path], typer.Argument(help="Nhật ký từng bước xử lý / logs of step events: .csv, .xlsx, .xes")]
_Opt = typer.Option


def conform(
    logs: Logs,
    process: Annotated[str, _Opt("--process", "-p", help="Quy trình so với (mã hoặc tệp) / process code or file")],
    processes: Annotated[Path | None, _Opt("--processes", help="Thư mục quy trình / folder of process files (processes)")] = None,
    mapping: Annotated[Path | None, _Opt("--mapping", help="Tệp ánh xạ cột, nhãn bước / mapping file (docs/logs.md)")] = None,
    calendar: Annotated[Path | None, _Opt("--calendar", help="Lịch làm việc / calendar.yaml (docs/calendar.md)")] = None,
    top: Annotated[int, _Opt("--top", min=1, help="Số biến thể hiện ra / variants shown")] = 10,
    outputs: Annotated[list[Path] | None, _Opt("--out", "-o", help="Báo cáo .md hoặc .json; lặp lại được / report files")] = None,
    dossiers: Annotated[Path | None, _Opt("--dossiers", help="Kết quả từng hồ sơ ra tệp .csv / each dossier's result as CSV")] = None,
    fail_under: Annotated[
        float | None, _Opt("--fail-under", min=0, max=100, help="Mã thoát 1 khi tỷ lệ hồ sơ đúng quy trình dưới mức này (%) / exit 1 below")
    ] = None,
) -> None:
    """So hồ sơ thực tế với quy trình: bỏ bước, lặp bước, sai thứ tự / check that dossiers follow the process."""
    import duckdb

    from qms.conformance import ConformanceError, conform_files  # late: see qms.cli.app
    from qms.load import load_paths
    from qms.measure import AnalyzeError, find_process
    from qms.render.conformance_chart import write_flowcharts
    from qms.report.conformance import conformance_summary
    from qms.report.conformance_files import write_conformance

    try:
        chosen = find_process(process, processes)
        folder = processes or Path("processes")
        # the processes its sub-process steps call: their steps, recorded in the log, are part of the call
        called = {**(load_paths([folder]).by_code() if folder.is_dir() else {}), chosen.code: chosen}
        result, problems = conform_files(logs, chosen, mapping, called, top, dossiers, calendar)
    except (AnalyzeError, ConformanceError) as exc:
        print_diagnostics(exc.diagnostics, console=err)
        fail(exc.message)
    except (OSError, duckdb.Error) as exc:  # the per-dossier CSV could not be written
        fail(_("không ghi được {path}: {reason}").format(path=str(dossiers), reason=str(exc)))
    print_diagnostics(problems, console=err)
    show(conformance_summary(result, chosen, state.lang))
    for path in outputs or ():
        # Markdown: the flowcharts shaded by deviations and by time beside it (qms.render.conformance_chart)
        write_file(partial(lambda p: write_conformance(result, chosen, p, state.lang, write_flowcharts(result, chosen, p, state.lang)), path), path)
    if dossiers is not None:
        err.print(t(_("Đã ghi {path}"), path=dossiers))
    share = result.conforming_share
    if fail_under is not None and (share is None or 100 * share < fail_under):
        err.print(_("Tỷ lệ hồ sơ đúng quy trình dưới {rate}%.").format(rate=f"{fail_under:g}").get(state.lang), style="red")
        raise typer.Exit(ExitCode.FINDINGS)
    raise typer.Exit(ExitCode.OK)


__all__ = ["conform"]
