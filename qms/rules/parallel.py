"""A cold check of a large tree on every core: the files the cache has nothing for, read and checked by a pool of processes.

Two rounds, each a list of chunks handed to :class:`~concurrent.futures.ProcessPoolExecutor` (spawn-safe: the work
is module-level functions of picklable arguments) and gathered in the order given, so the results are the ones one
process computes, in the same order:

1. read and validate each file (pass 1): its entry, and its model pickled with its source map;
2. with every file's summary known, each such file's references (pass 2) and, ahead of time, its findings against the
   catalogue the summaries foretell: every valid file but the duplicates and those whose cached references have
   problems. A file's own reference problems are found only in this round; should one take a process out of the
   catalogue, the findings of whoever depends on it were computed against the wrong catalogue, and their key says
   so: :mod:`qms.rules.cached` checks them again, one by one. The key decides; this module only saves time.

Below :data:`MIN_FILES` files to read, the pool costs more than it saves (starting workers, sending models): measured
in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import multiprocessing
import os
import pickle
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TypeVar

from qms.diagnostics import Diagnostic
from qms.legal.register import Register
from qms.load import collector_paused
from qms.load.cached import CachedFile, Entry, fresh_file, read_fresh, references_key
from qms.load.references import check_process as check_references
from qms.model import Process
from qms.rules.cache_keys import CachedCatalogue, Plan, calls_graph, findings_key
from qms.rules.config import RuleConfig
from qms.rules.engine import check_process, enabled_rules

MIN_FILES = 200  # files to read below which one process is faster (benchmarks/RESULTS.md, issue 15)
_CHUNKS_PER_JOB = 4  # several chunks per worker, so that one slow chunk does not leave the other cores idle

C = TypeVar("C")
R = TypeVar("R")


def available_cores() -> int:
    """The cores this process may run on (its affinity where the system tells it), at least 1."""
    counted = getattr(os, "process_cpu_count", None)  # Python 3.13
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def run_chunks(work: Callable[[C], list[R]], chunks: list[C], jobs: int) -> list[R]:
    """``work`` on each chunk in a pool of ``jobs`` processes; the results in chunk order. Ctrl-C leaves no worker behind."""
    before = set(multiprocessing.active_children())
    pool = ProcessPoolExecutor(max_workers=jobs)
    try:
        futures = [pool.submit(work, chunk) for chunk in chunks]
        results = [result for future in futures for result in future.result()]
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)
        _stop(before)
        pool.shutdown(wait=True)
        _stop(before)  # a worker the pool started again while it shut down (seen once in a full test run)
        raise
    pool.shutdown(wait=True)
    return results


def _stop(before: set[multiprocessing.process.BaseProcess]) -> None:
    """Terminate the children started since ``before``: the pool's workers, busy or not, and those the pool starts
    meanwhile to replace them (it does, seeing one die). There is no public way to stop a busy worker."""
    for _ in range(10):
        alive = [child for child in multiprocessing.active_children() if child not in before]
        if not alive:
            return
        for child in alive:
            child.terminate()
        for child in alive:
            child.join(timeout=2)


def _chunks(items: Sequence[C], jobs: int) -> list[list[C]]:
    size = max(1, -(-len(items) // (jobs * _CHUNKS_PER_JOB)))
    return [list(items[i : i + size]) for i in range(0, len(items), size)]


@dataclass(frozen=True)
class Setting:
    """What round 2 needs of the run besides the files: the checks' inputs and the catalogue the summaries foretell."""

    config: RuleConfig
    day: date
    register: Register
    key: str  # qms.rules.cache_keys.setting_key
    known: frozenset[str]
    edges: tuple[tuple[str, tuple[str, ...]], ...]  # the catalogue's codes in order, each with those it calls in it
    citing: tuple[str, ...]


@dataclass(frozen=True)
class Task:
    """One file of round 2: its path, entry and model with source map; the entries of the files its steps call."""

    path: Path
    entry: Entry
    model: bytes
    callees: tuple[tuple[Path, Entry], ...]
    shape: str  # the call graph's shape when the process is on a cycle, else ""


Settled = tuple[list[Diagnostic], tuple[str, list[Diagnostic]] | None]


@dataclass
class Pool:
    """The reader and settler :func:`qms.load.cached.load_cached` takes; in one process below :data:`MIN_FILES` files."""

    jobs: int
    setting_key: str
    config: RuleConfig
    day: date
    register: Register
    _models: dict[Path, bytes] = field(default_factory=dict)  # round 1's models with source maps, for round 2

    def read(self, paths: list[Path]) -> list[CachedFile]:
        if self.jobs < 2 or len(paths) < MIN_FILES:
            return read_fresh(paths)
        files = []
        for path, (entry, model) in zip(paths, run_chunks(read_chunk, _chunks(paths, self.jobs), self.jobs), strict=True):
            files.append(CachedFile(path, entry, changed=True))
            if model is not None:
                self._models[path] = model
        return files

    def settle(self, every: list[CachedFile], known: set[str]) -> None:
        if not self._models:
            return
        memo: list[str] = []
        plan = Plan.of(_foretold(every, known, memo))
        setting = Setting(self.config, self.day, self.register, self.setting_key, frozenset(known), plan.edges(), tuple(plan.citing))
        todo = [f for f in every if f.path in self._models]
        tasks = [self._task(f, plan) for f in todo]
        chunks = [(setting, chunk) for chunk in _chunks(tasks, self.jobs)]
        for file, (problems, findings) in zip(todo, run_chunks(settle_chunk, chunks, self.jobs), strict=True):
            file.entry.references = (references_key(file.summary, known, memo), problems)
            file.entry.findings = findings
        self._models.clear()

    def _task(self, file: CachedFile, plan: Plan) -> Task:
        callees = tuple((plan.by_code[c].path, plan.by_code[c].entry) for c in dict.fromkeys(file.summary.calls) if c in plan.by_code)
        shape = plan.shape if file.summary.code in plan.on_cycle else ""
        return Task(file.path, file.entry, self._models[file.path], callees, shape)


def _foretold(every: list[CachedFile], known: set[str], memo: list[str]) -> list[CachedFile]:
    """The catalogue as far as it is known before round 2: valid files, first of their code, no known reference problem."""
    first: set[str] = set()
    chosen = []
    for file in every:
        code, references = file.summary.code, file.entry.references
        if not file.summary.valid or code is None or code in first:
            continue
        first.add(code)
        if references is None or references[0] != references_key(file.summary, known, memo) or not references[1]:
            chosen.append(file)
    return chosen


def read_chunk(paths: list[Path]) -> list[tuple[Entry, bytes | None]]:
    """Round 1: each file's entry, and its model with its source map (round 2 locates findings with it)."""
    with collector_paused():
        out: list[tuple[Entry, bytes | None]] = []
        for path in paths:
            file = fresh_file(path)
            model = file.process() if file.entry.model is not None else None
            out.append((file.entry, pickle.dumps(model, protocol=pickle.HIGHEST_PROTOCOL) if model is not None else None))
        return out


def settle_chunk(arguments: tuple[Setting, list[Task]]) -> list[Settled]:
    """Round 2: each file's reference problems and, when it has none, its findings with the key they were computed under."""
    setting, tasks = arguments
    rules = enabled_rules(setting.config)
    codes = [code for code, _ in setting.edges]
    calls = calls_graph(codes, dict(setting.edges))
    out: list[Settled] = []
    with collector_paused():
        for task in tasks:
            process: Process = pickle.loads(task.model)  # made by round 1 in a worker of this run, never read from disk
            problems = check_references(process, process.origin.source, set(setting.known))
            if problems:
                out.append((problems, None))
                continue
            files = {entry.summary.code or "": CachedFile(path, entry) for path, entry in task.callees}
            files[process.code] = CachedFile(task.path, task.entry, process)
            catalogue = CachedCatalogue(files, codes, calls, list(setting.citing))
            first_citing = bool(setting.citing) and setting.citing[0] == process.code
            findings = check_process(process, rules, setting.config, catalogue, setting.day, setting.register)
            key = findings_key(files[process.code], files, setting.key, task.shape, first_citing)
            out.append(([], None if catalogue.models.missed else (key, findings)))
    return out


__all__ = ["MIN_FILES", "Pool", "available_cores", "run_chunks"]
