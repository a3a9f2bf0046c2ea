"""The mapping's steps: nodes -> step dicts with ids, names, roles (by lane), ``next`` or ``branches``.

Steps qms exported keep the order of the file; a diagram drawn elsewhere is
put in the order a person reads it (by column, return paths ignored). A step
with no way out gets an end step after it, so the process stays valid.
"""

from __future__ import annotations

from typing import Any

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import STEP_ID
from qms.bpmn.diagram import Box, Flow
from qms.bpmn.map_nodes import Node, display, resolve
from qms.bpmn.map_roles import MapLane
from qms.bpmn.map_scope import Ids, Scope
from qms.i18n import _
from qms.load.schema_errors import slug

# Texts by _DEFAULT_NAME[node.kind].
_BPMN_NAME = {
    "start": _("Bắt đầu"),
    "end": _("Kết thúc"),
    "task": _("Công việc"),
    "decision": _("Quyết định"),
}

_DEFAULT_NAME = {"start": "start", "end": "end", "task": "task", "subprocess": "task", "decision": "decision"}


def map_steps(nodes: dict[str, Node], lanes: list[MapLane], ordered: bool, bounds: dict[str, Box], scope: Scope) -> list[dict[str, Any]]:
    """The steps of the process, in the file's order (``ordered``) or the order the diagram reads in."""
    notes = scope.notes
    real = [node for node in nodes.values() if node.kind not in ("pass", "skip")]
    if not any(node.kind == "start" for node in real) and not any(n.ext and n.ext.get("type") == "start" for n in real):
        notes.note(BpmnCode.NO_START_END, _("quy trình không có sự kiện bắt đầu"), scope.process_id)
    if not any(node.kind == "end" for node in real):
        notes.note(BpmnCode.NO_START_END, _("quy trình không có sự kiện kết thúc"), scope.process_id)
    lane_of = _lane_of(real, lanes, bounds, scope)
    ids = _step_ids(real)
    order = real if ordered else flow_order(real, nodes)
    steps: list[dict[str, Any]] = []
    taken = Ids(ids.values())
    for node in order:
        step = _step(node, ids, nodes, lane_of.get(node.id), scope)
        scope.step_elements[step["id"]] = node.id
        steps.append(step)
        if step.pop("_needs_end", False):
            steps.append(_end_after(step, node, taken, scope))
    return steps


def _end_after(step: dict[str, Any], node: Node, taken: Ids, scope: Scope) -> dict[str, Any]:
    """An end step for ``step``, which has no way out, and ``step`` leading to it."""
    end_id = taken.unique("ket-thuc")
    end_name = _("Kết thúc").vi
    scope.notes.note(
        BpmnCode.END_ADDED,
        _("bước «{name}» không có luồng đi ra; đã thêm bước kết thúc «{end}» sau nó"),
        node.id,
        name=step["name"]["vi"],
        end=end_name,
    )
    if step.get("type") == "decision":
        step["branches"] = [{"when": {"vi": _("Nhánh {n}").format(n=1).vi}, "to": end_id}]
    else:
        step["next"] = end_id
    end = {"id": end_id, "type": "end", "name": {"vi": end_name}}
    scope.step_elements[end_id] = node.id
    if step.get("role"):
        end["role"] = step["role"]
    return end


def _lane_of(nodes: list[Node], lanes: list[MapLane], bounds: dict[str, Box], scope: Scope) -> dict[str, MapLane]:
    lane_of: dict[str, MapLane] = {}
    for lane in lanes:
        for ref in lane.refs:
            lane_of.setdefault(ref, lane)
    if not lanes:
        return lane_of
    for node in nodes:
        if node.id in lane_of:
            continue
        # Not listed in any lane (bpmn.io writes flowNodeRef, hand edits may not): place it by where it is drawn.
        centre = bounds.get(node.id)
        found = None
        if centre is not None:
            cx, cy = centre[0] + centre[2] / 2, centre[1] + centre[3] / 2
            found = next(
                (lane for lane in lanes if (b := bounds.get(lane.id)) and b[0] <= cx <= b[0] + b[2] and b[1] <= cy <= b[1] + b[3]),
                None,
            )
        if found is not None:
            lane_of[node.id] = found
            scope.notes.note(
                BpmnCode.ROLES_GUESSED,
                _("bước «{name}» không được liệt kê trong làn nào; xếp vào «{lane}» theo vị trí trên sơ đồ"),
                node.id,
                name=node.name or node.id,
                lane=found.name or found.id,
            )
        else:
            scope.notes.note(
                BpmnCode.NO_ROLE, _("bước «{name}» không thuộc làn nào nên chưa có vai trò"), node.id, name=node.name or node.id
            )
    return lane_of


def _step_ids(nodes: list[Node]) -> dict[str, str]:
    ids: dict[str, str] = {}
    taken = Ids()
    # Ids stored by qms first, so that a new element cannot take one of them.
    for node in nodes:
        stored = (node.ext or {}).get("id")
        if isinstance(stored, str) and STEP_ID.fullmatch(stored) and stored not in taken:
            ids[node.id] = stored
            taken.add(stored)
    for node in nodes:
        if node.id not in ids:
            default = slug(_BPMN_NAME[_DEFAULT_NAME[node.kind]].vi)
            ids[node.id] = taken.unique(slug(node.name) or default or slug(node.id) or "buoc")
    return ids


def _step(node: Node, ids: dict[str, str], nodes: dict[str, Node], lane: MapLane | None, scope: Scope) -> dict[str, Any]:
    ext = node.ext or {}
    kind = node.kind
    if kind == "task" and ext.get("type") == "start":
        kind = "start"  # a start step that a return path leads back to, written as a task after a start event
    step: dict[str, Any] = {"id": ids[node.id], "type": kind}
    if kind == "task":
        del step["type"]  # the default, omitted as in files written by hand
    name = scope.merge(node.name, ext.get("name"), node.id, _("tên bước"))
    if name is None:
        default = _BPMN_NAME[_DEFAULT_NAME[kind]]
        name = {"vi": default.vi}
        scope.notes.note(
            BpmnCode.EVENT_NAMED if kind in ("start", "end") else BpmnCode.PLACEHOLDER,
            _("phần tử {kind} chưa có tên; tạm đặt «{name}»"),
            node.id,
            kind=node.tag,
            name=default.vi,
        )
    step["name"] = name
    if lane is not None and lane.role_id:
        step["role"] = lane.role_id
    _stored_fields(step, node, kind, scope)
    _way_out(step, node, kind, ids, nodes, scope)
    return step


def _stored_fields(step: dict[str, Any], node: Node, kind: str, scope: Scope) -> None:
    """The fields of the step that the diagram has no place for, from the qms data (the description from both)."""
    ext = node.ext or {}
    if ext.get("support"):
        step["support"] = ext["support"]
    description = scope.merge(node.documentation, ext.get("description"), node.id, _("mô tả bước"))
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
    if ext.get("waits_for"):
        step["waits_for"] = ext["waits_for"]
    if ext.get("extends_deadline"):
        step["extends_deadline"] = True


def _way_out(step: dict[str, Any], node: Node, kind: str, ids: dict[str, str], nodes: dict[str, Node], scope: Scope) -> None:
    """``next`` or ``branches`` from the outgoing flows; ``_needs_end`` when there is no way out."""
    notes = scope.notes
    targets: list[tuple[Flow, Node]] = []
    for flow in node.outgoing:
        target = resolve(flow, nodes)
        if target is None:
            notes.note(
                BpmnCode.FLOW_DROPPED, _("luồng «{flow}» nối tới phần tử không được nhập hoặc không tồn tại; đã bỏ"), flow.id, flow=flow.id
            )
        else:
            targets.append((flow, target))
    name = step["name"]["vi"]
    if kind == "end":
        if targets:
            notes.note(BpmnCode.FLOW_DROPPED, _("sự kiện kết thúc «{name}» có luồng đi ra; các luồng này bị bỏ"), node.id, name=name)
    elif kind == "decision":
        branches = _branches(node, targets, ids, scope)
        if branches:
            step["branches"] = branches
        else:
            step["_needs_end"] = True
    elif targets:
        step["next"] = ids[targets[0][1].id]
        if len(targets) > 1:
            rest = ", ".join(f"«{display(t)}»" for _, t in targets[1:])
            notes.note(
                BpmnCode.FLOW_DROPPED,
                _("bước «{name}» có {n} luồng đi ra nhưng không phải cổng quyết định; chỉ giữ luồng tới «{kept}», bỏ luồng tới {dropped}"),
                node.id,
                name=name,
                n=len(targets),
                kept=display(targets[0][1]),
                dropped=rest,
            )
    else:
        step["_needs_end"] = True


def _branches(node: Node, targets: list[tuple[Flow, Node]], ids: dict[str, str], scope: Scope) -> list[dict[str, Any]]:
    branches: list[dict[str, Any]] = []
    for flow, target in targets:
        stored = flow.branches
        shown = [b.get(scope.lang.value) or b["vi"] for b in stored]
        if stored and flow.name == " / ".join(shown):
            labels = stored
        elif len(stored) == 1:
            labels = [scope.merge(flow.name, stored[0], flow.id, _("nhãn nhánh")) or stored[0]]
        elif flow.name:
            labels = [{"vi": flow.name}]
        else:
            label = flow.condition if 0 < len(flow.condition) <= 80 else _("Nhánh {n}").format(n=len(branches) + 1).vi
            scope.notes.note(
                BpmnCode.PLACEHOLDER,
                _("nhánh từ «{source}» tới «{target}» chưa có nhãn; tạm đặt «{label}»"),
                flow.id,
                source=node.name or node.id,
                target=display(target),
                label=label,
            )
            labels = [{"vi": label}]
        branches += [{"when": when, "to": ids[target.id]} for when in labels]
    return branches


def flow_order(real: list[Node], nodes: dict[str, Node]) -> list[Node]:
    """Steps in the order a person reads the diagram: by column (as the flowchart lays them out, return
    paths ignored), ties in the order a depth-first walk from the start events meets them."""
    following = {node.id: [t.id for flow in node.outgoing if (t := resolve(flow, nodes)) is not None] for node in real}
    visit, back, reached = _walk_order(real, following)
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


def _walk_order(real: list[Node], following: dict[str, list[str]]) -> tuple[dict[str, int], set[tuple[str, str]], int]:
    """When a depth-first walk (from the start events first) meets each step, the flows that lead back,
    and how many steps are met from a start (the rest are unreachable)."""
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
    return visit, back, reached
