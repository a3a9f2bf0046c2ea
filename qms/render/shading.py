"""A figure per step shown on the flowchart: each step's fill colour from a sequential palette, with a legend.

The picture people want from a conformance report is the process they know, with the steps where the work goes
wrong (or waits) standing out. The figure is anything per step the caller measured — the share of dossiers with a
deviation at the step, the median working time against the declared duration — given as a plain mapping
``step id -> (value, text)``: the value picks the colour class, the text (``"12.5%"``, ``"2,4 ngày"``) is written
in the box and its tooltip, so colour is never the only carrier of the figure (WCAG 1.4.1).

Colours: ColorBrewer's YlOrRd, 6 classes (Cynthia Brewer, colorbrewer2.org; sequential, marked there as
colour-blind safe and print friendly); the darkest class carries white text, the others black. Steps without a figure stay white
with a dotted border, so that "not measured" is not read as "no problem".
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from qms.i18n import Lang, _
from qms.render.escape import label_text

# ColorBrewer YlOrRd, 6 classes, light to dark.
PALETTE = ("#ffffb2", "#fed976", "#feb24c", "#fd8d3c", "#f03b20", "#bd0026")
# Text contrast (WCAG 2 ratio) is at least 5.5:1 on every class: black text, and white on the darkest class.
DARK = frozenset(PALETTE[5:])
UNMEASURED = {"fillcolor": "#ffffff", "style": "filled,dashed", "color": "#9aa0a6"}

# Shares of dossiers (0 to 1): upper bounds of the classes but the last, and their legend texts.
SHARE_CLASSES: tuple[tuple[float, str], ...] = (
    (1e-9, "0%"),
    (0.05, "< 5%"),
    (0.10, "5–10%"),
    (0.20, "10–20%"),
    (0.40, "20–40%"),
    (math.inf, "≥ 40%"),
)
# Ratios of a measured time to the declared one (1 = as declared).
RATIO_CLASSES: tuple[tuple[float, str], ...] = (
    (0.5, "< 0.5×"),
    (0.8, "0.5–0.8×"),
    (1.0 + 1e-9, "0.8–1×"),
    (1.5, "1–1.5×"),
    (2.0, "1.5–2×"),
    (math.inf, "≥ 2×"),
)

_NO_FIGURE = _("không có số liệu")


@dataclass(frozen=True)
class Shading:
    """What to shade: ``figures`` (step id -> value, text shown), the legend's ``title`` and the value classes.

    ``classes`` are (upper bound, legend text) pairs in increasing order, at most one per palette colour; a value
    falls in the first class whose bound is above it. Texts are plain (escaped where they are drawn).
    """

    title: str
    figures: Mapping[str, tuple[float, str]]
    classes: tuple[tuple[float, str], ...] = SHARE_CLASSES

    def colour(self, value: float) -> str:
        palette = PALETTE[len(PALETTE) - len(self.classes) :]  # fewer classes: the darker end of the palette
        index = next((i for i, (bound, _text) in enumerate(self.classes) if value < bound), len(self.classes) - 1)
        return palette[index]


def shaded_attributes(shading: Shading, step_id: str) -> dict[str, str]:
    """The graphviz node attributes of one step: its class's fill colour (and white text on the dark ones)."""
    figure = shading.figures.get(step_id)
    if figure is None:
        return dict(UNMEASURED)
    colour = shading.colour(figure[0])
    return {"fillcolor": colour, "fontcolor": "#ffffff" if colour in DARK else "#000000"}


def figure_line(shading: Shading, step_id: str) -> str:
    """The figure as a bold line of the step's HTML-like label (escaped), or "" when the step has none."""
    figure = shading.figures.get(step_id)
    return f"<B>{label_text(figure[1])}</B>" if figure is not None else ""


def legend_label(shading: Shading, lang: Lang) -> str:
    """The legend: an HTML-like table, a swatch and its range per class, then the swatch of "no figure"."""
    palette = PALETTE[len(PALETTE) - len(shading.classes) :]
    rows = [f'<TR><TD COLSPAN="2" ALIGN="LEFT"><B>{label_text(shading.title)}</B></TD></TR>']
    for colour, (_bound, text) in zip(palette, shading.classes, strict=True):
        rows.append(f'<TR><TD BGCOLOR="{colour}" WIDTH="28" HEIGHT="16"> </TD><TD ALIGN="LEFT">{label_text(text)}</TD></TR>')
    rows.append(
        f'<TR><TD BGCOLOR="#ffffff" STYLE="dashed" WIDTH="28" HEIGHT="16"> </TD><TD ALIGN="LEFT">{label_text(_NO_FIGURE.get(lang))}</TD></TR>'
    )
    return (
        '<<TABLE BGCOLOR="#ffffff" BORDER="0" CELLBORDER="1" CELLSPACING="3" CELLPADDING="3" COLOR="#9aa0a6">' + "".join(rows) + "</TABLE>>"
    )


# The legend's rows: a swatch 16 pt high, 3 pt padding each side and 3 pt between cells (legend_label's table).
_ROW_HEIGHT = 16 + 2 * 3 + 3 + 2


def legend_size(shading: Shading) -> tuple[float, float]:
    """About how wide and high the legend is drawn (points): enough to place it under the lanes, clear of them."""
    longest = max(len(text) for text in (*(t for _bound, t in shading.classes), _NO_FIGURE.get(Lang.VI)))
    width = max(28 + 12 + 6 * longest, 6.5 * len(shading.title)) + 12
    return width, _ROW_HEIGHT * (len(shading.classes) + 2) + 8


def share_figures(shares: Mapping[str, float]) -> dict[str, tuple[float, str]]:
    """Shares of dossiers (0 to 1) by step, with their texts («12.5%», as the conformance report writes them)."""
    return {step: (share, f"{100 * share:.1f}%") for step, share in shares.items()}


__all__ = [
    "PALETTE",
    "RATIO_CLASSES",
    "SHARE_CLASSES",
    "Shading",
    "figure_line",
    "legend_label",
    "legend_size",
    "shaded_attributes",
    "share_figures",
]
