"""Flowcharts for the handbook: drawn in parallel, linked to the called processes' pages, cached by content."""

from __future__ import annotations

import hashlib
from collections.abc import MutableMapping, Sequence

from qms.handbook.pages import diagram_links, process_paths
from qms.i18n import Lang
from qms.model import Process
from qms.render import FlowchartOptions, render_all


def draw_diagrams(processes: Sequence[Process], lang: Lang, cache: MutableMapping[str, bytes] | None = None) -> dict[str, bytes]:
    """SVG of every process by code; with a ``cache`` (kept by the caller) unchanged diagrams are not redrawn."""
    cache = {} if cache is None else cache
    paths = process_paths(processes)
    options = {p.code: FlowchartOptions(lang=lang, link_suffix="", links=diagram_links(p, paths)) for p in processes}
    # The key covers everything the SVG shows: the whole process (the <desc> has its purpose), language, links.
    keys = {
        p.code: hashlib.sha256(f"{lang}{sorted(options[p.code].links.items())}{p.model_dump_json()}".encode("utf-8")).hexdigest()
        for p in processes
    }
    missing = [p for p in processes if keys[p.code] not in cache]
    for process, svg in render_all(missing, "svg", lambda p: options[p.code]):
        cache[keys[process.code]] = svg
    return {code: cache[key] for code, key in keys.items()}
