"""Diagrams of processes: swimlane flowcharts (graphviz).

Fourth stage of the pipeline (load -> graph -> rules -> outputs).
"""

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor

from qms.model import Process
from qms.render.flowchart import FlowchartOptions, flowchart, flowchart_dot, render
from qms.render.layout import Layout, swimlane_layout

FORMATS = ("svg", "png", "pdf", "dot")


def render_all(
    processes: Iterable[Process], fmt: str, options: Callable[[Process], FlowchartOptions], jobs: int | None = None
) -> Iterator[tuple[Process, bytes]]:
    """Render many processes, in the order given, ``jobs`` at a time.

    Most of the time is spent in the graphviz program, a separate OS
    process, so threads render in parallel despite Python's GIL.
    """
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        yield from pool.map(lambda p: (p, render(p, fmt, options(p))), processes)


__all__ = ["FORMATS", "FlowchartOptions", "Layout", "flowchart", "flowchart_dot", "render", "render_all", "swimlane_layout"]
