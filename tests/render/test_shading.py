"""Step links, plain-text tooltips and the shaded flowchart (a figure per step, with a legend)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import qms
from qms.render import FlowchartOptions, render
from qms.render.shading import PALETTE, RATIO_CLASSES, Shading, share_figures

FIXTURES = Path(__file__).parent / "fixtures"
SVG, XLINK = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}"


def links(svg: bytes) -> dict[str, tuple[str, str]]:
    """Step id -> (link, tooltip) of every linked step."""
    root = ET.fromstring(svg)
    found = {}
    for group in root.iter(f"{SVG}g"):
        anchor = group.find(f"{SVG}a")
        if group.get("id", "").startswith("a_step-") and anchor is not None:
            found[group.get("id", "").removeprefix("a_step-")] = (anchor.get(f"{XLINK}href", ""), anchor.get(f"{XLINK}title", ""))
    return found


def test_every_step_links_to_its_row_and_its_tooltip_is_the_text_as_written() -> None:
    process = qms.load(FIXTURES / "hostile.yaml")
    found = links(render(process, "svg", FlowchartOptions(row_link="../QT-HOSTILE-01/#step-")))
    assert set(found) == {"s", "d", "e"}
    assert found["s"][0] == "../QT-HOSTILE-01/#step-s"
    # No markup of the label (<BR/>, <FONT>, <B>) and no graphviz escape expanded (\N is not the node's name).
    assert found["s"][1] == 'Tiếp nhận <hồ sơ> & {x} \\l \\N ; -> "\nVai trò: Vai trò <b>đậm</b> & "trích" {x} \\N'
    assert found["d"][1] == "Đủ? </text><script>x</script>\nVai trò: Trưởng phòng"


def test_an_ampersand_entity_in_a_name_shows_as_written_in_the_tooltip() -> None:
    process = qms.load(FIXTURES / "hostile.yaml")
    step = process.steps_by_id["s"]
    renamed = process.model_copy(
        update={"steps": [step.model_copy(update={"name": step.name.model_copy(update={"vi": "A &amp; B &lt;b&gt;"})}), *process.steps[1:]]}
    )
    renamed.__dict__.pop("steps_by_id", None)
    found = links(render(renamed, "svg", FlowchartOptions(row_link="#step-")))
    assert found["s"][1].startswith("A &amp; B &lt;b&gt;\n")


def test_without_row_links_only_sub_process_steps_are_links() -> None:
    process = qms.load(FIXTURES / "hostile.yaml")
    found = links(render(process, "svg"))
    assert {link for link, _ in found.values()} == {""}  # tooltips, no links


def test_shaded_steps_carry_their_class_colour_their_figure_and_a_legend() -> None:
    process = qms.load(FIXTURES / "hostile.yaml")
    shading = Shading("Tỷ lệ <sai> & lệch", share_figures({"s": 0.0, "d": 0.5}))
    svg = render(process, "svg", FlowchartOptions(shading=shading, row_link="#step-"))
    root = ET.fromstring(svg)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    fills = {sid: {p.get("fill") for p in groups[f"step-{sid}"].iter() if p.get("fill")} for sid in ("s", "d", "e")}
    assert PALETTE[0] in fills["s"] and PALETTE[-1] in fills["d"] and "#ffffff" in fills["e"]  # e: no figure
    texts = {sid: [t.text for t in groups[f"step-{sid}"].iter(f"{SVG}text")] for sid in ("s", "d")}
    assert "0.0%" in texts["s"] and "50.0%" in texts["d"]  # the number, not the colour alone
    white = [t.get("fill") for t in groups["step-d"].iter(f"{SVG}text")]
    assert set(white) == {"#ffffff"}  # white text on the darkest class
    legend = " ".join(t.text or "" for t in groups["legend"].iter(f"{SVG}text"))
    assert "Tỷ lệ <sai> & lệch" in legend and "≥ 40%" in legend and "không có số liệu" in legend
    assert links(svg)["d"] == ("#step-d", "Đủ? </text><script>x</script>\nTỷ lệ <sai> & lệch: 50.0%\nVai trò: Trưởng phòng")


def test_classes_pick_the_first_bound_above_the_value() -> None:
    shares = Shading("", {})
    assert [shares.colour(v) for v in (0.0, 0.01, 0.05, 0.15, 0.3, 0.9)] == list(PALETTE)
    ratios = Shading("", {}, RATIO_CLASSES)
    assert ratios.colour(1.0) == PALETTE[2] and ratios.colour(3.0) == PALETTE[5]
    short = Shading("", {}, ((0.5, "thấp"), (float("inf"), "cao")))
    assert short.colour(0.1) == PALETTE[4] and short.colour(0.9) == PALETTE[5]  # fewer classes: the darker end
