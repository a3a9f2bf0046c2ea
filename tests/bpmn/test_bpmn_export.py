"""Process -> BPMN: semantics (pool, lanes, flow nodes, flows), diagram interchange, escaping."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path

import pytest
from bpmn_helpers import BPMN, BPMNDI, DC, DI, NCNAME, NS, QMS, all_processes, hostile, local, shipped, tree

import qms
from qms.bpmn import export_processes, process_to_bpmn
from qms.graph import ProcessGraph
from qms.model import Process, StepType
from qms.render.layout import swimlane_layout

TAG = {
    StepType.START: "startEvent",
    StepType.END: "endEvent",
    StepType.TASK: "task",
    StepType.DECISION: "exclusiveGateway",
    StepType.SUBPROCESS: "callActivity",
}
CASES = [pytest.param(p, lang, id=f"{p.code}-{lang}") for p in all_processes() for lang in ("vi", "en")]


def test_there_are_shipped_processes_to_export() -> None:
    assert len(shipped()) >= 1


def _flow_nodes(process_element: ET.Element) -> dict[str, ET.Element]:
    skip = {"laneSet", "sequenceFlow", "extensionElements", "documentation"}
    return {e.get("id", ""): e for e in process_element if local(e.tag) not in skip}


def _follow(flows: dict[str, ET.Element], nodes: dict[str, ET.Element], flow: ET.Element) -> str:
    """The step element a flow leads to, through the joining gateways the writer adds."""
    target = flow.get("targetRef", "")
    while nodes[target].find("bpmn:extensionElements/qms:synthetic", NS) is not None:
        (out,) = [f for f in flows.values() if f.get("sourceRef") == target]
        target = out.get("targetRef", "")
    return target


@pytest.mark.parametrize(("process", "lang"), CASES)
def test_semantics_pool_lanes_steps_flows(process: Process, lang: str) -> None:
    data = process_to_bpmn(process, lang)
    root = tree(data)
    assert root.tag == f"{{{BPMN}}}definitions"
    for prefix, uri in (("bpmn", BPMN), ("bpmndi", BPMNDI), ("dc", DC), ("di", DI), ("qms", QMS)):
        assert f'xmlns:{prefix}="{uri}"'.encode() in data

    ids = [e.get("id") for e in root.iter() if e.get("id") is not None]
    assert len(ids) == len(set(ids)), "element ids are unique"
    assert all(NCNAME.match(i) for i in ids), [i for i in ids if not NCNAME.match(i)]

    (collaboration,) = root.findall("bpmn:collaboration", NS)
    (participant,) = collaboration.findall("bpmn:participant", NS)
    (bpmn_process,) = root.findall("bpmn:process", NS)
    assert bpmn_process.get("id") == f"Process_{process.code}"
    assert participant.get("processRef") == bpmn_process.get("id")
    assert participant.get("name") == process.title.get(lang)

    # Lanes: one per role with steps, in declared order (steps without a role last), named in the language.
    graph = ProcessGraph(process)
    with_steps = [role for role, steps in graph.lanes().items() if steps]
    lanes = bpmn_process.findall("bpmn:laneSet/bpmn:lane", NS)
    assert [lane.find("bpmn:extensionElements/qms:role", NS).get("id", "") for lane in lanes] == with_steps  # type: ignore[union-attr]
    for lane, role in zip(lanes, with_steps, strict=True):
        if role:
            assert lane.get("name") == process.roles[role].name.get(lang)
        refs = {ref.text for ref in lane.findall("bpmn:flowNodeRef", NS)}
        assert {f"Step_{s}" for s in graph.lanes()[role]} <= refs

    nodes = _flow_nodes(bpmn_process)
    flows = {f.get("id", ""): f for f in bpmn_process.findall("bpmn:sequenceFlow", NS)}
    lane_of = {ref.text: lane for lane in lanes for ref in lane.findall("bpmn:flowNodeRef", NS)}
    assert set(lane_of) == set(nodes), "every flow node is in exactly one lane"
    for step in process.steps:
        element = nodes[f"Step_{step.id}"]
        loops_back = step.type is StepType.START and graph.predecessors(step.id)
        assert local(element.tag) == ("task" if loops_back else TAG[step.type])
        assert element.get("name") == step.name.get(lang)
        stored = element.find("bpmn:extensionElements/qms:step", NS)
        assert stored is not None and stored.get("id") == step.id and stored.get("type") == step.type.value
        if step.type is StepType.SUBPROCESS:
            assert element.get("calledElement") == step.calls
        outgoing = [f for f in flows.values() if f.get("sourceRef") == element.get("id")]
        if step.next:
            (flow,) = outgoing
            assert _follow(flows, nodes, flow) == f"Step_{step.next}"
            assert flow.get("name") is None
        for branch in step.branches:
            matching = [f for f in outgoing if _follow(flows, nodes, f) == f"Step_{branch.to}"]
            assert len(matching) == 1
            assert branch.when.get(lang) in (matching[0].get("name") or "")
        if step.type is StepType.END:
            assert not outgoing

    # incoming/outgoing lists agree with the flows' ends; no node both joins and forks, no implicit join.
    for node_id, node in nodes.items():
        incoming = [e.text for e in node.findall("bpmn:incoming", NS)]
        outgoing = [e.text for e in node.findall("bpmn:outgoing", NS)]
        assert sorted(incoming) == sorted(i for i, f in flows.items() if f.get("targetRef") == node_id)
        assert sorted(outgoing) == sorted(i for i, f in flows.items() if f.get("sourceRef") == node_id)
        assert len(incoming) <= 1 or local(node.tag) == "exclusiveGateway"
        assert not (len(incoming) > 1 and len(outgoing) > 1)
        if local(node.tag) == "startEvent":
            assert not incoming


@pytest.mark.parametrize(("process", "lang"), CASES)
def test_diagram_uses_the_flowchart_layout(process: Process, lang: str) -> None:
    root = tree(process_to_bpmn(process, lang))
    elements = {e.get("id"): e for e in root.iter() if e.get("id")}
    (plane,) = root.findall("bpmndi:BPMNDiagram/bpmndi:BPMNPlane", NS)
    assert plane.get("bpmnElement") == root.find("bpmn:collaboration", NS).get("id")  # type: ignore[union-attr]

    shapes = {s.get("bpmnElement"): s for s in plane.findall("bpmndi:BPMNShape", NS)}
    edges = {e.get("bpmnElement"): e for e in plane.findall("bpmndi:BPMNEdge", NS)}
    assert len(shapes) == len(plane.findall("bpmndi:BPMNShape", NS)) and len(edges) == len(plane.findall("bpmndi:BPMNEdge", NS))
    for reference in [*shapes, *edges]:
        assert reference in elements, f"DI refers to {reference}, which does not exist"
    bpmn_process = root.find("bpmn:process", NS)
    assert bpmn_process is not None
    nodes = _flow_nodes(bpmn_process)
    flows = {f.get("id") for f in bpmn_process.findall("bpmn:sequenceFlow", NS)}
    lanes = {lane.get("id") for lane in bpmn_process.findall("bpmn:laneSet/bpmn:lane", NS)}
    participant = root.find("bpmn:collaboration/bpmn:participant", NS)
    assert participant is not None
    assert set(shapes) == set(nodes) | lanes | {participant.get("id")}
    assert set(edges) == flows
    assert shapes[participant.get("id")].get("isHorizontal") == "true"
    assert all(shapes[lane].get("isHorizontal") == "true" for lane in lanes)

    def box(element_id: str) -> tuple[float, float, float, float]:
        bounds = shapes[element_id].find("dc:Bounds", NS)
        assert bounds is not None
        return tuple(float(bounds.get(k, "nan")) for k in ("x", "y", "width", "height"))  # type: ignore[return-value]

    px, py, pw, ph = box(participant.get("id", ""))
    for element_id in [*nodes, *lanes]:
        x, y, w, h = box(element_id)
        assert px <= x and x + w <= px + pw and py <= y and y + h <= py + ph, f"{element_id} outside the pool"

    # Step shapes sit where the flowchart draws the step (everything may be moved right by one amount).
    layout = swimlane_layout(ProcessGraph(process))
    shifts = set()
    for step in process.steps:
        x, y, w, h = box(f"Step_{step.id}")
        lx, ly = layout.steps[step.id].centre
        shifts.add(round(x + w / 2 - lx, 3))
        assert y + h / 2 == pytest.approx(ly)
        tag = local(nodes[f"Step_{step.id}"].tag)
        if tag.endswith("Event"):
            assert (w, h) == (36, 36)
        elif tag.endswith("Gateway"):
            assert (w, h) == (50, 50)
        else:
            assert (w, h) == (layout.steps[step.id].width, layout.steps[step.id].height)
    assert len(shifts) == 1

    # Edges: orthogonal, from the source shape's border to the target shape's border.
    for flow_id, edge in edges.items():
        points = [(float(p.get("x", "nan")), float(p.get("y", "nan"))) for p in edge.findall("di:waypoint", NS)]
        assert len(points) >= 2
        for (x1, y1), (x2, y2) in pairwise(points):
            assert x1 == pytest.approx(x2) or y1 == pytest.approx(y2), f"{flow_id} has a diagonal segment"
        flow = elements[flow_id]
        for (x, y), end in ((points[0], flow.get("sourceRef")), (points[-1], flow.get("targetRef"))):
            bx, by, bw, bh = box(end or "")
            on_vertical = (x == pytest.approx(bx) or x == pytest.approx(bx + bw)) and by - 0.01 <= y <= by + bh + 0.01
            on_horizontal = (y == pytest.approx(by) or y == pytest.approx(by + bh)) and bx - 0.01 <= x <= bx + bw + 0.01
            assert on_vertical or on_horizontal, f"{flow_id} does not start/end on the border of {end}"


def test_hostile_text_is_escaped_and_read_back_exactly() -> None:
    process = hostile()
    data = process_to_bpmn(process)
    assert b"<script>" not in data and b"</text><script>" not in data
    root = tree(data)  # well-formed
    names = {e.get("id"): e.get("name") for e in root.iter() if e.get("name") is not None}
    for step in process.steps:
        assert names[f"Step_{step.id}"] == step.name.vi
    assert names[f"Participant_{process.code}"] == process.title.vi
    assert names["Lane_a"] == process.roles["a"].name.vi
    assert names["Lane_b"] == process.roles["b"].name.vi
    documentation = root.find(".//bpmn:task[@id='Step_s']/bpmn:documentation", NS)
    assert documentation is not None and documentation.text == process.steps[0].description.vi  # type: ignore[union-attr]
    labels = {f.get("name") for f in root.iter(f"{{{BPMN}}}sequenceFlow") if f.get("name")}
    assert "Có <ok> & \\G" in labels and "Không ]; \" / Cũng không ' {}" in labels


def test_characters_xml_cannot_hold_are_left_out() -> None:
    process = Process.model_validate(
        {
            "code": "QT-CTRL-01",
            "title": "Tiêu đề\x01có\x0bký tự điều khiển\ufffe",
            "version": "1.0",
            "status": "draft",
            "owner": "a",
            "roles": {"a": "Vai trò\x1f"},
            "steps": [
                {"id": "s", "type": "start", "name": "Bắt đầu\x00\x08", "role": "a", "next": "e"},
                {"id": "e", "type": "end", "name": "Kết thúc", "role": "a"},
            ],
        }
    )
    root = ET.fromstring(process_to_bpmn(process))
    participant = root.find("bpmn:collaboration/bpmn:participant", NS)
    assert participant is not None and participant.get("name") == "Tiêu đềcóký tự điều khiển"


def test_export_processes_writes_one_file_per_process(tmp_path: Path) -> None:
    processes = shipped()
    paths = export_processes(processes, tmp_path / "out", "en")
    assert [p.name for p in paths] == [f"{p.code}.bpmn" for p in processes]
    for path, process in zip(paths, processes, strict=True):
        assert path.read_bytes() == process_to_bpmn(process, "en")
    # Exports are generated files: exporting again replaces them.
    assert export_processes(processes[:1], tmp_path / "out") == paths[:1]


def test_the_exported_language_is_recorded() -> None:
    process = qms.load(Path(__file__).resolve().parents[2] / "processes" / "QT-TTHC-01.yaml")
    for lang in ("vi", "en"):
        root = tree(process_to_bpmn(process, lang))
        stored = root.find("bpmn:process/bpmn:extensionElements/qms:process", NS)
        assert stored is not None and stored.get("lang") == lang and stored.get("code") == process.code
