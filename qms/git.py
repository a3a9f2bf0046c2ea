"""Asking git a question: the one place qms runs git for information (the commit a report or a handbook version was
made from, changes not committed). git is never required: no git, no repository or a failing command is ``None``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path


def git_output(folder: Path, *args: str) -> str | None:
    """What ``git -C folder ARGS`` prints (as printed: a porcelain status keeps its leading columns), or ``None``
    when git is missing, fails or takes too long."""
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


__all__ = ["git_output"]
