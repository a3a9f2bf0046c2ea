"""What each process's findings depend on, for the results cache (:mod:`qms.rules.cached`), and the catalogue it checks with.

The findings of one process depend on its own file, on the run's setting (the rules enabled, the configuration's
``ignore`` and ``severity``, the day legal validity is judged on, the legal register's files) and on other processes
only as the rules look at them: the processes its steps call (QMS305 compares a call with the called process's path,
QMS505 its status: their files' contents are part of the key), the call graph when the process is on a cycle of calls
(QMS106 names the chain: then the whole graph's shape is, since which of two equal chains is named depends on all of
it), and whether it is the first process citing law of the run (QMS405). A rule that looked at other processes in
another way would have to widen :meth:`Plan.key`; ``tests/rules/test_cached_check.py`` compares the findings with and
without the cache after changes of each kind.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import networkx as nx

from qms.graph import ProcessCatalogue
from qms.legal.register import Register
from qms.load.cache import digest
from qms.load.cached import CachedFile
from qms.model import Process
from qms.rules.base import Rule
from qms.rules.config import RuleConfig


class _Models(Mapping[str, Process]):
    """The catalogue's processes by code, each model read back from its entry when a rule asks for it.

    ``codes`` may name more processes than ``files`` holds (a worker of :mod:`qms.rules.parallel` gets only the
    processes a file calls); asking for another sets ``missed``, and the findings are then not trusted.
    """

    def __init__(self, files: Mapping[str, CachedFile], codes: Sequence[str]) -> None:
        self._files = files
        self._codes = dict.fromkeys(codes)
        self.missed = False

    def __getitem__(self, code: str) -> Process:
        if code not in self._files:
            self.missed = True
            raise KeyError(code)
        return self._files[code].process()

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __iter__(self) -> Iterator[str]:
        return iter(self._codes)

    def __len__(self) -> int:
        return len(self._codes)


class CachedCatalogue(ProcessCatalogue):
    """A catalogue answering from the files' summaries what they hold (the calls, who cites law), from models the rest."""

    def __init__(self, files: Mapping[str, CachedFile], codes: Sequence[str], calls: nx.DiGraph, citing: list[str]) -> None:
        super().__init__(())
        self.models = _Models(files, codes)
        self._by_code = self.models
        # cached_property values, set here so that neither is computed from every model.
        self.__dict__["calls"] = calls
        self.__dict__["citing"] = citing


def setting_key(rules: Iterable[type[Rule]], config: RuleConfig, day: date, register: Register) -> str:
    """What every process's findings depend on besides the processes: rules, configuration, day, legal register."""
    return digest(
        repr([r.code for r in rules]), repr(config.ignore), repr(sorted(config.severity.items())), day.isoformat(), _register_key(register)
    )


def _register_key(register: Register) -> str:
    """The register's files and their contents (the package's own register changes only with qms's version)."""
    parts: list[bytes | str] = []
    for path in register.files:
        try:
            parts += [str(path), Path(path).read_bytes()]
        except OSError:
            parts += [str(path), "unreadable"]
    return digest(*parts) if parts else "default"


@dataclass
class Plan:
    """The catalogue of a run as the files' summaries give it, and what each findings key needs of it."""

    by_code: dict[str, CachedFile]
    calls: nx.DiGraph
    citing: list[str]
    on_cycle: set[str]
    shape: str  # the call graph's shape (digest), when some process is on a cycle

    @classmethod
    def of(cls, files: Iterable[CachedFile]) -> Plan:
        by_code = {f.summary.code or "": f for f in files}
        calls = calls_graph(by_code, {code: f.summary.subprocess_calls for code, f in by_code.items()})
        citing = sorted(code for code, f in by_code.items() if f.summary.cites_law)
        on_cycle = {code for members in nx.strongly_connected_components(calls) if len(members) > 1 for code in members}
        on_cycle |= {code for code in by_code if calls.has_edge(code, code)}
        shape = digest(repr([(code, list(calls.successors(code))) for code in by_code])) if on_cycle else ""
        return cls(by_code, calls, citing, on_cycle, shape)

    def key(self, file: CachedFile, setting: str) -> str:
        code = file.summary.code or ""
        return findings_key(
            file, self.by_code, setting, self.shape if code in self.on_cycle else "", bool(self.citing) and self.citing[0] == code
        )

    def catalogue(self) -> CachedCatalogue:
        return CachedCatalogue(self.by_code, list(self.by_code), self.calls, self.citing)

    def edges(self) -> tuple[tuple[str, tuple[str, ...]], ...]:
        return tuple((code, tuple(self.calls.successors(code))) for code in self.by_code)


def calls_graph(codes: Iterable[str], calls: Mapping[str, Sequence[str]]) -> nx.DiGraph:
    """The graph of calls between ``codes``, built in the order :attr:`ProcessCatalogue.calls` builds it (a path it names
    depends on that order)."""
    graph = nx.DiGraph()
    graph.add_nodes_from(codes)
    for code, called in calls.items():
        graph.add_edges_from((code, c) for c in called if c in graph)
    return graph


def findings_key(file: CachedFile, by_code: Mapping[str, CachedFile], setting: str, shape: str, first_citing: bool) -> str:
    called = [f"{code}={by_code[code].summary.content if code in by_code else '-'}" for code in dict.fromkeys(file.summary.calls)]
    return digest(setting, file.summary.content, *called, shape, str(first_citing))


__all__ = ["CachedCatalogue", "Plan", "calls_graph", "findings_key", "setting_key"]
