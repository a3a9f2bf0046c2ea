"""``qms records validate`` (audit programme and records: format and REC rules) and ``qms records status``."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qms.cli.common import FORMAT_FLAGS, TEXT_HELP, LoadFormat, fail, out, parse_day, print_diagnostics, state, write_output
from qms.cli.exit_codes import ExitCode
from qms.cli.paths import existing_paths
from qms.i18n import _

if TYPE_CHECKING:  # the library is imported where used, as in every command: see qms.cli.app
    from qms.model import Process

AuditPaths = Annotated[list[Path] | None, typer.Argument(help="Tệp hoặc thư mục đánh giá / audit files or folders (default audits/)")]
ProcessesOption = Annotated[Path | None, typer.Option("--processes", help="Thư mục quy trình / process files (default processes/ if present)")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Ngày xét / on this date (YYYY-MM-DD)")]


def _processes(folder: Path | None) -> list[Process]:
    from qms.load import load_paths

    if folder is None:
        folder = Path("processes")
        if not folder.is_dir():
            return []
    elif not folder.exists():
        fail(_("không có tệp hay thư mục «{path}»").format(path=str(folder)), _("kiểm tra đường dẫn"))
    return load_paths([folder]).processes


def validate(
    paths: AuditPaths = None,
    processes: ProcessesOption = None,
    as_of: AsOf = None,
    output: Annotated[LoadFormat, typer.Option(*FORMAT_FLAGS, help=f"{TEXT_HELP} | json")] = LoadFormat.HUMAN,
) -> None:
    """Kiểm tra chương trình và hồ sơ đánh giá nội bộ / validate the audit programme and records (REC rules)."""
    from qms.records.findings import check_records
    from qms.report.payloads import dumps
    from qms.report.records import records_validate_summary

    given, day = existing_paths(paths, "audits"), parse_day(as_of)
    result = check_records(given, _processes(processes), day)
    if not result.files:
        fail(_("không có tệp đánh giá (.yaml, .yml) nào trong {paths}").format(paths=", ".join(map(str, given))))
    read = len(result.programmes) + len(result.records)
    if output is LoadFormat.JSON:
        payload = {"ok": result.ok, "files": result.files, "read": read, "diagnostics": [d.to_dict(state.lang) for d in result.diagnostics]}
        write_output(dumps(payload), None)
    else:
        print_diagnostics(result.diagnostics, output.value)
        out.print(records_validate_summary(result.files, read, result.diagnostics, state.lang))
    raise typer.Exit(ExitCode.OK if result.ok else ExitCode.FINDINGS)


def status(paths: AuditPaths = None, as_of: AsOf = None) -> None:
    """Hành động khắc phục vào một ngày / corrective actions on a date: open, overdue, closed; reminders (7, 3, 1 days)."""
    from qms.records.read import read_audits
    from qms.records.status import record_status
    from qms.report.records import records_status_summary

    given, day = existing_paths(paths, "audits"), parse_day(as_of) or date.today()
    read = read_audits(given)
    if read.diagnostics:
        print_diagnostics(read.diagnostics)
        fail(_("hồ sơ đánh giá có lỗi; sửa rồi chạy lại (qms records validate)"), code=ExitCode.FINDINGS)
    result = record_status(read.records, day)
    for renderable in records_status_summary(result, state.lang):
        out.print(renderable)
    raise typer.Exit(ExitCode.FINDINGS if result.overdue else ExitCode.OK)


# The records group's commands, as qms.cli.app registers them: (name, function).
COMMANDS = (("validate", validate), ("status", status))

__all__ = ["COMMANDS", "status", "validate"]
