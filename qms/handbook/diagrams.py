"""Flowcharts for the handbook: drawn in parallel, linked to the called processes' pages, kept across rebuilds."""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence

from qms.handbook import flowchart_viewer as viewer  # the plugin's way to the viewer's CSS and script
from qms.handbook.book import Handbook
from qms.handbook.links import asset_href, diagram_links, svg_path
from qms.i18n import Lang
from qms.model import Process
from qms.render import FlowchartOptions, render_all

# A flowchart kept from an earlier build: the process model it shows (the same object while its file is
# unchanged, see qms.load.ReadCache), its links, the language, and the SVG.
FlowchartCache = MutableMapping[str, tuple[Process, dict[str, str], Lang, bytes]]


def draw_flowcharts(book: Handbook, processes: Sequence[Process], lang: Lang, cache: FlowchartCache | None = None) -> dict[str, bytes]:
    """SVG of every flowchart ``book`` shows, by path; with a ``cache`` kept by the caller, unchanged ones are not redrawn."""
    cache = {} if cache is None else cache
    by_code = {p.code: p for p in processes}
    wanted = {path: (by_code[code], diagram_links(by_code[code], book.paths)) for path, code in book.flowcharts.items()}
    missing = {
        path: (process, links)
        for path, (process, links) in wanted.items()
        if (kept := cache.get(path)) is None or kept[0] is not process or kept[1] != links or kept[2] != lang
    }
    # Each step links to its row in the page's table of steps (its anchor «step-<id>»), the page beside the SVG.
    rows = {p.code: asset_href(svg_path(book.paths[p.code]), book.paths[p.code]) + "#step-" for p, _ in missing.values()}
    options = {p.code: FlowchartOptions(lang=lang, link_suffix="", links=links, row_link=rows[p.code]) for p, links in missing.values()}
    drawn = {p.code: svg for p, svg in render_all([process for process, _ in missing.values()], "svg", lambda p: options[p.code])}
    for path, (process, links) in missing.items():
        cache[path] = (process, links, lang, drawn[process.code])
    return {path: cache[path][3] for path in wanted}


__all__ = ["FlowchartCache", "draw_flowcharts", "viewer"]
