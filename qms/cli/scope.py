"""Which files a command reads: the configuration's ``exclude`` / ``extend-exclude`` and ``--force-exclude``."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qms.cli.common import err, print_diagnostics
from qms.cli.exit_codes import ExitCode

if TYPE_CHECKING:
    from qms.load.exclude import Exclusion

ForceExclude = Annotated[
    bool,
    typer.Option(
        "--force-exclude",
        help="Bỏ qua cả tệp được chỉ ra mà cấu hình loại trừ (pre-commit) / skip excluded files even when named",
    ),
]


def exclusion(force: bool, config: Path | None = None, found: bool = False) -> Exclusion:
    """The exclusion of the configuration ``config`` (found from the current folder unless ``found``); exit 2 if wrong."""
    from qms.load.exclude import read_exclusion  # late, as in every command (issue 15)
    from qms.load.project import find_config

    chosen, problems = read_exclusion(config if found or config else find_config(Path.cwd()), force)
    if problems:
        print_diagnostics(problems, console=err)
        raise typer.Exit(ExitCode.USAGE)
    return chosen
