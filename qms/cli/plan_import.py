"""``qms plan import``: the task table of a plan in Word (.docx) or Excel (.xlsx), as a plan file to check and complete.

Exit codes: 0 the file is written and reads as a plan (cells it could not read are noted, in the output and as
``# [?]`` comments in the file); 1 the document has no task table it can read, or the file written does not read;
2 the command line is wrong (no such file, a code that is no plan code, a period that is none, a file already there).
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Annotated

import typer
from rich.text import Text

from qms.cli.common import err, fail, parse_day, print_diagnostics, say, t
from qms.cli.common import out as console
from qms.cli.exit_codes import ExitCode
from qms.diagnostics import visible
from qms.i18n import _


def plan_import(
    file: Annotated[Path, typer.Argument(help="Tệp .docx hoặc .xlsx có bảng nhiệm vụ / Word or Excel file with the task table")],
    code: Annotated[str, typer.Option("--code", help="Mã kế hoạch / plan code, e.g. KH-CCHC-2023")],
    out: Annotated[Path | None, typer.Option("--out", "-o", help="Tệp kế hoạch ghi ra / plan file to write (plans/<code>.yaml)")] = None,
    title: Annotated[str | None, typer.Option("--title", help="Tên kế hoạch / plan title (default: the file's name)")] = None,
    year: Annotated[int | None, typer.Option("--year", help="Năm kế hoạch / the plan's year (1/1 to 31/12)")] = None,
    start: Annotated[str | None, typer.Option("--start", help="Từ ngày / first day (YYYY-MM-DD)")] = None,
    end: Annotated[str | None, typer.Option("--end", help="Đến ngày / last day (YYYY-MM-DD)")] = None,
    overwrite: Annotated[bool, typer.Option("--overwrite", help="Ghi đè tệp đã có / replace an existing file")] = False,
) -> None:
    """Nhập bảng nhiệm vụ (phụ lục) của kế hoạch từ Word, Excel / import a plan's task table from .docx or .xlsx."""
    from qms.model.process import PROCESS_CODE_PATTERN
    from qms.plan.importer import PlanImportError, guess_year, import_tables, write_plan_yaml
    from qms.plan.read import read_plan

    if not file.is_file():
        fail(_("không tìm thấy tệp «{path}»").format(path=file), _("lệnh nhận một tệp .docx hoặc .xlsx"))
    if not re.fullmatch(PROCESS_CODE_PATTERN, code):
        fail(_("«{code}» không phải là mã kế hoạch").format(code=code), _("chữ in hoa, số và dấu . _ -, ví dụ KH-CCHC-2023"))
    period = _given_period(year, start, end)
    try:
        result = import_tables(file)
    except PlanImportError as exc:
        fail(exc.message, exc.hint, ExitCode.FINDINGS)
    if period is None:
        guessed = guess_year(result)
        if guessed is None:
            fail(_("không đoán được năm của kế hoạch từ thời gian các nhiệm vụ"), _("cho năm bằng --year, ví dụ --year 2023"))
        period = (date(guessed, 1, 1), date(guessed, 12, 31))
        err.print(t(_("Kỳ kế hoạch: năm {year} (đoán từ thời gian các nhiệm vụ; đổi bằng --year)"), year=guessed))
    target = out if out is not None else Path("plans") / f"{code}.yaml"
    try:
        write_plan_yaml(result, target, code, title or file.stem.replace("_", " "), period, overwrite=overwrite)
    except FileExistsError:
        fail(_("tệp «{path}» đã có").format(path=target), _("dùng --overwrite để ghi đè, hoặc chọn tệp khác bằng --out"))
    for note in result.notes:
        console.print(Text(visible(f"{file}:{note.row}:{note.column}: [?] {say(note.message)}")))
    created = _("Đã tạo {path} (nhiệm vụ: {tasks}; ô cần xem lại: {n}, các dòng «# [?]» trong tệp)")
    console.print(Text(visible(t(created, path=target, tasks=len(result.plan["tasks"]), n=len(result.notes)))))
    plan, problems = read_plan(target)
    print_diagnostics(problems)
    raise typer.Exit(ExitCode.OK if plan is not None else ExitCode.FINDINGS)


def _given_period(year: int | None, start: str | None, end: str | None) -> tuple[date, date] | None:
    """The period the command line gives (``--year``, or ``--start`` and ``--end``), or ``None`` to guess it."""
    if year is not None and (start or end):
        fail(_("dùng --year hoặc --start và --end, không dùng cả hai"))
    if year is not None:
        if not 1900 <= year <= 2200:
            fail(_("«{value}» không phải là năm hợp lệ").format(value=year), _("ví dụ --year 2023"))
        return date(year, 1, 1), date(year, 12, 31)
    if not start and not end:
        return None
    first, last = parse_day(start), parse_day(end)
    if first is None or last is None:
        fail(_("cần cả --start và --end"), _("ví dụ --start 2023-01-01 --end 2023-12-31"))
    if last < first:
        fail(_("ngày kết thúc kỳ kế hoạch sớm hơn ngày bắt đầu"))
    return first, last
