"""What a report was made from: the tool's version and the commit of the processes, so a signed report can be traced.

git is asked, never required (:func:`qms.git.git_output`): processes outside a repository, or a machine without
git, give no commit, and the report says so rather than failing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import qms
from qms.git import git_output


@dataclass(frozen=True)
class Provenance:
    tool: str  # «qms 0.1.0»
    commit: str | None = None  # the commit the processes folder is at, None outside a repository
    changed: bool = False  # the folder has changes not committed: the report is not of that commit alone


def provenance_of(processes: Path | str) -> Provenance:
    """The tool's version and the commit (and uncommitted changes) of the folder (or file) ``processes``."""
    path = Path(processes).resolve()
    folder = path if path.is_dir() else path.parent
    commit = (git_output(folder, "rev-parse", "--short=12", "HEAD") or "").strip() or None
    changed = bool(commit and (git_output(folder, "status", "--porcelain", "--", str(path)) or "").strip())
    return Provenance(f"qms {qms.__version__}", commit, changed)


__all__ = ["Provenance", "provenance_of"]
