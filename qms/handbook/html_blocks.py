"""The HTML blocks of the generated pages: written here, and handed to Python-Markdown as they are, without parsing them.

The generated pages carry their tables as HTML (:func:`table`; Markdown tables
break on «|» and line breaks in values), the flowchart as an ``<object>``
(:func:`flowchart`). Every value put in them is escaped already
(:func:`qms.handbook.pages.common.text`). Python-Markdown, and mkdocs after it,
find where a raw HTML block ends by running an HTML parser over it, which took
most of each page's build time (benchmarks/RESULTS.md). The generator knows
where its blocks start and end (:data:`BLOCK`), so this preprocessor stores each
one in Markdown's own HTML stash, exactly as Markdown's ``html_block``
preprocessor would have: the page comes out the same, only sooner.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Sequence

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# One generated block: from its opening line to the first line that closes the same element. Values inside are
# escaped, so «</table>» cannot occur in a cell; the generator never nests these elements.
BLOCK = re.compile(r'^<(table|div|object) class="qms-[a-z-]+"[^\n>]*>.*?</\1>$', re.MULTILINE | re.DOTALL)
ANCHOR = re.compile(r'\sid="([^"]*)"')
# The flowchart block in a page's HTML (after Markdown and the allow-list), for the printed handbook to replace:
# its viewer (qms.handbook.flowchart_viewer), or the bare drawing.
FLOWCHART = re.compile(r'<div class="qms-flow-viewer"[^>]*>.*?</object></span></div>|<object class="qms-flowchart"[^>]*>.*?</object>', re.DOTALL)


# The look Material gives a Markdown table (its «table:not([class])» rules, which a table with a class misses).
TABLE_CSS = """.md-typeset table.qms-table { font-size: .64rem; background-color: var(--md-default-bg-color);
 border: .05rem solid var(--md-typeset-table-color); border-radius: .1rem; border-spacing: 0; }
.md-typeset table.qms-table th { min-width: 5rem; padding: .9375em 1.25em; font-weight: 700; vertical-align: top; text-align: left; }
.md-typeset table.qms-table td { padding: .9375em 1.25em; vertical-align: top; text-align: left; border-top: .05rem solid var(--md-typeset-table-color); }
.md-typeset table.qms-table tbody tr:hover { background-color: var(--md-typeset-table-color--light); }
.md-typeset table.qms-table td > :first-child { margin-top: 0; } .md-typeset table.qms-table td > :last-child { margin-bottom: 0; }
"""


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table (cells already escaped): robust against «|» and line breaks in values.

    Wrapped as Material wraps a Markdown table (``md-typeset__scrollwrap``, ``md-typeset__table``): a table wider
    than a phone scrolls inside its box, never the page (issue 14: no sideways page scroll at 390 px). The outer
    ``qms-`` div is what :data:`BLOCK` finds; its last line closes the three divs, so the block ends there.
    """
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    wrap = '<div class="qms-table-wrap"><div class="md-typeset__scrollwrap"><div class="md-typeset__table">'
    return f'{wrap}<table class="qms-table">\n<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table></div></div></div>\n'


def flowchart(data: str, fallback: str) -> str:
    """The flowchart SVG file ``data`` (a relative URL), or ``fallback`` text (escaped) where it cannot be shown.

    An ``<object>`` keeps the SVG interactive: steps have ids and sub-process boxes link to their pages.
    """
    return f'<object class="qms-flowchart" type="image/svg+xml" data="{data}">{fallback}</object>'


class _StashBlocks(Preprocessor):
    def __init__(self, md: Markdown, extension: GeneratedHtml) -> None:
        super().__init__(md)
        self.extension = extension

    def run(self, lines: list[str]) -> list[str]:
        self.extension.anchors = set()
        if not self.extension.active:
            return lines

        def stash(match: re.Match[str]) -> str:
            block = match.group(0)
            self.extension.anchors.update(html.unescape(a) for a in ANCHOR.findall(block))
            return "\n\n" + self.md.htmlStash.store(block) + "\n\n"

        return BLOCK.sub(stash, "\n".join(lines)).split("\n")


class GeneratedHtml(Extension):
    """Markdown extension; the mkdocs plugin sets ``active`` for generated pages only.

    ``anchors`` holds the element ids of the blocks stashed on the last page, which mkdocs would otherwise have
    collected while parsing them (it checks links to ``page#anchor`` against them).
    """

    def __init__(self) -> None:
        super().__init__()
        self.active = False
        self.anchors: set[str] = set()

    def extendMarkdown(self, md: Markdown) -> None:  # Python-Markdown names it so
        # Before mkdocs's anchor collector (21) and Markdown's html_block (20), after whitespace normalising (30).
        md.preprocessors.register(_StashBlocks(md, self), "qms_generated_html", 25)
