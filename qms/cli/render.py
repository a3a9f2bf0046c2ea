"""``qms render``: swimlane flowcharts of the processes (SVG, PNG, PDF or Graphviz source)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qms.cli.common import Paths, err, fail, given_paths, out, print_diagnostics, say, state, t, usage_problem
from qms.cli.exit_codes import ExitCode
from qms.i18n import _, ngettext

if TYPE_CHECKING:
    from qms.model import Process
    from qms.render import FlowchartOptions


class DiagramFormat(StrEnum):
    SVG = "svg"
    PNG = "png"
    PDF = "pdf"
    DOT = "dot"


def render(
    paths: Paths = None,
    fmt: Annotated[DiagramFormat, typer.Option("--format", "-f", help="svg | png | pdf | dot")] = DiagramFormat.SVG,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi lưu đồ / output folder")] = Path("build/diagrams"),
    highlight: Annotated[list[str] | None, typer.Option("--highlight", help="Tô màu các bước này / colour these step ids")] = None,
    findings: Annotated[Path | None, typer.Option("--findings", help="Tô màu các bước có phát hiện trong tệp JSON của «qms check -f json»")] = None,
    jobs: Annotated[int | None, typer.Option("--jobs", "-j", min=1, help="Số lưu đồ vẽ song song / diagrams drawn in parallel (default: CPU count)")] = None,
) -> None:
    """Vẽ lưu đồ có làn theo vai trò / draw swimlane flowcharts."""
    import graphviz  # late, as in every command: registering them all stays cheap (issue 15)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    from qms.load import load_paths
    from qms.render import FlowchartOptions, render_all

    marked = _steps_with_findings(findings) if findings else {}  # a wrong file stops before the long part
    result = load_paths(given_paths(paths))
    print_diagnostics(result.diagnostics)
    if not result.files or usage_problem(result.diagnostics):
        raise typer.Exit(ExitCode.USAGE)
    out_dir.mkdir(parents=True, exist_ok=True)

    def options_for(process: Process) -> FlowchartOptions:
        steps = set(highlight or ()) | marked.get(process.code, set())
        return FlowchartOptions(lang=state.lang, highlight=frozenset(steps), link_suffix=f".{fmt.value}" if fmt is DiagramFormat.SVG else "")

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), console=err, transient=True, disable=state.quiet) as progress:
        task = progress.add_task(t(_("Đang vẽ lưu đồ")), total=len(result.processes))
        try:
            for process, image in render_all(result.processes, fmt.value, options_for, jobs):
                (out_dir / f"{process.code}.{fmt.value}").write_bytes(image)
                progress.advance(task)
        except (graphviz.ExecutableNotFound, graphviz.CalledProcessError) as exc:
            fail(
                _("không chạy được graphviz ({error}); cài gói graphviz (apt-get install graphviz fonts-noto-core)").format(
                    error=str(exc).splitlines()[0]
                )
            )
    n = len(result.processes)
    out.print(say(ngettext("Đã vẽ {n} lưu đồ vào {folder}", "Đã vẽ {n} lưu đồ vào {folder}", n).format(n=n, folder=out_dir)))
    raise typer.Exit(ExitCode.OK if result.ok else ExitCode.FINDINGS)


def _steps_with_findings(path: Path) -> dict[str, set[str]]:
    from qms.report.findings_file import FindingsFileError, steps_with_findings

    try:
        return steps_with_findings(path)
    except FindingsFileError as exc:
        fail(exc.render(state.lang))
