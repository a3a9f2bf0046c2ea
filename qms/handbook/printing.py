"""The printed handbook: one self-contained HTML page, printed to PDF by Chromium.

Agencies still file a signed paper copy. No LaTeX toolchain: the same
generated pages are turned into one HTML document with print styles
(flowcharts embedded as data URIs, nothing loaded from outside) and
Chromium's print-to-PDF makes the PDF. The escaping is the site's: the
pages are the same generated pages (process text escaped in them), and each
converted page passes the same allow-list (:mod:`qms.handbook.safe_html`)
before the flowchart, our own SVG, is put in as an image.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from pathlib import Path

import markdown

from qms.doctor import find_browser
from qms.handbook.book import Handbook
from qms.handbook.html_blocks import FLOWCHART
from qms.handbook.links import svg_path
from qms.handbook.safe_html import safe_html
from qms.i18n import Lang
from qms.model import Process, Status
from qms.render.escape import html_text

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

_CSS = """
@page { size: A4 landscape; margin: 14mm 12mm; }
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10pt; color: #202124; }
h1 { font-size: 16pt; page-break-before: always; } h1:first-of-type { page-break-before: avoid; }
h2 { font-size: 12pt; margin-top: 1.2em; border-bottom: 1px solid #dadce0; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; page-break-inside: auto; }
th, td { border: 1px solid #bdc1c6; padding: 3px 6px; vertical-align: top; text-align: left; }
tr { page-break-inside: avoid; } img.qms-flowchart { max-width: 100%; max-height: 160mm; }
.admonition { border-left: 4px solid #f29900; background: #fef7e0; padding: 4px 10px; }
"""


def print_html(book: Handbook, processes: Sequence[Process], lang: Lang = Lang.VI, title: str = "") -> str:
    """One HTML document with every current process (or the ones given), flowcharts inlined."""
    md = markdown.Markdown(extensions=["admonition", "tables", "attr_list", "meta"])
    sections = []
    for process in sorted(processes, key=lambda p: p.code):
        if process.status is Status.OBSOLETE and len(processes) > 1:
            continue
        page = safe_html(md.reset().convert(book.pages[book.paths[process.code]]))
        svg = book.assets.get(svg_path(book.paths[process.code]))
        if svg is not None:
            # After the allow-list, which keeps no image and no data: URL; the generator writes the only <object>.
            data = base64.b64encode(svg).decode("ascii")
            image = f'<img class="qms-flowchart" alt="{html_text(process.code)}" src="data:image/svg+xml;base64,{data}">'
            if (found := FLOWCHART.search(page)) is not None:
                page = page[: found.start()] + image + page[found.end() :]
        sections.append(page)
    heading = html_text(title)
    return (
        f'<!doctype html>\n<html lang="{lang.value}"><head><meta charset="utf-8"><title>{heading}</title>'
        f"<style>{_CSS}</style></head><body>\n" + "\n".join(sections) + "\n</body></html>\n"
    )


def print_pdf(html_text: str, target: Path, chromium: str | None = None) -> Path:
    """Print ``html_text`` to ``target`` with Debian's Chromium through Playwright."""
    from playwright.sync_api import sync_playwright  # optional at run time: only printing needs it

    executable = chromium or find_browser() or "/usr/bin/chromium"  # what «qms doctor» reports: Chromium, Chrome or Edge
    target.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()
            page.set_content(html_text, wait_until="load")
            page.pdf(path=str(target), format="A4", landscape=True, print_background=True, prefer_css_page_size=True)
        finally:
            browser.close()
    return target
