"""The mapping's last part: the process dict, its own fields from the qms data, in the format's order.

What qms stored about the process (records, risks, the clock, deadline cases,
waivers, owner, version, status) is kept as far as it still fits the steps
the diagram gives: a reference to a step or record that is no longer there
is dropped with a note. The rest of the qms data is checked by loading the
result (:mod:`qms.bpmn.check_yaml`).
"""

from __future__ import annotations

from typing import Any

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import bad_meta, kind_of
from qms.bpmn.map_scope import Scope
from qms.bpmn.text import shown
from qms.i18n import _
from qms.model import Process

# The shapes of the parts of the qms data that the import itself reads (the rest is checked by loading the result).
_META_SHAPES = {"records": "list", "risks": "list", "clock": "mapping", "deadline_cases": "list", "waivers": "list"}
_CLOCK_STEPS = ("starts_at", "stops_at")  # the clock fields that name a step
# Required fields the qms data gives, and what they become when its value does not load.
DEFAULTS = {"version": "1.0", "status": "draft"}


def assemble(
    meta: dict[str, Any], code: str, title: dict[str, str], roles: dict[str, Any], steps: list[dict[str, Any]], scope: Scope
) -> dict[str, Any]:
    """The process dict in the order of the format's fields, references to vanished steps and records dropped."""
    step_ids = {step["id"] for step in steps}
    for key, expected in _META_SHAPES.items():
        if key in meta and kind_of(meta[key]) not in (expected, "null"):
            scope.bad_kind(key, meta[key], expected)
            meta = {k: v for k, v in meta.items() if k != key}
    steps = _with_known_records(steps, meta, scope)
    meta = dict(meta)
    _drop_vanished_steps(meta, step_ids, scope)
    owner, version, status = _checked_fields(meta, roles, scope)
    document: dict[str, Any] = {
        "code": code,
        "title": title,
        "version": version if isinstance(version, str) and version else DEFAULTS["version"],
        "status": status if isinstance(status, str) and status else DEFAULTS["status"],
    }
    for key, value in meta.items():
        if key in ("code", "title", "version", "status", "roles", "steps", "owner"):
            continue
        document[key] = value
    document["owner"] = owner if isinstance(owner, str) and owner in roles else next(iter(roles))
    # Field order of the format, so the file reads like one written by hand.
    order = list(Process.model_fields)
    document["roles"] = roles
    document["steps"] = steps
    return {key: document[key] for key in order if key in document}


def _with_known_records(steps: list[dict[str, Any]], meta: dict[str, Any], scope: Scope) -> list[dict[str, Any]]:
    """Copies of the steps whose record codes are all among the process's records (the others dropped, with a note)."""
    stored_records = meta.get("records") or []
    records = {r["code"] for r in stored_records if isinstance(r, dict) and isinstance(r.get("code"), str)}
    steps = [dict(step) for step in steps]
    for step in steps:
        if "records" in step:
            kept = [c for c in step["records"] if c in records]
            for missing in (c for c in step["records"] if c not in records):
                scope.notes.note(
                    BpmnCode.META_VANISHED,
                    _("bước «{step}» ghi hồ sơ «{code}» không được khai báo; đã bỏ"),
                    scope.step_elements.get(step["id"]),
                    step=step["id"],
                    code=missing,
                )
            if kept:
                step["records"] = kept
            else:
                del step["records"]
    return steps


def _drop_vanished_steps(meta: dict[str, Any], step_ids: set[str], scope: Scope) -> None:
    """Risks, clock, deadline cases and waivers of ``meta`` without their references to steps that are gone."""
    notes, process_id = scope.notes, scope.process_id
    if isinstance(meta.get("risks"), list):
        risks = []
        for risk in meta["risks"]:
            if isinstance(risk, dict) and isinstance(risk.get("controls"), list):
                controls = _steps_still_there(risk["controls"], step_ids, shown(risk.get("code", "risks")), scope)
                risk = {key: value for key, value in risk.items() if key != "controls"}
                if controls:
                    risk["controls"] = controls
            risks.append(risk)
        meta["risks"] = risks
    if isinstance(meta.get("clock"), dict):
        # Only starts_at and stops_at name steps; the cut-off hour ("15:00") is a time and always stays.
        clock = {
            part: step for part, step in meta["clock"].items() if part not in _CLOCK_STEPS or (isinstance(step, str) and step in step_ids)
        }
        for part in meta["clock"]:
            if part not in clock:
                notes.note(
                    BpmnCode.META_VANISHED,
                    _("{where} tham chiếu bước «{step}» không còn trong sơ đồ; đã bỏ tham chiếu này"),
                    process_id,
                    where=f"clock.{part}",
                    step=shown(meta["clock"][part]),
                )
        meta["clock"] = clock
    if isinstance(meta.get("deadline_cases"), list):
        cases = []
        for case in meta["deadline_cases"]:
            if isinstance(case, dict) and isinstance(case.get("through"), list):
                case = {**case, "through": _steps_still_there(case["through"], step_ids, "deadline_cases", scope)}
                if not case["through"]:
                    continue  # a case whose steps are all gone has nothing left to bind
            cases.append(case)
        meta["deadline_cases"] = cases
    if isinstance(meta.get("waivers"), list):
        waivers = []
        for waiver in meta["waivers"]:
            if isinstance(waiver, dict) and waiver.get("step") and not (isinstance(waiver["step"], str) and waiver["step"] in step_ids):
                notes.note(
                    BpmnCode.META_VANISHED,
                    _("{where} tham chiếu bước «{step}» không còn trong sơ đồ; đã bỏ tham chiếu này"),
                    process_id,
                    where=f"waiver {shown(waiver.get('rule', ''))}",
                    step=shown(waiver["step"]),
                )
                continue
            waivers.append(waiver)
        meta["waivers"] = waivers
    for key in ("risks", "clock", "deadline_cases", "waivers"):
        if key in meta and not meta[key]:
            del meta[key]  # nothing left once the references to vanished steps are gone


def _steps_still_there(ids: Any, step_ids: set[str], where: str, scope: Scope) -> list[str]:
    """The step ids that are still steps of the imported process; a note for each one that is gone."""
    ids = ids if isinstance(ids, list) else [ids]
    for missing in (i for i in ids if not (isinstance(i, str) and i in step_ids)):
        scope.notes.note(
            BpmnCode.META_VANISHED,
            _("{where} tham chiếu bước «{step}» không còn trong sơ đồ; đã bỏ tham chiếu này"),
            scope.process_id,
            where=where,
            step=shown(missing),
        )
    return [i for i in ids if isinstance(i, str) and i in step_ids]


def _checked_fields(meta: dict[str, Any], roles: dict[str, Any], scope: Scope) -> tuple[Any, Any, Any]:
    """The owner, version and status qms stored, with a note for each that cannot be used (the default is)."""
    owner = meta.get("owner")
    if owner is not None and not (isinstance(owner, str) and owner in roles):
        first = next(iter(roles))
        if isinstance(owner, str):
            scope.meta_note(bad_meta("owner", _("«{owner}» không phải một vai trò").format(owner=shown(owner)), first))
        else:
            scope.bad_kind("owner", owner, "text", first)
    version = meta.get("version")
    if isinstance(version, (int, float)) and not isinstance(version, bool):
        version = str(version)
    if version is not None and not isinstance(version, str):
        scope.bad_kind("version", version, "text", DEFAULTS["version"])
    status = meta.get("status")
    if status is not None and not isinstance(status, str):
        scope.bad_kind("status", status, "text", DEFAULTS["status"])
    return owner, version, status
