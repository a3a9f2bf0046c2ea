"""Which paths discovery never reads as processes: ``exclude`` / ``extend-exclude`` of the configuration.

A project root holds YAML that is not a process: the handbook's ``mkdocs.yml``, the legal register
(``legal/register.yaml``), plans, audit records, self-assessments, CI workflows. ``qms validate .`` at the root
would read them all as processes and report each as a broken one, so they are excluded by default::

    [tool.qms]
    extend-exclude = ["drafts/", "*.bak.yaml"]   # added to the defaults
    # exclude = ["site/"]                        # replaces the defaults

As with ruff, a pattern is a glob (``*``, ``?``, ``[...]``, ``**``): one with a ``/`` inside or at its start is
relative to the project root (the folder of ``qms.toml`` / ``pyproject.toml``, else the current folder); one
without is a file or folder name at any depth. A trailing ``/`` only marks a folder. A path named on the command
line is read even when excluded, unless ``--force-exclude`` (what a pre-commit hook passes, since it names every
changed file). Documented in docs/integrations.md.
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any

from qms.diagnostics import Diagnostic, LoadCode, Location, error
from qms.i18n import _

DEFAULT_EXCLUDE: tuple[str, ...] = (
    "mkdocs*.yml",
    "/legal/",
    "/plans/",
    "/audits/",
    "/assessments/",
    ".github/",
    ".gitlab-ci.yml",
    ".pre-commit-*.yaml",
    "node_modules/",
    "/site/",
    "/build/",
    ".venv/",
    ".qms_cache/",  # the results cache (qms.load.cache); skipped as a dot-name already, excluded when named too
)


@dataclass(frozen=True)
class Exclusion:
    """The patterns in force, the folder they are relative to, and whether they apply to named paths too."""

    root: Path = field(default_factory=Path.cwd)
    patterns: tuple[str, ...] = DEFAULT_EXCLUDE
    force: bool = False

    def excludes(self, path: Path, folders: bool = False) -> bool:
        """Whether ``path`` (or, with ``folders``, one of its folders below the root) matches a pattern.

        Discovery asks about each entry of a folder it walks, so the folders
        above were asked about already; a folder named on the command line
        is walked all the same (as ruff does), its entries still asked about.
        """
        absolute = os.path.abspath(path)
        relative = os.path.relpath(absolute, os.path.abspath(self.root)) if _within(absolute, self.root) else None
        parts = Path(relative).parts if relative is not None else Path(absolute).parts[1:]
        for pattern in self.patterns:
            name = pattern.rstrip("/")
            if not name:
                continue
            anchored = "/" in name
            if anchored and relative is None:
                continue  # a pattern relative to the root says nothing about a path outside it
            glob = name.lstrip("/")
            for depth in range(1 if folders else len(parts), len(parts) + 1):
                candidate = "/".join(parts[:depth]) if anchored else parts[depth - 1]
                if _matches(candidate, glob):
                    return True
        return False


def _within(absolute: str, root: Path) -> bool:
    base = os.path.abspath(root)
    return absolute == base or absolute.startswith(base.rstrip(os.sep) + os.sep)


def _matches(candidate: str, glob: str) -> bool:
    # "**/" may stand for no folder at all ("**/x.yaml" matches "x.yaml"); "*" crosses "/" as in ruff's globs.
    return fnmatchcase(candidate, glob) or (glob.startswith("**/") and fnmatchcase(candidate, glob[3:]))


def read_exclusion(config: Path | None, force: bool = False) -> tuple[Exclusion, list[Diagnostic]]:
    """The exclusion the configuration file ``config`` sets (the defaults without one), and what is wrong in it.

    Read with the standard TOML reader only, so that ``qms validate`` does not load the rule configuration; that
    configuration (:mod:`qms.rules.config`) validates the same keys again, with their lines, for ``qms check``.
    """
    root = config.parent if config is not None else Path.cwd()
    if config is None:
        return Exclusion(root, DEFAULT_EXCLUDE, force), []
    try:
        text = config.read_bytes().decode("utf-8")
        data: dict[str, Any] = tomllib.loads(text)
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return Exclusion(root, DEFAULT_EXCLUDE, force), [
            error(
                LoadCode.FILE,
                Location(config),
                _("không đọc được cấu hình «{path}»: {error}").format(path=config, error=exc),
                _("sửa tệp cấu hình; «qms check» chỉ rõ dòng sai"),
                usage=True,
            )
        ]
    tool = data.get("tool") if config.name == "pyproject.toml" else {"qms": data}
    table = tool.get("qms") if isinstance(tool, dict) else None
    table = table if isinstance(table, dict) else {}  # a table of the wrong type: the rule configuration says so
    problems: list[Diagnostic] = []
    extend = _patterns(table, "extend-exclude", Location(config, _line_of("extend-exclude", text)), problems)
    base = _patterns(table, "exclude", Location(config, _line_of("exclude", text)), problems) if "exclude" in table else None
    return Exclusion(root, (*(DEFAULT_EXCLUDE if base is None else base), *(extend or ())), force), problems


def _line_of(key: str, text: str) -> int:
    """The line that sets ``key`` (the first one, good enough for a message), else 1."""
    lines = (n for n, line in enumerate(text.splitlines(), 1) if line.lstrip().startswith((f"{key} ", f"{key}=")))
    return next(lines, 1)


def _patterns(table: dict[str, Any], key: str, where: Location, problems: list[Diagnostic]) -> tuple[str, ...] | None:
    """The patterns under ``key`` (none when absent); ``None``, with a problem, when they are not a list of strings."""
    value = table.get(key, [])
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    problems.append(
        error(
            LoadCode.FILE,
            where,
            _("«{key}» phải là một danh sách mẫu đường dẫn, không phải {shown}").format(key=key, shown=repr(value)),
            _('ví dụ: {key} = ["drafts/", "*.bak.yaml"]').format(key=key),
            usage=True,
        )
    )
    return None
