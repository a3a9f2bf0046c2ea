"""Which files are process files: the ``*.yaml`` and ``*.yml`` under the paths given, found safely.

Files and folders whose names start with ``.`` or ``_`` are skipped, so a project can keep shared or
work-in-progress YAML beside its processes; only regular files are read (a pipe or device is reported). What the
configuration excludes (:mod:`qms.load.exclude`: the handbook's mkdocs.yml, the legal register, plans...) is not
looked into either; a path named on its own is read all the same, unless the exclusion is forced.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable
from dataclasses import replace
from pathlib import Path

from qms.diagnostics import Diagnostic, LoadCode, Location, Severity, error
from qms.i18n import _
from qms.load.exclude import Exclusion
from qms.load.source import not_regular, unreachable

SUFFIXES = (".yaml", ".yml")


def discover(paths: Iterable[Path | str], exclusion: Exclusion | None = None) -> tuple[list[Path], list[Diagnostic]]:
    """Process files named by ``paths`` (files or folders), sorted, without duplicates.

    Only regular files (or links to them) are process files: a named pipe,
    device or socket is reported, never opened (reading one blocks or never
    ends). Links to folders are not followed, as with ``Path.rglob``, so
    discovery always ends; a link that loops is reported. Under the folders
    named, what ``exclusion`` matches is skipped (none without one); what is
    named is skipped only when the exclusion is forced (``--force-exclude``).
    """
    files: list[Path] = []
    problems: list[Diagnostic] = []
    for given in paths:
        path = Path(given)
        if exclusion is not None and exclusion.force and exclusion.excludes(path, folders=True):
            continue
        try:
            info = path.stat()
        except OSError as exc:
            if exc.errno == errno.ELOOP or (exc.errno == errno.ENOENT and path.is_symlink()):
                problems.append(replace(unreachable(path, exc), data={"usage": True}))
            else:
                problems.append(
                    error(
                        LoadCode.FILE,
                        Location(path),
                        _("không tìm thấy tệp hoặc thư mục «{path}»").format(path=path),
                        _("kiểm tra lại đường dẫn; lệnh nhận tệp .yaml/.yml hoặc thư mục chứa chúng"),
                        usage=True,
                    )
                )
            continue
        if stat.S_ISDIR(info.st_mode):
            files += _walk(path, problems, exclusion)
        elif stat.S_ISREG(info.st_mode):
            files.append(path)
        else:
            problems.append(replace(not_regular(path, info.st_mode), data={"usage": True}))
    # The same file named twice (a folder and a file in it, relative and absolute) is read once.
    unique: dict[Path, Path] = {}
    for file in files:
        unique.setdefault(file.resolve(), file)
    return list(unique.values()), problems


def _walk(root: Path, problems: list[Diagnostic], exclusion: Exclusion | None = None) -> list[Path]:
    """The process files under the folder ``root``, sorted; what cannot be one is added to ``problems``.

    Entries whose names start with ``.`` or ``_`` are skipped without being
    looked into (``.git`` can hold many thousands of files).
    """
    found: list[Path] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        try:
            with os.scandir(folder) as scan:
                entries = list(scan)
        except OSError as exc:
            problems.append(error(LoadCode.FILE, Location(folder), _("không đọc được tệp: {error}").format(error=exc.strerror or exc)))
            continue
        for entry in entries:
            if entry.name.startswith((".", "_")):
                continue
            path = folder / entry.name
            if exclusion is not None and exclusion.excludes(path):
                continue
            is_yaml = path.suffix in SUFFIXES
            try:
                is_link = entry.is_symlink()
                info = entry.stat()  # follows links: what would be read
            except OSError as exc:
                # A link to nothing named .yaml, or any link loop (it may have been meant as a folder).
                if exc.errno == errno.ELOOP:
                    problems.append(unreachable(path, exc) if is_yaml else _as_warning(unreachable(path, exc)))
                elif is_yaml:
                    problems.append(unreachable(path, exc))
                continue
            if stat.S_ISDIR(info.st_mode):
                if not is_link:
                    folders.append(path)
                elif _leads_back(path, folder):
                    problems.append(_folder_loop(path))
            elif not is_yaml:
                continue
            elif stat.S_ISREG(info.st_mode):
                found.append(path)
            else:
                problems.append(not_regular(path, info.st_mode))
    return sorted(found)


def _leads_back(link: Path, folder: Path) -> bool:
    """Whether the folder link ``link`` in ``folder`` points to that folder or one that contains it."""
    try:
        return folder.resolve().is_relative_to(link.resolve())
    except (OSError, RuntimeError):
        return True


def _folder_loop(path: Path) -> Diagnostic:
    return Diagnostic(
        LoadCode.FILE,
        Severity.WARNING,
        Location(path),
        _("«{path}» là liên kết tới chính thư mục chứa nó hoặc một thư mục cha: đi theo nó sẽ lặp vô tận, nên không đọc").format(path=path),
        _("xoá liên kết này; các tệp trong thư mục đó đã được kiểm tra"),
    )


def _as_warning(diagnostic: Diagnostic) -> Diagnostic:
    return replace(diagnostic, severity=Severity.WARNING)
