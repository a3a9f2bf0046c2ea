"""``qms analyze``: measure dossier logs (on time, early, apologies, online) against the process's KPI targets."""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import OutputFormat, err, fail, parse_day, print_diagnostics, show, state, write_output
from qms.cli.exit_codes import ExitCode
from qms.cli.writing import write_file
from qms.i18n import _
from qms.measure.counting import Counting, GroupBy

Logs = Annotated[list[Path], typer.Argument(help="Nhật ký hồ sơ / dossier logs: .csv, .xlsx, .xes")]
_Opt = typer.Option


def analyze(
    logs: Logs,
    process: Annotated[str | None, _Opt("--process", "-p", help="Quy trình đo theo (mã hoặc tệp) / process code or file")] = None,
    processes: Annotated[Path | None, _Opt("--processes", help="Thư mục quy trình / folder of process files (processes)")] = None,
    mapping: Annotated[Path | None, _Opt("--mapping", help="Tệp ánh xạ cột / column mapping file (docs/logs.md)")] = None,
    calendar: Annotated[Path | None, _Opt("--calendar", help="Lịch làm việc / calendar.yaml (docs/calendar.md)")] = None,
    first: Annotated[str | None, _Opt("--from", help="Từ ngày / first day (YYYY-MM-DD)")] = None,
    last: Annotated[str | None, _Opt("--to", help="Đến ngày / last day (YYYY-MM-DD)")] = None,
    by: Annotated[GroupBy | None, _Opt("--by", help="Nhóm theo / group by: procedure | unit | month | channel")] = None,
    counting: Annotated[Counting, _Opt("--counting", help="Cách tính / counting: official (QĐ 766) | dates")] = Counting.OFFICIAL,
    target: Annotated[list[str] | None, _Opt("--target", help="Chỉ tiêu / target, e.g. in_time_rate>=95% (repeat)")] = None,
    baseline_from: Annotated[str | None, _Opt("--baseline-from", help="Kỳ gốc từ ngày / baseline first day")] = None,
    baseline_to: Annotated[str | None, _Opt("--baseline-to", help="Kỳ gốc đến ngày / baseline last day")] = None,
    dossiers: Annotated[Path | None, _Opt("--dossiers", help="Ghi kết quả từng hồ sơ / per-dossier results: .csv | .json")] = None,
    report: Annotated[list[Path] | None, _Opt("--report", help="Ghi báo cáo có biểu đồ / write the report: .md | .html (repeat)")] = None,
    output: Annotated[OutputFormat, _Opt("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
) -> None:
    """Đo hồ sơ thực tế: tỷ lệ đúng hạn, trước hạn, xin lỗi, trực tuyến / measure dossier logs against targets."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn  # late: see qms.cli.app

    from qms.measure import STAGES, AnalyzeError, Request, TargetError, analyze_files, write_dossiers
    from qms.report.analysis import analysis_json, analysis_summary
    from qms.report.analysis_page import REPORT_FORMATS, write_report

    for path in report or ():
        if path.suffix.lower() not in REPORT_FORMATS:
            fail(_("báo cáo «{path}»: chỉ ghi được .md hoặc .html").format(path=str(path)))
    base_first, base_last = parse_day(baseline_from), parse_day(baseline_to)
    if (base_first is None) != (base_last is None):
        fail(_("kỳ gốc cần cả --baseline-from và --baseline-to"))
    baseline = (base_first, base_last) if base_first and base_last else None
    request = Request(
        logs, process, processes, mapping, calendar, parse_day(first), parse_day(last), by, counting, tuple(target or ()), baseline
    )
    try:
        with Progress(
            SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TimeElapsedColumn(), console=err, transient=True,
            disable=state.quiet or not err.is_terminal,
        ) as bar:
            # one step of the bar per stage of analyze_files (reading, then judging and counting)
            task = bar.add_task("", total=len(STAGES))
            analysis = analyze_files(request, lambda stage: bar.update(task, description=stage.get(state.lang), advance=1))
    except (AnalyzeError, TargetError) as exc:
        print_diagnostics(getattr(exc, "diagnostics", []), console=err)
        fail(exc.message)
    print_diagnostics(analysis.log.diagnostics, console=err)
    if dossiers is not None:
        write_file(partial(write_dossiers, analysis, dossiers), dossiers)
    for path in report or ():
        write_file(partial(write_report, analysis, path, state.lang), path)
    if output is OutputFormat.JSON:
        write_output(analysis_json(analysis, state.lang), None)
    else:
        show(analysis_summary(analysis, state.lang))
    raise typer.Exit(ExitCode.OK if analysis.met else ExitCode.FINDINGS)



__all__ = ["analyze"]
