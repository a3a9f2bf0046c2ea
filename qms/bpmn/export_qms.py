"""The qms extension data the BPMN writer puts in ``bpmn:extensionElements`` (:mod:`qms.bpmn.common` describes it).

:mod:`qms.bpmn.read_qms` reads it back; together they carry what BPMN has no
place for (role ids, both languages, durations, records, the process's
document control), so that exporting and importing gives the same process.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

from qms.bpmn.common import BPMN, QMS, q, xml_text
from qms.i18n import Lang, Message, _
from qms.model import Process, Step, Text

FORMAT = "1"  # version of the qms extension data


def process_extension(parent: ET.Element, process: Process, lang: Lang) -> None:
    """Everything about the process that BPMN has no place for, as JSON: document control, legal basis, roles, KPIs...

    The procedure's fields (code, level, announcement, channels, fees, linked procedures) are in that JSON, which
    the import reads back; they are also written, for the people reading the diagram in a modeler, as the process's
    ``bpmn:documentation`` (first, as the BPMN schema orders a process's children). That text is not read back."""
    lines = procedure_lines(process, lang)
    if lines:
        ET.SubElement(parent, q(BPMN, "documentation")).text = xml_text("\n".join(lines))
    extension = ET.SubElement(parent, q(BPMN, "extensionElements"))
    element = ET.SubElement(extension, q(QMS, "process"), {"code": process.code, "lang": lang.value, "format": FORMAT})
    data = process.model_dump(mode="json", exclude={"steps"}, exclude_none=True, exclude_defaults=True)
    data["code"] = process.code  # required fields are never defaults, but keep the code explicit
    ET.SubElement(element, q(QMS, "meta"), {"type": "application/json"}).text = xml_text(json.dumps(data, ensure_ascii=False))


def procedure_lines(process: Process, lang: Lang) -> list[str]:
    """The procedure's published facts as lines of text in ``lang`` (none for a process that is not a procedure)."""
    found: list[Message] = []
    if process.procedure_code:
        found.append(_("Mã thủ tục hành chính: {code}").format(code=process.procedure_code))
    if process.level is not None:
        found.append(_("Cấp giải quyết: {level}").format(level=process.level.value))
    if process.announcement is not None:
        when = f" ({process.announcement.date})" if process.announcement.date else ""
        found.append(_("Quyết định công bố: {decision}").format(decision=process.announcement.decision + when))
    service = process.citizen_service
    if service is not None and service.channels:
        found.append(_("Cách thức nộp: {channels}").format(channels=", ".join(c.value for c in service.channels)))
    if service is not None and service.online_reason is not None:
        found.append(_("Lý do không trực tuyến toàn trình: {reason}").format(reason=service.online_reason.get(lang)))
    for charge in service.charges if service is not None else ():
        found.append(_("Phí, lệ phí: {name}: {amount} đồng").format(name=charge.name.get(lang), amount=f"{charge.amount:,}"))
    for linked in process.linked_procedures:
        found.append(_("Liên thông: {agency}: {name}").format(agency=linked.agency.get(lang), name=linked.name.get(lang)))
    return [m.get(lang) for m in found]


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
    if step.extends_deadline:
        attributes["extendsDeadline"] = "true"
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
