"""``qms export bpmn`` and ``qms import bpmn``: BPMN 2.0 for Camunda Modeler, bpmn.io and other modelers."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.text import Text

from qms.cli.common import (
    FORMAT_FLAGS,
    TEXT_HELP,
    LoadFormat,
    Paths,
    err,
    fail,
    given_paths,
    out,
    print_diagnostics,
    say,
    state,
    usage_problem,
    write_output,
)
from qms.cli.exit_codes import ExitCode
from qms.diagnostics import Diagnostic, visible
from qms.i18n import _, ngettext
from qms.report.payloads import dumps

if TYPE_CHECKING:
    from qms.load import LoadResult


def export_bpmn(
    paths: Paths = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi tệp .bpmn / output folder")] = Path("build/bpmn"),
) -> None:
    """Xuất BPMN 2.0 (có sơ đồ) cho Camunda Modeler, bpmn.io / export BPMN 2.0 with diagram interchange."""
    from qms.bpmn import export_processes  # late, as every command's heavy part: «qms validate» starts faster
    from qms.load import load_paths

    result = load_paths(given_paths(paths))
    print_diagnostics(result.diagnostics)
    if not result.files or usage_problem(result.diagnostics):
        raise typer.Exit(ExitCode.USAGE)
    written = export_processes(result.processes, out_dir, state.lang)
    n = len(written)
    out.print(say(ngettext("Đã xuất {n} tệp BPMN vào {folder}", "Đã xuất {n} tệp BPMN vào {folder}", n).format(n=n, folder=out_dir)))
    raise typer.Exit(ExitCode.OK if result.ok else ExitCode.FINDINGS)


def import_bpmn(
    source: Annotated[Path, typer.Argument(help="Tệp .bpmn / BPMN file")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi tệp YAML / output folder")] = Path("processes"),
    code: Annotated[str | None, typer.Option("--code", help="Mã quy trình / process code for the new file")] = None,
    output: Annotated[LoadFormat, typer.Option(*FORMAT_FLAGS, help=f"{TEXT_HELP} | json")] = LoadFormat.HUMAN,
) -> None:
    """Nhập sơ đồ BPMN vẽ bằng Camunda Modeler, bpmn.io thành tệp quy trình YAML / import a BPMN diagram."""
    from qms.bpmn import BpmnCode, BpmnError, import_file
    from qms.load import load_paths

    # Wrong command line (exit 2): a source that is not a file; a code that is no process code (BPM008, below).
    if not source.is_file():
        fail(_("không tìm thấy tệp hoặc thư mục «{path}»").format(path=source), _("lệnh nhận một tệp .bpmn"))
    try:
        target, notes = import_file(source, out_dir, code)
    except BpmnError as exc:
        _report(output, source, None, [exc.diagnostic()], None)
        raise typer.Exit(ExitCode.USAGE if exc.code is BpmnCode.BAD_CODE else ExitCode.FINDINGS) from None
    check = load_paths([target])
    _report(output, source, target, notes, check)
    raise typer.Exit(ExitCode.OK if check.ok else ExitCode.FINDINGS)


def _report(output: LoadFormat, source: Path, target: Path | None, notes: list[Diagnostic], check: LoadResult | None) -> None:
    """The import's notes (or the error that stopped it) and what loading the file written found, as ``output`` asks."""
    if output is LoadFormat.JSON:
        payload = {
            "ok": check is not None and check.ok,
            "source": str(source),
            "written": str(target) if target is not None else None,
            "diagnostics": [d.to_dict(state.lang) for d in [*notes, *(check.diagnostics if check else [])]],
        }
        write_output(dumps(payload), None)
        return
    if target is None or check is None:
        print_diagnostics(notes, output.value, err)
        return
    print_diagnostics(notes, output.value)
    n = len(notes)
    created = ngettext(
        "Đã tạo {path} ({n} ghi chú về phần không chuyển được; xem đầu tệp)",
        "Đã tạo {path} ({n} ghi chú về phần không chuyển được; xem đầu tệp)",
        n,
    ).format(n=n, path=target)
    out.print(Text(visible(say(created))))
    print_diagnostics(check.diagnostics, output.value)
