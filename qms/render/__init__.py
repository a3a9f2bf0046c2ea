"""Diagrams of processes: swimlane flowcharts (graphviz).

Fourth stage of the pipeline (load -> graph -> rules -> outputs).
"""

import os
import re
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

import graphviz

from qms.model import Process
from qms.render.flowchart import FlowchartOptions, flowchart, flowchart_dot, render
from qms.render.layout import Layout, swimlane_layout
from qms.render.svg import accessible_svg

FORMATS = ("svg", "png", "pdf", "dot")


# graphviz spends about 30 ms starting (fonts, plugins) and 5 ms drawing one of our diagrams: SVG diagrams are
# drawn this many to a graphviz run (benchmarks/RESULTS.md).
BATCH = 25
_XML_START = b"<?xml "
# After the first graph of a run graphviz names each graph's group «page0,1_graph0»; alone it is «graph0».
_LATER_GRAPH = re.compile(rb'<g id="page[0-9,]+_graph0" class="graph"')


def render_all(
    processes: Iterable[Process], fmt: str, options: Callable[[Process], FlowchartOptions], jobs: int | None = None
) -> Iterator[tuple[Process, bytes]]:
    """Render many processes, in the order given, ``jobs`` graphviz runs at a time.

    Most of the time is spent in the graphviz program, a separate OS
    process, so threads render in parallel despite Python's GIL. SVG
    diagrams go to graphviz in batches (one run draws several graphs and
    writes one SVG document after another).
    """
    processes = list(processes)
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        if fmt != "svg":
            yield from pool.map(lambda p: (p, render(p, fmt, options(p))), processes)
            return
        batches = [processes[i : i + BATCH] for i in range(0, len(processes), BATCH)]
        for drawn in pool.map(lambda batch: _render_svg_batch(batch, options), batches):
            yield from drawn


def _render_svg_batch(batch: list[Process], options: Callable[[Process], FlowchartOptions]) -> list[tuple[Process, bytes]]:
    chosen = [options(p) for p in batch]
    source = "\n".join(flowchart_dot(p, o) for p, o in zip(batch, chosen, strict=True)).encode("utf-8")
    try:
        output = graphviz.pipe("neato", "svg", source, neato_no_op=1, quiet=True)
    except graphviz.CalledProcessError:  # one bad diagram: draw them one by one, so that the error names it
        output = b""
    # Labels are escaped, so «<?xml » starts a document and nothing else.
    documents = [_XML_START + part for part in output.split(_XML_START) if part.strip()]
    if len(documents) != len(batch):
        return [(p, render(p, "svg", o)) for p, o in zip(batch, chosen, strict=True)]
    documents = [_LATER_GRAPH.sub(b'<g id="graph0" class="graph"', d, count=1) for d in documents]
    return [(p, accessible_svg(d, p, o.lang)) for p, d, o in zip(batch, documents, chosen, strict=True)]


__all__ = ["FORMATS", "FlowchartOptions", "Layout", "flowchart", "flowchart_dot", "render", "render_all", "swimlane_layout"]
