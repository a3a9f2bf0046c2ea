"""``qms handbook generate`` (the pages for other site tools) and ``qms handbook pdf`` (the printed handbook)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from qms.cli.common import fail, given_paths, legal_register, out, print_diagnostics, project_config, state, t
from qms.cli.exit_codes import ExitCode
from qms.i18n import _

PROCESSES = typer.Option("--processes", help="Tệp hoặc thư mục quy trình")


def handbook_generate(
    target: Annotated[Path, typer.Argument(help="Thư mục ghi các trang Markdown và lưu đồ / folder for the pages and diagrams")],
    paths: Annotated[list[Path] | None, PROCESSES] = None,
) -> None:
    """Ghi các trang sổ tay ra thư mục, cho công cụ khác (Zensical) / write the handbook pages to a folder for other site tools."""
    from qms.handbook import build_handbook  # late, as in every command: see qms.cli.app
    from qms.handbook.diagrams import draw_flowcharts
    from qms.rules import check_paths

    project = project_config()
    register = legal_register(project)
    report = check_paths(given_paths(paths), project, register=register)
    print_diagnostics(report.load_diagnostics)
    if report.load_diagnostics or not report.processes:
        raise typer.Exit(ExitCode.FINDINGS if report.files else ExitCode.USAGE)
    book = build_handbook(
        report.processes,
        state.lang,
        report.findings,
        diagrams=True,
        rules=report.rules,
        not_applicable=project.not_applicable,
        register=register,
    )
    book.assets.update(draw_flowcharts(book, report.processes, state.lang))
    written: dict[str, bytes] = {name: text.encode("utf-8") for name, text in book.pages.items()} | book.assets
    for name, content in written.items():
        path = target / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    out.print(t(_("Đã tạo trang web sổ tay tại {path}"), path=target))


def handbook_pdf(
    target: Annotated[Path, typer.Argument(help="Tệp PDF / PDF file to write")],
    paths: Annotated[list[Path] | None, PROCESSES] = None,
    process_code: Annotated[str | None, typer.Option("--process", help="Chỉ in quy trình này / only this process")] = None,
    agency: Annotated[
        str | None,
        typer.Option("--agency", help="Cơ quan ban hành, in ở bìa, đầu trang (mặc định [agency] của qms.toml) / issuing agency"),
    ] = None,
) -> None:
    """In sổ tay (hoặc một quy trình) ra PDF, có khối phê duyệt / print the handbook or one process to PDF."""
    from qms.handbook import build_handbook
    from qms.handbook.diagrams import draw_flowcharts
    from qms.handbook.printing import print_html, print_pdf
    from qms.load import load_paths

    result = load_paths(given_paths(paths))
    print_diagnostics(result.diagnostics)
    if not result.ok or not result.processes:
        raise typer.Exit(ExitCode.FINDINGS if result.files else ExitCode.USAGE)
    chosen = [p for p in result.processes if process_code in (None, p.code)]
    if not chosen:
        fail(_("{kind} «{name}» không tồn tại").format(kind=_("quy trình"), name=process_code))
    # The project's qms.toml, found from the current folder as every command finds it; a wrong [agency] stops here.
    issuer = agency if agency is not None else project_config().agency
    book = build_handbook(chosen, state.lang, diagrams=True)
    book.assets.update(draw_flowcharts(book, chosen, state.lang))
    try:
        title = t(_("Sổ tay quy trình ISO"))  # printed twice: the first printing numbers the contents
        print_pdf(lambda pages: print_html(book, chosen, state.lang, title=title, agency=issuer, pages=pages), target)
    except Exception as exc:
        fail(
            _("không in được PDF bằng Chromium ({error}); cài gói chromium (apt-get install chromium) và playwright").format(
                error=f"{type(exc).__name__}: {exc}".splitlines()[0]
            )
        )
    out.print(t(_("Đã ghi {path}"), path=target))
