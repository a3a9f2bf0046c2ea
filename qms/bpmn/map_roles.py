"""The mapping's lanes and roles: each lane a role (ids from the names), the roles qms stored kept in their order."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import STEP_ID, Notes, bad_meta
from qms.bpmn.diagram import Diagram, Lane
from qms.bpmn.map_scope import Ids, Scope, text_value
from qms.bpmn.text import one_line, shown
from qms.i18n import _, pgettext
from qms.load.schema_errors import slug


@dataclass
class MapLane:
    """A lane that holds steps (nested lanes give their innermost ones) and the role it became."""

    id: str
    name: str
    stored_id: str | None
    unassigned: bool
    refs: list[str]
    role_id: str | None = None


def map_lanes(lanes: list[Lane], notes: Notes) -> list[MapLane]:
    """The innermost lanes in the order of the file; a lane holding lanes is noted and gives its own."""
    found: list[MapLane] = []

    def walk(level: list[Lane]) -> None:
        for lane in level:
            if lane.children:
                notes.note(
                    BpmnCode.ROLES_GUESSED,
                    _("làn lồng nhau trong «{name}»: mỗi làn con thành một vai trò"),
                    lane.id,
                    name=lane.name or lane.id,
                )
                walk(lane.children)
                continue
            found.append(MapLane(lane.id or "", lane.name, lane.stored_id, lane.unassigned, lane.refs))

    walk(lanes)
    return found


def map_roles(lanes: list[MapLane], meta: dict[str, Any] | None, scope: Scope) -> dict[str, Any]:
    """Roles stored by qms (in their declared order, lanes or not), then one per new lane; sets each lane's role id."""
    roles = _stored_roles(meta, scope)
    taken = Ids(roles)
    for lane in lanes:
        lane.role_id = None
        if lane.unassigned:
            continue
        if lane.stored_id and lane.stored_id in roles:
            lane.role_id = lane.stored_id
            role = dict(_role_dict(roles[lane.stored_id]))
            merged = scope.merge(lane.name, role.get("name"), lane.id, _("tên vai trò"))
            if merged:
                role["name"] = merged
            roles[lane.stored_id] = role
            continue
        name = lane.name
        if not name:
            name = f"{pgettext('bpmn.name.role', 'Người thực hiện').vi} {len(roles) + 1}"
            scope.notes.note(BpmnCode.PLACEHOLDER, _("phần tử {kind} chưa có tên; tạm đặt «{name}»"), lane.id, kind="lane", name=name)
        candidate = lane.stored_id if lane.stored_id and STEP_ID.fullmatch(lane.stored_id) else slug(name) or "vai-tro"
        lane.role_id = taken.unique(candidate)
        roles[lane.role_id] = {"name": {"vi": name}}
    return roles


def _stored_roles(meta: dict[str, Any] | None, scope: Scope) -> dict[str, Any]:
    """The roles of the qms data that have an id and a usable name, with a note for each that has not."""
    stored = meta.get("roles") if meta else None
    roles: dict[str, Any] = {}
    if isinstance(stored, dict):
        for key, value in stored.items():
            role = _stored_role(value)
            if not STEP_ID.fullmatch(key):
                scope.meta_note(bad_meta("roles", _("«{key}» không phải mã vai trò").format(key=shown(key))))
            elif role is None:
                scope.bad_kind(f"roles.{key}", value, "role")
            else:
                roles[key] = role
    elif stored is not None:
        scope.bad_kind("roles", stored, "mapping")
    return roles


def default_role(roles: dict[str, Any], lanes: list[MapLane], steps: list[dict[str, Any]], diagram: Diagram, notes: Notes) -> None:
    """A process needs a role (its owner); a pool without lanes is one role doing every step."""
    if roles and lanes:
        return
    if not roles:
        pool_name = diagram.pool.name if diagram.pool is not None else None
        name = (pool_name or diagram.process.name or pgettext("bpmn.name.role", "Người thực hiện").vi).strip()
        roles[Ids().unique(slug(name) or "vai-tro")] = {"name": {"vi": name}}
    if not lanes:
        role_id = next(iter(roles))
        notes.note(
            BpmnCode.ROLES_GUESSED, _("không có làn (lane): mọi bước được giao cho vai trò «{role}»"), diagram.process.id, role=role_id
        )
        for step in steps:
            step.setdefault("role", role_id)


def _role_dict(value: Any) -> dict[str, Any]:
    if isinstance(value, dict) and "name" in value:
        return value
    if isinstance(value, dict):
        return {"name": value}
    return {"name": {"vi": str(value)}}


def _stored_role(value: Any) -> dict[str, Any] | None:
    """A role qms stored, in its long form, if it has a usable name; its other fields are checked with the rest."""
    if isinstance(value, str):
        return {"name": {"vi": one_line(value)}} if value.strip() else None
    if not isinstance(value, dict):
        return None
    if "name" not in value:
        name = text_value(value)
        return {"name": {lang: one_line(text) for lang, text in name.items()}} if name else None
    stored = value["name"]
    name = text_value({"vi": stored} if isinstance(stored, str) else stored)
    return {**value, "name": {lang: one_line(text) for lang, text in name.items()}} if name else None
