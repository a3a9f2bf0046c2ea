"""Which files a command reads: the configuration's ``exclude`` / ``extend-exclude`` and ``--force-exclude``; and
the results cache it may answer from (``.qms_cache/`` in the project root, ``--no-cache``)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from qms.cli.common import err, print_diagnostics, state, t
from qms.cli.exit_codes import ExitCode
from qms.i18n import _

if TYPE_CHECKING:
    from qms.load.cache import ResultCache
    from qms.load.exclude import Exclusion

ForceExclude = Annotated[
    bool,
    typer.Option(
        "--force-exclude",
        help="Bỏ qua cả tệp được chỉ ra mà cấu hình loại trừ (pre-commit) / skip excluded files even when named",
    ),
]

NoCache = Annotated[
    bool,
    typer.Option("--no-cache", help="Không dùng bộ nhớ đệm .qms_cache/ / read and check every file again, without the cache"),
]

Jobs = Annotated[
    int | None,
    typer.Option(
        "--jobs", "-j", min=1, help="Số tiến trình khi kiểm tra nhiều tệp / processes for a large cold check (default: every core)"
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


def results_cache(no_cache: bool, given: list[Path], config: Path | None = None) -> ResultCache | None:
    """The cache in the root of the project of ``config`` (else of the current folder), unless ``--no-cache`` or a file
    is named on its own (those are checked without it: :func:`qms.load.cached.load_paths_cached`).

    A folder that cannot be written is no error: the command runs without a cache (``--verbose`` says so). The
    environment variable ``QMS_NO_CACHE`` (any value but empty) is ``--no-cache`` for every command (the test suite sets it).
    """
    if no_cache or os.environ.get("QMS_NO_CACHE") or any(path.is_file() for path in given):
        return None
    from qms.load.cache import open_cache  # late, as in every command (issue 15)
    from qms.load.project import find_config

    found = config or find_config(Path.cwd())
    root = found.parent if found is not None else Path.cwd()
    store = open_cache(root)
    if store is None and state.verbose:
        err.print(t(_("không ghi được bộ nhớ đệm trong «{path}»: chạy không dùng bộ nhớ đệm"), path=root), highlight=False, markup=False)
    return store


def jobs_of(given: int | None) -> int:
    """``--jobs``, or every core this process may use (a pool starts only for many files to read: qms.rules.parallel)."""
    if given is not None:
        return given
    from qms.rules.parallel import available_cores

    return available_cores()
