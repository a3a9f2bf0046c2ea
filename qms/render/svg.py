"""Make graphviz's SVG accessible: readable titles and descriptions for every step and branch.

graphviz writes ``<title>`` elements holding node names (``tiep-nhan``) and
edge names (``tiep-nhan->kiem-tra``); screen readers and the handbook's
tooltips need the step's name, role, time and records instead. The step
ids are kept as element ids (``step-tiep-nhan``) so pages can link to them.
ElementTree writes the text, so every value is XML-escaped; it does not
refuse characters XML 1.0 cannot hold, so :func:`~qms.render.escape.xml_chars`
replaces them first (a document with one is not well-formed).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from qms.i18n import Lang
from qms.model import Process, Step
from qms.render.escape import xml_chars

SVG = "http://www.w3.org/2000/svg"
XLINK = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG)
ET.register_namespace("xlink", XLINK)

_LABELS = {
    Lang.VI: {"support": "Phối hợp", "role": "Vai trò", "time": "Thời gian", "records": "Hồ sơ", "calls": "Gọi quy trình", "flowchart": "Lưu đồ"},
    Lang.EN: {"support": "With", "role": "Role", "time": "Time", "records": "Records", "calls": "Calls process", "flowchart": "Flowchart"},
}


def _q(tag: str) -> str:
    return f"{{{SVG}}}{tag}"


def _set_title_and_desc(group: ET.Element, title: str, desc: str | None) -> None:
    node = group.find(_q("title"))
    if node is None:
        node = ET.Element(_q("title"))
        group.insert(0, node)
    node.text = xml_chars(title)
    if desc:
        old = group.find(_q("desc"))
        if old is not None:
            group.remove(old)
        element = ET.Element(_q("desc"))
        element.text = xml_chars(desc)
        group.insert(list(group).index(node) + 1, element)


def step_facts(step: Step, process: Process, lang: Lang = Lang.VI) -> list[str]:
    """«Vai trò: …», «Thời gian: …», «Hồ sơ: …»: what a reader wants to know of a step, as plain text (not escaped)."""
    words = _LABELS[lang]
    facts = []
    if step.role:
        role = process.roles.get(step.role)
        facts.append(f"{words['role']}: {role.name.get(lang) if role else step.role}")
    if step.support:
        names = [process.roles[r].name.get(lang) if r in process.roles else r for r in step.support]
        facts.append(f"{words['support']}: {', '.join(names)}")
    if step.duration:
        facts.append(f"{words['time']}: {step.duration.text}")
    if step.records:
        facts.append(f"{words['records']}: {', '.join(step.records)}")
    if step.calls:
        facts.append(f"{words['calls']}: {step.calls}")
    return facts


def accessible_svg(svg: bytes, process: Process, lang: Lang = Lang.VI) -> bytes:
    words = _LABELS[lang]
    root = ET.fromstring(svg)
    root.set("role", "img")
    root.set("aria-labelledby", "flowchart-title")
    top = root.find(_q("g"))
    if top is not None:
        heading = f"{words['flowchart']} {process.code} — {process.title.get(lang)} ({process.version})"
        _set_title_and_desc(top, heading, process.purpose.get(lang) if process.purpose else None)
        title = top.find(_q("title"))
        if title is not None:
            title.set("id", "flowchart-title")
    for group in root.iter(_q("g")):
        group_id = group.get("id", "")
        if group.get("class") == "node" and group_id.startswith("step-"):
            step = process.steps_by_id.get(group_id.removeprefix("step-"))
            if step is None:
                continue
            _set_title_and_desc(group, step.name.get(lang), "; ".join(step_facts(step, process, lang)) or None)
        elif group.get("class") == "edge" and group_id.startswith("edge-"):
            # "edge-<source>.<target>": "." cannot occur in a step id, so the split is unambiguous.
            source, _, target = group_id.removeprefix("edge-").partition(".")
            if source not in process.steps_by_id or target not in process.steps_by_id:
                continue
            ends = f"{process.steps_by_id[source].name.get(lang)} → {process.steps_by_id[target].name.get(lang)}"
            branch = next((b.when.get(lang) for b in process.steps_by_id[source].branches if b.to == target), None)
            _set_title_and_desc(group, f"{ends} ({branch})" if branch else ends, None)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + ET.tostring(root, encoding="utf-8", xml_declaration=False)
