"""Bar charts as SVG, written by hand (no plotting library): pure functions from figures to an ``<svg>`` element.

Each chart is one ``<svg>`` with ``role="img"``, a ``<title>`` and a ``<desc>`` it is labelled by (the text
alternative; the caller puts the same figures in a table beside it), and nothing that loads or runs anything:
no script, no style sheet, no link, no font file. Every text is escaped here (:mod:`qms.report.escaping`), so
callers pass plain text. The SVG has no XML declaration, so that it can be put inline in HTML or Markdown; a
standalone ``.svg`` file may prepend one.

Geometry, so that a reader (or a test) can find a value's place: in :func:`column_chart` the value ``v`` is at
``y = bottom - v / top * (bottom - TOP)``; the grid lines carry their value as ``data-value``, the target line
is the ``<line class="target">``.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from qms.escape import html_text as h

WIDTH = 640  # every chart, in px (the viewBox scales it down on a narrow screen)
HEIGHT = 300  # a column chart
TOP, LEFT, RIGHT, BOTTOM = 20, 52, 16, 52  # margins of a column chart's plot area
ROW = 24  # height of one bar of a row chart
LABEL_CHARS = 34  # a row chart's labels are shortened beyond this (the full text is the bar's tooltip)
CHAR = 6.2  # average width of a character at 11 px, for laying out labels
SMALL = 5.3  # and at 10 px (the labels under and over the columns; digits are 5.5 px wide)
FONT = "Noto Sans, DejaVu Sans, Arial, sans-serif"
FILLS = {"base": "#3949ab", "good": "#2e7d32", "bad": "#c62828"}
GRID, INK, MUTED = "#d9d9d9", "#212121", "#616161"


@dataclass(frozen=True)
class Chart:
    """What a chart is: ``key`` makes its element ids unique in a page; ``title`` and ``description`` say it in words."""

    key: str
    title: str
    description: str
    axis: str = ""  # what the values are (the value axis's title)


@dataclass(frozen=True)
class Bar:
    """One bar: ``value`` ``None`` draws none (nothing measured); ``shown`` is the value as written; ``tone``: base, good, bad."""

    label: str
    value: float | None
    shown: str = ""
    tone: str = "base"


@dataclass(frozen=True)
class Line:
    """A reference value across the plot (a target), with its label."""

    value: float
    label: str


def nice_scale(maximum: float, whole: bool = True) -> tuple[float, float]:
    """The axis's top and step: about five steps of 1, 2 or 5 times a power of ten, whole numbers when ``whole``."""
    if maximum <= 0:
        return 1.0, 1.0
    raw = maximum / 5
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    if whole:
        step = max(1.0, float(math.ceil(step)))
    return math.ceil(maximum / step - 1e-9) * step, step


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _open(chart: Chart, width: float, height: float) -> list[str]:
    ids = f"{chart.key}-title {chart.key}-desc"
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="qms-chart" width="{width:.0f}" height="{height:.0f}" '
        f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-labelledby="{h(ids)}" font-family="{h(FONT)}" font-size="11">',
        f'<title id="{h(chart.key)}-title">{h(chart.title)}</title>',
        f'<desc id="{h(chart.key)}-desc">{h(chart.description)}</desc>',
        f'<rect width="{width:.0f}" height="{height:.0f}" fill="#ffffff"/>',
    ]


def _text(x: float, y: float, content: str, anchor: str = "middle", fill: str = INK, size: int = 11, extra: str = "") -> str:
    return f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{fill}" font-size="{size}"{extra}>{h(content)}</text>'


def _short(label: str, chars: int) -> str:
    return label if len(label) <= chars else label[: chars - 1].rstrip() + "…"


def _bar(x: float, y: float, width: float, height: float, bar: Bar) -> str:
    tip = f"{bar.label}: {bar.shown}" if bar.shown else bar.label
    return (
        f'<rect class="bar {h(bar.tone)}" x="{x:.1f}" y="{y:.1f}" width="{max(width, 0):.1f}" height="{max(height, 0):.1f}" '
        f'fill="{FILLS.get(bar.tone, FILLS["base"])}"><title>{h(tip)}</title></rect>'
    )


def _ticks(top: float, step: float, percent: bool = False) -> list[tuple[float, str]]:
    """(value, label) of each grid line from 0 to ``top``."""
    return [(i * step, _number(i * step) + ("%" if percent else "")) for i in range(round(top / step) + 1)]


def column_chart(chart: Chart, bars: Sequence[Bar], *, top: float | None = None, line: Line | None = None, percent: bool = False) -> str:
    """Vertical bars from 0 to ``top`` (percentages: 0-100%), labels below, an optional reference ``line``."""
    known = [b.value for b in bars if b.value is not None]
    if top is not None:
        step = top / 5 if percent else nice_scale(top)[1]
    else:
        top, step = nice_scale(max([*known, line.value if line else 0.0], default=0.0))
    # The reference line's label goes in the right margin, clear of the bars.
    bottom, right = HEIGHT - BOTTOM, WIDTH - (RIGHT + len(line.label) * CHAR if line else RIGHT)
    scale = (bottom - TOP) / top
    parts = _open(chart, WIDTH, HEIGHT)
    for value, label in _ticks(top, step, percent):
        y = bottom - value * scale
        parts.append(
            f'<line class="grid" data-value="{_number(value)}" x1="{LEFT}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" stroke="{GRID}"/>'
        )
        parts.append(_text(LEFT - 6, y + 4, label, "end", MUTED, 10))
    slot = (right - LEFT) / max(len(bars), 1)
    every = max(1, math.ceil((max((len(b.label) for b in bars), default=1) * SMALL + 2) / slot))  # labels that fit
    for index, bar in enumerate(bars):
        x = LEFT + index * slot
        if bar.value is not None:
            height = min(bar.value, top) * scale
            parts.append(_bar(x + slot * 0.15, bottom - height, slot * 0.7, height, bar))
            if bar.shown and len(bar.shown) * SMALL <= slot:
                parts.append(_text(x + slot / 2, bottom - height - 4, bar.shown, size=10))
        if index % every == 0:
            parts.append(_text(x + slot / 2, bottom + 15, bar.label, size=10))
    parts.append(f'<line x1="{LEFT}" x2="{right}" y1="{bottom}" y2="{bottom}" stroke="{INK}"/>')
    if line is not None:
        y = bottom - min(line.value, top) * scale
        parts.append(
            f'<line class="target" data-value="{_number(line.value)}" x1="{LEFT}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
            f'stroke="{INK}" stroke-width="1.5" stroke-dasharray="6 4"/>'
        )
        parts.append(_text(right + 4, y + 4, line.label, "start", INK, 11, ' font-weight="bold"'))
    if chart.axis:
        parts.append(_text(LEFT + (right - LEFT) / 2, HEIGHT - 10, chart.axis, fill=MUTED))
    parts.append("</svg>")
    return "\n".join(parts)


def row_chart(chart: Chart, bars: Sequence[Bar]) -> str:
    """Horizontal bars, one row per label (longest first as given), the value at each bar's end."""
    top, step = nice_scale(max((b.value for b in bars if b.value is not None), default=0.0))
    label_width = min(LABEL_CHARS, max((len(b.label) for b in bars), default=1)) * CHAR + 14
    left, right = label_width, WIDTH - 48
    height = TOP + len(bars) * ROW + 44
    bottom = TOP + len(bars) * ROW
    scale = (right - left) / top
    parts = _open(chart, WIDTH, height)
    for value, label in _ticks(top, step):
        x = left + value * scale
        parts.append(
            f'<line class="grid" data-value="{_number(value)}" x1="{x:.1f}" x2="{x:.1f}" y1="{TOP}" y2="{bottom}" stroke="{GRID}"/>'
        )
        parts.append(_text(x, bottom + 14, label, fill=MUTED, size=10))
    for index, bar in enumerate(bars):
        y = TOP + index * ROW
        parts.append(f"<g><title>{h(bar.label)}</title>{_text(left - 8, y + ROW / 2 + 4, _short(bar.label, LABEL_CHARS), 'end')}</g>")
        if bar.value is not None:
            width = bar.value * scale
            parts.append(_bar(left, y + ROW * 0.15, width, ROW * 0.7, bar))
            parts.append(_text(left + width + 4, y + ROW / 2 + 4, bar.shown or _number(bar.value), "start", size=10))
    parts.append(f'<line x1="{left}" x2="{left}" y1="{TOP}" y2="{bottom}" stroke="{INK}"/>')
    if chart.axis:
        parts.append(_text(left + (right - left) / 2, height - 8, chart.axis, fill=MUTED))
    parts.append("</svg>")
    return "\n".join(parts)


__all__ = ["Bar", "Chart", "Line", "column_chart", "nice_scale", "row_chart"]
