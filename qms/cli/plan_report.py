"""``qms plan report`` (the progress report of a period: Word in the Decree 30 layout, Markdown, HTML) and
``qms plan calendar`` (the reports due in a year, as a table and an iCalendar file)."""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table
from rich.text import Text

from qms.cli.common import err, fail, parse_day, print_diagnostics, state, t
from qms.cli.common import out as console
from qms.cli.exit_codes import ExitCode
from qms.cli.writing import write_file
from qms.diagnostics import visible
from qms.i18n import _
from qms.report.plan_defaults import PLACE

if TYPE_CHECKING:  # the library is imported where used, as in every command: see qms.cli.app
    from qms.plan import PlanFile

PlanArg = Annotated[Path, typer.Argument(help="Tệp kế hoạch / plan file")]
_Opt = typer.Option


def _plan(file: Path) -> PlanFile:
    """The plan ``file`` holds; exit 2 when it is missing or cannot be read (its problems printed first)."""
    from qms.plan import read_plan

    if not file.exists():
        fail(_("không có tệp hay thư mục «{path}»").format(path=str(file)), _("kiểm tra đường dẫn"))
    plan_file, problems = read_plan(file)
    if plan_file is None:
        print_diagnostics(problems, console=err)
        fail(_("kế hoạch «{path}» có lỗi; sửa rồi chạy lại (qms plan validate)").format(path=str(file)))
    return plan_file



def plan_report(
    file: PlanArg,
    period: Annotated[str, _Opt("--period", "-p", help="Kỳ báo cáo / report period: 2026-03 | 2026-Q1 | 2026-H1 | 2026")],
    out: Annotated[list[Path] | None, _Opt("--out", "-o", help="Ghi báo cáo / write the report: .docx | .md | .html (repeat)")] = None,
    place: Annotated[str, _Opt("--place", help="Địa danh ở dòng ngày tháng / place in the date line")] = PLACE,
    as_of: Annotated[
        str | None, _Opt("--as-of", help="Ngày xét / status on this date (YYYY-MM-DD; default: today, at most the cut-off day)")
    ] = None,
    superior: Annotated[str | None, _Opt("--superior", help="Cơ quan chủ quản / superior body, e.g. «UBND thành phố Hải Phòng»")] = None,
    processes: Annotated[Path | None, _Opt("--processes", help="Thư mục quy trình / folder of process files (processes)")] = None,
) -> None:
    """Báo cáo kết quả thực hiện kế hoạch theo kỳ / the plan's progress report for a period (.docx, .md, .html)."""
    from qms.plan.periods import PeriodError, parse_period
    from qms.plan.status import plan_status
    from qms.report.plan_docx import PLAN_REPORT_FORMATS, write_plan_report

    try:
        chosen = parse_period(period)
    except PeriodError as exc:
        fail(exc.message, exc.hint)
    if not out:
        fail(_("cần ít nhất một tệp báo cáo: --out bao-cao.docx (hoặc .md, .html)"))
    for path in out:
        if path.suffix.lower() not in PLAN_REPORT_FORMATS:
            fail(_("báo cáo «{path}»: chỉ ghi được .docx, .md hoặc .html").format(path=str(path)))
    # By default the plan as it stands today, but not past the day the period's figures are cut off at.
    day = parse_day(as_of) or min(date.today(), chosen.window_last)
    status = plan_status(_plan(file), day, processes=processes)
    for path in out:
        write_file(partial(write_plan_report, status, chosen, path, state.lang, place, superior=superior), path)
    raise typer.Exit(ExitCode.OK)


def plan_calendar(
    file: PlanArg,
    year: Annotated[int | None, _Opt("--year", help="Năm / year (default: the plan's first year)", min=1900, max=9998)] = None,
    ics: Annotated[Path | None, _Opt("--ics", help="Ghi lịch / write the calendar: .ics (Outlook, Google Calendar)")] = None,
) -> None:
    """Lịch hạn gửi báo cáo định kỳ trong năm / the periodic reports due in a year (table, .ics)."""
    from qms.plan.ics import write_ics
    from qms.plan.periods import reporting_calendar
    from qms.report.plan_report import day_text, lead_name

    plan = _plan(file).plan
    chosen = year or plan.period.start.year
    lang = state.lang
    table = Table(title=t(_("Lịch báo cáo {code} năm {year}"), code=plan.code, year=chosen), show_header=True, header_style="bold")
    for head in (_("hạn gửi"), _("mã"), _("nội dung"), _("kỳ"), _("chốt số liệu"), _("đơn vị chủ trì"), _("nơi nhận")):
        table.add_column(head.get(lang))
    rows = reporting_calendar(plan, chosen)
    for due, task, period in rows:
        window = f"{day_text(period.window_first, lang)} – {day_text(period.window_last, lang)}"
        cells = (task.id, task.content.get(lang), period.label.get(lang), window, lead_name(plan, task.lead, lang), task.recipient or "")
        table.add_row(day_text(due, lang), *(Text(visible(cell)) for cell in cells))  # user text: never read as markup
    console.print(table if rows else t(_("Kế hoạch không có báo cáo định kỳ nào đến hạn trong năm {year}."), year=chosen))
    if ics is not None:
        write_file(partial(write_ics, plan, chosen, ics, lang), ics)
    raise typer.Exit(ExitCode.OK)


# The commands this module adds to the ``plan`` group: (name, function), registered like qms.cli.plan.COMMANDS.
COMMANDS = (("report", plan_report), ("calendar", plan_calendar))

__all__ = ["COMMANDS", "plan_calendar", "plan_report"]
