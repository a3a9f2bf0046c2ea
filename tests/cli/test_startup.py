"""Fast start (issue 15): each command imports what it uses, nothing more.

The import list of a real run (``python -X importtime -m qms ...``, a fresh interpreter) is
checked, not its timing: timings are measured in benchmarks/startup.py.
"""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT, VALID, assert_no_traceback, qms_env

# Heavy libraries that only some commands need (pytest: «qms audit» alone).
HEAVY = ("pytest", "networkx", "duckdb", "mkdocs", "docx", "graphviz", "holidays", "lxml", "markdown")


def imported(*args: str) -> tuple[subprocess.CompletedProcess[str], set[str]]:
    """Run ``python -X importtime -m qms ARGS``; the result (its own standard error only) and every module it imported."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "qms", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=ROOT,
        env=qms_env(),
        timeout=60,
        check=False,
    )
    timings = [line for line in result.stderr.splitlines() if line.startswith("import time:")]
    result.stderr = "".join(line + "\n" for line in result.stderr.splitlines() if not line.startswith("import time:"))
    # "import time: self [us] | cumulative | name", the name indented by its depth; the header line names no module
    modules = {line.rsplit("|", 1)[1].strip() for line in timings} - {"imported package"}
    return result, modules


def packages(modules: set[str]) -> set[str]:
    return {name.split(".")[0] for name in modules}


def test_version_imports_neither_typer_nor_rich_nor_the_library() -> None:
    result, modules = imported("--version")
    assert_no_traceback(result)
    assert result.returncode == 0 and result.stdout.startswith("qms ")
    assert not packages(modules) & {"typer", "click", "rich", "pydantic", "yaml", *HEAVY}, packages(modules)
    assert {m for m in modules if m.startswith("qms.")} == {"qms.cli", "qms.cli.start"}


def test_version_says_the_same_as_the_typer_application() -> None:
    fast, _ = imported("--version")
    full, modules = imported("--lang", "vi", "--version")  # not the bare «--version»: answered by the Typer application
    assert "typer" in packages(modules)
    assert (fast.returncode, fast.stdout, fast.stderr) == (full.returncode, full.stdout, full.stderr)


def test_validate_one_file_imports_no_rule_nor_test_framework() -> None:
    result, modules = imported("validate", str(VALID / "minimal.yaml"))
    assert_no_traceback(result)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not packages(modules) & set(HEAVY), packages(modules) & set(HEAVY)
    assert not {m for m in modules if m.startswith(("qms.rules", "qms.graph", "qms.handbook", "qms.audit"))}


@pytest.mark.parametrize("args", [("--help",), ("plan", "--help"), ("handbook", "build", "--help")])
def test_declaring_every_command_imports_no_library(args: tuple[str, ...]) -> None:
    """Help lists the commands, so every qms/cli module is imported: each imports its library inside its commands."""
    result, modules = imported(*args)
    assert_no_traceback(result)
    assert result.returncode == 0
    assert not packages(modules) & set(HEAVY), packages(modules) & set(HEAVY)
    assert not {m for m in modules if m.startswith(("qms.load", "qms.model", "qms.rules", "qms.graph", "qms.plan"))}
