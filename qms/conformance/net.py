"""The Petri net a process graph stands for, as token-based replay (pm4py's) needs it.

The process graph (qms/graph.py) has one kind of flow: a step hands the dossier to one next step, a decision to
exactly one of its branches (exclusive choice), and several arrows may lead into one step (a rework loop returning,
branches meeting again). Nothing runs in parallel. The net derived from it:

* **one visible transition per step**, labelled by the step id (a sub-process call is one transition: the called
  process's inside is its own business), except **end steps**, which are states, not work: exports seldom record
  them (the log generator leaves them out, benchmarks/generate_log.py), so an end step is the **sink** place itself
  and an event naming one moves no token (pm4py ignores it too, as a label its net does not have);
* **one place per step**, ``in:<step>``, where *every* arrow into that step ends. Sharing it is what makes a merge
  exclusive: with one place per arrow, a step reached from two steps (``kiem-tra`` from the receipt and from the
  supplement) would wait for a token on both arrows, an AND-join, and every dossier going straight through would
  miss a token. The start step's place is ``source``, the initial marking one token there; the final marking is
  one token in ``sink``;
* a task (or a call) consumes from its own place and produces into the place of its ``next`` step (``sink`` when
  that is an end step);
* **a decision's outgoing arrows share one place**, ``after:<decision>``: the decision transition produces a single
  token there, and one **silent transition** per branch (``<decision>-><target>``) moves it into the branch
  target's place. Both branches compete for that one token, so they are exclusive. The silent transitions are
  needed because a branch target may also be reached from elsewhere (``yeu-cau-bo-sung`` after the check and after
  the appraisal): merging the branch places with the targets' places instead would let the first decision's token
  enable the second decision's branches.

Every transition has exactly one input and one output arc of weight 1, so the net is a state machine: a run that
follows the process holds one token at a time. Place names sort the same way here as in pm4py (the replay picks,
among several marked decision places, the first by name, as pm4py's ``get_hidden_transitions_to_enable`` does).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from qms.graph import ProcessGraph
from qms.model import StepType

SOURCE, SINK = "source", "sink"


def place_before(step: str) -> str:
    return f"in:{step}"


def place_after(decision: str) -> str:
    return f"after:{decision}"


@dataclass(frozen=True)
class Arc:
    """One transition's single input and output place."""

    before: str
    after: str


@dataclass(frozen=True)
class ProcessNet:
    """The net of one process: visible transitions by step id, silent ones by (decision, target)."""

    visible: dict[str, Arc]
    silent: dict[tuple[str, str], Arc]
    ends: frozenset[str] = frozenset()

    @cached_property
    def silent_into(self) -> dict[str, list[tuple[str, str]]]:
        """For each place, the silent transitions producing into it, in the order of their input place's name."""
        into: dict[str, list[tuple[str, str]]] = {}
        for key, arc in sorted(self.silent.items(), key=lambda item: (item[1].before, item[0])):
            into.setdefault(arc.after, []).append(key)
        return into

    @cached_property
    def places(self) -> frozenset[str]:
        arcs = [*self.visible.values(), *self.silent.values()]
        return frozenset({SOURCE, SINK} | {a.before for a in arcs} | {a.after for a in arcs})


def derive_net(graph: ProcessGraph) -> ProcessNet:
    """The net of ``graph`` as the module docstring derives it."""
    process = graph.process
    ends = frozenset(s.id for s in process.steps if s.type is StepType.END)
    starts = {s.id for s in process.steps if s.type is StepType.START}

    def entry(step: str) -> str:
        if step in ends:
            return SINK
        return SOURCE if step in starts else place_before(step)

    visible: dict[str, Arc] = {}
    silent: dict[tuple[str, str], Arc] = {}
    for step in process.steps:
        if step.id in ends:
            continue
        if step.type is StepType.DECISION:
            visible[step.id] = Arc(entry(step.id), place_after(step.id))
            for target in graph.successors(step.id):
                silent[(step.id, target)] = Arc(place_after(step.id), entry(target))
            continue
        targets = graph.successors(step.id)
        # a task without a next step is the loader's business (QMS rules): its token stays where it is produced
        visible[step.id] = Arc(entry(step.id), entry(targets[0]) if targets else place_after(step.id))
    return ProcessNet(visible, silent, ends)
