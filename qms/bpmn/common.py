"""Names shared by the BPMN writer and reader, and a guarded XML parser.

BPMN files come from outside (a modeler on someone's laptop, a download),
so the reader never lets the XML parser do anything but read elements:
a document type declaration is refused before any entity in it could be
declared or expanded (billion laughs, external entities), and the size and
nesting depth are bounded. Only the standard library's expat is used.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from xml.parsers import expat

from qms.i18n import Message, msg

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
# Our own extension namespace: qms data that BPMN has no place for (role ids,
# durations, record codes, the second language) travels in extensionElements.
QMS = "https://qms.invalid/bpmn"
XSI = "http://www.w3.org/2001/XMLSchema-instance"

PREFIXES = {"bpmn": BPMN, "bpmndi": BPMNDI, "dc": DC, "di": DI, "qms": QMS}

MAX_BYTES = 20 * 1024 * 1024
MAX_DEPTH = 200

# Characters XML 1.0 allows; anything else (control characters, lone surrogates) cannot be written.
_NOT_XML_CHAR = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def q(namespace: str, local: str) -> str:
    """Clark notation ``{namespace}local`` as ElementTree spells names."""
    return f"{{{namespace}}}{local}"


def xml_text(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold."""
    return _NOT_XML_CHAR.sub("", text)


def local_name(tag: str) -> tuple[str, str]:
    """(namespace, local name) of a Clark-notation tag."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


class BpmnError(ValueError):
    """A BPMN file that cannot be read at all; ``message`` says why in both languages."""

    def __init__(self, message: Message):
        self.message = message
        super().__init__(message.vi)

    def render(self, lang: str = "vi") -> str:
        return self.message.get(lang)


class _Refused(Exception):
    def __init__(self, message: Message):
        self.message = message


def parse_xml(data: bytes) -> ET.Element:
    """Parse ``data`` into an ElementTree element, refusing DTDs, entities, huge and deeply nested input.

    Raises :class:`BpmnError` with a bilingual message for anything that is not plain, well-formed XML.
    """
    if len(data) > MAX_BYTES:
        raise BpmnError(msg("bpmn.too_large", size=len(data), limit=MAX_BYTES))
    if not data.strip():
        raise BpmnError(msg("bpmn.empty"))
    parser = expat.ParserCreate(namespace_separator="}")
    # Never read a DTD or parameter entity from anywhere.
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    builder = ET.TreeBuilder()
    depth = 0

    def refuse_doctype(*_: object) -> None:
        raise _Refused(msg("bpmn.doctype"))

    def start(name: str, attributes: dict[str, str]) -> None:
        nonlocal depth
        depth += 1
        if depth > MAX_DEPTH:
            raise _Refused(msg("bpmn.too_deep", limit=MAX_DEPTH))
        builder.start(_clark(name), {_clark(key): value for key, value in attributes.items()})

    def end(name: str) -> None:
        nonlocal depth
        depth -= 1
        builder.end(_clark(name))

    parser.StartDoctypeDeclHandler = refuse_doctype
    parser.EntityDeclHandler = refuse_doctype
    parser.UnparsedEntityDeclHandler = refuse_doctype
    parser.ExternalEntityRefHandler = refuse_doctype  # type: ignore[assignment]
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = builder.data
    parser.buffer_text = True
    parser.ordered_attributes = False
    try:
        parser.Parse(data, True)
    except _Refused as exc:
        raise BpmnError(exc.message) from None
    except expat.ExpatError as exc:
        raise BpmnError(msg("bpmn.malformed", line=exc.lineno, column=exc.offset + 1, error=expat.ErrorString(exc.code))) from None
    except (ValueError, LookupError, RecursionError) as exc:  # an unknown or undecodable encoding, a builder mismatch
        raise BpmnError(msg("bpmn.malformed", line=parser.CurrentLineNumber, column=parser.CurrentColumnNumber + 1, error=exc)) from None
    root = builder.close()
    return root


def _clark(name: str) -> str:
    """expat's ``namespace}local`` to ElementTree's ``{namespace}local``."""
    return "{" + name if "}" in name else name
