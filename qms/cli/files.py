"""``qms schema`` (the format's JSON Schema or reference page) and ``qms new process`` (a commented template)."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import err, fail, out, t, write_output
from qms.cli.exit_codes import ExitCode
from qms.i18n import _


class SchemaFormat(StrEnum):
    JSON = "json"
    MARKDOWN = "markdown"


def schema(
    output: Annotated[Path | None, typer.Option("--out", "-o", help="Ghi ra tệp / write to this file")] = None,
    kind: Annotated[SchemaFormat, typer.Option("--format", "-f", help="json (JSON Schema) | markdown (format reference page)")] = SchemaFormat.JSON,
    plan: Annotated[bool, typer.Option("--plan", help="Định dạng kế hoạch (plans/*.yaml) / the plan format's JSON Schema")] = False,
) -> None:
    """In lược đồ JSON (hoặc trang tham chiếu) của định dạng quy trình / print the format's JSON Schema or reference page."""
    from qms.plan.schema import plan_json_schema_text  # late, as in every command: see qms.cli.app
    from qms.reference import format_reference_markdown
    from qms.schema import process_json_schema_text

    if plan and kind is not SchemaFormat.JSON:
        fail(_("--plan chỉ có lược đồ JSON; định dạng kế hoạch được mô tả trong docs/plans.md"))
    text = plan_json_schema_text() if plan else process_json_schema_text() if kind is SchemaFormat.JSON else format_reference_markdown()
    write_output(text, output)
    if output is not None:
        err.print(t(_("Đã ghi {path}"), path=output))


def new_process(
    code: Annotated[str, typer.Argument(help="Mã quy trình / process code, e.g. QT-TTHC-02")],
    title: Annotated[str, typer.Option("--title", "-t", help="Tên quy trình / title")] = "Tên quy trình",
    folder: Annotated[Path, typer.Option("--dir", "-d", help="Thư mục / folder")] = Path("processes"),
    procedure_code: Annotated[
        str | None, typer.Option("--procedure-code", help="Mã TTHC / national procedure code, e.g. 1.005092 (a citizen-facing procedure)")
    ] = None,
) -> None:
    """Tạo một quy trình mẫu hợp lệ, có chú thích / scaffold a valid, commented process."""
    from qms.scaffold import is_valid_code, is_valid_procedure_code, new_process_text, schema_path_from

    if not title.strip():
        fail(_("tên quy trình không được để trống"))
    if not is_valid_code(code):
        fail(
            _("mã quy trình «{code}» không hợp lệ").format(code=code),
            _("mã quy trình gồm chữ in hoa không dấu, số, «-» và «.», ví dụ QT-TTHC-01{suggestion}").format(suggestion=""),
        )
    if procedure_code is not None and not is_valid_procedure_code(procedure_code):
        fail(
            _("mã thủ tục hành chính «{code}» không hợp lệ").format(code=procedure_code),
            _("ghi mã TTHC như trên Cơ sở dữ liệu quốc gia, dạng 1.005092"),
        )
    target = folder / f"{code}.yaml"
    if target.exists():
        fail(_("tệp «{path}» đã tồn tại; không ghi đè").format(path=target), code=ExitCode.FINDINGS)
    folder.mkdir(parents=True, exist_ok=True)
    text = new_process_text(code, title, target.name, schema_path_from(folder), procedure_code=procedure_code)
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    out.print(t(_("Đã tạo {path}"), path=target))
