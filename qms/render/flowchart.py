"""Flowcharts (lưu đồ) of processes with graphviz: swimlanes by role.

Why graphviz through the ``graphviz`` package: ``dot`` lays out directed
graphs with clusters (our lanes) and writes SVG, PNG and PDF; the package
builds the DOT source and runs ``dot``. Every text that comes from YAML is
put in an HTML-like label escaped with :func:`qms.render.escape.label_text`
(``& < > "`` escaped, backslashes doubled since graphviz expands ``\\N`` and
``\\G`` even there, characters XML 1.0 cannot hold replaced), so a title
like ``"<A> & {B} | \\N \\l"`` shows as written and can never break the DOT
source or the SVG.
No label is record-style (where ``{ } | < >`` would be special); the few
plain strings (ids, URLs) go through :func:`qms.render.escape.dot_string`.

Layout: flow left to right, one horizontal lane per role in the order the
roles are declared (BPMN's convention); ``newrank=true`` is required with
clusters (dot 2.43 otherwise fails with "trouble in init_rank").
"""

from __future__ import annotations

import textwrap
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field

import graphviz

from qms.graph import ProcessGraph
from qms.i18n import Lang
from qms.model import Process, Step, StepType
from qms.render.escape import dot_string, label_text, xml_chars
from qms.render.layout import HEADER_WIDTH, MARGIN, Layout, swimlane_layout
from qms.render.shading import Shading, figure_line, legend_label, legend_size, shaded_attributes
from qms.render.svg import accessible_svg, step_facts

FONT = "Noto Sans"  # full Vietnamese coverage; Debian package fonts-noto-core
WRAP = 24  # characters per line in a node

_SHAPES: dict[StepType, dict[str, str]] = {
    StepType.START: {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#e6f4ea"},
    StepType.END: {"shape": "box", "style": "rounded,filled,bold", "fillcolor": "#e8eaed"},
    StepType.TASK: {"shape": "box", "style": "filled", "fillcolor": "#ffffff"},
    StepType.DECISION: {"shape": "diamond", "style": "filled", "fillcolor": "#fef7e0"},
    StepType.SUBPROCESS: {"shape": "box", "style": "filled", "fillcolor": "#e8f0fe", "peripheries": "2"},
}
_HIGHLIGHT = {"fillcolor": "#fce8e6", "color": "#c5221f", "penwidth": "2.5"}
_LANE_COLOURS = ("#f8f9fa", "#f1f3f4")

_WORDS = {
    Lang.VI: {"deadline": "Thời hạn", "version": "phiên bản", "no_role": "(chưa giao vai trò)", "calls": "gọi"},
    Lang.EN: {"deadline": "Deadline", "version": "version", "no_role": "(no role)", "calls": "calls"},
}


@dataclass(frozen=True)
class FlowchartOptions:
    lang: Lang = Lang.VI
    highlight: Collection[str] = ()  # step ids to colour (findings)
    link_suffix: str = ".svg"  # sub-process nodes link to "<CODE><suffix>"; "" for no links
    links: Mapping[str, str] = field(default_factory=dict)  # called code -> URL, overriding link_suffix
    # Each step links to «<row_link><step id>» (its row in the handbook page's table of steps); "" for no links.
    # A sub-process step links to the called process instead.
    row_link: str = ""
    shading: Shading | None = None  # a figure per step as its fill colour, with a legend (qms.render.shading)


def _text(value: str, width: int = WRAP) -> str:
    """Escaped, wrapped text for an HTML-like label."""
    lines = textwrap.wrap(xml_chars(value), width=width, break_long_words=True) or [""]
    return "<BR/>".join(label_text(line) for line in lines)


def _node_label(step: Step, options: FlowchartOptions, detail_colour: str = "#5f6368") -> str:
    words = _WORDS[options.lang]
    # Diamonds need about 1.6 times their text's width: wrap decisions narrower so nodes keep inside their cell.
    width = WRAP - 6 if step.type is StepType.DECISION else WRAP
    name = _text(step.name.get(options.lang), width)
    parts = [f"<B>{name}</B>"] if step.type in (StepType.START, StepType.END) else [name]
    figure = figure_line(options.shading, step.id) if options.shading else ""
    if figure:
        parts.append(figure)
    details = []
    if step.duration is not None:
        details.append(label_text(step.duration.text))
    if step.records:
        details.append(label_text(", ".join(step.records)))
    if step.type is StepType.SUBPROCESS and step.calls:
        details.append(f"{words['calls']} {label_text(step.calls)}")
    if details:
        parts.append(f'<FONT POINT-SIZE="9" COLOR="{detail_colour}">{_text(" · ".join(details), width + 6)}</FONT>')
    return "<" + "<BR/>".join(parts) + ">"


def _title(process: Process, options: FlowchartOptions) -> str:
    words = _WORDS[options.lang]
    head = f"<B>{label_text(process.code)}</B> — {_text(process.title.get(options.lang), 80)}"
    info = f"{words['version']} {label_text(process.version)}"
    if process.deadline is not None:
        info += f" · {words['deadline']}: {label_text(process.deadline.text)}"
    for case in process.deadline_cases:
        info += f" · {_text(case.when.get(options.lang), 60)}: {label_text(case.deadline.text)}"
    return f'<{head}<BR/><FONT POINT-SIZE="10">{info}</FONT>>'


def _background(layout: Layout) -> str:
    """Lane bands as xdot drawing operations (drawn behind everything; not obstacles for edge routing)."""
    ops: list[str] = []
    for index, lane in enumerate(layout.lanes):
        x0, x1 = lane.box.x, lane.box.x + lane.box.width
        top, bottom = layout.height - lane.box.y, layout.height - lane.box.y - lane.box.height
        fill, line = _LANE_COLOURS[index % 2], "#dadce0"
        band = f"P 4 {x0:.1f} {bottom:.1f} {x1:.1f} {bottom:.1f} {x1:.1f} {top:.1f} {x0:.1f} {top:.1f}"
        header = f"P 4 {x0:.1f} {bottom:.1f} {x0 + HEADER_WIDTH:.1f} {bottom:.1f} {x0 + HEADER_WIDTH:.1f} {top:.1f} {x0:.1f} {top:.1f}"
        ops.append(f"c {len(line)} -{line} C {len(fill)} -{fill} {band}")
        ops.append(f"c {len(line)} -{line} C 7 -#e8eaed {header}")
    return " ".join(ops)


def flowchart(process: Process, options: FlowchartOptions = FlowchartOptions()) -> graphviz.Digraph:
    """The graphviz graph of ``process`` with fixed positions from :func:`swimlane_layout`.

    Render it with ``neato -n`` (positions kept, edges routed): see :func:`render`.
    """
    graph = ProcessGraph(process)
    layout = swimlane_layout(graph)
    dot = graphviz.Digraph(name=process.code, engine="neato")
    dot.attr(
        "graph",
        # Right-angled edges: the conventional look of a flowchart (lưu đồ), and 2.5x faster
        # to route than splines (benchmarks/RESULTS.md).
        splines="ortho",
        fontname=FONT,
        labelloc="t",
        labeljust="l",
        label=_title(process, options),
        pad="0.2",
        outputorder="edgesfirst",
        sep="+6",  # the router keeps edges this far (points) from nodes
        _background=_background(layout),
    )
    dot.attr("node", fontname=FONT, fontsize="11", margin="0.10,0.05", color="#3c4043", fixedsize="false")
    dot.attr("edge", fontname=FONT, fontsize="10", color="#5f6368", arrowsize="0.7", fontcolor="#202124")
    _add_lanes(dot, process, layout, options)
    _add_steps(dot, process, layout, options)
    _add_edges(dot, process, graph, options)
    if options.shading is not None:
        # Under the lanes, at the left: neato -n keeps it there and the drawing grows to hold it.
        legend, (width, height) = legend_label(options.shading, options.lang), legend_size(options.shading)
        pos = _pos(HEADER_WIDTH + MARGIN + width / 2, layout.height + MARGIN + height / 2, layout)
        dot.node("__legend", label=legend, shape="plaintext", fontsize="10", pos=pos, id="legend")
    return dot


def _pos(x: float, y: float, layout: Layout) -> str:
    """A fixed position for ``neato -n``: graphviz's y axis points up, the layout's down."""
    return f"{x:.1f},{layout.height - y:.1f}!"


def _add_lanes(dot: graphviz.Digraph, process: Process, layout: Layout, options: FlowchartOptions) -> None:
    # Corners keep the drawing's bounding box as large as the lanes.
    corners = {"__corner_a": (0.0, layout.lanes[0].box.y if layout.lanes else 0.0), "__corner_b": (layout.width, layout.height)}
    for name, (x, y) in corners.items():
        dot.node(name, label="", shape="point", style="invis", width="0", pos=_pos(x, y, layout))
    for index, lane in enumerate(layout.lanes):
        role = process.roles.get(lane.role)
        lane_name = role.name.get(options.lang) if role else _WORDS[options.lang]["no_role"]
        cx, cy = lane.box.x + HEADER_WIDTH / 2, lane.box.y + lane.box.height / 2
        label, lane_id = f"<<B>{_text(lane_name, 16)}</B>>", dot_string(f"lane-{lane.role or 'none'}")
        dot.node(f"lane-{index}", label=label, shape="plaintext", fontsize="10", pos=_pos(cx, cy, layout), id=lane_id)


def _add_steps(dot: graphviz.Digraph, process: Process, layout: Layout, options: FlowchartOptions) -> None:
    for step in process.steps:
        box = layout.steps[step.id]
        attrs = dict(_SHAPES[step.type])
        attrs["width"] = f"{box.width / 72:.2f}"
        attrs["height"] = f"{box.height / 72:.2f}"
        if options.shading is not None:
            attrs.update(shaded_attributes(options.shading, step.id))
        if step.id in options.highlight:
            attrs.update(_HIGHLIGHT)
        url = options.links.get(step.calls or "") or (f"{step.calls}{options.link_suffix}" if options.link_suffix else "")
        if not (step.type is StepType.SUBPROCESS and step.calls and url):
            url = f"{options.row_link}{step.id}" if options.row_link else ""
        if url:
            attrs["URL"] = dot_string(url)
            attrs["target"] = "_top"  # the page, not the <object> the drawing is shown in
        attrs["tooltip"] = _tooltip(step, process, options)
        pos = _pos(*box.centre, layout)
        # On a shaded step the details take the step's text colour (white on the dark classes), not grey.
        detail = attrs.get("fontcolor", "#5f6368")
        dot.node(dot_string(step.id), label=_node_label(step, options, detail), id=dot_string(f"step-{step.id}"), pos=pos, **attrs)


def _tooltip(step: Step, process: Process, options: FlowchartOptions) -> str:
    """Plain text, one fact a line: without it graphviz uses the label, markup and all («&lt;BR/&gt;»).

    graphviz 2.43 reads a tooltip as an escString twice over (``\\\\N`` in the DOT source becomes the node's name,
    ``\\\\\\\\N`` shows as ``\\N``) and, in SVG, escapes ``<``, ``>`` and quotes but keeps what looks like an entity
    (``&amp;`` would show as «&»). So ``&`` is written ``&amp;`` and each backslash four times: the browser shows the
    text as written. Lines are joined by graphviz's line break ``\\n``.
    """
    figure = options.shading.figures.get(step.id) if options.shading else None
    lines = [step.name.get(options.lang), *([f"{options.shading.title}: {figure[1]}"] if options.shading and figure else [])]
    lines += step_facts(step, process, options.lang)
    return graphviz.nohtml("\\n".join(xml_chars(line).replace("&", "&amp;").replace("\\", "\\" * 4) for line in lines))


def _add_edges(dot: graphviz.Digraph, process: Process, graph: ProcessGraph, options: FlowchartOptions) -> None:
    back = graph.back_edges
    for step in process.steps:
        targets = [(step.next, None)] if step.next else [(b.to, b.when.get(options.lang)) for b in step.branches]
        for target, label in targets:
            if target not in process.steps_by_id:
                continue
            attrs: dict[str, str] = {"id": dot_string(f"edge-{step.id}.{target}")}
            if label:
                attrs["label"] = f"<{_text(label, 12)}>"
            if (step.id, target) in back:
                attrs["style"] = "dashed"  # a return path (rework loop)
            dot.edge(dot_string(step.id), dot_string(target), **attrs)


def flowchart_dot(process: Process, options: FlowchartOptions = FlowchartOptions()) -> str:
    return flowchart(process, options).source


def render(process: Process, fmt: str, options: FlowchartOptions = FlowchartOptions()) -> bytes:
    """The flowchart as ``svg``, ``png``, ``pdf`` or ``dot`` (the DOT source) bytes."""
    if fmt == "dot":
        return flowchart_dot(process, options).encode("utf-8")
    output: bytes = flowchart(process, options).pipe(format=fmt, neato_no_op=1, quiet=True)
    return accessible_svg(output, process, options.lang) if fmt == "svg" else output
