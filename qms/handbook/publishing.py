"""What must hold before a handbook version is published, and what a version records of where it came from.

A published version is a controlled document (ISO 9001 7.5.3): staff follow it, auditors cite it. So
``qms handbook publish`` refuses to publish from a working tree with changes not committed (the version would show
text no commit holds) or from processes with errors (``qms check`` errors: the version would show a process the
toolkit itself rejects). ``--force`` publishes anyway and says so on every page (:data:`FORCED_ENV`, which the qms
plugin reads); the version records the commit it was built from and its effective date in mike's ``versions.json``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qms.diagnostics import Diagnostic, Severity
from qms.git import git_output
from qms.i18n import Lang, Message, _

FORCED_ENV = "QMS_PUBLISHED_ANYWAY"  # the reason a version was published despite the checks, for every page's banner
IGNORED = ("build/", "site/", ".qms_cache/")  # what a build writes into the project: not a change to the sources


@dataclass(frozen=True)
class PublishCheck:
    """The commit the working tree is at, its changes not committed, and the processes' errors."""

    commit: str | None
    uncommitted: tuple[str, ...] = ()
    errors: tuple[Diagnostic, ...] = field(default_factory=tuple)

    @property
    def ok(self) -> bool:
        return self.commit is not None and not self.uncommitted and not self.errors

    def reasons(self, lang: Lang | str = Lang.VI) -> list[Message]:
        """Why publishing is refused, one sentence each."""
        found = []
        if self.commit is None:
            found.append(_("thư mục dự án không thuộc kho git: phiên bản không ghi được commit đã dựng"))
        if self.uncommitted:
            shown = ", ".join(self.uncommitted[:5]) + (" …" if len(self.uncommitted) > 5 else "")
            found.append(_("có {n} thay đổi chưa commit: {files}").format(n=len(self.uncommitted), files=shown))
        if self.errors:
            found.append(_("quy trình còn {n} lỗi («qms check»): {first}").format(n=len(self.errors), first=self.errors[0].render(lang)))
        return found


def uncommitted_changes(root: Path) -> tuple[str, ...]:
    """The paths ``git status`` shows as changed or new under ``root``, leaving out what builds write."""
    status = git_output(root, "status", "--porcelain", "--untracked-files=all", "--", ".") or ""
    paths = [line[3:].strip().strip('"') for line in status.splitlines() if line.strip()]
    return tuple(p for p in paths if not p.startswith(IGNORED))


def processes_of(config_file: Path) -> Path:
    """The processes folder the qms plugin of ``config_file`` reads (``processes`` beside it when it names none)."""
    from mkdocs.config import load_config

    config = load_config(str(config_file))
    plugin = config.plugins.get("qms")
    folder = getattr(getattr(plugin, "config", None), "processes", None) or "processes"
    return config_file.parent / folder


def check_before_publishing(root: Path, processes: Path) -> PublishCheck:
    """The checks of the module docstring for the project at ``root`` whose processes are in ``processes``."""
    from qms.legal.read import project_register
    from qms.rules.config import find_config, load_config
    from qms.rules.engine import check_paths

    commit = git_output(root, "rev-parse", "HEAD")
    project = load_config(find_config(processes if processes.is_dir() else processes.parent))  # ConfigError: the caller says so
    register = project_register(project.source.parent if project.source else processes)
    report = check_paths([processes], project, register=register)
    found = [*report.load_diagnostics, *report.findings]
    errors = tuple(d for d in found if d.severity is Severity.ERROR and not d.waived)
    return PublishCheck(commit.strip() if commit else None, uncommitted_changes(root), errors)


__all__ = ["FORCED_ENV", "PublishCheck", "check_before_publishing", "processes_of", "uncommitted_changes"]
