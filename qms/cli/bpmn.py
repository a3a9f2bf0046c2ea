"""``qms export bpmn`` and ``qms import bpmn``: BPMN 2.0 for Camunda Modeler, bpmn.io and other modelers."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from qms.cli.common import Paths, err, fail, given_paths, out, print_diagnostics, say, state, t, usage_problem
from qms.cli.exit_codes import ExitCode
from qms.diagnostics import visible
from qms.i18n import Message, _, ngettext
from qms.load import load_paths
from qms.scaffold import is_valid_code


def export_bpmn(
    paths: Paths = None,
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Thư mục ghi tệp .bpmn / output folder")] = Path("build/bpmn"),
) -> None:
    """Xuất BPMN 2.0 (có sơ đồ) cho Camunda Modeler, bpmn.io / export BPMN 2.0 with diagram interchange."""
    from qms.bpmn import export_processes  # late, as every command's heavy part: «qms validate» starts faster
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
) -> None:
    """Nhập sơ đồ BPMN vẽ bằng Camunda Modeler, bpmn.io thành tệp quy trình YAML / import a BPMN diagram."""
    from qms.bpmn import BpmnError, import_file
    # Wrong command line (exit 2): a code that is no process code, a source that is not a file.
    if code is not None and not is_valid_code(code):
        fail(_("mã quy trình «{code}» không hợp lệ: dùng chữ in hoa không dấu, số, «-» và «.», ví dụ QT-TTHC-01").format(code=code))
    if not source.is_file():
        fail(_("không tìm thấy tệp hoặc thư mục «{path}»").format(path=source), _("lệnh nhận một tệp .bpmn"))
    try:
        target, notes = import_file(source, out_dir, code)
    except BpmnError as exc:
        err.print(_line(source, exc.position, exc.render(state.lang), exc.hint, "red"))
        raise typer.Exit(ExitCode.FINDINGS) from None
    for note in notes:
        out.print(_line(source, note.position, note.render(state.lang), note.hint, "yellow" if note.severity == "warning" else "cyan"))
    n = len(notes)
    created = ngettext(
        "Đã tạo {path} ({n} ghi chú về phần không chuyển được; xem đầu tệp)",
        "Đã tạo {path} ({n} ghi chú về phần không chuyển được; xem đầu tệp)",
        n,
    ).format(n=n, path=target)
    out.print(Text(visible(say(created))))
    check = load_paths([target])
    print_diagnostics(check.diagnostics)
    raise typer.Exit(ExitCode.OK if check.ok else ExitCode.FINDINGS)


def _line(source: Path, position: str, text: str, hint: Message | None, style: str) -> Text:
    """``file:line:column: message (hint: ...)`` of the BPMN file, the file name shown as it is."""
    where = str(source) + (f":{position}" if position else "")
    line = Text(f"{visible(where)}: {visible(text)}", style=style)
    if hint is not None:
        line.append(f" ({t(_('gợi ý'))}: {visible(say(hint))})", style="dim")
    return line
