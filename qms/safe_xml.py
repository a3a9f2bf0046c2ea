"""An expat parser that never reads a DTD or an entity declaration: the one place both XML readers get it from.

BPMN diagrams (qms.bpmn.read_xml) and XES event logs (qms.logs.xes) come from outside; a DOCTYPE can declare
entities that expand without bound ("billion laughs") or fetch files. expat itself reads no external entity, and
with the handlers below any declaration stops the parse, so there is nothing left for defusedxml to add.
"""

from __future__ import annotations

from collections.abc import Callable
from xml.parsers import expat


def guarded_parser(refuse: Callable[..., object]) -> expat.XMLParserType:
    """A namespace-aware (``"}"``-separated) expat parser that calls ``refuse`` on any DOCTYPE or entity declaration.

    ``refuse`` is expected to raise; the caller sets the element and text handlers it needs.
    """
    parser = expat.ParserCreate(namespace_separator="}")
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)  # never read a DTD or parameter entity
    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.UnparsedEntityDeclHandler = refuse
    parser.ExternalEntityRefHandler = refuse  # type: ignore[assignment]
    return parser
