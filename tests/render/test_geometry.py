"""No label over a box: the text extents graphviz writes in the SVG against the steps' outlines.

Text widths are measured with the font graphviz draws with (Noto Sans, fonts-noto-core, through Pillow); the
browser's font metrics and hinting differ a little, so a label may touch a box by 2 pt, no more. Bold text
(``<B>``) is wider: graphviz writes it as ``font-weight="bold"``, measured with the bold face. graphviz sizes each box to its own label, so a step's text is checked to
stay in its own box too (a regression test of the fixed sizes of qms.render.layout.SIZES).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import ImageFont

import qms
from qms.load import load_paths
from qms.render import FlowchartOptions, render
from qms.render.shading import Shading, share_figures

ROOT = Path(__file__).resolve().parents[2]
SVG = "{http://www.w3.org/2000/svg}"
NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
SLACK = 2.0  # points
FONTS = Path("/usr/share/fonts/truetype/noto")

Polygon = list[tuple[float, float]]


def _points(text: str) -> Polygon:
    values = [float(v) for v in NUMBER.findall(text)]
    return list(zip(values[::2], values[1::2], strict=True))


def outline(node: ET.Element) -> Polygon:
    """A step's outline, convex: its polygon (box, diamond), or the bounding box of a rounded box's path."""
    polygon = node.find(f".//{SVG}polygon")
    if polygon is not None:
        return _points(polygon.get("points", ""))[:-1]
    points = [p for path in node.iter(f"{SVG}path") for p in _points(path.get("d", ""))]
    xs, ys = [x for x, _ in points], [y for _, y in points]
    return [(min(xs), min(ys)), (max(xs), min(ys)), (max(xs), max(ys)), (min(xs), max(ys))]


def text_width(text: str, size: float, bold: bool) -> float:
    face = FONTS / ("NotoSans-Bold.ttf" if bold else "NotoSans-Regular.ttf")
    return float(ImageFont.truetype(str(face), 100).getlength(text)) * size / 100


def text_boxes(group: ET.Element) -> list[tuple[Polygon, str]]:
    """Each text line's extent, less SLACK on every side: its measured width, ascent 0.75 em, descent 0.2 em."""
    found = []
    for text in group.iter(f"{SVG}text"):
        size, x, y = (float(text.get(k, "0")) for k in ("font-size", "x", "y"))
        width = text_width(text.text or "", size, text.get("font-weight") == "bold")
        left = {"middle": x - width / 2, "end": x - width}.get(text.get("text-anchor", "start"), x)
        x0, y0, x1, y1 = left + SLACK, y - 0.75 * size + SLACK, left + width - SLACK, y + 0.2 * size - SLACK
        found.append(([(x0, y0), (x1, y0), (x1, y1), (x0, y1)], text.text or ""))
    return found


def intersects(a: Polygon, b: Polygon) -> bool:
    """Two convex polygons overlap: no separating axis among their edges' normals."""
    for polygon in (a, b):
        for (x1, y1), (x2, y2) in zip(polygon, polygon[1:] + polygon[:1], strict=True):
            nx, ny = y2 - y1, x1 - x2
            pa, pb = [nx * x + ny * y for x, y in a], [nx * x + ny * y for x, y in b]
            if max(pa) <= min(pb) or max(pb) <= min(pa):
                return False
    return True


def overlaps(svg: bytes) -> list[str]:
    root = ET.fromstring(svg)
    groups = [g for g in root.iter(f"{SVG}g") if g.get("class") in ("node", "edge")]
    steps = {g.get("id", ""): g for g in groups if g.get("class") == "node" and g.get("id", "").startswith("step-")}
    shapes = {gid: outline(g) for gid, g in steps.items()}
    found = []
    for group in groups:
        own = group.get("id", "")
        for box, text in text_boxes(group):
            if own in shapes:  # a step's own text: inside its box
                xs, ys = [x for x, _ in shapes[own]], [y for _, y in shapes[own]]
                if box[0][0] < min(xs) or box[1][0] > max(xs) or box[0][1] < min(ys) or box[2][1] > max(ys):
                    found.append(f"{own}: «{text}» outside its box")
            found += [f"{own}: «{text}» over {gid}" for gid, shape in shapes.items() if gid != own and intersects(box, shape)]
    return found


def shipped() -> list[qms.Process]:
    return load_paths([ROOT / "processes"]).processes


@pytest.mark.parametrize("process", shipped(), ids=lambda p: p.code)
def test_no_label_overlaps_a_box(process: qms.Process) -> None:
    assert overlaps(render(process, "svg")) == []


def test_no_label_overlaps_a_box_when_shaded_with_a_legend() -> None:
    process = next(p for p in shipped() if p.code == "QT-TTHC-01")
    figures = share_figures({step.id: index / len(process.steps) for index, step in enumerate(process.steps)})
    svg = render(process, "svg", FlowchartOptions(shading=Shading("Tỷ lệ hồ sơ có sai lệch tại bước", figures)))
    assert overlaps(svg) == []


def test_the_check_finds_a_label_over_a_box() -> None:
    """The test itself: an edge label drawn across a box is found."""
    svg = (
        f'<svg xmlns="{SVG[1:-1]}"><g id="step-a" class="node"><polygon points="0,0 100,0 100,50 0,50 0,0"/></g>'
        '<g id="edge-b.c" class="edge"><text text-anchor="middle" x="50" y="25" font-size="10">Không thuộc thẩm quyền</text></g></svg>'
    ).encode()
    assert overlaps(svg) == ["edge-b.c: «Không thuộc thẩm quyền» over step-a"]
