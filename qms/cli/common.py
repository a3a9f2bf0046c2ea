"""What every command shares: the consoles, the language, printing diagnostics, reading common options, failing.

A command reads its options, calls the library, hands the result to
:mod:`qms.report` and exits with the code the result implies
(:class:`~qms.cli.exit_codes.ExitCode`); the helpers here keep each of those
steps one line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from qms.cli.consoles import err, out
from qms.cli.exit_codes import ExitCode
from qms.diagnostics import Diagnostic, visible
from qms.i18n import Lang, Message, _

if TYPE_CHECKING:  # the library below is imported where used, so that registering the commands costs little (issue 15)
    from qms.legal.register import Register
    from qms.rules import RuleConfig


class State:
    lang: Lang = Lang.VI
    quiet: bool = False  # --quiet: the findings only (qms.cli.options)
    verbose: bool = False  # --verbose: files read, rules run, timings on standard error


state = State()


def t(template: Message, **args: object) -> str:
    """A message, filled in, in the language of the run."""
    return template.format(**args).get(state.lang)


def say(message: Message) -> str:
    return message.get(state.lang)


# --- options several commands take ---------------------------------------------------------------

Paths = Annotated[list[Path] | None, typer.Argument(help="Tệp hoặc thư mục quy trình / process files or folders")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Ngày xét hiệu lực văn bản / date for legal validity (YYYY-MM-DD)")]
FORMAT_FLAGS = ("--format", "-f", "--output-format")
TEXT_HELP = "human (full on a terminal, concise otherwise) | concise | full"


class OutputFormat(StrEnum):  # tables for people, or JSON
    HUMAN = "human"
    JSON = "json"


class LoadFormat(StrEnum):  # diagnostics for people (``human``: full on a terminal, else concise), or JSON
    HUMAN = "human"
    CONCISE = "concise"
    FULL = "full"
    JSON = "json"


def given_paths(paths: Sequence[Path] | None) -> list[Path]:
    return list(paths) if paths else [Path("processes")]


def usage_problem(diagnostics: Iterable[Diagnostic]) -> bool:
    """Whether the loader said the command line itself was wrong (a path that does not exist)."""
    return any(d.data.get("usage") for d in diagnostics)


# --- printing ----------------------------------------------------------------------------------------


def print_diagnostics(diagnostics: Iterable[Diagnostic], fmt: str | None = None, console: Console | None = None) -> None:
    """The diagnostics, one line each or with their source (``fmt``: concise, full, or by terminal), all at once."""
    from qms.report.terminal import diagnostics_text, text_format

    console = console or out
    terminal = bool(getattr(console.file, "isatty", lambda: False)())
    text = diagnostics_text(diagnostics, state.lang, text_format(fmt, terminal), styled=console.color_system is not None)
    if text is not None:
        console.print(text)


def show(renderables: Iterable[RenderableType], console: Console | None = None) -> None:
    for renderable in renderables:
        (console or out).print(renderable)


def write_output(text: str, path: Path | None) -> None:
    """Machine-readable output to standard output, or to ``path`` (its folder made)."""
    if path is None:
        sys.stdout.write(text)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def fail(message: Message | str, hint: Message | None = None, code: ExitCode = ExitCode.USAGE) -> NoReturn:
    """Say what is wrong on standard error (in red, the hint after it) and exit with ``code``."""
    text = Text(visible(message if isinstance(message, str) else say(message), keep="\n\t"), style="red")
    if hint is not None:
        text.append(f" ({t(_('gợi ý'))}: {visible(say(hint))})", style="dim")
    err.print(text)
    raise typer.Exit(code)


def project_config(config_file: Path | None = None, select: list[str] | None = None, ignore: list[str] | None = None, start: Path | None = None) -> RuleConfig:
    """The project's rule configuration (the file given, or qms.toml / pyproject.toml found upwards from ``start``,
    the current folder by default), with the command line's ``--select`` / ``--ignore``; exit 2 if any of it is wrong."""
    from qms.rules import ConfigError, find_config, load_config, with_options

    try:
        return with_options(load_config(config_file if config_file else find_config(start or Path.cwd())), select, ignore)
    except ConfigError as exc:
        fail(exc.render(state.lang))


def legal_register(config: RuleConfig) -> Register:
    """The project's legal register: beside its configuration, else found from the current folder upwards (docs/legal.md)."""
    from qms.legal.read import project_register  # late, as the rules are

    return project_register(config.source.parent if config.source else Path.cwd())


def parse_day(text: str | None) -> date | None:
    """A YYYY-MM-DD date from the command line; exit 2 if it is none."""
    if text is None:
        return None
    from qms.load.schema_errors import DATE_HINT

    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(_("«{value}» không phải là ngày hợp lệ").format(value=text), DATE_HINT)
