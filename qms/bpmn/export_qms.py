"""The qms extension data the BPMN writer puts in ``bpmn:extensionElements`` (:mod:`qms.bpmn.common` describes it).

:mod:`qms.bpmn.read_qms` reads it back; together they carry what BPMN has no
place for (role ids, both languages, durations, records, the process's
document control), so that exporting and importing gives the same process.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from qms.bpmn.common import BPMN, QMS, q, xml_text
from qms.i18n import Lang
from qms.model import Process, Step, Text

FORMAT = "1"  # version of the qms extension data


def process_extension(parent: ET.Element, process: Process, lang: Lang) -> None:
    """Everything about the process that BPMN has no place for, as JSON: document control, legal basis, roles, KPIs..."""
    extension = ET.SubElement(parent, q(BPMN, "extensionElements"))
    element = ET.SubElement(extension, q(QMS, "process"), {"code": process.code, "lang": lang.value, "format": FORMAT})
    data = process.model_dump(mode="json", exclude={"steps"}, exclude_none=True, exclude_defaults=True)
    data["code"] = process.code  # required fields are never defaults, but keep the code explicit
    ET.SubElement(element, q(QMS, "meta"), {"type": "application/json"}).text = xml_text(json.dumps(data, ensure_ascii=False))


def step_extension(parent: ET.Element, step: Step) -> None:
    attributes = {"id": step.id, "type": step.type.value}
    if step.role:
        attributes["role"] = step.role
    if step.duration is not None:
        attributes["duration"] = xml_text(step.duration.text)
    if step.authority is not None:
        attributes["authority"] = step.authority.value
    if step.calls:
        attributes["calls"] = step.calls
    if step.stops_clock:
        attributes["stopsClock"] = "true"
    if step.waits_for is not None:
        attributes["waitsFor"] = step.waits_for.value
    element = ET.SubElement(parent, q(QMS, "step"), attributes)
    bilingual(element, "name", step.name)
    if step.description:
        bilingual(element, "description", step.description)
    if step.criteria:
        bilingual(element, "criteria", step.criteria)
    for text in step.inputs:
        bilingual(element, "input", text)
    for text in step.outputs:
        bilingual(element, "output", text)
    for code in step.records:
        ET.SubElement(element, q(QMS, "record"), {"code": code})
    for role in step.support:
        ET.SubElement(element, q(QMS, "support"), {"role": role})
    if step.calls_part is not None:
        part = {"startsAt": step.calls_part.starts_at, "stopsAt": step.calls_part.stops_at}
        ET.SubElement(element, q(QMS, "callsPart"), {k: v for k, v in part.items() if v})


def bilingual(parent: ET.Element, tag: str, text: Text) -> None:
    """A bilingual text as ``<qms:TAG><qms:vi>...</qms:vi><qms:en>...</qms:en></qms:TAG>``."""
    element = ET.SubElement(parent, q(QMS, tag))
    ET.SubElement(element, q(QMS, "vi")).text = xml_text(text.vi)
    if text.en:
        ET.SubElement(element, q(QMS, "en")).text = xml_text(text.en)
