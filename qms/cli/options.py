"""The options every command takes, wherever they are on the line: ``--lang``, ``--quiet``, ``--verbose``.

Typer reads an application's own options only before the command's name; people write them anywhere
(``qms rules QMS101 --lang en``, ``qms check processes -q``, a pre-commit hook's ``entry: qms check --quiet``), so
:func:`globals_first` moves them before it. ``--quiet`` prints only the findings: no summary table, no progress bar, no
"written" note; ``--verbose`` adds, on standard error, the files read, the rules run and how long each step took.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from qms.cli.common import err, state, t
from qms.diagnostics import display_path
from qms.i18n import _

VALUED = ("--lang",)  # followed by their value
FLAGS = ("--quiet", "-q", "--verbose", "-v")


def globals_first(args: list[str]) -> list[str]:
    """``args`` with the application's options (:data:`VALUED`, :data:`FLAGS`) moved before the command; not after ``--``."""
    moved: list[str] = []
    rest: list[str] = []
    i = 0
    while i < len(args):
        if args[i] == "--":
            rest += args[i:]
            break
        if args[i] in VALUED and i + 1 < len(args):
            moved += args[i : i + 2]
            i += 2
            continue
        (moved if args[i] in FLAGS or args[i].startswith(tuple(f"{o}=" for o in VALUED)) else rest).append(args[i])
        i += 1
    return moved + rest


class Narrator:
    """What ``--verbose`` tells on standard error: each step with the time it took since the last one."""

    def __init__(self) -> None:
        self._last = time.perf_counter()

    def files(self, files: Sequence[Path]) -> None:
        if state.verbose:
            self._say(t(_("tệp đã đọc: {count}"), count=len(files)), [display_path(f) for f in files])

    def rules(self, codes: Iterable[str]) -> None:
        if state.verbose:
            chosen = list(codes)
            self._say(t(_("quy tắc đã chạy: {count}"), count=len(chosen)), [", ".join(chosen)] if chosen else [])

    def _say(self, headline: str, lines: list[str]) -> None:
        now = time.perf_counter()
        err.print(f"{headline} ({now - self._last:.2f} s)", highlight=False, markup=False)
        for line in lines:
            err.print(f"  {line}", highlight=False, markup=False)
        self._last = now
