"""Which step of the process each activity label of a log records.

A label names a step by, in this order of precedence:

1. an **alias** of the log mapping file's ``activities`` table (docs/logs.md): the mapping is written for one
   export, so it wins over what the process file says;
2. the step's **id** (``tham-dinh``), its **name**, Vietnamese or English, or one of its **aliases** in the process
   file (``aliases: ["Tiếp nhận hồ sơ", "TN_HS"]``), compared after Unicode NFC, without case or diacritics and
   with runs of spaces made one («Thẩm định hồ sơ» = «tham dinh ho so»). Among the steps of one process these
   cannot clash: the loader refuses an alias that also names another step (QMS021). For a process built in code,
   ids come first, then names, then aliases, the first step declared winning;
3. the id, name or alias of a step of a **called process** (a sub-process step's ``calls``, within its
   ``calls_part``): the event is then recorded for the calling step, as part of that call.

A label matching none is kept as itself: an *activity not in the process*, a deviation of its own
(:mod:`qms.conformance.deviations`), never dropped. Labels are resolved once each, not once per event.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from qms.diagnostics import Diagnostic, Location, error
from qms.graph import ProcessGraph
from qms.i18n import _
from qms.logs import LogCode
from qms.logs import Mapping as LogMapping
from qms.model import Process, Step, StepType
from qms.model.values import echo, label_key


@dataclass(frozen=True)
class Resolved:
    """What a label records: a step id (None: no step of the process), and whether it is inside a call."""

    step: str | None
    inside_call: bool = False


@dataclass
class ActivityMap:
    """The keys a label may match, each with what it resolves to; ``problems``: aliases naming no step."""

    keys: dict[str, Resolved] = field(default_factory=dict)
    aliases: dict[str, Resolved] = field(default_factory=dict)
    problems: list[Diagnostic] = field(default_factory=list)

    def resolve(self, label: str) -> Resolved:
        key = label_key(label)
        return self.aliases.get(key) or self.keys.get(key) or Resolved(None)


def activity_map(process: Process, mapping: LogMapping | None = None, called: Mapping[str, Process] | None = None) -> ActivityMap:
    """The activity map of ``process``: its steps, the log mapping's aliases, the steps of the processes it calls."""
    found = ActivityMap()
    for labels in (_ids, _step_names, _aliases_of):
        for step in process.steps:
            for name in _names(*labels(step)):
                found.keys.setdefault(name, Resolved(step.id))
    for step in process.steps:
        inside = called.get(step.calls) if called and step.type is StepType.SUBPROCESS and step.calls else None
        part = step.calls_part
        for inner in _called_part(inside, part.starts_at if part else None, part.stops_at if part else None) if inside else ():
            for name in _names(inner.id, inner.name.vi, inner.name.en, *inner.aliases):
                found.keys.setdefault(name, Resolved(step.id, inside_call=True))
    if mapping is not None:
        _aliases(found, process, mapping)
    return found


def _ids(step: Step) -> list[str | None]:
    return [step.id]


def _step_names(step: Step) -> list[str | None]:
    return [step.name.vi, step.name.en]


def _aliases_of(step: Step) -> list[str | None]:
    return list(step.aliases)


def _names(*texts: str | None) -> Iterable[str]:
    return [label_key(text) for text in texts if text and label_key(text)]


def _called_part(called: Process, first: str | None, last: str | None) -> list[Step]:
    """The steps of ``called`` a call runs: from ``first`` to ``last`` (default: the whole process), end steps left out."""
    graph = ProcessGraph(called).digraph
    inside = set(graph.nodes)
    if first in graph:
        inside &= nx.descendants(graph, first) | {first}
    if last in graph:
        inside &= nx.ancestors(graph, last) | {last}
    return [s for s in called.steps if s.id in inside and s.type is not StepType.END]


def _aliases(found: ActivityMap, process: Process, mapping: LogMapping) -> None:
    for label, step in mapping.activities.items():
        if step in process.steps_by_id:
            found.aliases[label_key(label)] = Resolved(step)
            continue
        where = mapping.location.get("activities." + label, Location(Path("-")))
        message = _("nhãn «{label}» trỏ tới bước «{step}» không có trong quy trình {process}").format(
            label=echo(label), step=echo(step), process=process.code
        )
        hint = _("các mã bước có: {steps}").format(steps=", ".join(process.steps_by_id))
        found.problems.append(error(LogCode.MAPPING, where, message, hint))
