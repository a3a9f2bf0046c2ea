"""Process -> BPMN 2.0 XML with diagram interchange (DI) laid out like our flowchart.

The semantic part maps each step to one flow node (start -> startEvent,
task -> task, decision -> exclusiveGateway, subprocess -> callActivity,
end -> endEvent), each ``next``/branch to a sequenceFlow (named with the
branch label) and each role with steps to a lane. Where plain BPMN would
be flagged by the bpmn.io linter, the writer adds what a BPMN modeler
would draw, marked as ``qms:synthetic`` so the reader drops it again:

* a joining exclusive gateway in front of any step reached by several
  flows (a task or event with several incoming flows is an implicit join,
  and a gateway must not both join and fork);
* a start event in front of a start step that a return path leads back to
  (a start event has no incoming flow); the step itself becomes a task.

qms data BPMN has no field for (role ids, both languages of every text,
durations, record codes, the process's document-control data) travels in
``extensionElements`` under the ``qms`` namespace, so that reading the file
back yields the same process.

The diagram reuses :func:`qms.render.layout.swimlane_layout`: the same lanes,
columns and rows as the flowchart. Events and gateways get their usual BPMN
sizes (36 and 50 points), centred where the flowchart draws the step.
"""

from __future__ import annotations

import gc
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace

from qms import __version__
from qms.bpmn.common import BPMN, BPMNDI, DC, DI, PREFIXES, QMS, q, xml_text
from qms.bpmn.export_qms import bilingual, process_extension, step_extension
from qms.bpmn.routing import Point, Shapes, route
from qms.graph import ProcessGraph
from qms.i18n import Lang, _
from qms.model import Process, Step, StepType, Text
from qms.render.layout import Box, Lane, swimlane_layout

EVENT_SIZE = 36.0
GATEWAY_SIZE = 50.0
POOL_HEADER = 30.0  # the participant's name band; each lane has a band of the same width
LEFT_CLEARANCE = 2 * POOL_HEADER + 20.0  # shapes stay right of both bands

TASK_TAG = "task"
TAGS: dict[StepType, str] = {
    StepType.START: "startEvent",
    StepType.END: "endEvent",
    StepType.TASK: TASK_TAG,
    StepType.DECISION: "exclusiveGateway",
    StepType.SUBPROCESS: "callActivity",
}

UNASSIGNED_LANE = "Lane__unassigned"  # role ids cannot start with "_", so this never clashes


def step_element_id(step_id: str) -> str:
    return f"Step_{step_id}"


def process_element_id(code: str) -> str:
    return f"Process_{code}"


def lane_element_id(role: str) -> str:
    return f"Lane_{role}" if role else UNASSIGNED_LANE


@dataclass
class _Node:
    id: str
    tag: str
    name: str
    box: Box
    lane: str  # role id, "" when the step has none
    step: Step | None = None
    synthetic: str | None = None  # "join" or "start"
    incoming: list[str] = field(default_factory=list)
    outgoing: list[str] = field(default_factory=list)


@dataclass
class _Flow:
    id: str
    source: str
    target: str
    branches: list[Text] = field(default_factory=list)  # labels of the decision branches this flow carries
    name: str | None = None
    synthetic: bool = False
    waypoints: list[Point] = field(default_factory=list)


def process_to_bpmn(process: Process, lang: Lang | str = "vi") -> bytes:
    """BPMN 2.0 XML (UTF-8 bytes) of ``process``, names in ``lang``, with a diagram laid out like the flowchart."""
    lang = Lang(lang)
    with _collector_paused():
        graph = ProcessGraph(process)
        layout = swimlane_layout(graph)
        nodes, flows = _semantic(process, layout.steps, lang)
        width = _place_synthetic(nodes, flows, layout.width)
        _route(nodes, flows)
        return _write(process, lang, nodes, flows, layout.lanes, width)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector paused while one document is built.

    The export makes a dozen small objects per step (shapes, flows, XML elements) and no reference cycles; the
    collector's scans of them took a third of the export of a 20,000-step process (benchmarks/RESULTS.md).
    Reference counting frees them all when the document is written.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# --- the graph -----------------------------------------------------------------------


def _semantic(process: Process, boxes: dict[str, Box], lang: Lang) -> tuple[dict[str, _Node], dict[str, _Flow]]:
    """Flow nodes (by element id, steps first in their order) and sequence flows (by id)."""
    nodes: dict[str, _Node] = {}
    of_step: dict[str, _Node] = {}
    for step in process.steps:
        tag = TAGS[step.type]
        node = _Node(step_element_id(step.id), tag, step.name.get(lang), _shape(tag, boxes[step.id]), step.role or "", step)
        nodes[node.id] = of_step[step.id] = node
    flows: dict[str, _Flow] = {}
    for step in process.steps:
        targets = [(step.next, None)] if step.next else [(branch.to, branch.when) for branch in step.branches]
        by_target: dict[str, _Flow] = {}  # two branches to one step share a flow (bpmnlint: no duplicate flows)
        for index, (target, label) in enumerate(targets, start=1):
            if target not in of_step:  # a dangling reference: the loader reports it
                continue
            flow = by_target.get(target)
            if flow is None:
                flow = by_target[target] = _Flow(f"Flow_{step.id}_{index}", of_step[step.id].id, of_step[target].id)
                flows[flow.id] = flow
            if label is not None:
                flow.branches.append(label)
        for flow in by_target.values():
            if flow.branches:
                flow.name = " / ".join(label.get(lang) for label in flow.branches)
    for flow in flows.values():
        nodes[flow.source].outgoing.append(flow.id)
        nodes[flow.target].incoming.append(flow.id)
    # A start step that a return path leads back to: a start event in front, the step becomes a task.
    for step_id, node in of_step.items():
        if node.tag == "startEvent" and node.incoming:
            node.tag = TASK_TAG
            node.box = _shape(TASK_TAG, boxes[step_id])
            start = _Node(f"StartEvent_{step_id}", "startEvent", _("Bắt đầu").get(lang), node.box, node.lane, synthetic="start")
            nodes[start.id] = start
            _connect(flows, start, node, f"StartFlow_{step_id}")
    # Several flows into one node: a joining gateway in front of it.
    for node in list(nodes.values()):
        if len(node.incoming) > 1:
            join = _Node(f"Gateway_join_{node.id}", "exclusiveGateway", "", node.box, node.lane, synthetic="join")
            nodes[join.id] = join
            for flow_id in node.incoming:
                flows[flow_id].target = join.id
            join.incoming, node.incoming = node.incoming, []
            _connect(flows, join, node, f"JoinFlow_{node.id}")
    return nodes, flows


def _connect(flows: dict[str, _Flow], source: _Node, target: _Node, flow_id: str) -> None:
    flows[flow_id] = _Flow(flow_id, source.id, target.id, synthetic=True)
    source.outgoing.append(flow_id)
    target.incoming.append(flow_id)


def _shape(tag: str, box: Box) -> Box:
    """The BPMN shape of a step drawn in the flowchart's ``box``: events and gateways at their usual size, centred."""
    size = EVENT_SIZE if tag.endswith("Event") else GATEWAY_SIZE if tag.endswith("Gateway") else None
    if size is None:
        return box
    cx, cy = box.centre
    return Box(cx - size / 2, cy - size / 2, size, size)


# --- the diagram ---------------------------------------------------------------------

GAP = 15.0  # between a synthetic shape and the shape it leads to


def _place_synthetic(nodes: dict[str, _Node], flows: dict[str, _Flow], width: float) -> float:
    """Put joins (and added start events) just left of the shape they lead to; return the diagram width.

    The grid leaves at least 80 points between two columns' shapes, room for
    a 50-point gateway. When the added shapes reach into the lane bands on
    the left, everything moves right.
    """
    # Joins first (they sit right against their step), then start events in front of their join.
    for kind in ("join", "start"):
        for node in nodes.values():
            if node.synthetic != kind:
                continue
            target = nodes[flows[node.outgoing[0]].target]
            size = GATEWAY_SIZE if kind == "join" else EVENT_SIZE
            _unused, cy = target.box.centre
            right = target.box.x - GAP
            node.box = Box(right - size, cy - size / 2, size, size)
    shift = max(0.0, LEFT_CLEARANCE - min(node.box.x for node in nodes.values()))
    if shift:
        for node in nodes.values():
            node.box = replace(node.box, x=node.box.x + shift)
    return width + shift


def _route(nodes: dict[str, _Node], flows: dict[str, _Flow]) -> None:
    shapes = Shapes(node.box for node in nodes.values())  # each route skips its own two ends
    exits: dict[str, set[str]] = {}

    def order(flow: _Flow) -> tuple[int, float]:
        # A gateway's straight-ahead branch first, so it keeps the right corner; then the nearest.
        source, target = nodes[flow.source].box, nodes[flow.target].box
        return (0 if abs(source.centre[1] - target.centre[1]) < 0.5 and target.x > source.x else 1, abs(target.x - source.x))

    for flow in sorted(flows.values(), key=order):
        source, target = nodes[flow.source], nodes[flow.target]
        used = exits.setdefault(flow.source, set())
        flow.waypoints = route(source.box, target.box, shapes, from_gateway=source.tag.endswith("Gateway"), used_exits=used)


# --- writing -------------------------------------------------------------------------


def _write(process: Process, lang: Lang, nodes: dict[str, _Node], flows: dict[str, _Flow], lanes: list[Lane], width: float) -> bytes:
    for prefix, uri in PREFIXES.items():
        ET.register_namespace(prefix, uri)
    code = process.code
    title = xml_text(process.title.get(lang))
    root = ET.Element(
        q(BPMN, "definitions"),
        {"id": f"Definitions_{code}", "targetNamespace": f"{QMS}/{code}", "exporter": "qms", "exporterVersion": __version__},
    )
    collaboration = ET.SubElement(root, q(BPMN, "collaboration"), {"id": f"Collaboration_{code}"})
    participant_id = f"Participant_{code}"
    ET.SubElement(collaboration, q(BPMN, "participant"), {"id": participant_id, "name": title, "processRef": process_element_id(code)})

    bpmn_process = ET.SubElement(root, q(BPMN, "process"), {"id": process_element_id(code), "name": title, "isExecutable": "false"})
    process_extension(bpmn_process, process, lang)

    ordered = list(nodes.values())
    in_lane: dict[str, list[str]] = {}  # node ids per lane, in node order (one pass, not one per lane)
    for node in ordered:
        in_lane.setdefault(node.lane, []).append(node.id)
    lane_set = ET.SubElement(bpmn_process, q(BPMN, "laneSet"), {"id": f"LaneSet_{code}"})
    for lane in lanes:
        role = process.roles.get(lane.role)
        if not lane.role:
            name = _("Chưa phân công vai trò").get(lang)
        elif role is not None:
            name = role.name.get(lang)
        else:
            name = lane.role
        element = ET.SubElement(lane_set, q(BPMN, "lane"), {"id": lane_element_id(lane.role), "name": xml_text(name)})
        extension = ET.SubElement(element, q(BPMN, "extensionElements"))
        ET.SubElement(extension, q(QMS, "role"), {"id": lane.role} if lane.role else {"unassigned": "true"})
        for node_id in in_lane.get(lane.role, ()):
            ET.SubElement(element, q(BPMN, "flowNodeRef")).text = node_id

    for node in ordered:
        _flow_node(bpmn_process, node, lang)
    for flow in flows.values():
        attributes = {"id": flow.id, "sourceRef": flow.source, "targetRef": flow.target}
        if flow.name:
            attributes["name"] = xml_text(flow.name)
        element = ET.SubElement(bpmn_process, q(BPMN, "sequenceFlow"), attributes)
        if flow.branches or flow.synthetic:
            extension = ET.SubElement(element, q(BPMN, "extensionElements"))
            for label in flow.branches:
                bilingual(extension, "branch", label)
            if flow.synthetic:
                ET.SubElement(extension, q(QMS, "synthetic"), {"kind": "flow"})

    _diagram(root, code, collaboration.get("id", ""), participant_id, nodes, flows, lanes, width)
    ET.indent(root, space="  ")
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True) + b"\n"


def _flow_node(parent: ET.Element, node: _Node, lang: Lang) -> None:
    attributes = {"id": node.id}
    if node.name:
        attributes["name"] = xml_text(node.name)
    step = node.step
    if step is not None and step.type is StepType.SUBPROCESS and step.calls:
        attributes["calledElement"] = step.calls
    element = ET.SubElement(parent, q(BPMN, node.tag), attributes)
    if step is not None and step.description:
        ET.SubElement(element, q(BPMN, "documentation")).text = xml_text(step.description.get(lang))
    extension = ET.SubElement(element, q(BPMN, "extensionElements"))
    if step is None:
        ET.SubElement(extension, q(QMS, "synthetic"), {"kind": node.synthetic or ""})
    else:
        step_extension(extension, step)
    for flow_id in node.incoming:
        ET.SubElement(element, q(BPMN, "incoming")).text = flow_id
    for flow_id in node.outgoing:
        ET.SubElement(element, q(BPMN, "outgoing")).text = flow_id


def _diagram(
    root: ET.Element,
    code: str,
    collaboration_id: str,
    participant_id: str,
    nodes: dict[str, _Node],
    flows: dict[str, _Flow],
    lanes: list[Lane],
    width: float,
) -> None:
    diagram = ET.SubElement(root, q(BPMNDI, "BPMNDiagram"), {"id": f"BPMNDiagram_{code}"})
    plane = ET.SubElement(diagram, q(BPMNDI, "BPMNPlane"), {"id": f"BPMNPlane_{code}", "bpmnElement": collaboration_id})
    top = lanes[0].box.y if lanes else 0.0
    bottom = lanes[-1].box.y + lanes[-1].box.height if lanes else 0.0
    _bounds(_shape_element(plane, participant_id, isHorizontal="true"), Box(0.0, top, width, bottom - top))
    for lane in lanes:
        element_id = lane_element_id(lane.role)
        _bounds(_shape_element(plane, element_id, isHorizontal="true"), Box(POOL_HEADER, lane.box.y, width - POOL_HEADER, lane.box.height))
    for node in nodes.values():
        extra = {"isMarkerVisible": "true"} if node.tag == "exclusiveGateway" else {}
        _bounds(_shape_element(plane, node.id, **extra), node.box)
    for flow in flows.values():
        edge = ET.SubElement(plane, q(BPMNDI, "BPMNEdge"), {"id": f"DI_{flow.id}", "bpmnElement": flow.id})
        for x, y in flow.waypoints:
            ET.SubElement(edge, q(DI, "waypoint"), {"x": _num(x), "y": _num(y)})
        if flow.name:
            _bounds(ET.SubElement(edge, q(BPMNDI, "BPMNLabel")), _label_box(flow))


def _shape_element(plane: ET.Element, element_id: str, **attributes: str) -> ET.Element:
    return ET.SubElement(plane, q(BPMNDI, "BPMNShape"), {"id": f"DI_{element_id}", "bpmnElement": element_id, **attributes})


def _bounds(parent: ET.Element, box: Box) -> None:
    ET.SubElement(parent, q(DC, "Bounds"), {"x": _num(box.x), "y": _num(box.y), "width": _num(box.width), "height": _num(box.height)})


def _label_box(flow: _Flow) -> Box:
    """Where a branch label goes: beside the first stretch of the flow, clear of the gateway's own label below it."""
    (x0, y0), (_unused, y1) = flow.waypoints[0], flow.waypoints[1]
    text = flow.name or ""
    width = min(max(6.0 * len(text), 30.0), 140.0)
    lines = max(1, -(-int(6.0 * len(text)) // 140))
    height = 14.0 * lines
    if abs(y0 - y1) < 1e-6:  # leaves by the right: above the line
        return Box(x0 + 6, y0 - height - 4, width, height)
    if y1 < y0:  # leaves by the top: beside the line, above the gateway
        return Box(x0 + 6, y0 - height - 6, width, height)
    return Box(x0 + 6, y0 + 36, width, height)  # by the bottom: below the gateway's label


def _num(value: float) -> str:
    return f"{value:.0f}" if abs(value - round(value)) < 1e-6 else f"{value:.2f}".rstrip("0").rstrip(".")
