"""``qms legal`` (the legal register as a table), ``qms legal impact NUMBER`` and ``qms legal check --as-of DATE``.

The register is the project's (docs/legal.md), found as ``qms check`` finds it; its problems are printed first and
make the command fail, so ``qms legal`` is also how an officer validates the register after editing it.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qms.cli.common import AsOf, Paths, legal_register, out, parse_day, print_diagnostics, project_config, state
from qms.cli.exit_codes import ExitCode
from qms.cli.paths import existing_paths

if TYPE_CHECKING:  # the library is imported where used, as in every command: see qms.cli.app
    from qms.legal.register import Register
    from qms.model import Process


def _register() -> Register:
    register = legal_register(project_config())
    print_diagnostics(register.problems)
    return register


def _processes(paths: list[Path] | None) -> list[Process]:
    from qms.load import load_paths

    loaded = load_paths(existing_paths(paths, "processes"))
    print_diagnostics(loaded.diagnostics)
    return loaded.processes


def _exit(register: Register, failed: bool = False) -> None:
    raise typer.Exit(ExitCode.FINDINGS if failed or register.problems else ExitCode.OK)


def legal_main(ctx: typer.Context) -> None:
    """Sổ văn bản pháp luật: bảng các văn bản, ảnh hưởng khi thay đổi / the legal register: its texts, what a change touches."""
    if ctx.invoked_subcommand is not None:
        return
    from qms.report.legal import register_table

    register = _register()
    out.print(register_table(register, state.lang))
    _exit(register)


def legal_impact(
    number: Annotated[str, typer.Argument(help="Số, ký hiệu văn bản / the text's number, e.g. 21/2019/TT-BGDĐT")],
    paths: Paths = None,
) -> None:
    """Mọi quy trình, bước, dòng viện dẫn một văn bản / every process, step and line citing a text."""
    from qms.legal.impact import impact
    from qms.report.legal import impact_summary

    for shown in impact_summary(number, impact(number, _processes(paths)), state.lang):
        out.print(shown)
    raise typer.Exit(ExitCode.OK)


def legal_check(paths: Paths = None, as_of: AsOf = None) -> None:
    """Văn bản không có hiệu lực vào một ngày và nơi còn viện dẫn / texts out of force on a date, and where still cited."""
    from qms.legal.impact import out_of_force
    from qms.report.legal import out_of_force_summary

    register, day = _register(), parse_day(as_of) or date.today()
    found = out_of_force(register, day, _processes(paths))
    for shown in out_of_force_summary(found, day, state.lang):
        out.print(shown)
    _exit(register, failed=any(item.places for item in found))


# The legal group's commands, as qms.cli.app registers them: (name, function).
LEGAL_COMMANDS = (("impact", legal_impact), ("check", legal_check))

__all__ = ["LEGAL_COMMANDS", "legal_check", "legal_impact", "legal_main"]
