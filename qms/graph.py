"""The process as a directed graph: the second stage of the pipeline.

:class:`ProcessGraph` wraps a ``networkx.DiGraph`` whose nodes are step ids
(attribute ``step``) and whose edges carry the branch label (``label``).
Later stages (rules, diagrams, BPMN, handbook, logs) use this small typed
API rather than walking ``process.steps`` themselves.

Time along a path counts working minutes of the steps on it. Steps marked
``stops_clock`` (waiting for the citizen to supplement a dossier) do not
count, because the law stops the clock while the dossier is with the
citizen [S: domain brief C1]. A return path (loop) is walked at most once:
the longest path is taken over the graph without its back edges.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from itertools import islice

import networkx as nx

from qms.model import Duration, Process, Step, StepType, Text


@dataclass(frozen=True)
class TimedPath:
    """A path from the start to an end, with the working time it takes."""

    steps: tuple[str, ...]
    minutes: int
    # Steps on the path with no duration: the time is then a lower bound.
    untimed: tuple[str, ...] = ()

    @property
    def complete(self) -> bool:
        return not self.untimed


@dataclass(frozen=True)
class DeadlinePath:
    """A statutory deadline and the longest path it must hold (None: no such path)."""

    deadline: Duration
    path: TimedPath | None
    field: tuple[str | int, ...]  # where the deadline is written in the process
    case: Text | None = None  # the case it belongs to; None for the process's own deadline


class ProcessGraph:
    """Graph view of one process."""

    def __init__(self, process: Process):
        self.process = process
        graph = nx.DiGraph()
        for step in process.steps:
            graph.add_node(step.id, step=step)
        for step in process.steps:
            targets = [(step.next, None)] if step.next else [(b.to, b.when) for b in step.branches]
            for target, label in targets:
                if target in graph:  # dangling references are the loader's business
                    graph.add_edge(step.id, target, label=label)
        self._graph = graph
        self._avoiding: dict[tuple[frozenset[str], str | None, str | None], TimedPath | None] = {}

    @property
    def digraph(self) -> nx.DiGraph:
        """The underlying networkx graph (read-only view)."""
        return self._graph.copy(as_view=True)

    def step(self, step_id: str) -> Step:
        step: Step = self._graph.nodes[step_id]["step"]
        return step

    # --- structure --------------------------------------------------------
    @cached_property
    def starts(self) -> list[str]:
        return [s.id for s in self.process.steps if s.type is StepType.START]

    @property
    def start(self) -> str | None:
        """The single start step, or None when there is none or several."""
        return self.starts[0] if len(self.starts) == 1 else None

    @cached_property
    def ends(self) -> list[str]:
        return [s.id for s in self.process.steps if s.type is StepType.END]

    def successors(self, step_id: str) -> list[str]:
        return list(self._graph.successors(step_id))

    def predecessors(self, step_id: str) -> list[str]:
        return list(self._graph.predecessors(step_id))

    def edge_label(self, source: str, target: str) -> str | None:
        label = self._graph.edges[source, target].get("label")
        return str(label) if label is not None else None

    @cached_property
    def reachable_from_start(self) -> frozenset[str]:
        return _reached(self._graph.succ, self.starts)

    @cached_property
    def reaching_an_end(self) -> frozenset[str]:
        """Steps from which some end step can be reached."""
        return _reached(self._graph.pred, self.ends)

    @cached_property
    def back_edges(self) -> frozenset[tuple[str, str]]:
        """Edges that return to a step still open on the depth-first path from the start (loops)."""
        back: set[tuple[str, str]] = set()
        roots = self.starts or [s.id for s in self.process.steps[:1]]
        for root in roots:
            on_path: set[str] = set()
            for source, target, direction in nx.dfs_labeled_edges(self._graph, root):
                if direction == "forward":
                    on_path.add(target)
                elif direction == "reverse":
                    on_path.discard(target)
                elif direction == "nontree" and target in on_path:
                    back.add((source, target))
        return frozenset(back)

    def loops(self) -> list[list[str]]:
        """Every elementary cycle, each as a list of step ids."""
        return [list(c) for c in nx.simple_cycles(self._graph)]

    def lanes(self) -> dict[str, list[str]]:
        """Step ids per role, roles in declared order; steps without a role under ``""``."""
        lanes: dict[str, list[str]] = {role: [] for role in self.process.roles}
        for step in self.process.steps:
            lanes.setdefault(step.role or "", []).append(step.id)
        return lanes

    # --- paths and time -----------------------------------------------------
    def paths(self, limit: int = 10_000) -> Iterator[list[str]]:
        """Simple paths from the start to each end (at most ``limit`` of them)."""
        if self.start is None or not self.ends:
            return iter(())
        found = nx.all_simple_paths(self._graph, self.start, self.ends)
        return islice(found, limit)

    def step_minutes(self, step_id: str) -> int:
        step = self.step(step_id)
        if step.stops_clock or step.duration is None:
            return 0
        return step.duration.minutes

    @property
    def longest_path(self) -> TimedPath | None:
        """The start-to-end path that takes the most working time, loops walked once.

        None when the process has no single start or no reachable end.
        """
        return self.longest_path_avoiding(())

    def longest_path_avoiding(self, steps: Iterable[str], start: str | None = None, stop: str | None = None) -> TimedPath | None:
        """The longest path that goes through none of ``steps`` (the main case of a deadline).

        From ``start`` (default: the start step) to ``stop`` (default: any end step), both counted. Remembered:
        several rules ask the same question of a graph (and of the graphs of called processes).
        """
        key = (frozenset(steps), start, stop)
        if key not in self._avoiding:
            self._avoiding[key] = self._longest_avoiding(key[0], start, stop)
        return self._avoiding[key]

    def _longest_avoiding(self, steps: frozenset[str], start: str | None, stop: str | None) -> TimedPath | None:
        origin = start or self.start
        if origin is None or origin in steps:
            return None
        ahead, _ = self._timed_dag(origin, stop, steps)
        ends = [stop] if stop else self.ends
        reached = [e for e in ends if e in ahead]
        if not reached:
            return None
        return self._timed(self._chain(ahead, max(reached, key=lambda e: ahead[e][0])))

    def longest_path_through(
        self, steps: Iterable[str], start: str | None = None, stop: str | None = None, avoiding: Iterable[str] = ()
    ) -> TimedPath | None:
        """The longest path through at least one of ``steps`` (a case with its own deadline) and none of ``avoiding``;
        bounds as above."""
        origin = start or self.start
        if origin is None or origin in set(avoiding):
            return None
        ahead, behind = self._timed_dag(origin, stop, frozenset(avoiding))
        inner = [s for s in steps if s in ahead and s in behind]
        if not inner:
            return None
        # Time to a step and time from it to the stop both count the step itself once.
        via = max(inner, key=lambda s: ahead[s][0] + behind[s][0] - self.step_minutes(s))
        after: list[str] = []
        node = behind[via][1]
        while node is not None:
            after.append(node)
            node = behind[node][1]
        return self._timed(self._chain(ahead, via) + after)

    @cached_property
    def deadline_paths(self) -> list[DeadlinePath]:
        """Each statutory deadline of the process with the longest path it must hold.

        The process's ``deadline`` binds the paths through no step of a case; each of ``deadline_cases`` binds the
        paths through one of its steps; all are counted between the ``clock`` steps (default: start to end). A path
        through a step that issues a new due date (``extends_deadline``: the apology, form 04) is held to that new date,
        not to the deadline it replaces, so it is left out.
        """
        process = self.process
        start, stop = (process.clock.starts_at, process.clock.stops_at) if process.clock else (None, None)
        special = [s for case in process.deadline_cases for s in case.through]
        extending = [s.id for s in process.steps if s.extends_deadline]
        found: list[DeadlinePath] = []
        if process.deadline is not None:
            found.append(DeadlinePath(process.deadline, self.longest_path_avoiding(special + extending, start, stop), ("deadline",)))
        for i, case in enumerate(process.deadline_cases):
            path = self.longest_path_through(case.through, start, stop, extending)
            found.append(DeadlinePath(case.deadline, path, ("deadline_cases", i, "deadline"), case.when))
        return found

    def _timed_dag(
        self, origin: str, stop: str | None, excluded: frozenset[str]
    ) -> tuple[dict[str, tuple[int, str | None]], dict[str, tuple[int, str | None]]]:
        """Longest times over the steps reachable from ``origin`` without ``excluded``, rework edges left out.

        Returns, per step, the most minutes from ``origin`` up to and including it with the step before it, and
        the most minutes from it (included) to ``stop`` (or an end) with the step after it. Kahn's algorithm on the
        graph's own adjacency: what remains without the back edges is acyclic, because every loop reachable from
        the start contains an edge back to a step on the depth-first path; copying the graph to drop those edges
        cost more than the rest of all the rules together (benchmarks/RESULTS.md).
        """
        successors, back = self._graph.succ, self.back_edges
        # The forward edges of every step reachable from the origin, found once and walked three times below.
        forward: dict[str, list[str]] = {}
        stack = [origin]
        while stack:
            node = stack.pop()
            if node in forward:
                continue
            forward[node] = [n for n in successors[node] if (node, n) not in back and n not in excluded]
            stack += forward[node]
        waiting = dict.fromkeys(forward, 0)
        for targets in forward.values():
            for nxt in targets:
                waiting[nxt] += 1
        ahead: dict[str, tuple[int, str | None]] = {origin: (self.step_minutes(origin), None)}
        order, ready = [], [origin]
        while ready:
            node = ready.pop()
            order.append(node)
            for nxt in forward[node]:
                candidate = ahead[node][0] + self.step_minutes(nxt)
                if nxt not in ahead or candidate > ahead[nxt][0]:
                    ahead[nxt] = (candidate, node)
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    ready.append(nxt)
        ends = {stop} if stop else set(self.ends)
        behind: dict[str, tuple[int, str | None]] = {}
        for node in reversed(order):
            following = [n for n in forward[node] if n in behind]
            if node in ends:
                behind[node] = (self.step_minutes(node), None)  # the clock stops here, whatever follows
            elif following:
                nxt = max(following, key=lambda n: behind[n][0])
                behind[node] = (self.step_minutes(node) + behind[nxt][0], nxt)
        return ahead, behind

    @staticmethod
    def _chain(ahead: dict[str, tuple[int, str | None]], last: str) -> list[str]:
        path: list[str] = []
        node: str | None = last
        while node is not None:
            path.append(node)
            node = ahead[node][1]
        return path[::-1]

    def _timed(self, path: list[str]) -> TimedPath:
        untimed = tuple(s for s in path if self.step(s).duration is None and not self.step(s).stops_clock and self.step(s).type is not StepType.END)
        return TimedPath(tuple(path), sum(self.step_minutes(s) for s in path), untimed)


def _reached(adjacency: Mapping[str, Iterable[str]], sources: Iterable[str]) -> frozenset[str]:
    """The sources and every step reached from one of them along ``adjacency``.

    One walk for all the sources together: a walk (``nx.descendants``) per source was quadratic in a process with
    many end steps (each refusal ending on its own, say).
    """
    reached = set(sources)
    stack = list(reached)
    while stack:
        for nxt in adjacency[stack.pop()]:
            if nxt not in reached:
                reached.add(nxt)
                stack.append(nxt)
    return frozenset(reached)


def build_graph(process: Process) -> ProcessGraph:
    return ProcessGraph(process)


class ProcessCatalogue(Mapping[str, Process]):
    """The processes of a project by code, with the graph of sub-process calls between them.

    Built once per check run and shared by every process's rules, so that
    questions about calls across the whole catalogue are answered once.
    """

    def __init__(self, processes: Iterable[Process]):
        # A Mapping: the results cache (qms.rules.cached) hands a catalogue whose models are read back when asked for.
        self._by_code: Mapping[str, Process] = {p.code: p for p in processes}
        self._graphs: dict[str, ProcessGraph] = {}

    def __getitem__(self, code: str) -> Process:
        return self._by_code[code]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_code)

    def __len__(self) -> int:
        return len(self._by_code)

    def graph(self, code: str) -> ProcessGraph:
        """The graph of a process of the catalogue, built once (rules look at the processes a step calls)."""
        if code not in self._graphs:
            self._graphs[code] = ProcessGraph(self._by_code[code])
        return self._graphs[code]

    @cached_property
    def calls(self) -> nx.DiGraph:
        """Edge A -> B when a step of process A calls process B (only processes in the catalogue)."""
        graph = nx.DiGraph()
        graph.add_nodes_from(self._by_code)
        for process in self._by_code.values():
            for step in process.steps:
                if step.type is StepType.SUBPROCESS and step.calls in self._by_code:
                    graph.add_edge(process.code, step.calls)
        return graph

    @cached_property
    def citing(self) -> list[str]:
        """The codes of the processes that have a legal basis, sorted (QMS405 reports on the first)."""
        return sorted(code for code, process in self._by_code.items() if process.legal_basis)

    @cached_property
    def _component(self) -> dict[str, int]:
        return {code: i for i, members in enumerate(nx.strongly_connected_components(self.calls)) for code in members}

    def call_cycle(self, caller: str, called: str) -> list[str] | None:
        """The chain caller -> called -> ... -> caller when that call closes a cycle of calls, else None."""
        if called not in self._by_code or caller not in self._by_code:
            return None
        if called == caller:
            return [caller, caller]
        if self._component[caller] != self._component[called]:
            return None
        return [caller, *nx.shortest_path(self.calls, called, caller)]
