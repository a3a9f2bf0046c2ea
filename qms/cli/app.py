"""The ``qms`` command: a thin Typer layer over the library.

Each command parses its options, calls library functions and prints the
result; no checking logic lives here. Output is Vietnamese unless
``--lang en`` (or ``QMS_LANG=en``) is given.
"""

from __future__ import annotations

import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table

import qms
from qms.cli.exit_codes import ExitCode
from qms.diagnostics import Diagnostic, Severity
from qms.i18n import Lang, msg
from qms.load import load_paths
from qms.scaffold import is_valid_code, new_process_text, schema_path_from
from qms.reference import format_reference_markdown
from qms.schema import process_json_schema_text

app = typer.Typer(
    name="qms",
    help="Bộ công cụ quy trình ISO 9001 / ISO 18091 cho cơ quan hành chính. "
    "ISO 9001 / ISO 18091 process toolkit for public agencies.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
    rich_markup_mode=None,
)
new_app = typer.Typer(help="Tạo tệp mới / scaffold new files.", no_args_is_help=True)
app.add_typer(new_app, name="new")

# soft_wrap: one diagnostic stays on one line, so editors and grep can parse it.
out = Console(soft_wrap=True, highlight=False)
err = Console(stderr=True, soft_wrap=True, highlight=False)


class OutputFormat(StrEnum):
    HUMAN = "human"
    JSON = "json"


class State:
    lang: Lang = Lang.VI


state = State()


def _version(value: bool) -> None:
    if value:
        out.print(f"qms {qms.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    lang: Annotated[Lang, typer.Option("--lang", envvar="QMS_LANG", help="Ngôn ngữ / language: vi | en")] = Lang.VI,
    version: Annotated[
        Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Phiên bản / show the version")
    ] = None,
) -> None:
    state.lang = lang


def _t(key: str, **args: object) -> str:
    return msg(key, **args).get(state.lang)


_STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


def print_diagnostics(diagnostics: list[Diagnostic]) -> None:
    for d in diagnostics:
        loc = d.location
        line = f"[bold]{_escape(str(loc))}[/]: [dim]{d.code}[/] [{_STYLE[d.severity]}]{d.severity.label(state.lang)}[/]: {_escape(d.message.get(state.lang))}"
        if d.hint:
            line += f" [dim]({_t('cli.hint')}: {_escape(d.hint.get(state.lang))})[/]"
        out.print(line)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)


@app.command()
def validate(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Tệp hoặc thư mục quy trình / process files or folders")] = None,
    output: Annotated[OutputFormat, typer.Option("--format", "-f", help="human | json")] = OutputFormat.HUMAN,
) -> None:
    """Kiểm tra định dạng và tham chiếu của các quy trình / validate process files."""
    given = paths or [Path("processes")]
    result = load_paths(given)
    usage_problems = [d for d in result.diagnostics if d.data.get("usage")]
    if output is OutputFormat.JSON:
        payload = {
            "ok": result.ok,
            "files": [str(f) for f in result.files],
            "processes": [{"code": p.code, "version": p.version, "file": str(p.origin.path)} for p in result.processes],
            "diagnostics": [d.to_dict(state.lang) for d in result.diagnostics],
        }
        sys.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")
    else:
        print_diagnostics(result.diagnostics)
        if not usage_problems and not result.files:
            err.print(_t("cli.no_files", paths=", ".join(map(str, given))))
        _summary(len(result.files), len(result.processes), result.diagnostics)
    if usage_problems or not result.files:
        raise typer.Exit(ExitCode.USAGE)
    raise typer.Exit(ExitCode.OK if result.ok else ExitCode.FINDINGS)


def _summary(files: int, valid: int, diagnostics: list[Diagnostic]) -> None:
    errors = sum(d.severity is Severity.ERROR for d in diagnostics)
    warnings = sum(d.severity is Severity.WARNING for d in diagnostics)
    table = Table(show_header=True, header_style="bold")
    for key in ("cli.summary.files", "cli.summary.processes", "cli.summary.errors", "cli.summary.warnings"):
        table.add_column(_t(key), justify="right")
    table.add_row(str(files), str(valid), f"[red]{errors}[/]" if errors else "0", str(warnings))
    out.print(table)
    if errors:
        out.print(f"[red]{_t('cli.invalid', n=errors, files=len({d.location.path for d in diagnostics}))}[/]")
    elif files:
        out.print(f"[green]{_t('cli.valid', n=valid)}[/]")


class SchemaFormat(StrEnum):
    JSON = "json"
    MARKDOWN = "markdown"


@app.command()
def schema(
    output: Annotated[Optional[Path], typer.Option("--out", "-o", help="Ghi ra tệp / write to this file")] = None,
    kind: Annotated[SchemaFormat, typer.Option("--format", "-f", help="json (JSON Schema) | markdown (format reference page)")] = SchemaFormat.JSON,
) -> None:
    """In lược đồ JSON (hoặc trang tham chiếu) của định dạng quy trình / print the format's JSON Schema or reference page."""
    text = process_json_schema_text() if kind is SchemaFormat.JSON else format_reference_markdown()
    if output is None:
        sys.stdout.write(text)
        return
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(text, encoding="utf-8")
    err.print(_t("cli.schema.written", path=output))


@new_app.command("process")
def new_process(
    code: Annotated[str, typer.Argument(help="Mã quy trình / process code, e.g. QT-TTHC-02")],
    title: Annotated[str, typer.Option("--title", "-t", help="Tên quy trình / title")] = "Tên quy trình",
    folder: Annotated[Path, typer.Option("--dir", "-d", help="Thư mục / folder")] = Path("processes"),
) -> None:
    """Tạo một quy trình mẫu hợp lệ, có chú thích / scaffold a valid, commented process."""
    if not is_valid_code(code):
        err.print(f"[red]{_escape(_t('cli.new.bad_code', code=code))}[/] ({_escape(_t('hint.process_code', suggestion=''))})")
        raise typer.Exit(ExitCode.USAGE)
    target = folder / f"{code}.yaml"
    if target.exists():
        err.print(f"[red]{_escape(_t('cli.new.exists', path=target))}[/]")
        raise typer.Exit(ExitCode.FINDINGS)
    folder.mkdir(parents=True, exist_ok=True)
    text = new_process_text(code, title, target.name, schema_path_from(folder))
    with target.open("x", encoding="utf-8") as handle:  # "x": never overwrite, even in a race
        handle.write(text)
    out.print(_t("cli.new.created", path=target))


def run() -> None:
    """Console-script entry point: no Python traceback ever reaches the user."""
    try:
        app()
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - last line of defence
        if os.environ.get("QMS_DEBUG"):
            raise
        err.print(f"[red]{_escape(msg('cli.internal_error', error=f'{type(exc).__name__}: {exc}').get(state.lang))}[/]")
        sys.exit(ExitCode.INTERNAL)
