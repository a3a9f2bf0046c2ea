"""The printed handbook: one self-contained HTML page, printed to PDF by Chromium.

Agencies still file a signed paper copy. No LaTeX toolchain: the same
generated pages are turned into one HTML document with print styles
(flowcharts embedded as data URIs, nothing loaded from outside) and
Chromium's print-to-PDF makes the PDF. The escaping is the site's: the
pages are the same generated pages (process text escaped in them), and each
converted page passes the same allow-list (:mod:`qms.handbook.safe_html`)
before the flowchart, our own SVG, is put in as an image. The cover, the
contents, the running header and footer and the approval block are in
:mod:`qms.handbook.print_parts`.
"""

from __future__ import annotations

import base64
import math
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path

import markdown

from qms.doctor import find_browser
from qms.handbook import print_parts
from qms.handbook.book import Handbook
from qms.handbook.flowchart_viewer import BACK_LINK
from qms.handbook.html_blocks import FLOWCHART
from qms.handbook.labels import label
from qms.handbook.links import svg_path
from qms.handbook.pdf_pages import anchor_pages
from qms.handbook.safe_html import safe_html
from qms.i18n import Lang
from qms.model import Process, Status
from qms.render.escape import html_text
from qms.rules.agency import Agency

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

# Text pages are A4 portrait; a flowchart has pages of its own, A4 landscape (a named page: Chromium supports
# ``page:`` and mixed orientations in one PDF). The header and footer are drawn by Chromium in the top and bottom
# margins; see :func:`qms.handbook.print_parts.running_css`. Headings stay with what follows them, table rows
# and figures are not split.
_CSS = """
@page { size: A4 portrait; margin: 18mm 14mm 16mm 14mm; }
@page flow { size: A4 landscape; margin: 18mm 12mm 16mm 12mm; }
body { font-family: "Noto Sans", "DejaVu Sans", sans-serif; font-size: 10pt; color: #202124; margin: 0; }
h1 { font-size: 16pt; break-before: page; } h2 { font-size: 12pt; margin-top: 1.2em; border-bottom: 1px solid #dadce0; }
h1, h2, h3, h4 { break-after: avoid; break-inside: avoid; }
table { border-collapse: collapse; width: 100%; margin: .5em 0; } caption { font-weight: bold; text-align: left; padding: 2px 0; }
tr:not(:has(td)):not(:has(th:not(:empty))) { display: none; }  /* the site's blank header row over facts */
th, td { border: 1px solid #bdc1c6; padding: 3px 6px; vertical-align: top; text-align: left; }
tr, figure, img, .admonition, table.qms-approval { break-inside: avoid; }
.admonition { border-left: 4px solid #f29900; background: #fef7e0; padding: 4px 10px; }
.qms-cover { page: cover; break-after: page; padding: 20mm 8mm 0 8mm; text-align: center; }
.qms-agency-block { margin-bottom: 45mm; } .qms-agency-block p { margin: 0 0 1mm 0; }
.qms-agency-parent { font-size: 12pt; text-transform: uppercase; }
.qms-agency { font-size: 13pt; font-weight: bold; text-transform: uppercase; } .qms-agency-address { font-size: 10pt; }
.qms-cover-title { font-size: 20pt; font-weight: bold; margin-bottom: 20mm; }
.qms-facts { width: auto; margin: 0 auto 20mm auto; font-size: 11pt; } .qms-facts th, .qms-facts td { border: none; padding: 2px 8px; }
.qms-not-approved { color: #b3261e; font-weight: bold; }
table.qms-approval { text-align: left; } table.qms-approval th, table.qms-approval td:nth-child(4) { white-space: nowrap; } table.qms-approval td.qms-sign { width: 30%; height: 22mm; }
.qms-contents { break-after: page; } .qms-contents-title { break-before: auto; }
.qms-contents table { table-layout: fixed; } .qms-contents .qms-page { width: 14mm; text-align: right; }
.qms-contents th:nth-child(1) { width: 34mm; } .qms-contents th:nth-child(3) { width: 24mm; } .qms-contents th:nth-child(4) { width: 28mm; }
.qms-flow { page: flow; break-before: page; break-after: page; }
.qms-flow-tile { position: relative; overflow: hidden; break-inside: avoid; }
.qms-flow-part + .qms-flow-part { break-before: page; } .qms-flow-where { font-size: 8pt; color: #5f6368; margin: 0 0 1mm 0; }
.qms-flow-tile img { position: absolute; max-width: none; }
"""

# The area a flowchart has on its landscape page (A4 less the margins and its heading), and the smallest text.
FLOW_WIDTH_MM, FLOW_HEIGHT_MM = 273.0, 150.0
MIN_TEXT_PT = 7.0
PT_PER_MM = 72 / 25.4
_SVG_SIZE = re.compile(rb'<svg\b[^>]*?\bwidth="([\d.]+)(pt|px)?"[^>]*?\bheight="([\d.]+)(pt|px)?"', re.DOTALL)
_FONT_SIZE = re.compile(rb'font-size="([\d.]+)')


def _tiles(svg: bytes) -> tuple[float, float, int, int] | None:
    """The printed width and height (mm) of a flowchart with text of at least 7 pt, and its pages across and down.

    None when the drawing does not say its size (then it is shrunk to the page).
    """
    size = _SVG_SIZE.search(svg)
    if size is None:
        return None
    unit = {b"px": 0.75}
    width, height = (float(size[i]) * unit.get(size[i + 1] or b"px", 1.0) / PT_PER_MM for i in (1, 3))
    fonts = [float(f) for f in _FONT_SIZE.findall(svg)] or [MIN_TEXT_PT]
    scale = min(FLOW_WIDTH_MM / width, FLOW_HEIGHT_MM / height)
    if min(fonts) * scale < MIN_TEXT_PT:
        scale = MIN_TEXT_PT / min(fonts)  # larger than the page: cut into pages, each readable
    width, height = width * scale, height * scale
    return width, height, math.ceil(width / FLOW_WIDTH_MM - 1e-6), math.ceil(height / FLOW_HEIGHT_MM - 1e-6)


def _flowchart(svg: bytes, code: str, heading: str, lang: Lang) -> str:
    """The flowchart on landscape pages of its own, after its heading; cut into tiles when one page would shrink its text."""
    # After the allow-list, which keeps no image and no data: URL; the generator writes the only <object>.
    src = "data:image/svg+xml;base64," + base64.b64encode(svg).decode("ascii")
    alt = html_text(code)
    tiles = _tiles(svg)
    if tiles is None:
        return f'<section class="qms-flow">{heading}<img class="qms-flowchart" alt="{alt}" src="{src}" style="max-width:100%;max-height:{FLOW_HEIGHT_MM}mm"></section>'
    width, height, across, down = tiles
    parts: list[str] = []
    for row in range(down):
        for col in range(across):
            w, h = min(FLOW_WIDTH_MM, width - col * FLOW_WIDTH_MM), min(FLOW_HEIGHT_MM, height - row * FLOW_HEIGHT_MM)
            place = f"width:{width:.1f}mm;left:-{col * FLOW_WIDTH_MM:.1f}mm;top:-{row * FLOW_HEIGHT_MM:.1f}mm"
            # Which piece this is, so that the pages can be laid side by side (or taped) to read the whole chart.
            where = print_parts.flow_part(len(parts) + 1, across * down, row + 1, col + 1, lang) if across * down > 1 else ""
            parts.append(
                f'<div class="qms-flow-part">{where}<div class="qms-flow-tile" style="width:{w:.1f}mm;height:{h:.1f}mm">'
                f'<img class="qms-flowchart" alt="{alt}" src="{src}" style="{place}"></div></div>'
            )
    return f'<section class="qms-flow">{heading}' + "".join(parts) + "</section>"


def _without_section(page: str, heading: str) -> str:
    """``page`` less its ``<h2>`` section titled ``heading`` (the site's approval table: the print has its own)."""
    found = re.search(f"<h2[^>]*>{re.escape(heading)}</h2>.*?(?=<h[12][ >]|$)", page, re.DOTALL)
    return page if found is None else page[: found.start()] + page[found.end() :]


def _section(book: Handbook, process: Process, lang: Lang, md: markdown.Markdown, with_approval: bool) -> str:
    page = safe_html(md.reset().convert(book.pages[book.paths[process.code]]))
    page = BACK_LINK.sub("", _without_section(page, html_text(label("approval", lang))))
    svg = book.assets.get(svg_path(book.paths[process.code]))
    if svg is not None and (found := FLOWCHART.search(page)) is not None:
        # The flowchart's heading goes onto its landscape page with it, never alone at the foot of a text page.
        before = page[: found.start()]
        heading = re.search(r"<h2[^>]*>[^<]*</h2>\s*(?:<p>\s*)?$", before)
        start = heading.start() if heading else found.start()
        after = re.sub(r"^\s*</p>", "", page[found.end() :])
        page = page[:start] + _flowchart(svg, process.code, heading.group(0).removesuffix("<p>") if heading else "", lang) + after
    block = print_parts.approval_block(process, lang) if with_approval else ""
    return f'<section class="qms-process" id="{anchor(process)}">{page}{block}</section>'


def anchor(process: Process) -> str:
    return "qms-" + re.sub(r"[^A-Za-z0-9_-]", "-", process.code)


def print_html(
    book: Handbook,
    processes: Sequence[Process],
    lang: Lang = Lang.VI,
    title: str = "",
    agency: Agency | str | None = None,
    today: date | None = None,
    pages: Mapping[str, int] | None = None,
) -> str:
    """The printed handbook (cover, contents, every current process) or, for one process, its controlled copy.

    ``agency`` is the project's ``[agency]`` (or only its name); none: a dotted line on the cover to fill in by hand.
    ``pages`` (section anchor -> page) numbers the contents: :func:`print_pdf` measures them on a first printing.
    """
    if isinstance(agency, str):
        agency = Agency(agency.strip()) if agency.strip() else None
    chosen = sorted((p for p in processes if len(processes) == 1 or p.status is not Status.OBSOLETE), key=lambda p: p.code)
    md = markdown.Markdown(extensions=["admonition", "tables", "attr_list", "meta"])
    if len(chosen) == 1:
        process = chosen[0]
        front = print_parts.process_cover(process, agency, lang)
        code, issue = process.code, process.version
    else:
        front = print_parts.handbook_cover(title, agency, chosen, today or date.today(), lang)
        front += print_parts.contents(chosen, {p.code: anchor(p) for p in chosen}, lang, pages)
        code, issue = title, ""
    sections = [_section(book, p, lang, md, with_approval=len(chosen) > 1) for p in chosen]
    heading = html_text(title or code)
    return (
        f'<!doctype html>\n<html lang="{lang.value}"><head><meta charset="utf-8"><title>{heading}</title>'
        f"<style>{_CSS}{print_parts.running_css(agency, code, issue, lang)}</style></head><body>\n{front}\n"
        + "\n".join(sections)
        + "\n</body></html>\n"
    )


Document = str | Callable[[Mapping[str, int] | None], str]


def print_pdf(document: Document, target: Path, chromium: str | None = None) -> Path:
    """Print ``document`` to ``target`` with Debian's Chromium through Playwright (its page sizes and margin boxes).

    ``document`` is the HTML, or a function of the pages (anchor -> page) that writes it: then the first printing,
    without page numbers, tells where each section landed (:func:`~qms.handbook.pdf_pages.anchor_pages`) and the
    document is printed again with them; a third time if numbering moved a section (it should not: the column is of
    fixed width).
    """
    from playwright.sync_api import sync_playwright  # optional at run time: only printing needs it

    executable = chromium or find_browser() or "/usr/bin/chromium"  # what «qms doctor» reports: Chromium, Chrome or Edge
    target.parent.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page()

            def printed(html: str) -> bytes:
                page.set_content(html, wait_until="load")
                return page.pdf(format="A4", print_background=True, prefer_css_page_size=True)

            if isinstance(document, str):
                pdf = printed(document)
            else:
                pdf, pages = printed(document(None)), None
                for _again in range(2):
                    found = anchor_pages(pdf)
                    if not found or found == pages:
                        break
                    pdf, pages = printed(document(found)), found
        finally:
            browser.close()
    target.write_bytes(pdf)
    return target
