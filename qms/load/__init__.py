"""Load process files: YAML -> validated :class:`~qms.model.Process` models.

The first stage of the pipeline (load -> graph -> rules -> outputs). Every
problem becomes a :class:`~qms.diagnostics.Diagnostic` with file, line,
column and a hint; nothing here raises anything else to the caller.

Discovery: a folder is searched recursively for ``*.yaml`` and ``*.yml``;
files and folders whose names start with ``.`` or ``_`` are skipped, so a
project can keep shared or work-in-progress YAML beside its processes
(:mod:`qms.load.discovery`).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from qms.diagnostics import Diagnostic, LoadCode, Location, error, sort_key
from qms.i18n import _
from qms.load.called import CallResolver, calls_of, search_files, unusable_calls
from qms.load.discovery import SUFFIXES, discover
from qms.load.exclude import Exclusion
from qms.load.references import check_process
from qms.load.safe_read import decode
from qms.load.schema_errors import translate
from qms.load.source import Document, Path_, SourceError, SourceMap, parse_document, read_document
from qms.model import Process

EXTENSION_PREFIX = "x-"


@dataclass(frozen=True)
class Origin:
    """Where a process was read from; locates any part of it in the file."""

    path: Path
    source: SourceMap = field(repr=False)

    def at(self, *loc: str | int) -> Location:
        """Location of the part at ``loc``, e.g. ``origin.at("steps", 2, "role")``.

        A field whose value is a block on the following lines (``steps:``
        then a list) is located at its key, where a reader looks for it.
        """
        path = tuple(loc)
        key, value = self.source.keys.get(path), self.source.values.get(path)
        if key is not None and (value is None or value[0] != key[0]):
            return self.source.key(path)
        return self.source.value(path)

    def step(self, process: Process, step_id: str, *field_: str | int) -> Location:
        """Location of a step (or one of its fields) by step id."""
        index = next((i for i, s in enumerate(process.steps) if s.id == step_id), None)
        return self.at("steps", index, *field_) if index is not None else self.at()


@dataclass
class LoadResult:
    """What loading a set of files produced: valid processes and diagnostics."""

    files: list[Path] = field(default_factory=list)
    processes: list[Process] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    # Valid processes of files not named, read only to resolve the calls of files named on their own (and what those
    # call): the rules see them as the called processes, nothing reports on them.
    called: list[Process] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    def by_code(self) -> dict[str, Process]:
        return {p.code: p for p in self.processes}


class LoadError(Exception):
    """Raised by :func:`load` when a file does not yield a valid process."""

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics = list(diagnostics)
        super().__init__("\n".join(d.render() for d in self.diagnostics))


def parse_file(path: Path, known_processes: set[str] | None = None) -> tuple[Process | None, list[Diagnostic]]:
    """Read and validate one file; sub-process codes are checked only against ``known_processes`` if given."""
    process, problems = _read_model(path)
    if process is None:
        return None, problems
    problems = check_process(process, process.origin.source, known_processes)
    return (None, sorted(problems, key=sort_key)) if problems else (process, [])


def _read_model(path: Path) -> tuple[Process | None, list[Diagnostic]]:
    """YAML -> validated model with its origin; references are not checked yet."""
    try:
        document = read_document(path)
    except SourceError as exc:
        return None, [exc.diagnostic]
    return _validate(document, path)


def _declared_code(document: Document) -> str | None:
    """The ``code`` a readable file declares, whether or not the rest of it is valid."""
    data: Any = document.data
    return data["code"] if isinstance(data, dict) and isinstance(data.get("code"), str) else None


def _validate(document: Document, path: Path) -> tuple[Process | None, list[Diagnostic]]:
    data = document.data
    if not isinstance(data, dict):
        return None, [error(LoadCode.SCHEMA, document.source.value(()), _("tệp quy trình phải là một ánh xạ (các dòng «trường: giá trị»)"))]
    # Top-level keys starting with "x-" hold shared YAML anchors (as in docker-compose files):
    # "x-defaults: &defaults {...}" then "<<: *defaults" in steps. They are not part of the process.
    data = {key: value for key, value in data.items() if not str(key).startswith(EXTENSION_PREFIX)}
    try:
        process = Process.model_validate(data)
    except ValidationError as exc:
        return None, sorted(translate(exc, data, document.source), key=sort_key)
    process._origin = Origin(path, document.source)
    return process, []


def load_paths(paths: Iterable[Path | str], cache: ReadCache | None = None, exclusion: Exclusion | None = None) -> LoadResult:
    """Load every process file under ``paths`` and check references between them.

    A sub-process call must name a process among the files loaded or, for a
    file named on its own, in its folder or its project's ``processes/``
    (:mod:`qms.load.called`; what is found there is in ``called``). With
    a ``cache`` kept by the caller, files unchanged since the last load are
    not read again (``mkdocs serve`` reloads the folder after every save).
    What ``exclusion`` matches under the folders named is not read (:mod:`qms.load.exclude`).
    """
    with collector_paused():
        return _load_paths(list(paths), cache or ReadCache(enabled=False), exclusion)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while loading.

    Loading allocates many small objects and no reference cycles; the
    collector's repeated scans of them cost more than validation itself
    (about 3× on 1,000 processes, see benchmarks/RESULTS.md). Reference
    counting still frees everything; the collector resumes afterwards,
    with what was made meanwhile set aside until the next pause.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    if _frozen_by_loader:
        gc.unfreeze()  # what the last pause kept from the collector may be collected again from now on
        _frozen_by_loader.clear()
    try:
        yield
    finally:
        if was_enabled:
            # The objects made while paused still count as new: re-enabled as they are, the collector would at once
            # scan all of them (0.7 s for 1,000 processes), though they are long-lived models. Moved to the permanent
            # generation instead, they are left alone until the next pause. Not done when the application froze
            # objects itself (gc.freeze before forking workers, say): those stay as it left them.
            if gc.get_freeze_count() == 0:
                gc.freeze()
                _frozen_by_loader.append(True)
            gc.enable()


# Not empty when the last pause moved objects to the permanent generation.
_frozen_by_loader: list[bool] = []


def _load_paths(paths: list[Path | str], cache: ReadCache, exclusion: Exclusion | None = None) -> LoadResult:
    files, problems = discover(paths, exclusion)
    result = LoadResult(files=files, diagnostics=problems)
    # Pass 1: every file to a model, so that pass 2 knows every process code.
    read: list[Process] = []
    # Codes of every readable file, valid or not: a call to a process whose own file has
    # errors is reported there, not as "does not exist" here.
    known: set[str] = set()
    for path in files:
        code, process, diagnostics = cache.read(path)
        if code is not None:
            known.add(code)
        result.diagnostics += diagnostics
        if process is not None:
            read.append(process)
    # Calls from files named on their own, to processes in files not named: resolved beside them and in the project.
    resolver = _resolve_calls([Path(p) for p in paths if Path(p).is_file()], files, read, known, cache)
    # Pass 2: references (inside the process and to other processes), duplicate codes.
    first_file: dict[str, Path] = {}
    for process in read:
        origin: Origin = process.origin
        problems = check_process(process, origin.source, known)
        problems += unusable_calls(process, resolver) if resolver is not None else []
        if process.code in first_file:
            problems.append(duplicate_code(origin.at("code"), process.code, first_file[process.code]))
        else:
            first_file[process.code] = origin.path
        if problems:
            result.diagnostics += problems
        else:
            result.processes.append(process)
    result.called = resolver.called if resolver is not None else []  # never a loaded code: those were known
    result.diagnostics.sort(key=sort_key)
    return result


def duplicate_code(where: Location, code: str, other: Path) -> Diagnostic:
    """A process code already declared by the file ``other`` (the first file that declares it keeps it)."""
    return error(
        LoadCode.DUPLICATE_ID,
        where,
        _("mã quy trình «{code}» đã được dùng ở {other}").format(code=code, other=other),
        _("mỗi quy trình có một mã duy nhất; phiên bản mới của cùng quy trình thay tệp cũ, không thêm tệp"),
    )


def _resolve_calls(alone: list[Path], files: list[Path], read: list[Process], known: set[str], cache: ReadCache) -> CallResolver | None:
    """For files named on their own, find the processes they call among the files not loaded; add their codes to ``known``."""
    if not alone:
        return None
    resolver = CallResolver(lambda: search_files(alone, files), cache.read)
    resolver.resolve(read, known)
    if any(code not in known for process in read for code in calls_of(process)):
        known |= resolver.codes  # a call names nothing: every code read is a candidate for its did-you-mean
    return resolver


def _read_file(path: Path, raw: bytes | None = None) -> tuple[str | None, Process | None, list[Diagnostic]]:
    """Pass 1 for one file (its bytes ``raw`` if already read): the code it declares, its model if valid, what is wrong."""
    try:
        document = read_document(path) if raw is None else parse_document(decode(raw, path), path)
    except SourceError as exc:
        return None, None, [exc.diagnostic]
    process, diagnostics = _validate(document, path)
    return _declared_code(document), process, diagnostics


class ReadCache:
    """Pass-1 results by file, reused while the file's size and modification time are unchanged.

    Models are never changed after loading, so a cached one is shared by
    every later load; reference checks (pass 2) always run again, because
    they depend on the other files.
    """

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._entries: dict[Path, tuple[tuple[int, int], tuple[str | None, Process | None, list[Diagnostic]]]] = {}

    def read(self, path: Path) -> tuple[str | None, Process | None, list[Diagnostic]]:
        if not self.enabled:
            return _read_file(path)
        try:
            stat = path.stat()
        except OSError:
            return _read_file(path)  # reports the problem as reading would
        stamp = (stat.st_mtime_ns, stat.st_size)
        entry = self._entries.get(path.resolve())
        if entry is not None and entry[0] == stamp:
            return entry[1]
        outcome = _read_file(path)
        self._entries[path.resolve()] = (stamp, outcome)
        return outcome


def load(path: Path | str) -> Process:
    """Load one process file; raise :class:`LoadError` with diagnostics if it is not valid.

    >>> import qms
    >>> process = qms.load("processes/QT-TTHC-01.yaml")  # doctest: +SKIP
    """
    if Path(path).is_dir():
        raise LoadError(
            [
                error(
                    LoadCode.FILE,
                    Location(Path(path)),
                    _("qms.load() đọc một tệp quy trình; «{path}» là thư mục — dùng qms.load_paths() để đọc cả thư mục").format(path=path),
                    usage=True,
                )
            ]
        )
    result = load_paths([path])
    if not result.ok or len(result.processes) != 1:
        raise LoadError(result.diagnostics)
    return result.processes[0]


__all__ = [
    "SUFFIXES",
    "LoadError",
    "LoadResult",
    "Origin",
    "Path_",
    "ReadCache",
    "collector_paused",
    "discover",
    "load",
    "load_paths",
    "parse_file",
]
