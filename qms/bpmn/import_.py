"""BPMN 2.0 XML -> process YAML, for diagrams drawn in Camunda Modeler or bpmn.io.

What maps:

* one process (alone, or the one pool of a collaboration that has a process);
* lanes -> roles (ids from the lane names, ``Công chức Một cửa`` -> ``cong-chuc-mot-cua``);
* start/end events, tasks of every kind, exclusive gateways (decisions),
  call activities (sub-process steps calling ``calledElement``) -> steps;
* sequence flows -> ``next``, or the ``branches`` of a decision, labelled
  with the flow names;
* the ``qms`` extension data that :mod:`qms.bpmn.export` writes (step and
  role ids, both languages, durations, records, the process's document
  control) -> restored, so exporting and importing gives the same process.

What does not map is kept as close as the format allows and reported as an
:class:`ImportNote`: parallel and other gateways, intermediate and boundary
events, message flows, data objects, missing names, a task with several
outgoing flows. The YAML written is always a valid process file.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

import yaml
from pydantic import ValidationError

from qms.bpmn.common import BPMN, BPMNDI, DC, QMS, BpmnError, local_name, parse_xml, q
from qms.i18n import Lang, Message, msg
from qms.load.schema_errors import slug
from qms.model import Process
from qms.model.process import PROCESS_CODE_PATTERN, RECORD_CODE_PATTERN, STEP_ID_PATTERN, Authority, StepType
from qms.model.values import Duration

TASKS = frozenset({"task", "userTask", "serviceTask", "manualTask", "scriptTask", "sendTask", "receiveTask", "businessRuleTask"})
SUB_PROCESSES = frozenset({"subProcess", "transaction", "adHocSubProcess"})
OTHER_GATEWAYS = frozenset({"parallelGateway", "inclusiveGateway", "eventBasedGateway", "complexGateway"})
INTERMEDIATE_EVENTS = frozenset({"intermediateThrowEvent", "intermediateCatchEvent"})
ARTIFACTS = frozenset({"dataObjectReference", "dataStoreReference", "textAnnotation", "group"})
# Parts of a process that carry nothing to import and need no note.
QUIET = frozenset(
    {"extensionElements", "documentation", "laneSet", "dataObject", "association", "ioSpecification", "property", "auditing", "monitoring"}
)
FLOW_NODES = (
    TASKS
    | SUB_PROCESSES
    | OTHER_GATEWAYS
    | INTERMEDIATE_EVENTS
    | {"startEvent", "endEvent", "exclusiveGateway", "callActivity", "boundaryEvent"}
)

_STEP_ID = re.compile(STEP_ID_PATTERN)
_CODE = re.compile(PROCESS_CODE_PATTERN)
_RECORD = re.compile(RECORD_CODE_PATTERN)


@dataclass(frozen=True)
class ImportNote:
    """Something in the BPMN file that the process format cannot hold, or a guess made while importing it."""

    message: Message
    element: str | None = None  # the BPMN element id it is about
    severity: str = "warning"  # "warning": review the result; "info": a harmless adjustment

    def render(self, lang: Lang | str = Lang.VI) -> str:
        where = f"{self.element}: " if self.element else ""
        return f"{where}{self.message.get(lang)}"


# --- reading the file ------------------------------------------------------------------------


@dataclass
class _Node:
    element: ET.Element
    id: str
    tag: str
    name: str
    kind: str  # start | end | task | subprocess | decision | pass | skip
    ext: dict[str, Any] | None = None
    calls: str | None = None
    synthetic: str | None = None
    outgoing: list[_Flow] = field(default_factory=list)
    incoming: list[_Flow] = field(default_factory=list)


@dataclass
class _Flow:
    id: str
    source: str
    target: str
    name: str
    condition: str
    branches: list[dict[str, str]]  # bilingual labels from our extension data


def bpmn_to_process_yaml(data: bytes, code: str | None = None) -> tuple[str, list[ImportNote]]:
    """Read a BPMN 2.0 file and write the process it describes as YAML, with notes on what did not map.

    ``code`` names the process (it must be a valid process code); without it
    the code stored by qms, or one derived from the process id or name, is used.
    Raises :class:`~qms.bpmn.common.BpmnError` when the file cannot be read as BPMN at all.
    """
    document, notes = convert(data, code)
    return dump_yaml(document, notes), notes


def convert(data: bytes, code: str | None = None) -> tuple[dict[str, Any], list[ImportNote]]:
    """The process as a plain dict ready for YAML (valid for :class:`~qms.model.Process`), and the notes."""
    if code is not None and not _CODE.match(code):
        raise BpmnError(msg("bpmn.bad_code", code=code))
    root = parse_xml(data)
    namespace, local = local_name(root.tag)
    if namespace != BPMN or local != "definitions":
        raise BpmnError(msg("bpmn.not_bpmn", root=local, namespace=BPMN))
    return _Reader(root).read(code)


class _Reader:
    def __init__(self, root: ET.Element):
        self.root = root
        self.notes: list[ImportNote] = []
        self.bounds = _diagram_bounds(root)
        self.lang = Lang.VI  # the language of the names in the file; qms writes it in its extension data

    def _steps_still_there(self, ids: list[Any], step_ids: set[str], where: str) -> list[Any]:
        """The step ids that are still steps of the imported process; a note for each one that is gone."""
        for missing in (i for i in ids if i not in step_ids):
            self.note("bpmn.note.dropped_reference", None, where=where, step=missing)
        return [i for i in ids if i in step_ids]

    def note(self, key: str, element: str | None = None, severity: str = "warning", **args: object) -> None:
        self.notes.append(ImportNote(msg(key, **args), element, severity))

    # --- the process -----------------------------------------------------------------------
    def read(self, code: str | None) -> tuple[dict[str, Any], list[ImportNote]]:
        process, pool = self._choose_process()
        meta, self.lang = self._meta(process)
        nodes, _ = self._nodes(process)
        if not any(node.kind != "skip" for node in nodes.values()):
            raise BpmnError(msg("bpmn.no_process"))
        lanes = self._lanes(process, nodes)
        code = self._code(code, meta, process, pool)
        title = self._title(meta, pool, process, code)
        before = len(self.notes)
        try:
            document = self._build(meta, code, title, nodes, lanes, pool, process)
            Process.model_validate(document)
        except ValidationError as exc:
            if meta is None:
                raise  # built from the diagram alone: a bug, not bad input
            # The qms data was edited into something invalid: keep what the diagram says.
            del self.notes[before:]
            first = exc.errors()[0]
            self.note("bpmn.note.bad_extension", process.get("id"), error=f"{'.'.join(map(str, first['loc']))}: {first['msg']}")
            for node in nodes.values():
                if node.ext:
                    node.ext = {key: value for key, value in node.ext.items() if key in ("id", "type", "name", "description")}
            document = self._build(None, code, title, nodes, lanes, pool, process)
            Process.model_validate(document)
        return document, self.notes

    def _build(
        self,
        meta: dict[str, Any] | None,
        code: str,
        title: Any,
        nodes: dict[str, _Node],
        lanes: list[_Lane],
        pool: ET.Element | None,
        process: ET.Element,
    ) -> dict[str, Any]:
        roles = self._roles(lanes, meta)
        steps = self._steps(nodes, lanes, ordered=meta is not None)
        self._default_role(roles, lanes, steps, pool, process)
        return self._assemble(meta or {}, code, title, roles, steps)

    def _choose_process(self) -> tuple[ET.Element, ET.Element | None]:
        processes = {p.get("id", ""): p for p in self.root.findall(q(BPMN, "process"))}
        participants = [p for c in self.root.findall(q(BPMN, "collaboration")) for p in c.findall(q(BPMN, "participant"))]
        pool_of = {p.get("processRef"): p for p in participants if p.get("processRef") in processes}
        ordered = [processes[p.get("processRef", "")] for p in participants if p.get("processRef") in processes]
        ordered += [p for p in processes.values() if p not in ordered]
        with_nodes = [p for p in ordered if any(local_name(child.tag)[1] in FLOW_NODES for child in p)]
        if not with_nodes:
            raise BpmnError(msg("bpmn.no_process"))
        chosen = with_nodes[0]
        pool = pool_of.get(chosen.get("id"))
        used = (pool.get("name") if pool is not None else None) or chosen.get("name") or chosen.get("id", "")
        for participant in participants:
            if participant is not pool:
                self.note(
                    "bpmn.note.other_process",
                    participant.get("id"),
                    "info",
                    used=used,
                    name=participant.get("name") or participant.get("id"),
                )
        for other in with_nodes[1:]:
            if other.get("id") not in pool_of:
                self.note("bpmn.note.other_process", other.get("id"), "info", used=used, name=other.get("name") or other.get("id"))
        for collaboration in self.root.findall(q(BPMN, "collaboration")):
            for flow in collaboration.findall(q(BPMN, "messageFlow")):
                self.note("bpmn.note.message_flow", flow.get("id"), name=flow.get("name") or flow.get("id"))
        return chosen, pool

    def _meta(self, process: ET.Element) -> tuple[dict[str, Any] | None, Lang]:
        element = _extension(process, "process")
        if element is None:
            return None, Lang.VI
        lang = Lang.EN if element.get("lang") == "en" else Lang.VI
        text = element.findtext(q(QMS, "meta"))
        if not text:
            return None, lang
        try:
            meta = json.loads(text)
        except ValueError as exc:
            self.note("bpmn.note.bad_extension", process.get("id"), error=exc)
            return None, lang
        if not isinstance(meta, dict):
            self.note("bpmn.note.bad_extension", process.get("id"), error="meta")
            return None, lang
        return meta, lang

    # --- flow nodes and flows -----------------------------------------------------------------
    def _nodes(self, process: ET.Element) -> tuple[dict[str, _Node], list[_Flow]]:
        nodes: dict[str, _Node] = {}
        raw_flows: list[ET.Element] = []
        for child in process:
            namespace, tag = local_name(child.tag)
            if namespace != BPMN or tag in QUIET:
                continue
            element_id = child.get("id", "")
            if tag == "sequenceFlow":
                raw_flows.append(child)
            elif tag in ARTIFACTS:
                label = _name(child) or " ".join((child.findtext(q(BPMN, "text")) or "").split())[:80]
                self.note("bpmn.note.artifact", element_id, "info", name=label or element_id, kind=tag)
            elif tag in FLOW_NODES and element_id:
                nodes[element_id] = self._node(child, tag)
            else:
                self.note("bpmn.note.unknown_element", element_id or None, kind=tag)
        flows: list[_Flow] = []
        for element in raw_flows:
            flow = _Flow(
                element.get("id", ""),
                element.get("sourceRef", ""),
                element.get("targetRef", ""),
                _name(element),
                " ".join((element.findtext(q(BPMN, "conditionExpression")) or "").split()),
                [text for branch in _extensions(element, "branch") if (text := _text(branch))],
            )
            source, target = nodes.get(flow.source), nodes.get(flow.target)
            if source is None or target is None:
                self.note("bpmn.note.dangling_flow", flow.id, flow=flow.id)
                continue
            if source.kind == "skip" or target.kind == "skip":
                continue  # a boundary event's flows (noted with the event) or an added start event's
            source.outgoing.append(flow)
            target.incoming.append(flow)
            flows.append(flow)
        for node in nodes.values():
            self._settle_kind(node)
        return nodes, flows

    def _node(self, element: ET.Element, tag: str) -> _Node:
        element_id = element.get("id", "")
        name = _name(element)
        synthetic = _extension(element, "synthetic")
        node = _Node(element, element_id, tag, name, "task", _step_extension(_extension(element, "step")))
        if synthetic is not None:
            node.synthetic = synthetic.get("kind") or "join"
            node.kind = "skip" if node.synthetic == "start" else "pass"
            return node
        definitions = [local_name(child.tag)[1] for child in element if local_name(child.tag)[1].endswith("EventDefinition")]
        shown = name or element_id
        if tag == "startEvent":
            node.kind = "start"
        elif tag == "endEvent":
            node.kind = "end"
        elif tag in ("exclusiveGateway", *OTHER_GATEWAYS):
            node.kind = "decision"
        elif tag == "callActivity":
            called = _process_code(element.get("calledElement") or "")
            if called:
                node.kind, node.calls = "subprocess", called
            else:
                node.kind = "task"
                if element.get("calledElement"):
                    self.note("bpmn.note.called_invalid", element_id, name=shown, called=element.get("calledElement"))
                else:
                    self.note("bpmn.note.subprocess_no_call", element_id, name=shown)
        elif tag in SUB_PROCESSES:
            called = _process_code(element.get("calledElement") or (node.ext or {}).get("calls") or "")
            if called:
                node.kind, node.calls = "subprocess", called
            else:
                self.note("bpmn.note.subprocess_no_call", element_id, name=shown)
            if any(local_name(child.tag)[1] in FLOW_NODES for child in element):
                self.note("bpmn.note.subprocess_content", element_id, name=shown)
        elif tag in INTERMEDIATE_EVENTS:
            self.note("bpmn.note.intermediate_event", element_id, name=shown, kind=_event_kind(definitions, tag))
        elif tag == "boundaryEvent":
            node.kind = "skip"
            self.note(
                "bpmn.note.boundary_event",
                element_id,
                name=shown,
                kind=_event_kind(definitions, tag),
                host=element.get("attachedToRef", ""),
            )
        if tag in ("startEvent", "endEvent") and definitions:
            self.note("bpmn.note.event_definition", element_id, "info", name=shown, kind=_event_kind(definitions, tag))
        return node

    def _settle_kind(self, node: _Node) -> None:
        """Gateways that only join (one way out) are dropped; other gateways than exclusive ones are noted."""
        if node.kind != "decision":
            return
        exclusive = node.tag == "exclusiveGateway"
        ours = node.ext is not None
        if len(node.outgoing) == 1 and not ours:
            node.kind = "pass"
            if not exclusive:
                self.note("bpmn.note.join_dropped", node.id, "info", kind=node.tag)
        elif not node.outgoing:
            node.kind = "end"
            self.note("bpmn.note.gateway_dead_end", node.id, name=node.name or node.id)
        elif not exclusive:
            self.note("bpmn.note.unsupported_gateway", node.id, kind=node.tag)

    # --- lanes ------------------------------------------------------------------------------------
    def _lanes(self, process: ET.Element, nodes: dict[str, _Node]) -> list[_Lane]:
        lanes: list[_Lane] = []

        def walk(lane_set: ET.Element) -> None:
            for lane in lane_set.findall(q(BPMN, "lane")):
                children = lane.findall(f"{q(BPMN, 'childLaneSet')}/{q(BPMN, 'lane')}")
                if children:
                    self.note("bpmn.note.nested_lanes", lane.get("id"), "info", name=_name(lane) or lane.get("id"))
                    for child_set in lane.findall(q(BPMN, "childLaneSet")):
                        walk(child_set)
                    continue
                role = _extension(lane, "role")
                lanes.append(
                    _Lane(
                        lane.get("id", ""),
                        _name(lane),
                        role.get("id") if role is not None else None,
                        role is not None and role.get("unassigned") == "true",
                        [(ref.text or "").strip() for ref in lane.findall(q(BPMN, "flowNodeRef"))],
                    )
                )

        for lane_set in process.findall(q(BPMN, "laneSet")):
            walk(lane_set)
        return lanes

    # --- steps --------------------------------------------------------------------------------------
    def _steps(self, nodes: dict[str, _Node], lanes: list[_Lane], ordered: bool) -> list[dict[str, Any]]:
        real = [node for node in nodes.values() if node.kind not in ("pass", "skip")]
        if not any(node.kind == "start" for node in real) and not any(n.ext and n.ext.get("type") == "start" for n in real):
            self.note("bpmn.note.no_start", None, "info")
        if not any(node.kind == "end" for node in real):
            self.note("bpmn.note.no_end", None, "info")
        lane_of = self._lane_of(real, lanes)
        ids = self._step_ids(real)
        order = real if ordered else _flow_order(real, nodes)
        steps: list[dict[str, Any]] = []
        taken = set(ids.values())
        for node in order:
            step = self._step(node, ids, nodes, lane_of.get(node.id))
            steps.append(step)
            if step.pop("_needs_end", False):
                end_id = _unique("ket-thuc", taken)
                end_name = msg("bpmn.name.end").vi
                self.note("bpmn.note.no_outgoing", node.id, name=step["name"]["vi"], end=end_name)
                if step.get("type") == "decision":
                    step["branches"] = [{"when": {"vi": msg("bpmn.name.branch", n=1).vi}, "to": end_id}]
                else:
                    step["next"] = end_id
                end = {"id": end_id, "type": "end", "name": {"vi": end_name}}
                if step.get("role"):
                    end["role"] = step["role"]
                steps.append(end)
        return steps

    def _lane_of(self, nodes: list[_Node], lanes: list[_Lane]) -> dict[str, _Lane]:
        lane_of: dict[str, _Lane] = {}
        for lane in lanes:
            for ref in lane.refs:
                lane_of.setdefault(ref, lane)
        if not lanes:
            return lane_of
        for node in nodes:
            if node.id in lane_of:
                continue
            # Not listed in any lane (bpmn.io writes flowNodeRef, hand edits may not): place it by where it is drawn.
            centre = self.bounds.get(node.id)
            found = None
            if centre is not None:
                cx, cy = centre[0] + centre[2] / 2, centre[1] + centre[3] / 2
                found = next(
                    (lane for lane in lanes if (b := self.bounds.get(lane.id)) and b[0] <= cx <= b[0] + b[2] and b[1] <= cy <= b[1] + b[3]),
                    None,
                )
            if found is not None:
                lane_of[node.id] = found
                self.note("bpmn.note.lane_by_position", node.id, "info", name=node.name or node.id, lane=found.name or found.id)
            else:
                self.note("bpmn.note.no_lane", node.id, name=node.name or node.id)
        return lane_of

    def _step_ids(self, nodes: list[_Node]) -> dict[str, str]:
        ids: dict[str, str] = {}
        taken: set[str] = set()
        # Ids stored by qms first, so that a new element cannot take one of them.
        for node in nodes:
            stored = (node.ext or {}).get("id")
            if isinstance(stored, str) and _STEP_ID.match(stored) and stored not in taken:
                ids[node.id] = stored
                taken.add(stored)
        for node in nodes:
            if node.id not in ids:
                default = slug(msg(f"bpmn.name.{_DEFAULT_NAME[node.kind]}").vi)
                ids[node.id] = _unique(slug(node.name) or default or slug(node.id) or "buoc", taken)
        return ids

    def _step(self, node: _Node, ids: dict[str, str], nodes: dict[str, _Node], lane: _Lane | None) -> dict[str, Any]:
        ext = node.ext or {}
        kind = node.kind
        if kind == "task" and ext.get("type") == "start":
            kind = "start"  # a start step that a return path leads back to, written as a task after a start event
        step: dict[str, Any] = {"id": ids[node.id], "type": kind}
        if kind == "task":
            del step["type"]  # the default, omitted as in files written by hand
        name = self._merge(node.name, ext.get("name"), node.id, "bpmn.what.step")
        if name is None:
            default = msg(f"bpmn.name.{_DEFAULT_NAME[kind]}")
            name = {"vi": default.vi}
            self.note("bpmn.note.missing_name", node.id, "info" if kind in ("start", "end") else "warning", kind=node.tag, name=default.vi)
        step["name"] = name
        if lane is not None and lane.role_id:
            step["role"] = lane.role_id
        if ext.get("support"):
            step["support"] = ext["support"]
        texts = [(element.text or "").strip() for element in node.element.findall(q(BPMN, "documentation"))]
        documentation = "\n".join(text for text in texts if text)
        description = self._merge(documentation, ext.get("description"), node.id, "bpmn.what.description")
        if description:
            step["description"] = description
        for key in ("inputs", "outputs", "records"):
            if ext.get(key):
                step[key] = ext[key]
        if ext.get("duration"):
            step["duration"] = ext["duration"]
        if kind == "subprocess":
            step["calls"] = node.calls
            if ext.get("calls_part"):
                step["calls_part"] = ext["calls_part"]
        if ext.get("authority"):
            step["authority"] = ext["authority"]
        if ext.get("criteria"):
            step["criteria"] = ext["criteria"]
        if ext.get("stops_clock"):
            step["stops_clock"] = True
        targets = [(flow, _resolve(flow, nodes)) for flow in node.outgoing]
        dropped = [flow for flow, target in targets if target is None]
        for flow in dropped:
            self.note("bpmn.note.dangling_flow", flow.id, flow=flow.id)
        targets = [(flow, target) for flow, target in targets if target is not None]
        if kind == "end":
            if targets:
                self.note("bpmn.note.end_outgoing", node.id, name=name["vi"])
        elif kind == "decision":
            branches = self._branches(node, targets, ids, nodes)
            if branches:
                step["branches"] = branches
            else:
                step["_needs_end"] = True
        elif targets:
            step["next"] = ids[targets[0][1].id]
            if len(targets) > 1:
                rest = ", ".join(f"«{_display(t)}»" for _, t in targets[1:])
                self.note("bpmn.note.extra_outgoing", node.id, name=name["vi"], n=len(targets), kept=_display(targets[0][1]), dropped=rest)
        else:
            step["_needs_end"] = True
        return step

    def _branches(
        self, node: _Node, targets: list[tuple[_Flow, _Node]], ids: dict[str, str], nodes: dict[str, _Node]
    ) -> list[dict[str, Any]]:
        branches: list[dict[str, Any]] = []
        for flow, target in targets:
            stored = flow.branches
            shown = [b.get(self.lang.value) or b["vi"] for b in stored]
            if stored and flow.name == " / ".join(shown):
                labels = stored
            elif len(stored) == 1:
                labels = [self._merge(flow.name, stored[0], flow.id, "bpmn.what.branch") or stored[0]]
            elif flow.name:
                labels = [{"vi": flow.name}]
            else:
                label = flow.condition if 0 < len(flow.condition) <= 80 else msg("bpmn.name.branch", n=len(branches) + 1).vi
                self.note("bpmn.note.unnamed_branch", flow.id, source=node.name or node.id, target=_display(target), label=label)
                labels = [{"vi": label}]
            for label in labels:
                branches.append({"when": label, "to": ids[target.id]})
        return branches

    def _merge(self, shown: str, stored: Any, element: str, what: str) -> dict[str, str] | None:
        """The text a modeler shows (in the exported language) over the bilingual text qms stored, if it was edited."""
        shown = shown.strip()
        if not isinstance(stored, dict) or not stored.get("vi"):
            return {"vi": shown} if shown else None
        lang = self.lang.value
        if not shown or shown == (stored.get(lang) or stored["vi"]):
            return dict(stored)
        merged = dict(stored)
        merged[lang] = shown
        other = "en" if lang == "vi" else "vi"
        if merged.get(other):
            self.notes.append(ImportNote(_changed(what, shown, other), element, "info"))
        return merged

    # --- roles, code, title -----------------------------------------------------------------------------
    def _roles(self, lanes: list[_Lane], meta: dict[str, Any] | None) -> dict[str, Any]:
        """Roles stored by qms (in their declared order, lanes or not), then one per new lane; sets each lane's role id."""
        stored = meta.get("roles") if meta else None
        roles: dict[str, Any] = {key: value for key, value in stored.items() if isinstance(key, str)} if isinstance(stored, dict) else {}
        taken = set(roles)
        for lane in lanes:
            lane.role_id = None
            if lane.unassigned:
                continue
            if lane.stored_id and lane.stored_id in roles:
                lane.role_id = lane.stored_id
                role = dict(_role_dict(roles[lane.stored_id]))
                name = self._merge(lane.name, role.get("name"), lane.id, "bpmn.what.role")
                if name:
                    role["name"] = name
                roles[lane.stored_id] = role
                continue
            name = lane.name
            if not name:
                name = f"{msg('bpmn.name.role').vi} {len(roles) + 1}"
                self.note("bpmn.note.missing_name", lane.id, kind="lane", name=name)
            candidate = lane.stored_id if lane.stored_id and _STEP_ID.match(lane.stored_id) else slug(name) or "vai-tro"
            lane.role_id = _unique(candidate, taken)
            roles[lane.role_id] = {"name": {"vi": name}}
        return roles

    def _default_role(
        self, roles: dict[str, Any], lanes: list[_Lane], steps: list[dict[str, Any]], pool: ET.Element | None, process: ET.Element
    ) -> None:
        """A process needs a role (its owner); a pool without lanes is one role doing every step."""
        if roles and lanes:
            return
        if not roles:
            name = ((pool.get("name") if pool is not None else None) or process.get("name") or msg("bpmn.name.role").vi).strip()
            roles[_unique(slug(name) or "vai-tro", set())] = {"name": {"vi": name}}
        if not lanes:
            role_id = next(iter(roles))
            self.note("bpmn.note.no_lanes", None, "info", role=role_id)
            for step in steps:
                step.setdefault("role", role_id)

    def _code(self, code: str | None, meta: dict[str, Any] | None, process: ET.Element, pool: ET.Element | None) -> str:
        if code:
            return code
        stored = meta.get("code") if meta else None
        if isinstance(stored, str) and _CODE.match(stored):
            return stored
        element_id = process.get("id", "")
        candidate = element_id.removeprefix("Process_").upper()
        # Camunda Modeler names a new process «Process_» and 7 random characters: no code in that.
        if re.fullmatch(r"Process_[0-9a-z]{7}", element_id) or not _CODE.match(candidate):
            name = (pool.get("name") if pool is not None else None) or process.get("name") or ""
            candidate = slug(name).upper()[:40].strip("-") or "QT-BPMN"
            if not _CODE.match(candidate):
                candidate = "QT-BPMN"
        self.note("bpmn.note.code_derived", process.get("id"), "info", code=candidate)
        return candidate

    def _title(self, meta: dict[str, Any] | None, pool: ET.Element | None, process: ET.Element, code: str) -> Any:
        shown = ((pool.get("name") if pool is not None else None) or process.get("name") or "").strip()
        stored = meta.get("title") if meta else None
        if isinstance(stored, str):
            stored = {"vi": stored}
        title = self._merge(shown, stored, process.get("id", ""), "bpmn.what.title")
        if title is None:
            self.note("bpmn.note.title_missing", process.get("id"), title=code)
            title = {"vi": code}
        return title

    def _assemble(self, meta: dict[str, Any], code: str, title: Any, roles: dict[str, Any], steps: list[dict[str, Any]]) -> dict[str, Any]:
        """The process dict in the order of the format's fields, references to vanished steps and records dropped."""
        step_ids = {step["id"] for step in steps}
        records = {r.get("code") for r in meta.get("records", []) if isinstance(r, dict)}
        steps = [dict(step) for step in steps]
        for step in steps:
            if "records" in step:
                kept = [c for c in step["records"] if c in records]
                for missing in (c for c in step["records"] if c not in records):
                    self.note("bpmn.note.dropped_record", None, step=step["id"], code=missing)
                if kept:
                    step["records"] = kept
                else:
                    del step["records"]
        meta = dict(meta)
        if isinstance(meta.get("risks"), list):
            risks = []
            for risk in meta["risks"]:
                if isinstance(risk, dict) and isinstance(risk.get("controls"), list):
                    risk = {**risk, "controls": self._steps_still_there(risk["controls"], step_ids, risk.get("code", "risks"))}
                risks.append(risk)
            meta["risks"] = risks
        if isinstance(meta.get("clock"), dict):
            clock = {part: step for part, step in meta["clock"].items() if step in step_ids}
            for part in set(meta["clock"]) - set(clock):
                self.note("bpmn.note.dropped_reference", None, where=f"clock.{part}", step=meta["clock"][part])
            meta["clock"] = clock
        if isinstance(meta.get("deadline_cases"), list):
            cases = []
            for case in meta["deadline_cases"]:
                if isinstance(case, dict) and isinstance(case.get("through"), list):
                    case = {**case, "through": self._steps_still_there(case["through"], step_ids, "deadline_cases")}
                    if not case["through"]:
                        continue  # a case whose steps are all gone has nothing left to bind
                cases.append(case)
            meta["deadline_cases"] = cases
        if isinstance(meta.get("waivers"), list):
            waivers = []
            for waiver in meta["waivers"]:
                if isinstance(waiver, dict) and waiver.get("step") and waiver["step"] not in step_ids:
                    self.note("bpmn.note.dropped_reference", None, where=f"waiver {waiver.get('rule', '')}", step=waiver["step"])
                    continue
                waivers.append(waiver)
            meta["waivers"] = waivers
        owner = meta.get("owner")
        document: dict[str, Any] = {
            "code": code,
            "title": title,
            "version": str(meta.get("version") or "1.0"),
            "status": meta.get("status") or "draft",
        }
        for key, value in meta.items():
            if key in ("code", "title", "version", "status", "roles", "steps", "owner"):
                continue
            document[key] = value
        document["owner"] = owner if owner in roles else next(iter(roles))
        # Field order of the format, so the file reads like one written by hand.
        order = list(Process.model_fields)
        document["roles"] = roles
        document["steps"] = steps
        return {key: document[key] for key in order if key in document}


@dataclass
class _Lane:
    id: str
    name: str
    stored_id: str | None
    unassigned: bool
    refs: list[str]
    role_id: str | None = None


_DEFAULT_NAME = {"start": "start", "end": "end", "task": "task", "subprocess": "task", "decision": "decision"}


def _changed(what: str, text: str, other: str) -> Message:
    label = msg(what)
    other_name = {"en": Message("tiếng Anh", "English"), "vi": Message("tiếng Việt", "Vietnamese")}[other]
    key = "bpmn.note.text_changed"
    return Message(msg(key, what=label.vi, text=text, other=other_name.vi).vi, msg(key, what=label.en, text=text, other=other_name.en).en)


def _resolve(flow: _Flow, nodes: dict[str, _Node]) -> _Node | None:
    """The step a flow leads to, through any joining gateways dropped on the way."""
    seen: set[str] = set()
    node = nodes.get(flow.target)
    while node is not None and node.kind == "pass":
        if node.id in seen or len(node.outgoing) != 1:
            return None
        seen.add(node.id)
        node = nodes.get(node.outgoing[0].target)
    if node is None or node.kind == "skip":
        return None
    return node


def _flow_order(real: list[_Node], nodes: dict[str, _Node]) -> list[_Node]:
    """Steps in the order a person reads the diagram: by column (as the flowchart lays them out, return
    paths ignored), ties in the order a depth-first walk from the start events meets them."""
    following = {node.id: [t.id for flow in node.outgoing if (t := _resolve(flow, nodes)) is not None] for node in real}
    visit: dict[str, int] = {}
    back: set[tuple[str, str]] = set()
    on_path: set[str] = set()

    def walk(root: str) -> None:
        # Iterative depth-first walk: a diagram may be deep enough to exhaust Python's recursion.
        visit.setdefault(root, len(visit))
        on_path.add(root)
        stack = [(root, iter(following.get(root, [])))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                stack.pop()
                on_path.discard(node)
            elif child in on_path:
                back.add((node, child))
            elif child not in visit:
                visit[child] = len(visit)
                on_path.add(child)
                stack.append((child, iter(following.get(child, []))))

    for node in real:
        if node.kind == "start":
            walk(node.id)
    reached = len(visit)  # steps met from a start come first; the rest (unreachable) after them
    for node in real:
        if node.id not in visit:
            walk(node.id)
    incoming: dict[str, list[str]] = {node.id: [] for node in real}
    for source, targets in following.items():
        for target in targets:
            if (source, target) not in back:
                incoming[target].append(source)
    done: dict[str, int] = {}

    def depth(node_id: str) -> int:
        stack = [node_id]
        while stack:
            current = stack[-1]
            pending = [p for p in incoming[current] if p not in done]
            if pending:
                stack.extend(pending)
                continue
            stack.pop()
            done[current] = max((done[p] + 1 for p in incoming[current]), default=0)
        return done[node_id]

    return sorted(real, key=lambda node: (visit[node.id] >= reached, depth(node.id), visit[node.id]))


def _display(node: _Node) -> str:
    return node.name or node.id


def _unique(base: str, taken: set[str]) -> str:
    base = base[:60].rstrip("-") or "x"
    candidate, n = base, 2
    while candidate in taken:
        candidate = f"{base}-{n}"
        n += 1
    taken.add(candidate)
    return candidate


def _name(element: ET.Element) -> str:
    return " ".join((element.get("name") or "").split())


def _process_code(called: str) -> str | None:
    called = called.strip().removeprefix("Process_")
    return called if _CODE.match(called) else None


def _event_kind(definitions: list[str], tag: str) -> str:
    return ", ".join(d.removesuffix("EventDefinition") for d in definitions) or tag


def _extension(element: ET.Element, local: str) -> ET.Element | None:
    extension = element.find(q(BPMN, "extensionElements"))
    return extension.find(q(QMS, local)) if extension is not None else None


def _extensions(element: ET.Element, local: str) -> list[ET.Element]:
    extension = element.find(q(BPMN, "extensionElements"))
    return extension.findall(q(QMS, local)) if extension is not None else []


def _text(element: ET.Element | None) -> dict[str, str] | None:
    """A bilingual text stored as ``<qms:X><qms:vi>...</qms:vi><qms:en>...</qms:en></qms:X>``."""
    if element is None:
        return None
    vi = (element.findtext(q(QMS, "vi")) or "").strip()
    en = (element.findtext(q(QMS, "en")) or "").strip()
    if not vi:
        return None
    return {"vi": vi, "en": en} if en else {"vi": vi}


def _step_extension(element: ET.Element | None) -> dict[str, Any] | None:
    """The step data qms stored; values that would not validate are left out (the diagram still gives the step)."""
    if element is None:
        return None
    ext: dict[str, Any] = {}
    if element.get("id"):
        ext["id"] = element.get("id")
    if element.get("type") in {t.value for t in StepType}:
        ext["type"] = element.get("type")
    duration = element.get("duration")
    if duration:
        try:
            Duration.parse(duration)
            ext["duration"] = duration
        except (ValueError, TypeError, ArithmeticError):
            pass
    if element.get("authority") in {a.value for a in Authority}:
        ext["authority"] = element.get("authority")
    if element.get("calls") and _CODE.match(element.get("calls", "")):
        ext["calls"] = element.get("calls")
    if element.get("stopsClock") == "true":
        ext["stops_clock"] = True
    for key in ("name", "description", "criteria"):
        text = _text(element.find(q(QMS, key)))
        if text:
            ext[key] = text
    for key, tag in (("inputs", "input"), ("outputs", "output")):
        texts = [text for child in element.findall(q(QMS, tag)) if (text := _text(child))]
        if texts:
            ext[key] = texts
    support = [role for child in element.findall(q(QMS, "support")) if _STEP_ID.match(role := child.get("role", ""))]
    if support:
        ext["support"] = support
    records = [code for child in element.findall(q(QMS, "record")) if _RECORD.match(code := child.get("code", ""))]
    if records:
        ext["records"] = records
    part = element.find(q(QMS, "callsPart"))
    if part is not None:
        ends = {key: part.get(attr) for key, attr in (("starts_at", "startsAt"), ("stops_at", "stopsAt"))}
        ext["calls_part"] = {key: value for key, value in ends.items() if value and _STEP_ID.match(value)}
    return ext


def _role_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, dict) and "name" in value:
        return value
    if isinstance(value, dict):
        return {"name": value}
    return {"name": {"vi": str(value)}}


def _diagram_bounds(root: ET.Element) -> dict[str, tuple[float, float, float, float]]:
    bounds: dict[str, tuple[float, float, float, float]] = {}
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


# --- YAML -----------------------------------------------------------------------------------------


class _Dumper(yaml.SafeDumper):
    """Lists indented under their key, as in the shipped process files."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _dump(value: Any) -> str:
    return yaml.dump(value, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=110, default_flow_style=False)


def dump_yaml(document: dict[str, Any], notes: Iterable[ImportNote] = ()) -> str:
    """The process as YAML in the style of the shipped files: short forms where the format allows them,
    a blank line between sections and between steps, and the import notes as comments on top."""
    lines = [f"# {msg('bpmn.yaml.header').vi}", f"# {msg('bpmn.yaml.header').en}"]
    notes = list(notes)
    if notes:
        lines.append(f"# {msg('bpmn.note.header').vi}")
        lines += [f"#   - {_one_line(note.render(Lang.VI))}" for note in notes]
    out = "\n".join(lines) + "\n"
    block = True
    for key, value in _short(document).items():
        if key == "steps" and isinstance(value, list):
            steps = ["".join(f"  {line}" if line.strip() else line for line in _dump([step]).splitlines(keepends=True)) for step in value]
            text = "steps:\n" + "\n".join(steps)
        else:
            text = _dump({key: value})
        # A blank line around each section that spans several lines; short fields stay together.
        now_block = text.count("\n") > 1
        out += ("\n" if block or now_block else "") + text
        block = now_block
    return out


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _short(value: Any, key: str | None = None) -> Any:
    """``{vi: x}`` -> ``x``; a role with only a name -> the name."""
    if isinstance(value, dict):
        if set(value) == {"vi"} and isinstance(value["vi"], str):
            return value["vi"]
        if key == "roles":
            return {role_id: _short(_role_short(role)) for role_id, role in value.items()}
        return {k: _short(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_short(item) for item in value]
    return value


def _role_short(role: Any) -> Any:
    if isinstance(role, dict) and set(role) == {"name"}:
        name = role["name"]
        # The short form is read as the role's name; a bilingual name stays {vi, en}.
        return name
    return role
