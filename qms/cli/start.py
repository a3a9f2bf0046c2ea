"""Where every ``qms`` run starts (the console script, ``python -m qms``): ``qms --version`` is answered here.

Editors, pre-commit hooks and installers ask for the version to learn which qms they have; answering it
needs neither Typer nor Rich nor any command, so it is answered before they are imported, in about the
time Python itself takes to start (issue 15, fast start; ``benchmarks/startup.py``). Every other command
line goes to the Typer application, :func:`qms.cli.app.run`, which prints the same line for
``qms --lang en --version`` and the like.
"""

from __future__ import annotations

import sys


def run() -> None:
    """Console-script entry point."""
    if sys.argv[1:] == ["--version"]:
        import qms

        sys.stdout.write(f"qms {qms.__version__}\n")
        return
    from qms.cli.app import run as run_app

    run_app()
