"""What a BPMN file says, as :mod:`qms.bpmn.read_diagram` reads it: typed, with no XML left.

This is the hand-over between reading and mapping. Every string in it has
been cleaned (:mod:`qms.bpmn.text`); ids and references are compared as
cleaned. Names are as a modeler shows them (whitespace collapsed to single
spaces); attributes that the mapping uses as they are (ids, the pool's and
the process's names) keep their raw value, ``None`` when absent. Lists keep
the order of the file: the mapping notes what it meets in that order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qms.bpmn.common import ImportNote, Position
from qms.i18n import Lang

Box = tuple[float, float, float, float]  # x, y, width, height of a shape in the diagram interchange


@dataclass(frozen=True)
class Named:
    """The process, or the pool (participant) that shows it: its ``id`` and ``name`` attributes as written."""

    id: str | None
    name: str | None


@dataclass(frozen=True)
class FlowNode:
    """An event, task, gateway, call activity or sub-process of the process."""

    id: str
    tag: str  # the BPMN element's local name: userTask, exclusiveGateway, ...
    name: str
    documentation: str = ""  # the texts of its bpmn:documentation, one per line
    called: str = ""  # calledElement, as written
    attached_to: str = ""  # attachedToRef (a boundary event)
    event_definitions: tuple[str, ...] = ()  # local names of its *EventDefinition children
    has_flow_nodes: bool = False  # it holds flow nodes of its own (an expanded sub-process)
    # The qms:step data: values that would not validate are left out and listed in ``dropped`` (attribute, value).
    step: dict[str, Any] | None = None
    dropped: tuple[tuple[str, str], ...] = ()
    synthetic: str | None = None  # the kind of a node the qms writer added ("join", "start", ...); None: drawn


@dataclass(frozen=True)
class Artifact:
    """A data object, data store, text annotation or group: nothing a step holds."""

    id: str
    tag: str
    label: str  # its name, or the start of its text


@dataclass(frozen=True)
class Unknown:
    """A BPMN element of the process that is neither a flow node, a flow nor an artifact (or a flow node without id)."""

    id: str | None
    tag: str


@dataclass(frozen=True)
class Flow:
    """A sequence flow."""

    id: str
    source: str
    target: str
    name: str
    condition: str  # the condition expression, whitespace collapsed
    branches: list[dict[str, str]]  # bilingual labels from our extension data


@dataclass(frozen=True)
class Lane:
    """A lane, with the lanes nested in it (its child lane sets, in order)."""

    id: str | None
    name: str
    stored_id: str | None  # the role id qms stored on it
    unassigned: bool  # qms drew it for the steps without a role
    refs: list[str]  # the flow nodes it lists
    children: list[Lane] = field(default_factory=list)


@dataclass
class Diagram:
    """The one process of a BPMN file that is imported, and what is needed to map it and to place notes."""

    process: Named
    pool: Named | None
    lang: Lang  # the language of the names in the file; qms writes it in its extension data
    meta: dict[str, Any] | None  # the process's data qms stored (JSON), when it could be read
    meta_at: Position | None  # where qms:meta starts: notes about the qms data point there
    contents: list[FlowNode | Artifact | Unknown]
    flows: list[Flow]
    lanes: list[Lane]
    bounds: dict[str, Box]  # element id -> its shape
    where: dict[str, Position]  # element id -> where that id is first met in the file
    notes: list[ImportNote]  # what reading found: characters cleaned, other processes, unreadable qms data
