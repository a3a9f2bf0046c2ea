"""The deviations of one variant (a dossier path), by kind, as an auditor reads them.

The token counts (:mod:`qms.conformance.replay`) say *how much* a path departs from the process; these say *what*
happened, each at one step. On the path's labels in time order (step ids; a label no step records stays itself):

* **activity not in the process** (``unknown_activity``): a label that maps to no step, at that label;
* **step missing** (``missing``): a step the path must have gone through and never did: between two recorded
  steps where the second is not a next step of the first, the steps of the shortest way from the first to the
  second in the process graph that the dossier never records anywhere (and before the first recorded step, those
  from the start step). Steps after the last recorded one are not missing: the dossier is ``incomplete`` instead;
* **step repeated** (``repeated``): a step recorded more than once that lies on no loop of the process (a rework
  loop declares that its steps may come again); counted once per extra time;
* **steps out of order** (``out_of_order``): a step recorded before a step that must come strictly before it (the
  one reaches the other in the process graph and not the other way round), at the step done too early, with the
  step it came before;
* **exclusive branch violated** (``both_branches``): after a decision and before it is taken again, steps that
  only one branch leads to (reached from that branch, the decision left out, and from no other branch) recorded
  for two branches, at the decision, with the branches taken;
* **not finished** (``incomplete``): no recorded step is an end step or leads straight to one, at the last step
  recorded: the dossier may still be open, which the event log does not say.

A path with none of these, and fitness 1, conforms.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property
from itertools import pairwise

import networkx as nx

from qms.graph import ProcessGraph
from qms.i18n import Message, _
from qms.model import StepType

UNKNOWN = "?"  # the prefix of a label that maps to no step, in a variant's path (step ids never start with it)


class DeviationKind(StrEnum):
    MISSING = "missing"
    REPEATED = "repeated"
    OUT_OF_ORDER = "out_of_order"
    BOTH_BRANCHES = "both_branches"
    UNKNOWN_ACTIVITY = "unknown_activity"
    INCOMPLETE = "incomplete"


KIND_LABELS: dict[DeviationKind, Message] = {
    DeviationKind.MISSING: _("bỏ qua bước"),
    DeviationKind.REPEATED: _("lặp lại bước"),
    DeviationKind.OUT_OF_ORDER: _("sai thứ tự bước"),
    DeviationKind.BOTH_BRANCHES: _("đi cả hai nhánh của một bước quyết định"),
    DeviationKind.UNKNOWN_ACTIVITY: _("hoạt động không có trong quy trình"),
    DeviationKind.INCOMPLETE: _("chưa đến bước kết thúc"),
}


@dataclass(frozen=True)
class Deviation:
    """One kind of deviation at one step (or, for an unknown activity, at its label) of a variant."""

    kind: DeviationKind
    step: str
    occurrences: int = 1
    others: tuple[str, ...] = ()  # the step it came before (out of order), the branches taken (both branches)


class ProcessOrder:
    """What the deviations need to know of a process graph, worked out once for all its variants."""

    def __init__(self, graph: ProcessGraph) -> None:
        self.graph = graph
        self.digraph = graph.digraph
        process = graph.process
        self.ends = frozenset(s.id for s in process.steps if s.type is StepType.END)
        self.decisions = [s.id for s in process.steps if s.type is StepType.DECISION]
        self.reach = {node: frozenset(nx.descendants(self.digraph, node)) for node in self.digraph}
        self.looped = frozenset(
            n for c in nx.strongly_connected_components(self.digraph) for n in c if len(c) > 1 or self.digraph.has_edge(n, n)
        )
        self._paths: dict[tuple[str, str], list[str] | None] = {}

    def before(self, first: str, second: str) -> bool:
        """``first`` must come strictly before ``second``: it leads to it and not back."""
        return second in self.reach.get(first, ()) and first not in self.reach.get(second, ())

    def path(self, source: str, target: str) -> list[str] | None:
        """The shortest way from ``source`` to ``target`` (both included); from a step to itself, round its loop."""
        if (source, target) not in self._paths:
            self._paths[(source, target)] = self._shortest(source, target)
        return self._paths[(source, target)]

    def _shortest(self, source: str, target: str) -> list[str] | None:
        if source not in self.digraph or target not in self.reach[source]:
            return None
        if source != target:
            return list(nx.shortest_path(self.digraph, source, target))
        rounds = [
            [source, *nx.shortest_path(self.digraph, nxt, target)]
            for nxt in self.digraph.successors(source)
            if target in self.reach[nxt] | {nxt}
        ]
        return min(rounds, key=len) if rounds else None

    @cached_property
    def exclusive(self) -> dict[str, dict[str, frozenset[str]]]:
        """For each decision, for each branch target, the steps only that branch leads to."""
        found: dict[str, dict[str, frozenset[str]]] = {}
        for decision in self.decisions:
            without = self.digraph.subgraph(n for n in self.digraph if n != decision)
            reached = {t: frozenset(nx.descendants(without, t)) | {t} for t in self.graph.successors(decision) if t != decision}
            found[decision] = {
                t: steps - frozenset().union(*(other for o, other in reached.items() if o != t)) for t, steps in reached.items()
            }
        return found

    @cached_property
    def finishing(self) -> frozenset[str]:
        """The end steps and the steps that lead straight to one."""
        return self.ends | {n for n in self.digraph if any(t in self.ends for t in self.digraph.successors(n))}


def find_deviations(order: ProcessOrder, path: Sequence[str]) -> list[Deviation]:
    """Every deviation of the variant ``path`` (step ids, unknown labels prefixed with :data:`UNKNOWN`)."""
    steps = [label for label in path if not label.startswith(UNKNOWN)]
    found = [
        Deviation(DeviationKind.UNKNOWN_ACTIVITY, label[1:], n) for label, n in Counter(x for x in path if x.startswith(UNKNOWN)).items()
    ]
    found += _missing(order, steps)
    found += [
        Deviation(DeviationKind.REPEATED, s, n - 1)
        for s, n in Counter(steps).items()
        if n > 1 and s not in order.looped and s not in order.ends
    ]
    found += _out_of_order(order, steps)
    found += _both_branches(order, steps)
    if steps and not any(s in order.finishing for s in steps):
        found.append(Deviation(DeviationKind.INCOMPLETE, steps[-1]))
    return found


def _missing(order: ProcessOrder, steps: list[str]) -> list[Deviation]:
    recorded = set(steps)
    skipped: Counter[str] = Counter()
    start = order.graph.start
    if steps and start is not None and steps[0] != start:
        way = order.path(start, steps[0])
        skipped.update(s for s in (way or [start])[:-1] if s not in recorded)
    for first, second in pairwise(steps):
        if second in order.digraph.succ.get(first, ()):
            continue
        way = order.path(first, second)
        if way is not None:
            skipped.update(s for s in way[1:-1] if s not in recorded)
    return [Deviation(DeviationKind.MISSING, s, n) for s, n in skipped.items()]


def _out_of_order(order: ProcessOrder, steps: list[str]) -> list[Deviation]:
    early: Counter[str] = Counter()
    before: dict[str, str] = {}
    for i, step in enumerate(steps):
        later = next((s for s in steps[i + 1 :] if order.before(s, step)), None)
        if later is not None:
            early[step] += 1
            before.setdefault(step, later)
    return [Deviation(DeviationKind.OUT_OF_ORDER, s, n, (before[s],)) for s, n in early.items()]


def _both_branches(order: ProcessOrder, steps: list[str]) -> list[Deviation]:
    violated: Counter[str] = Counter()
    taken: dict[str, tuple[str, ...]] = {}
    for decision, branches in order.exclusive.items():
        at = [i for i, s in enumerate(steps) if s == decision]
        for k, i in enumerate(at):
            window = set(steps[i + 1 : at[k + 1] if k + 1 < len(at) else len(steps)])
            chosen = tuple(t for t, only in branches.items() if window & only)
            if len(chosen) > 1:
                violated[decision] += 1
                taken.setdefault(decision, chosen)
    return [Deviation(DeviationKind.BOTH_BRANCHES, d, n, taken[d]) for d, n in violated.items()]
