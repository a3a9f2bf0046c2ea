"""Stage 2 of the import: a parsed BPMN file -> :class:`~qms.bpmn.diagram.Diagram`.

Reads what the mapping needs and nothing else, in the order of the file:

* every attribute value and text is cleaned of what YAML cannot hold first
  (ids and references are then compared as cleaned), with a note per element;
* one process is chosen (alone, or the first pool's that has flow nodes); the
  others, and message flows, are noted;
* the qms extension data (:mod:`qms.bpmn.common` describes it) is read: the
  process's JSON bounded in depth before it is parsed, the step data checked
  value by value;
* flow nodes, artifacts and other elements, sequence flows, lanes (nested
  ones as a tree) and the shapes' bounds become plain typed values.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import ARTIFACTS, BPMN, BPMNDI, DC, FLOW_NODES, MAX_BYTES, QUIET, BpmnError, Notes, Position, local_name, q
from qms.bpmn.diagram import Artifact, Box, Diagram, Flow, FlowNode, Lane, Named, Unknown
from qms.bpmn.read_qms import bilingual, extension, extensions, find_meta, read_meta, step_extension
from qms.bpmn.read_xml import parse_xml
from qms.bpmn.text import CHARACTERS_HINT, characters_changed, clean, comment, one_line, suspect
from qms.i18n import _


def read_source(source: Path) -> bytes:
    """The bytes of the BPMN file ``source``; :class:`BpmnError` when it is too large or cannot be read."""
    try:
        size = source.stat().st_size
        if size > MAX_BYTES:
            raise BpmnError(BpmnCode.LIMIT, _("tệp BPMN quá lớn ({size} byte; tối đa {limit} byte)").format(size=size, limit=MAX_BYTES))
        return source.read_bytes()
    except OSError as exc:
        raise BpmnError(
            BpmnCode.FILE, _("không đọc được tệp BPMN «{path}»: {error}").format(path=comment(str(source)), error=exc.strerror or exc)
        ) from None


def read_diagram(data: bytes) -> Diagram:
    """The process of the BPMN file ``data``, with notes on what reading it changed or left out.

    Raises :class:`BpmnError` when ``data`` is not plain XML, not BPMN, or has no process with flow nodes.
    """
    positions: dict[ET.Element, Position] = {}
    root = parse_xml(data, positions)
    namespace, local = local_name(root.tag)
    if namespace != BPMN or local != "definitions":
        raise BpmnError(
            BpmnCode.NOT_BPMN,
            _("đây không phải tệp BPMN 2.0: phần tử gốc là «{root}», cần «definitions» thuộc không gian tên {namespace}").format(
                root=one_line(local), namespace=BPMN
            ),
        )
    where: dict[str, Position] = {}
    notes = Notes(where)
    _clean_tree(root, positions, notes)  # first: ids and references are compared as cleaned
    # Where each element id is first met in the file; a note about an id points there.
    for element, position in positions.items():
        element_id = element.get("id")
        if element_id and element_id not in where:
            where[element_id] = position
    bounds = _diagram_bounds(root)
    process, pool = _choose_process(root, notes)
    meta_at = find_meta(process)
    meta, lang = read_meta(process, positions, notes)
    contents, flows = _contents(process)
    return Diagram(
        process=Named(process.get("id"), process.get("name")),
        pool=Named(pool.get("id"), pool.get("name")) if pool is not None else None,
        lang=lang,
        meta=meta,
        meta_at=positions.get(meta_at) if meta_at is not None else None,
        contents=contents,
        flows=flows,
        lanes=[_lane(lane) for lane_set in process.findall(q(BPMN, "laneSet")) for lane in lane_set.findall(q(BPMN, "lane"))],
        bounds=bounds,
        where=where,
        notes=notes.items,
    )


# --- the process -----------------------------------------------------------------------------------


def _choose_process(root: ET.Element, notes: Notes) -> tuple[ET.Element, ET.Element | None]:
    processes = {p.get("id", ""): p for p in root.findall(q(BPMN, "process"))}
    participants = [p for c in root.findall(q(BPMN, "collaboration")) for p in c.findall(q(BPMN, "participant"))]
    pool_of = {p.get("processRef"): p for p in participants if p.get("processRef") in processes}
    ordered = [processes[p.get("processRef", "")] for p in participants if p.get("processRef") in processes]
    ordered += [p for p in processes.values() if p not in ordered]
    with_nodes = [p for p in ordered if any(local_name(child.tag)[1] in FLOW_NODES for child in p)]
    if not with_nodes:
        raise BpmnError(BpmnCode.NO_PROCESS, _("tệp BPMN không có quy trình (process) nào có bước"))
    chosen = with_nodes[0]
    pool = pool_of.get(chosen.get("id"))
    used = (pool.get("name") if pool is not None else None) or chosen.get("name") or chosen.get("id", "")
    for participant in participants:
        if participant is not pool:
            name = participant.get("name") or participant.get("id")
            notes.note(
                BpmnCode.OTHER_PROCESS,
                _("chỉ nhập quy trình «{used}»; quy trình/bể «{name}» bị bỏ qua"),
                participant.get("id"),
                used=used,
                name=name,
            )
    for other in with_nodes[1:]:
        if other.get("id") not in pool_of:
            notes.note(
                BpmnCode.OTHER_PROCESS,
                _("chỉ nhập quy trình «{used}»; quy trình/bể «{name}» bị bỏ qua"),
                other.get("id"),
                used=used,
                name=other.get("name") or other.get("id"),
            )
    for collaboration in root.findall(q(BPMN, "collaboration")):
        for flow in collaboration.findall(q(BPMN, "messageFlow")):
            notes.note(
                BpmnCode.LEFT_OUT,
                _("luồng thông điệp (message flow) «{name}» giữa các bể không có trong định dạng quy trình; đã bỏ qua"),
                flow.get("id"),
                name=flow.get("name") or flow.get("id"),
            )
    return chosen, pool


# --- flow nodes, flows, lanes, shapes ------------------------------------------------------------------


def _contents(process: ET.Element) -> tuple[list[FlowNode | Artifact | Unknown], list[Flow]]:
    """The process's BPMN elements in the order of the file (those that carry nothing left out), and its flows."""
    contents: list[FlowNode | Artifact | Unknown] = []
    flows: list[Flow] = []
    for child in process:
        namespace, tag = local_name(child.tag)
        if namespace != BPMN or tag in QUIET:
            continue
        element_id = child.get("id", "")
        if tag == "sequenceFlow":
            flows.append(_flow(child))
        elif tag in ARTIFACTS:
            label = _name(child) or " ".join((child.findtext(q(BPMN, "text")) or "").split())[:80]
            contents.append(Artifact(element_id, tag, label))
        elif tag in FLOW_NODES and element_id:
            contents.append(_flow_node(child, tag, element_id))
        else:
            contents.append(Unknown(element_id or None, tag))
    return contents, flows


def _flow_node(element: ET.Element, tag: str, element_id: str) -> FlowNode:
    synthetic = extension(element, "synthetic")
    dropped: list[tuple[str, str]] = []
    step = step_extension(extension(element, "step"), dropped)
    texts = [(child.text or "").strip() for child in element.findall(q(BPMN, "documentation"))]
    locals_ = [local_name(child.tag)[1] for child in element]
    return FlowNode(
        id=element_id,
        tag=tag,
        name=_name(element),
        documentation="\n".join(text for text in texts if text),
        called=element.get("calledElement") or "",
        attached_to=element.get("attachedToRef", ""),
        event_definitions=tuple(local for local in locals_ if local.endswith("EventDefinition")),
        has_flow_nodes=any(local in FLOW_NODES for local in locals_),
        step=step,
        dropped=tuple(dropped),
        synthetic=(synthetic.get("kind") or "join") if synthetic is not None else None,
    )


def _flow(element: ET.Element) -> Flow:
    return Flow(
        element.get("id", ""),
        element.get("sourceRef", ""),
        element.get("targetRef", ""),
        _name(element),
        " ".join((element.findtext(q(BPMN, "conditionExpression")) or "").split()),
        [text for branch in extensions(element, "branch") if (text := bilingual(branch))],
    )


def _lane(lane: ET.Element) -> Lane:
    role = extension(lane, "role")
    return Lane(
        lane.get("id"),
        _name(lane),
        role.get("id") if role is not None else None,
        role is not None and role.get("unassigned") == "true",
        [(ref.text or "").strip() for ref in lane.findall(q(BPMN, "flowNodeRef"))],
        [_lane(child) for child in lane.findall(f"{q(BPMN, 'childLaneSet')}/{q(BPMN, 'lane')}")],
    )


def _diagram_bounds(root: ET.Element) -> dict[str, Box]:
    bounds: dict[str, Box] = {}
    for shape in root.iter(q(BPMNDI, "BPMNShape")):
        box = shape.find(q(DC, "Bounds"))
        element = shape.get("bpmnElement")
        if box is None or not element:
            continue
        try:
            bounds[element] = tuple(float(box.get(k, "")) for k in ("x", "y", "width", "height"))  # type: ignore[assignment]
        except ValueError:
            continue
    return bounds


def _name(element: ET.Element) -> str:
    return " ".join((element.get("name") or "").split())


# --- characters YAML cannot hold ----------------------------------------------------------------------


def _clean_tree(root: ET.Element, positions: dict[ET.Element, Position], notes: Notes) -> None:
    """Clean every attribute value and text of the parsed file in place, with one note per element id.

    A note names the nearest element with an id (a name on a task, the text of
    its documentation) and the attributes or elements whose text changed.
    """
    changes: dict[str, tuple[ET.Element, list[str], list[str], list[str]]] = {}
    stack: list[tuple[ET.Element, str]] = [(root, "")]
    while stack:
        element, owner = stack.pop()
        own = element.get("id") or owner
        for key, value in element.attrib.items():
            if suspect(value):
                entry = changes.setdefault(own, (element, [], [], []))
                element.set(key, clean(value, entry[2], entry[3], " "))
                entry[1].append(local_name(key)[1])
        if element.text and suspect(element.text):
            entry = changes.setdefault(own, (element, [], [], []))
            element.text = clean(element.text, entry[2], entry[3])
            entry[1].append(local_name(element.tag)[1])
        if element.tail and suspect(element.tail):
            element.tail = clean(element.tail, [], [])  # text between elements: BPMN gives it no meaning
        stack.extend((child, own) for child in reversed(element))
    for own, (element, whats, removed, replaced) in changes.items():
        if removed or replaced:
            what = ", ".join(dict.fromkeys(whats))
            notes.add(
                BpmnCode.CHARACTERS,
                characters_changed(what, removed, replaced),
                own or None,
                hint=CHARACTERS_HINT,
                at=positions.get(element),
            )
