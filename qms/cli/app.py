"""The ``qms`` command: a thin Typer layer over the library.

Each command lives in a small module of this package (:mod:`qms.cli.validate`, :mod:`qms.cli.check`...): it reads
its options, calls the library, hands the result to :mod:`qms.report` and exits with the code the result implies; no
checking logic lives here. Every run imports every such module to declare its commands, so each imports its library
inside the command, not at its top (tests/cli/test_startup.py; ``qms --version`` is answered before, in
:mod:`qms.cli.start`). Output is Vietnamese unless ``--lang en`` (or ``QMS_LANG=en``) is given; it and ``--quiet`` /
``--verbose`` may be written anywhere on the line (:mod:`qms.cli.options`).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Annotated

import typer

import qms
from qms.cli import analyze, assess, audit, bpmn, check, files, handbook, handbook_pages, plan, records, render, review, rules, validate
from qms.cli.common import fail, out, state
from qms.cli.conform import conform
from qms.cli.exit_codes import ExitCode
from qms.cli.init import doctor, init
from qms.cli.legal import LEGAL_COMMANDS, legal_main
from qms.cli.options import globals_first
from qms.i18n import Lang, _

app = typer.Typer(
    name="qms",
    help="Bộ công cụ quy trình ISO 9001 / ISO 18091 cho cơ quan hành chính. "
    "ISO 9001 / ISO 18091 process toolkit for public agencies.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)


def _group(name: str, help_: str, main: Callable[..., None] | None = None) -> typer.Typer:
    group = typer.Typer(help=help_, no_args_is_help=main is None, callback=main, invoke_without_command=main is not None)
    app.add_typer(group, name=name)
    return group


new_app = _group("new", "Tạo tệp mới / scaffold new files.")
export_app = _group("export", "Xuất quy trình sang định dạng khác / export processes.")
import_app = _group("import", "Nhập quy trình từ định dạng khác / import processes.")
handbook_app = _group("handbook", "Sổ tay quy trình (trang web) / the handbook site.")
plan_app = _group("plan", "Kế hoạch, mục tiêu chất lượng: kiểm tra và theo dõi / plans: validate and track.")
assess_app = _group("assess", "Tự đánh giá theo bộ chỉ số ISO 18091 / the ISO 18091 self-assessment.")
records_app = _group("records", "Hồ sơ đánh giá nội bộ, hành động khắc phục / audit records, corrective actions.")
COMMANDS: tuple[Callable[..., None], ...] = (
    validate.validate, files.schema, check.check, rules.rules, check.coverage, render.render, audit.audit, analyze.analyze, review.review,
    init, doctor, conform,
)  # fmt: skip
HANDBOOK: tuple[tuple[str, Callable[..., None]], ...] = (
    ("build", handbook.handbook_build), ("serve", handbook.handbook_serve), ("publish", handbook.handbook_publish),
    ("export", handbook.handbook_export), ("generate", handbook_pages.handbook_generate), ("pdf", handbook_pages.handbook_pdf),
    ("in-force", handbook.handbook_in_force),
)  # fmt: skip
for command in COMMANDS:
    app.command()(command)
new_app.command("process")(files.new_process)
export_app.command("bpmn")(bpmn.export_bpmn)
import_app.command("bpmn")(bpmn.import_bpmn)
for group, commands in ((handbook_app, HANDBOOK), (plan_app, plan.COMMANDS), (records_app, records.COMMANDS), (assess_app, assess.COMMANDS), (_group("legal", "Sổ văn bản pháp luật / the legal register (alone: its table).", legal_main), LEGAL_COMMANDS)):
    for name, command in commands:
        group.command(name)(command)


def _version(value: bool) -> None:
    if value:
        out.print(f"qms {qms.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    lang: Annotated[Lang, typer.Option("--lang", envvar="QMS_LANG", help="Ngôn ngữ / language: vi | en")] = Lang.VI,
    version: Annotated[
        bool | None, typer.Option("--version", callback=_version, is_eager=True, help="Phiên bản / show the version")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Chỉ in các lỗi, phát hiện / only the findings, no summary")] = False,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="In thêm tệp đã đọc, quy tắc đã chạy, thời gian / files, rules, timings")] = False,
) -> None:
    state.lang, state.quiet, state.verbose = lang, quiet, verbose and not quiet


def _robust_output() -> None:
    """Make printing never fail on the console's encoding.

    With a legacy console encoding (``PYTHONIOENCODING=cp1258``, a Windows
    code page) Vietnamese text such as "ệ" cannot be encoded and every print
    raised UnicodeEncodeError. Output that is not a terminal (``> out.txt``,
    a pipe, CI logs) is written as UTF-8 whatever that setting says: JSON,
    SARIF and JUnit (declared ``encoding="UTF-8"``) must be UTF-8 to be valid,
    and a UTF-8 log is readable everywhere; "backslashreplace" writes what
    even UTF-8 cannot hold (a lone surrogate from an undecodable file name)
    as a ``\\udcff`` escape, which JSON reads back. A terminal keeps its own
    encoding, since that is what it shows, with "?" for what it cannot show.
    """
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is None:  # replaced by a caller (no TextIOWrapper), or None under pythonw
            continue
        try:
            if stream.isatty():
                reconfigure(errors="replace")
            else:
                reconfigure(encoding="utf-8", errors="backslashreplace")
        except (OSError, ValueError):
            pass


def run() -> None:
    """Console-script entry point: no Python traceback ever reaches the user."""
    _robust_output()
    try:
        app(args=globals_first(sys.argv[1:]))
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:
        if os.environ.get("QMS_DEBUG"):
            raise
        try:
            fail(
                _("lỗi nội bộ của qms ({error}); vui lòng báo lỗi kèm tệp đầu vào").format(error=f"{type(exc).__name__}: {exc}"),
                code=ExitCode.INTERNAL,
            )
        except typer.Exit:
            sys.exit(ExitCode.INTERNAL)
