"""Swimlane layout: where each step and lane goes, shared by the flowchart and BPMN diagram interchange.

A process diagram in an agency's handbook reads like a table: one row
(lane) per role, in the order the roles are declared, and the flow going
left to right in columns. dot's own cluster layout does not keep lanes in
order, so the grid is computed here and graphviz only routes the edges.

Columns come from a longest-path layering of the graph without its return
edges (a step sits right of every step that leads to it); steps of one
lane in the same column (the branches of a decision, say) are stacked in
sub-rows of the lane. Coordinates are in points (1/72
inch), origin at the top left, y growing downwards, as in BPMN DI.
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from qms.graph import ProcessGraph
from qms.model import StepType

HEADER_WIDTH = 120.0  # lane title column
TITLE_HEIGHT = 56.0  # room for the title block above the lanes
COLUMN_WIDTH = 230.0
LANE_HEIGHT = 140.0  # one sub-row; a lane has as many as its busiest column needs
MARGIN = 16.0

# Node sizes (width, height) per step type, in points.
SIZES: dict[StepType, tuple[float, float]] = {
    StepType.START: (136.0, 54.0),
    StepType.END: (136.0, 54.0),
    StepType.TASK: (150.0, 72.0),
    StepType.SUBPROCESS: (150.0, 72.0),
    StepType.DECISION: (160.0, 96.0),
}


@dataclass(frozen=True)
class Box:
    """A rectangle: top-left corner, width and height (points)."""

    x: float
    y: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.x + self.width / 2, self.y + self.height / 2)


@dataclass(frozen=True)
class Lane:
    role: str  # role id; "" for steps without a role
    box: Box


@dataclass(frozen=True)
class Layout:
    steps: dict[str, Box]
    lanes: list[Lane]
    columns: dict[str, int]
    width: float
    height: float


def columns(graph: ProcessGraph) -> dict[str, int]:
    """Column of every step: one right of the rightmost step that leads to it (return edges ignored)."""
    process = graph.process
    order = {step.id: i for i, step in enumerate(process.steps)}
    dag = nx.DiGraph(graph.digraph)
    dag.remove_edges_from(graph.back_edges)
    while not nx.is_directed_acyclic_graph(dag):  # loops not reachable from the start
        cycle = nx.find_cycle(dag)
        dag.remove_edge(*cycle[-1][:2])
    result: dict[str, int] = {}
    for step_id in nx.lexicographical_topological_sort(dag, key=lambda s: order[s]):
        result[step_id] = max((result[p] + 1 for p in dag.predecessors(step_id)), default=0)
    return result


def swimlane_layout(graph: ProcessGraph) -> Layout:
    """Grid positions: steps of one lane that share a column are stacked in sub-rows of that lane."""
    process = graph.process
    cols = columns(graph)
    lane_ids = [role for role, steps in graph.lanes().items() if steps]
    slot: dict[str, int] = {}
    used: dict[tuple[str, int], int] = {}
    for step in process.steps:
        cell = (step.role or "", cols[step.id])
        slot[step.id] = used.get(cell, 0)
        used[cell] = slot[step.id] + 1
    # Sub-rows of a lane: as many as its busiest column needs (one pass over the cells, not one per lane).
    rows = dict.fromkeys(lane_ids, 1)
    for (role, _), n in used.items():
        if role in rows:
            rows[role] = max(rows[role], n)
    width = HEADER_WIDTH + MARGIN + (max(cols.values(), default=0) + 1) * COLUMN_WIDTH
    lanes: list[Lane] = []
    top = TITLE_HEIGHT
    for role in lane_ids:
        lanes.append(Lane(role, Box(0.0, top, width, rows[role] * LANE_HEIGHT)))
        top += rows[role] * LANE_HEIGHT
    lane_of = {lane.role: lane for lane in lanes}
    boxes: dict[str, Box] = {}
    for step in process.steps:
        w, h = SIZES[step.type]
        lane = lane_of[step.role or ""]
        cx = HEADER_WIDTH + MARGIN + cols[step.id] * COLUMN_WIDTH + COLUMN_WIDTH / 2
        cy = lane.box.y + slot[step.id] * LANE_HEIGHT + LANE_HEIGHT / 2
        boxes[step.id] = Box(cx - w / 2, cy - h / 2, w, h)
    return Layout(boxes, lanes, cols, width, top)
