"""The code gate: lint, types, the layers' direction and the size limits hold for all of qms/.

These run with the suite (so `.ci/run`, which runs the README's test command, fails on any of them). The tools
and their settings are in pyproject.toml: ruff's rule set in [tool.ruff.lint], mypy's in [tool.mypy], the
layers in [tool.importlinter].
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "qms"
BIN = Path(sys.executable).parent

MODULE_LINES = 400  # a module an auditor can read in one sitting
FUNCTION_LINES = 60  # a function that fits on a screen
CLI_MODULE_LINES = 150  # a command group: options in, library call, output module, exit code


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(BIN)) or shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is not installed: run `bash scripts/setup.sh --test`")
    return found


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)


def test_ruff_finds_nothing() -> None:
    done = _run(_tool("ruff"), "check", "--no-cache", "--output-format", "concise", "qms")
    assert done.returncode == 0, done.stdout + done.stderr


def test_mypy_finds_nothing() -> None:
    done = _run(_tool("mypy"), "--no-incremental", "--cache-dir", "/dev/null" if sys.platform != "win32" else "nul")
    assert done.returncode == 0, done.stdout + done.stderr


def test_layers_import_only_downwards() -> None:
    done = _run(_tool("lint-imports"), "--no-cache")
    assert done.returncode == 0, done.stdout + done.stderr


def _modules() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_module_is_too_long() -> None:
    too_long = {}
    for path in _modules():
        lines = len(path.read_text(encoding="utf-8").splitlines())
        # Modules: at most 400 lines; command modules: under 150.
        limit = CLI_MODULE_LINES - 1 if path.parent.name == "cli" else MODULE_LINES
        if lines > limit:
            too_long[str(path.relative_to(ROOT))] = f"{lines} > {limit}"
    assert not too_long, too_long


def test_no_function_is_too_long() -> None:
    too_long = {}
    for path in _modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                # From the def line (decorators aside) to the last line of the body.
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                if lines > FUNCTION_LINES:
                    too_long[f"{path.relative_to(ROOT)}:{node.lineno} {node.name}"] = lines
    assert not too_long, too_long

