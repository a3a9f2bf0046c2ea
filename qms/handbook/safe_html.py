"""The HTML a handbook page may contain: an allow-list, applied to the rendered HTML of every generated page.

Process text is escaped where it is put into a page (:func:`qms.handbook.pages.common.text`
and :func:`~qms.handbook.pages.common.md`): it can never become an element or a link. This
allow-list is the second line, and the first one for Markdown the handbook shows
without having generated it: the audit report that «qms audit --out» wrote (its
Markdown quotes scenario names and process text, and a link or an attribute list
written there would otherwise reach the page). The mkdocs plugin runs it on each
generated page after Markdown (so Material's search index, built from the same HTML,
gets the cleaned text) and the printed handbook on each process.

What passes (nh3, the Python binding of the Rust sanitiser ammonia, which parses as a
browser does, so ``JaVaScRiPt:``, ``&#106;avascript:`` or a tab inside the scheme are
the same ``javascript:`` to it):

* the elements that Markdown, its admonition, table and toc extensions and the
  generator write; no ``script``, ``style`` (their content is dropped too),
  ``iframe``, ``form``, ``img``, ``svg`` or ``math``, so a page loads nothing from
  elsewhere;
* the attributes they use: ``id``, ``class``, ``title``, ``hidden``, ``aria-hidden``;
  ``href`` on links; ``data`` and ``type`` on the flowchart's ``object``; no event
  handler (``onerror=``), no ``style``;
* links (``href``) that are relative, ``#anchors``, or ``http:``, ``https:``,
  ``mailto:``; any other scheme (``javascript:``, ``data:``, ``vbscript:``...), or
  something that is not a URL at all (``java   script:…``), and the attribute goes,
  the text stays; an ``object`` shows only a file of the site (a relative ``data``);
* no ``id`` starting with ``__``: Material's scripts find their configuration by
  ``#__config`` and would read a page element with that id first.
"""

from __future__ import annotations

import re

import nh3

TAGS = frozenset(
    {
        *("h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code", "div", "span", "small"),
        *("a", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark", "sub", "sup", "kbd", "abbr", "q", "cite"),
        *("ul", "ol", "li", "dl", "dt", "dd", "details", "summary"),
        *("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td"),
        "object",  # the flowchart: an SVG file of the site, interactive (links to called processes)
    }
)
ATTRIBUTES = {
    "*": {"id", "class", "title", "hidden", "aria-hidden", "lang", "dir"},
    "a": {"href"},
    "object": {"data", "type"},
    "ol": {"start"},
    "th": {"colspan", "rowspan", "scope"},
    "td": {"colspan", "rowspan"},
}
URL_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
_AROUND = "".join(map(chr, range(0x21)))  # C0 controls and space (WHATWG URL parsing strips them around a URL)
_INSIDE = re.compile(r"[\t\n\r]")  # and removes these anywhere in it


def _attribute(tag: str, name: str, value: str) -> str | None:
    if name == "id" and value.startswith("__"):
        return None
    if name in ("href", "data"):
        # As a browser reads a URL: spaces and controls around it dropped, tabs and line breaks inside removed.
        url = _INSIDE.sub("", value.strip(_AROUND))
        scheme = _SCHEME.match(url)
        if scheme is not None and scheme.group(1).lower() not in URL_SCHEMES:
            return None
        if scheme is None and ":" in re.split(r"[/?#]", url, maxsplit=1)[0]:
            return None  # not a relative URL either («java   script:…»): whatever a reader makes of it, not a link of ours
        if tag == "object" and (scheme is not None or url.startswith(("//", "\\", "/\\"))):
            return None  # the flowchart is a file of the site: no scheme, no other host
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags={"script", "style"},
    attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
    attribute_filter=_attribute,
    url_schemes=set(URL_SCHEMES),
    link_rel=None,  # links between the site's own pages: no rel to add
    strip_comments=True,
)


def safe_html(fragment: str) -> str:
    """``fragment`` with only the allowed elements, attributes and links left; text is kept (escaped)."""
    return _CLEANER.clean(fragment)
