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
from typing import Annotated, Any, NoReturn

import typer
from rich.console import Console, RenderableType
from rich.text import Text

from qms.cli.exit_codes import ExitCode
from qms.diagnostics import Diagnostic, visible
from qms.i18n import Lang, Message, _
from qms.load.schema_errors import DATE_HINT
from qms.report import diagnostics_text, text_format
from qms.rules import ConfigError, RuleConfig, find_config, load_config, with_options

# Piped output (CI logs, files) gets a wide fixed width instead of Rich's 80 columns, so tables stay readable.
_WIDTH = None if sys.stdout.isatty() else 160


class _Console(Console):
    """A Rich console that the text it prints cannot steer.

    File names, keys and values echoed in messages are user input, and an
    escape sequence in one (ESC [ 2 J clears the screen) would act on the
    terminal. Every string printed, table cells included, passes through
    ``render_str``, which shows such characters as escapes (``\\x1b``); the
    line breaks and tabs of multi-line messages are kept. (Rich ``Text``
    built by :mod:`qms.report` is escaped there already.)
    """

    def render_str(self, text: str, **kwargs: Any) -> Text:
        return super().render_str(visible(text, keep="\n\t"), **kwargs)


# soft_wrap: one diagnostic stays on one line, so editors and grep can parse it.
out = _Console(soft_wrap=True, highlight=False, width=_WIDTH)
err = _Console(stderr=True, soft_wrap=True, highlight=False, width=_WIDTH)


class State:
    lang: Lang = Lang.VI


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
    try:
        return with_options(load_config(config_file if config_file else find_config(start or Path.cwd())), select, ignore)
    except ConfigError as exc:
        fail(exc.render(state.lang))


def parse_day(text: str | None) -> date | None:
    """A YYYY-MM-DD date from the command line; exit 2 if it is none."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        fail(_("«{value}» không phải là ngày hợp lệ").format(value=text), DATE_HINT)
