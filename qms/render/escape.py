"""Escaping for graphviz: DOT strings and HTML-like labels. The HTML, XML and Markdown escapes live in :mod:`qms.escape`
(a bottom layer, so that reports, the handbook and the renderers share one copy) and are re-exported here.
"""

from __future__ import annotations

import graphviz

from qms.escape import LINE_BREAK, MARKDOWN_SPECIAL, REPLACEMENT, XML_UNSAFE, html_line, html_text, markdown_text, xml_chars


def label_text(value: object) -> str:
    """Text inside a graphviz HTML-like label: :func:`html_text`, and every backslash doubled.

    Even in HTML-like labels graphviz replaces ``\\N`` by the node's name, ``\\G`` by the graph's, ``\\E`` by the
    edge's (after reading entities, so ``&#92;N`` does the same) and reads ``\\\\`` as one backslash.
    """
    return html_text(value).replace("\\", "\\\\")


def dot_string(value: object) -> str:
    """A plain (not HTML-like) DOT attribute value or name, such as ``id`` or ``URL``, taken literally.

    graphviz expands ``\\N``, ``\\G``, ``\\L``... in such strings and reads ``<…>`` as an HTML-like label; the
    ``graphviz`` package quotes ``"`` itself. ``graphviz.escape`` doubles the backslashes and marks the string as
    not HTML. (Record labels, where ``{ } | < >`` are special, are not used: every label is HTML-like.)
    """
    return graphviz.escape(xml_chars(value))


__all__ = [
    "LINE_BREAK",
    "MARKDOWN_SPECIAL",
    "REPLACEMENT",
    "XML_UNSAFE",
    "dot_string",
    "html_line",
    "html_text",
    "label_text",
    "markdown_text",
    "xml_chars",
]
