"""Stage 2 of the import, its qms part: the extension data qms writes (:mod:`qms.bpmn.common` describes it).

The process's own data is JSON inside ``qms:meta``: its nesting is bounded
before it is parsed (json.loads recurses once per level), and every string
in it is cleaned as the rest of the file is. A step's data is checked value
by value: what would not validate is left out and listed, the diagram still
gives the step.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from typing import Any

from qms.bpmn.codes import BpmnCode
from qms.bpmn.common import BPMN, CODE, META_HINT, QMS, RECORD, STEP_ID, Notes, Position, bad_meta_kind, kind_of, q
from qms.bpmn.text import CHARACTERS_HINT, characters_changed, clean
from qms.i18n import Lang, Message, _
from qms.model.process import Authority, StepType, WaitsFor
from qms.model.values import Duration

# The qms data of the largest shipped process is 4 levels deep; json.loads recurses once per level.
MAX_JSON_DEPTH = 32


def _meta_too_deep(limit: int) -> Message:
    return _("dữ liệu qms (JSON) lồng nhau quá sâu (hơn {limit} mức); không đọc dữ liệu này, chỉ dùng phần BPMN").format(limit=limit)


def find_meta(process: ET.Element) -> ET.Element | None:
    """The ``qms:meta`` element of the process, where notes about the qms data point."""
    element = extension(process, "process")
    return element.find(q(QMS, "meta")) if element is not None else None


def read_meta(process: ET.Element, positions: dict[ET.Element, Position], notes: Notes) -> tuple[dict[str, Any] | None, Lang]:
    """The process data qms stored as JSON, its strings cleaned; None (with a note) when it cannot be read."""
    element = extension(process, "process")
    if element is None:
        return None, Lang.VI
    lang = Lang.EN if element.get("lang") == "en" else Lang.VI
    meta_element = element.find(q(QMS, "meta"))
    text = meta_element.text if meta_element is not None else None
    if not text:
        return None, lang
    process_id = process.get("id") or None
    at = positions.get(meta_element if meta_element is not None else element)
    # json.loads recurses once per level: a deep «[[[[...» is refused before it is parsed.
    if _json_too_deep(text, MAX_JSON_DEPTH):
        notes.add(BpmnCode.META_UNREADABLE, _meta_too_deep(MAX_JSON_DEPTH), process_id, hint=META_HINT, at=at)
        return None, lang
    try:
        meta = json.loads(text)
    except RecursionError:  # not reached after the check above; kept so that no input can crash the reader
        notes.add(BpmnCode.META_UNREADABLE, _meta_too_deep(MAX_JSON_DEPTH), process_id, hint=META_HINT, at=at)
        return None, lang
    except ValueError as exc:
        error = f"JSON {exc.lineno}:{exc.colno}: {exc.msg}" if isinstance(exc, json.JSONDecodeError) else str(exc)[:200]
        notes.add(
            BpmnCode.META_UNREADABLE,
            _("dữ liệu qms trong tệp BPMN không đọc được ({error}); chỉ dùng phần BPMN").format(error=error),
            process_id,
            hint=META_HINT,
            at=at,
        )
        return None, lang
    if not isinstance(meta, dict):
        notes.add(BpmnCode.META_UNREADABLE, bad_meta_kind("meta", kind_of(meta), "mapping"), process_id, hint=META_HINT, at=at)
        return None, lang
    removed: list[str] = []
    replaced: list[str] = []
    meta = _clean_json(meta, removed, replaced)
    if removed or replaced:
        notes.add(BpmnCode.CHARACTERS, characters_changed("meta", removed, replaced), process_id, hint=CHARACTERS_HINT, at=at)
    return meta, lang


def extension(element: ET.Element, local: str) -> ET.Element | None:
    extension = element.find(q(BPMN, "extensionElements"))
    return extension.find(q(QMS, local)) if extension is not None else None


def extensions(element: ET.Element, local: str) -> list[ET.Element]:
    extension = element.find(q(BPMN, "extensionElements"))
    return extension.findall(q(QMS, local)) if extension is not None else []


def bilingual(element: ET.Element | None) -> dict[str, str] | None:
    """A bilingual text stored as ``<qms:X><qms:vi>...</qms:vi><qms:en>...</qms:en></qms:X>``."""
    if element is None:
        return None
    vi = (element.findtext(q(QMS, "vi")) or "").strip()
    en = (element.findtext(q(QMS, "en")) or "").strip()
    if not vi:
        return None
    return {"vi": vi, "en": en} if en else {"vi": vi}


def step_extension(element: ET.Element | None, dropped: list[tuple[str, str]]) -> dict[str, Any] | None:
    """The step data qms stored; values that would not validate are left out (the diagram still gives the step)
    and listed in ``dropped`` as (attribute, value)."""
    if element is None:
        return None
    ext = _step_attributes(element, dropped)
    for key in ("name", "description", "criteria"):
        text = bilingual(element.find(q(QMS, key)))
        if text:
            ext[key] = text
    for key, tag in (("inputs", "input"), ("outputs", "output")):
        texts = [text for child in element.findall(q(QMS, tag)) if (text := bilingual(child))]
        if texts:
            ext[key] = texts
    for key, tag, attribute, pattern in (("support", "support", "role", STEP_ID), ("records", "record", "code", RECORD)):
        values = [child.get(attribute, "") for child in element.findall(q(QMS, tag))]
        dropped += [(tag, value) for value in values if not pattern.fullmatch(value)]
        kept = [value for value in values if pattern.fullmatch(value)]
        if kept:
            ext[key] = kept
    part = element.find(q(QMS, "callsPart"))
    if part is not None:
        ends = {key: part.get(attr) for key, attr in (("starts_at", "startsAt"), ("stops_at", "stopsAt"))}
        ext["calls_part"] = {key: value for key, value in ends.items() if value and STEP_ID.fullmatch(value)}
    return ext


def _step_attributes(element: ET.Element, dropped: list[tuple[str, str]]) -> dict[str, Any]:
    """The attributes of ``qms:step`` that validate, in the order the step data lists them."""
    ext: dict[str, Any] = {}
    if element.get("id"):
        ext["id"] = element.get("id")
    for attribute, valid in (
        ("type", lambda value: value in _STEP_TYPES),
        ("duration", _is_duration),
        ("authority", lambda value: value in _AUTHORITIES),
        ("calls", lambda value: CODE.fullmatch(value) is not None),
    ):
        value = element.get(attribute)
        if value and valid(value):
            ext[attribute] = value
        elif value:
            dropped.append((attribute, value))
    if element.get("stopsClock") == "true":
        ext["stops_clock"] = True
    if element.get("extendsDeadline") == "true":
        ext["extends_deadline"] = True
    if (waits := element.get("waitsFor")) in _WAITS_FOR:
        ext["waits_for"] = waits
    elif waits:
        dropped.append(("waitsFor", waits))
    return ext


_STEP_TYPES = frozenset(t.value for t in StepType)
_AUTHORITIES = frozenset(a.value for a in Authority)
_WAITS_FOR = frozenset(w.value for w in WaitsFor)


def _is_duration(text: str) -> bool:
    try:
        Duration.parse(text)
    except (ValueError, TypeError, ArithmeticError):
        return False
    return True


def _clean_json(value: Any, removed: list[str], replaced: list[str]) -> Any:
    """The qms data with every string (keys too) cleaned; its depth is bounded before it is parsed."""
    if isinstance(value, str):
        return clean(value, removed, replaced)
    if isinstance(value, list):
        return [_clean_json(item, removed, replaced) for item in value]
    if isinstance(value, dict):
        return {clean(key, removed, replaced): _clean_json(item, removed, replaced) for key, item in value.items()}
    return value


_JSON_NESTING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[{]|[\]}]')


def _json_too_deep(text: str, limit: int) -> bool:
    """Whether the JSON ``text`` nests more than ``limit`` arrays and objects, found without parsing it (linear)."""
    if text.count("[") + text.count("{") <= limit:
        return False
    depth = 0
    for match in _JSON_NESTING.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > limit:
                return True
        elif token in "]}":
            depth -= 1
    return False
