"""The mapping's first part: flow nodes and sequence flows -> nodes of a kind the process format has.

Each flow node becomes a start, end, task, sub-process (a call of another
process) or decision; joining gateways and what qms added for BPMN's sake
are passed through (``pass``); boundary events and the start events qms
added are left out (``skip``). What does not map exactly is noted.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import CODE, INTERMEDIATE_EVENTS, META_HINT, OTHER_GATEWAYS, SUB_PROCESSES, Notes, bad_meta
from qms.bpmn.diagram import Artifact, Diagram, Flow, FlowNode
from qms.bpmn.text import shown as shown_value
from qms.i18n import _


@dataclass
class Node:
    """A flow node as the mapping sees it: its kind in the process format and the flows in and out."""

    id: str
    tag: str
    name: str
    kind: str  # start | end | task | subprocess | decision | pass | skip
    documentation: str = ""
    ext: dict[str, Any] | None = None  # the qms step data
    calls: str | None = None
    synthetic: str | None = None
    outgoing: list[Flow] = field(default_factory=list)
    incoming: list[Flow] = field(default_factory=list)


def map_nodes(diagram: Diagram, notes: Notes) -> dict[str, Node]:
    """The diagram's flow nodes by id, linked by its sequence flows, with notes on what does not map."""
    nodes: dict[str, Node] = {}
    for item in diagram.contents:
        if isinstance(item, FlowNode):
            nodes[item.id] = _node(item, notes)
        elif isinstance(item, Artifact):
            notes.note(
                BpmnCode.ARTIFACT,
                _(
                    "phần tử «{name}» ({kind}: dữ liệu, chú thích, nhóm) không được nhập; ghi nội dung vào đầu vào/đầu ra hoặc mô tả bước nếu cần"
                ),
                item.id,
                name=item.label or item.id,
                kind=item.tag,
            )
        else:
            notes.note(BpmnCode.LEFT_OUT, _("phần tử BPMN «{kind}» không được hỗ trợ; đã bỏ qua"), item.id, kind=item.tag)
    for flow in diagram.flows:
        source, target = nodes.get(flow.source), nodes.get(flow.target)
        if source is None or target is None:
            notes.note(
                BpmnCode.FLOW_DROPPED, _("luồng «{flow}» nối tới phần tử không được nhập hoặc không tồn tại; đã bỏ"), flow.id, flow=flow.id
            )
            continue
        if source.kind == "skip" or target.kind == "skip":
            continue  # a boundary event's flows (noted with the event) or an added start event's
        source.outgoing.append(flow)
        target.incoming.append(flow)
    for node in nodes.values():
        _settle_kind(node, notes)
    return nodes


def _node(item: FlowNode, notes: Notes) -> Node:
    node = Node(item.id, item.tag, item.name, "task", item.documentation, item.step)
    for attribute, value in item.dropped:
        unusable = _("giá trị «{value}» không dùng được").format(value=shown_value(value))
        notes.add(BpmnCode.META_INVALID, bad_meta(attribute, unusable), item.id or None, hint=META_HINT)
    if item.synthetic is not None:
        node.synthetic = item.synthetic
        node.kind = "skip" if node.synthetic == "start" else "pass"
        return node
    tag, shown = item.tag, item.name or item.id
    if tag == "startEvent":
        node.kind = "start"
    elif tag == "endEvent":
        node.kind = "end"
    elif tag in ("exclusiveGateway", *OTHER_GATEWAYS):
        node.kind = "decision"
    elif tag == "callActivity" or tag in SUB_PROCESSES:
        _call(node, item, notes)
    elif tag in INTERMEDIATE_EVENTS:
        notes.note(
            BpmnCode.AS_TASK,
            _("sự kiện trung gian «{name}» ({kind}) không có trong định dạng quy trình; đã chuyển thành bước công việc"),
            item.id,
            name=shown,
            kind=_event_kind(item),
        )
    elif tag == "boundaryEvent":
        node.kind = "skip"
        notes.note(
            BpmnCode.LEFT_OUT,
            _(
                "sự kiện biên «{name}» ({kind}) gắn vào «{host}» không có trong định dạng quy trình; "
                "đã bỏ qua sự kiện và các luồng đi ra từ nó"
            ),
            item.id,
            name=shown,
            kind=_event_kind(item),
            host=item.attached_to,
        )
    if tag in ("startEvent", "endEvent") and item.event_definitions:
        notes.note(
            BpmnCode.EVENT_TYPE,
            _("sự kiện «{name}» có kiểu {kind}; định dạng quy trình chỉ có bắt đầu/kết thúc thường nên kiểu này bị bỏ qua"),
            item.id,
            name=shown,
            kind=_event_kind(item),
        )
    return node


def _call(node: Node, item: FlowNode, notes: Notes) -> None:
    """A call activity or a sub-process: a sub-process step when it names the process it calls, else a task."""
    shown = item.name or item.id
    if item.tag == "callActivity":
        called = process_code(item.called)
        if called:
            node.kind, node.calls = "subprocess", called
        elif item.called:
            notes.note(
                BpmnCode.AS_TASK,
                _("«{name}» gọi «{called}», không phải mã quy trình hợp lệ; đã chuyển thành bước công việc"),
                item.id,
                name=shown,
                called=item.called,
            )
        else:
            notes.note(
                BpmnCode.AS_TASK,
                _("quy trình con «{name}» không gọi quy trình nào (không có calledElement); đã chuyển thành bước công việc"),
                item.id,
                name=shown,
            )
        return
    called = process_code(item.called or (node.ext or {}).get("calls") or "")
    if called:
        node.kind, node.calls = "subprocess", called
    else:
        notes.note(
            BpmnCode.AS_TASK,
            _("quy trình con «{name}» không gọi quy trình nào (không có calledElement); đã chuyển thành bước công việc"),
            item.id,
            name=shown,
        )
    if item.has_flow_nodes:
        notes.note(
            BpmnCode.LEFT_OUT,
            _("nội dung bên trong quy trình con mở rộng «{name}» không được nhập; hãy mô tả nó thành một quy trình riêng"),
            item.id,
            name=shown,
        )


def _settle_kind(node: Node, notes: Notes) -> None:
    """Gateways that only join (one way out) are dropped; other gateways than exclusive ones are noted."""
    if node.kind != "decision":
        return
    exclusive = node.tag == "exclusiveGateway"
    ours = node.ext is not None
    if len(node.outgoing) == 1 and not ours:
        node.kind = "pass"
        if not exclusive:
            notes.note(
                BpmnCode.JOIN,
                _("cổng «{kind}» chỉ dùng để hợp nhánh nên được bỏ; các luồng vào đi thẳng tới bước sau"),
                node.id,
                kind=node.tag,
            )
    elif not node.outgoing:
        node.kind = "end"
        notes.note(
            BpmnCode.END_ADDED, _("cổng «{name}» không có luồng đi ra; đã chuyển thành bước kết thúc"), node.id, name=node.name or node.id
        )
    elif not exclusive:
        notes.note(
            BpmnCode.GATEWAY,
            _(
                "cổng «{kind}» không có trong định dạng quy trình (chỉ có bước quyết định chọn một nhánh); "
                "đã chuyển thành bước quyết định — kiểm tra lại vì các nhánh song song nay thành lựa chọn"
            ),
            node.id,
            kind=node.tag,
        )


def process_code(called: str) -> str | None:
    """The process code a call names (``Process_`` of an exported id dropped), or None when it names none."""
    called = called.strip().removeprefix("Process_")
    return called if CODE.fullmatch(called) else None


def _event_kind(item: FlowNode) -> str:
    return ", ".join(d.removesuffix("EventDefinition") for d in item.event_definitions) or item.tag


def resolve(flow: Flow, nodes: dict[str, Node]) -> Node | None:
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


def display(node: Node) -> str:
    return node.name or node.id
