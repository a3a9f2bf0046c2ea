"""Hand the handbook's generated HTML blocks to Python-Markdown as they are, without parsing them.

The generated pages carry their tables as HTML (values escaped by
:mod:`qms.handbook.pages`; Markdown tables break on «|» and line breaks in
values). Python-Markdown, and mkdocs after it, find where a raw HTML block
ends by running an HTML parser over it, which took most of each page's
build time (benchmarks/RESULTS.md). The generator knows where its blocks
start and end, so this preprocessor stores each one in Markdown's own HTML
stash, exactly as Markdown's ``html_block`` preprocessor would have: the
page comes out the same, only sooner.
"""

from __future__ import annotations

import html
import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# One generated block: from its opening line to the first line that closes the same element. Values inside are
# escaped, so «</table>» cannot occur in a cell; the generator never nests these elements.
BLOCK = re.compile(r'^<(table|div|object) class="qms-[a-z-]+"[^\n>]*>.*?</\1>$', re.MULTILINE | re.DOTALL)
ANCHOR = re.compile(r'\sid="([^"]*)"')


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
