"""Token-based replay of one variant (a dossier path: its step ids in time order) on the net of its process.

The counts are pm4py's token-based replay (``pm4py.algo.conformance.tokenreplay``, its default parameters), on the
net :mod:`qms.conformance.net` derives; fitness is

    ½ (1 - missing / consumed) + ½ (1 - remaining / produced)

* the initial token in ``source`` counts as produced, the final one taken from ``sink`` as consumed;
* a step's transition that is not enabled is first enabled by a silent transition when one moves a waiting token
  into its place (a decision's token into the chosen branch; among several marked decision places the first by
  name, as pm4py does), else the missing token is added and counted;
* after the last event, a decision's token that a silent transition can move into ``sink`` is moved; if ``sink``
  is still empty, its token is missing;
* the tokens left anywhere, less the one token of the final marking, are remaining;
* a label with no transition (an end step, an activity not in the process) moves nothing: pm4py ignores it the
  same way, which is why activities not in the process are reported by :mod:`qms.conformance.deviations` on top
  of the fitness, and why a dossier with one is never conforming here (pm4py issue #435).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from qms.conformance.net import SINK, SOURCE, Arc, ProcessNet


@dataclass(frozen=True)
class TokenCounts:
    """A replay's four counts and the fitness they give."""

    missing: int
    consumed: int
    remaining: int
    produced: int

    @property
    def fitness(self) -> float:
        if self.consumed <= 0 or self.produced <= 0:
            return 1.0
        return 0.5 * (1.0 - self.missing / self.consumed) + 0.5 * (1.0 - self.remaining / self.produced)

    @property
    def fits(self) -> bool:
        return self.missing == 0 and self.remaining == 0


class _Replay:
    """The marking and the counts of one replay in progress."""

    def __init__(self, net: ProcessNet) -> None:
        self.net = net
        self.marking: Counter[str] = Counter({SOURCE: 1})
        self.missing, self.consumed, self.produced = 0, 0, 1

    def fire(self, arc: Arc) -> None:
        self.marking[arc.before] -= 1
        if self.marking[arc.before] <= 0:
            del self.marking[arc.before]
        self.marking[arc.after] += 1
        self.consumed += 1
        self.produced += 1

    def fire_silent_into(self, place: str) -> bool:
        """Move a waiting token into ``place`` by one silent transition, if one can; True when done."""
        for key in self.net.silent_into.get(place, ()):
            arc = self.net.silent[key]
            if self.marking[arc.before] > 0:
                self.fire(arc)
                return True
        return False

    def step(self, arc: Arc) -> None:
        if self.marking[arc.before] < 1 and not self.fire_silent_into(arc.before):
            self.missing += 1
            self.marking[arc.before] += 1
        self.fire(arc)

    def finish(self) -> TokenCounts:
        if self.marking[SINK] < 1:
            self.fire_silent_into(SINK)
        missing = self.missing + (0 if self.marking[SINK] >= 1 else 1)
        remaining = sum(self.marking.values()) - min(self.marking[SINK], 1)
        return TokenCounts(missing, self.consumed + 1, remaining, self.produced)


def replay(net: ProcessNet, steps: Iterable[str]) -> TokenCounts:
    """The token counts of the path ``steps`` (step ids in time order; other labels are skipped) on ``net``."""
    run = _Replay(net)
    for step in steps:
        arc = net.visible.get(step)
        if arc is not None:
            run.step(arc)
    return run.finish()
