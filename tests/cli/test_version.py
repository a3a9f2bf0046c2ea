"""``qms --version``."""

from __future__ import annotations

import re
from importlib.metadata import version

from typer.testing import CliRunner

import qms
from conftest import assert_no_traceback, run_qms
from qms.cli.app import app


def test_version_from_the_command_line() -> None:
    result = run_qms("--version")
    assert_no_traceback(result)
    assert result.returncode == 0
    assert result.stdout.strip() == f"qms {version('qms')}"
    assert re.fullmatch(r"qms \d+\.\d+\.\d+\S*", result.stdout.strip())


def test_version_is_eager_and_ignores_the_rest() -> None:
    result = CliRunner().invoke(app, ["--version", "validate", "khong-co"])
    assert result.exit_code == 0
    assert result.stdout == f"qms {qms.__version__}\n"
    assert qms.__version__ == version("qms")
