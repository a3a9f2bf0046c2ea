"""Where a project is: the folder of its configuration, and the ``processes/`` folder in it.

A project is configured by ``qms.toml`` or by ``pyproject.toml`` with a ``[tool.qms]`` table; the nearest one in a
folder or its parents marks the project's root. The rule configuration (:mod:`qms.rules.config`) is read from that
file; the loader looks in the root's ``processes/`` folder for the processes a file named on its own calls.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

PROCESSES_FOLDER = "processes"


def find_config(start: Path) -> Path | None:
    """The nearest ``qms.toml``, or ``pyproject.toml`` with a ``tool.qms`` entry, in ``start`` or its parents."""
    here = start.resolve()
    for folder in [here, *here.parents]:
        for name in ("qms.toml", "pyproject.toml"):
            candidate = folder / name
            if candidate.is_file() and (name == "qms.toml" or _configures_qms(candidate)):
                return candidate
    return None


def _configures_qms(pyproject: Path) -> bool:
    try:
        text = pyproject.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    if "qms" not in text:
        return False
    try:
        tool = tomllib.loads(text).get("tool")
    except tomllib.TOMLDecodeError:
        return "[tool.qms" in text  # broken, but meant for qms: load_config says where
    return isinstance(tool, dict) and "qms" in tool


def project_processes(start: Path) -> Path | None:
    """The ``processes/`` folder of the project ``start`` is in, if it has a configuration and that folder."""
    config = find_config(start)
    folder = config.parent / PROCESSES_FOLDER if config is not None else None
    return folder if folder is not None and folder.is_dir() else None
