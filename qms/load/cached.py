"""Loading a folder of processes through the results cache: what :func:`qms.load.load_paths` gives, from fewer reads.

Per file, the entry (:mod:`qms.load.cache`) is keyed on the file's bytes; it keeps what reading and validating gave
(pass 1), a summary of what the checks across files need (the code, the calls, whether it cites law, where its code
is written), the model itself (pickled apart, unpickled only when something asks for it), and the reference problems
(pass 2) under a key of what they depend on besides the file: whether each code it calls is known, and, when one is
not, every known code (the did-you-mean hint is chosen among them). Duplicate codes across files are found again on
every run, from the summaries: they are cheap, and they depend on every file.

A model read back from an entry has no source map until a location is asked for; the file is then read again (its
content is the one the entry was made from, or the entry would not have been used).
"""

from __future__ import annotations

import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, SupportsIndex, overload

from qms.diagnostics import Diagnostic, Location, sort_key
from qms.load import LoadResult, Origin, _read_file, collector_paused, duplicate_code, load_paths
from qms.load.cache import ResultCache, digest, entry_name, loads
from qms.load.discovery import discover
from qms.load.exclude import Exclusion
from qms.load.limits import MAX_FILE_BYTES
from qms.load.references import check_process
from qms.load.safe_read import read_bytes
from qms.load.source import SourceError, SourceMap, read_document
from qms.model import Process, StepType


@dataclass(frozen=True)
class Summary:
    """What the checks across files need of one file, without its model."""

    content: str  # digest of the file's bytes
    code: str | None  # the code it declares, valid or not
    valid: bool  # pass 1 gave a model
    code_at: Location | None = None  # where the code is written (a duplicate is reported there)
    calls: tuple[str, ...] = ()  # every step's «calls», in file order (references, and the rules comparing calls)
    subprocess_calls: tuple[str, ...] = ()  # those of sub-process steps: the edges of the call graph
    cites_law: bool = False  # has a legal basis (QMS405 names the first such process of a run)


@dataclass
class Entry:
    """One file's entry: pass 1, the summary, the pickled model, and the results keyed on what else they depend on."""

    summary: Summary
    read: list[Diagnostic]
    model: bytes | None = None
    references: tuple[str, list[Diagnostic]] | None = None
    findings: tuple[str, list[Diagnostic]] | None = None  # filled by qms.rules.cached


class _SourceMapOnDemand(SourceMap):
    """The source map of a model read back from the cache: the file is read again the first time a location is asked."""

    def __init__(self, path: Path) -> None:  # no values or keys until asked: most runs never ask
        self.path = path

    def __getattr__(self, name: str) -> Any:
        if name not in ("values", "keys"):
            raise AttributeError(name)
        try:
            source = read_document(self.path).source
        except SourceError:  # changed since: locations fall back to the file's first line
            source = SourceMap(self.path)
        self.values, self.keys = source.values, source.keys
        return getattr(self, name)


class CachedFile:
    """A file of the run and its entry; :meth:`process` gives its model (read back or just made)."""

    def __init__(self, path: Path, entry: Entry, process: Process | None = None, changed: bool = False) -> None:
        self.path = path
        self.entry = entry
        self.changed = changed  # to be written back at the end of the run
        self._process = process

    @property
    def summary(self) -> Summary:
        return self.entry.summary

    def process(self) -> Process:
        if self._process is None:
            try:
                process: Process = loads(self.entry.model or b"")
                process._origin = Origin(self.path, _SourceMapOnDemand(self.path))
            except Exception:  # a model the allow-list refuses (or a broken one): read the file again instead
                _, again, _problems = _read_file(self.path)
                if again is None:
                    raise LookupError(self.path) from None
                process = again
            self._process = process
        return self._process


class LazyProcesses(list[Process]):
    """The valid processes of a cached load, in order; each model is read back only when it is looked at.

    A ``list`` for whoever takes a :class:`LoadResult`; reports that need only the codes use :attr:`codes`.
    """

    def __init__(self, files: Iterable[CachedFile]) -> None:
        super().__init__()
        self.files = list(files)

    @property
    def codes(self) -> list[str]:
        return [f.summary.code or "" for f in self.files]

    def __len__(self) -> int:
        return len(self.files)

    def __bool__(self) -> bool:
        return bool(self.files)

    def __iter__(self) -> Iterator[Process]:
        return (f.process() for f in self.files)

    def __reversed__(self) -> Iterator[Process]:
        return (f.process() for f in reversed(self.files))

    @overload
    def __getitem__(self, index: SupportsIndex) -> Process: ...
    @overload
    def __getitem__(self, index: slice) -> list[Process]: ...
    def __getitem__(self, index: SupportsIndex | slice) -> Process | list[Process]:
        if isinstance(index, slice):
            return [f.process() for f in self.files[index]]
        return self.files[index].process()

    def __contains__(self, item: object) -> bool:
        return any(p is item for p in self)

    def copy(self) -> list[Process]:
        return list(self)


@dataclass
class CachedLoad:
    """A load through the cache: the result, the files of its valid processes, and every file's entry to write back."""

    result: LoadResult
    valid: list[CachedFile]
    store: ResultCache
    every: list[CachedFile] = field(default_factory=list)

    def save(self) -> None:
        """Write the entries made or completed during the run."""
        for file in self.every:
            if file.changed and self.store.writable:
                self.store.put(entry_name(file.path), file.summary.content, file.entry)


def load_paths_cached(paths: Iterable[Path | str], store: ResultCache | None, exclusion: Exclusion | None = None) -> LoadResult:
    """As :func:`qms.load.load_paths`, answering from ``store`` what has not changed; without one, or with a file
    named on its own (its calls are resolved outside the files loaded, :mod:`qms.load.called`), that function itself."""
    paths = list(paths)
    if store is None or any(Path(p).is_file() for p in paths):
        return load_paths(paths, exclusion=exclusion)
    loaded = load_cached(paths, store, exclusion)
    loaded.save()
    return loaded.result


# How the files the cache has nothing for are read, and how their references (and findings) are settled before the
# load's own pass 2: one by one here by default; qms.rules.parallel does both on several cores.
Reader = Callable[[list[Path]], list[CachedFile]]
Settler = Callable[[list[CachedFile], set[str]], None]


def load_cached(
    paths: Iterable[Path | str],
    store: ResultCache,
    exclusion: Exclusion | None = None,
    reader: Reader | None = None,
    settle: Settler | None = None,
) -> CachedLoad:
    """As :func:`qms.load.load_paths` for folders (no file named on its own: those resolve calls outside the load)."""
    with collector_paused():
        files, problems = discover(paths, exclusion)
        result = LoadResult(files=files, diagnostics=problems)
        looked_up = [_lookup(store, path) for path in files]
        fresh = iter((reader or read_fresh)([path for path, file in zip(files, looked_up, strict=True) if file is None]))
        every = [file if file is not None else next(fresh) for file in looked_up]
        for file in every:
            result.diagnostics += file.entry.read
        known = {f.summary.code for f in every if f.summary.code is not None}
        if settle is not None:
            settle(every, known)
        known_digest: list[str] = []  # computed once, when a call names an unknown code
        first_file: dict[str, Path] = {}
        valid: list[CachedFile] = []
        for file in every:
            summary = file.summary
            if not summary.valid or summary.code is None:
                continue
            key = references_key(summary, known, known_digest)
            if file.entry.references is None or file.entry.references[0] != key:
                process = file.process()
                file.entry.references = (key, check_process(process, process.origin.source, known))
                file.changed = True
            found = list(file.entry.references[1])
            if summary.code in first_file:
                found.append(duplicate_code(summary.code_at or Location(file.path), summary.code, first_file[summary.code]))
            else:
                first_file[summary.code] = file.path
            if found:
                result.diagnostics += found
            else:
                valid.append(file)
        result.processes = LazyProcesses(valid)
        result.diagnostics.sort(key=sort_key)
        return CachedLoad(result, valid, store, every)


def references_key(summary: Summary, known: set[str], known_digest: list[str]) -> str:
    """What a file's reference problems depend on besides the file: whether each code it calls is known, and every
    known code when one is not (the did-you-mean is chosen among them); ``known_digest`` keeps their digest once made."""
    present = [(code, code in known) for code in summary.calls]
    if all(found for _, found in present):
        return repr(present)
    if not known_digest:
        known_digest.append(digest(*sorted(known)))
    return repr(present) + known_digest[0]


def _lookup(store: ResultCache, path: Path) -> CachedFile | None:
    """The file's entry from the cache when its bytes are those it was made from; ``None`` when it must be read."""
    try:
        raw = read_bytes(path, MAX_FILE_BYTES)
    except SourceError as exc:  # unreadable: reported as reading reports it, never cached
        return CachedFile(path, Entry(Summary("", None, False), [exc.diagnostic]))
    entry = store.get(entry_name(path), digest(raw))
    return CachedFile(path, entry) if isinstance(entry, Entry) else None


def read_fresh(paths: list[Path]) -> list[CachedFile]:
    """The files read and validated now, their entries to be written."""
    return [fresh_file(path) for path in paths]


def fresh_file(path: Path) -> CachedFile:
    """One file read and validated now (pass 1), with its model, its entry to be written."""
    try:
        raw = read_bytes(path, MAX_FILE_BYTES)
    except SourceError as exc:  # gone or changed into something unreadable since it was looked up
        return CachedFile(path, Entry(Summary("", None, False), [exc.diagnostic]))
    code, process, problems = _read_file(path, raw)
    return CachedFile(path, Entry(_summary(digest(raw), code, process), problems, _pickled(process)), process, changed=True)


def _summary(content: str, code: str | None, process: Process | None) -> Summary:
    if process is None:
        return Summary(content, code, False)
    calls = tuple(step.calls for step in process.steps if step.calls)
    subprocess = tuple(step.calls for step in process.steps if step.type is StepType.SUBPROCESS and step.calls)
    return Summary(content, code, True, process.origin.at("code"), calls, subprocess, bool(process.legal_basis))


def _pickled(process: Process | None) -> bytes | None:
    """The model without its origin (a source map weighs twice the model, and is rebuilt on demand)."""
    if process is None:
        return None
    origin = process._origin
    process._origin = None
    try:
        return pickle.dumps(process, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, TypeError, AttributeError, RecursionError):  # kept without: read again when needed
        return None
    finally:
        process._origin = origin


__all__ = [
    "CachedFile",
    "CachedLoad",
    "Entry",
    "LazyProcesses",
    "Reader",
    "Settler",
    "Summary",
    "fresh_file",
    "load_cached",
    "load_paths_cached",
    "read_fresh",
    "references_key",
]
