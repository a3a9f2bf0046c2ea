"""``qms rules``: list every code the toolkit can print, explain one, or write their documentation pages."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import OutputFormat, fail, out, state, t, write_output
from qms.cli.exit_codes import ExitCode
from qms.i18n import _


def rules(
    code: Annotated[str | None, typer.Argument(help="Mã / code, e.g. QMS302, QMS090, QMS003 (or a rule's name)")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
    docs: Annotated[Path | None, typer.Option("--docs", help="Ghi trang tài liệu của mọi mã vào thư mục / write every code's page to this folder")] = None,
) -> None:
    """Liệt kê hoặc giải thích các mã: quy tắc, lỗi đọc tệp, mã của bộ máy kiểm tra / list or explain the codes."""
    from qms.codes import all_codes, code_info  # late, as in every command: see qms.cli.app
    from qms.load.schema_errors import closest
    from qms.report import code_page, codes_json, codes_table, write_rule_docs

    if docs is not None:
        for path in write_rule_docs(docs):
            out.print(t(_("Đã ghi {path}"), path=path))
        return
    catalogue = all_codes()
    if code is not None:
        info = code_info(code)
        if info is None:
            names = [c.code for c in catalogue] + [c.name for c in catalogue if c.name]
            suggestion = closest(code.strip().upper(), names)
            unknown = _("không có mã hay quy tắc «{code}»").format(code=code)
            fail(unknown, _("có phải ý bạn là «{suggestion}»?").format(suggestion=suggestion) if suggestion else None)
        catalogue = (info,)
    if output is OutputFormat.JSON:
        write_output(codes_json(catalogue, state.lang), None)
    elif code is not None:
        write_output(code_page(catalogue[0], state.lang), None)
    else:
        out.print(codes_table(catalogue, state.lang))
    raise typer.Exit(ExitCode.OK)
