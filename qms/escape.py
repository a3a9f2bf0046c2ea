"""Escaping shared by every output that is HTML, XML or Markdown: handbook pages, reports, SVG charts, flowcharts.

Text from processes is data, never markup. Two things can go wrong with it:

* characters with a meaning in the output language (``<``, ``&``, ``"``; in
  Markdown its syntax and line breaks), escaped by :func:`html_text`, and for
  Markdown pages :func:`html_line` and :func:`markdown_text` (graphviz's own
  escapes are in :mod:`qms.render.escape`);
* characters XML 1.0 cannot hold at all, even escaped (C0 controls other
  than tab, line feed and carriage return; U+FFFE, U+FFFF; lone surrogates,
  which UTF-8 cannot even encode). graphviz then stops with «not
  well-formed» and an SVG or XHTML reader refuses the file. The loader
  refuses them in YAML escapes, but processes can be built in Python, so
  every output replaces them itself (:func:`xml_chars`), with U+FFFD, the
  replacement character, so that a reader sees that something was there.
  C1 controls and DEL, which XML allows but discourages and which show as
  nothing, are replaced too.
"""

from __future__ import annotations

import html
import re

# XML 1.0 «Char» excludes these; C1 controls and DEL (U+007F–U+009F) are allowed but discouraged (XML 1.0, 2.2).
XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
REPLACEMENT = "\ufffd"
# Markdown's syntax characters, attribute lists («{: onclick=…}») included; not «~», which the handbook's
# extensions give no meaning and Python-Markdown does not unescape (it would show as «\~»).
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|])")
# Markdown reads a carriage return as a line break too: a value stays on its line (a heading, a table row).
LINE_BREAK = re.compile(r"\r\n?|\n")


def xml_chars(value: object) -> str:
    """``value`` as text every XML 1.0 and HTML reader accepts: unsafe control characters replaced by U+FFFD."""
    return XML_UNSAFE.sub(REPLACEMENT, str(value))


def html_text(value: object, quote: bool = True) -> str:
    """Text for HTML, XML or a graphviz HTML-like label: ``& < >`` (and quotes) escaped, unsafe characters replaced."""
    return html.escape(xml_chars(value), quote=quote)


def html_line(value: object) -> str:
    """:func:`html_text` on one line: for a cell or an attribute of an HTML block inside a Markdown page."""
    return LINE_BREAK.sub(" ", html_text(value, quote=True))


def markdown_text(value: object) -> str:
    """Text for Markdown (a heading, a paragraph): HTML escaped, every Markdown character too, on one line.

    No link, emphasis or attribute list can be made from it. Quotes stay as they are: harmless in text, and
    «&#x27;» would contain a «#» to escape.
    """
    return LINE_BREAK.sub(" ", MARKDOWN_SPECIAL.sub(r"\\\1", html_text(value, quote=False)))


__all__ = ["LINE_BREAK", "MARKDOWN_SPECIAL", "REPLACEMENT", "XML_UNSAFE", "html_line", "html_text", "markdown_text", "xml_chars"]
