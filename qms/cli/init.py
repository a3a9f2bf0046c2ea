"""``qms init [DIR]`` (a working project, never an overwrite) and ``qms doctor`` (what qms needs outside Python)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import fail, out, say, t
from qms.cli.exit_codes import ExitCode
from qms.i18n import _


def init(
    folder: Annotated[Path, typer.Argument(help="Thư mục dự án / project folder (default: the current one)")] = Path("."),
) -> None:
    """Tạo dự án qms: quy trình mẫu, tiêu chí, sổ tay, cấu hình; không ghi đè tệp nào / create a project, never overwriting."""
    from qms.scaffold_project import ProjectError, init_project  # late: it imports every format's models

    if folder.exists() and not folder.is_dir():
        fail(_("«{path}» không phải là thư mục").format(path=folder), _("chọn một thư mục mới hoặc thư mục đã có"))
    try:
        result = init_project(folder)
    except ProjectError as exc:
        fail(_("không ghi được «{path}»: {error}").format(path=exc.path, error=exc.reason), code=ExitCode.FINDINGS)
    for path in result.created:
        out.print(t(_("Đã tạo {path}"), path=path))
    for path in result.kept:
        out.print(t(_("Đã có, giữ nguyên: {path}"), path=path))
    for path in result.omitted:
        out.print(t(_("Không thêm {path}: thư mục processes đã có quy trình"), path=path))
    if not result.created:
        out.print(t(_("Dự án đã đủ các tệp; không tệp nào bị thay đổi.")))
        return
    next_steps = _(
        "Tiếp theo (trong {path}): qms validate, qms check, qms audit, qms handbook build; qms doctor kiểm tra các công cụ cần cài thêm."
    )
    out.print(t(next_steps, path=folder))


def doctor() -> None:
    """Kiểm tra graphviz, phông chữ, trình duyệt in PDF, mkdocs-material; cách cài phần còn thiếu / check the tools qms uses."""
    from rich.table import Table
    from rich.text import Text

    from qms.doctor import run_checks

    checks = run_checks()
    table = Table(t(_("Kiểm tra")), t(_("Tìm thấy")), t(_("Trạng thái")))
    for check in checks:
        status = Text(t(_("đủ")), style="green") if check.ok else Text(t(_("thiếu")), style="red")
        table.add_row(Text(say(check.name)), Text(check.found or "—"), status)  # Text: a path's «[» is no markup
    out.print(table)
    missing = [check for check in checks if not check.ok]
    for check in missing:
        out.print(t(_("Cách cài {name}:"), name=say(check.name)), markup=False)
        for system, how in (("Debian/Ubuntu", check.install.debian), ("Windows", check.install.windows), ("macOS", check.install.macos)):
            out.print(f"  {system}: {say(how)}", markup=False)
    if missing:
        raise typer.Exit(ExitCode.FINDINGS)
    out.print(t(_("Đủ mọi công cụ qms cần.")))
