"""What a report was made from: the tool's version and the commit of the processes, so a signed report can be traced.

git is asked, never required: processes outside a repository, or a machine without git, give no commit, and the
report says so rather than failing.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import qms


@dataclass(frozen=True)
class Provenance:
    tool: str  # «qms 0.1.0»
    commit: str | None = None  # the commit the processes folder is at, None outside a repository
    changed: bool = False  # the folder has changes not committed: the report is not of that commit alone


def _git(folder: Path, *args: str) -> str | None:
    try:
        done = subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout.strip() if done.returncode == 0 else None


def provenance_of(processes: Path | str) -> Provenance:
    """The tool's version and the commit (and uncommitted changes) of the folder (or file) ``processes``."""
    path = Path(processes).resolve()
    folder = path if path.is_dir() else path.parent
    commit = _git(folder, "rev-parse", "--short=12", "HEAD")
    changed = bool(commit and _git(folder, "status", "--porcelain", "--", str(path)))
    return Provenance(f"qms {qms.__version__}", commit, changed)


__all__ = ["Provenance", "provenance_of"]
