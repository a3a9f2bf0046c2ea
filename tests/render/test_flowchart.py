"""Swimlane flowcharts: structure, Vietnamese text, escaping, accessibility, formats."""

from __future__ import annotations

import io
import json
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

import qms
from qms.load import load_paths
from qms.render import FlowchartOptions, flowchart_dot, render, swimlane_layout
from qms.graph import ProcessGraph

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).parent / "fixtures"
SVG = "{http://www.w3.org/2000/svg}"



def test_graphviz_is_installed() -> None:
    # Not a skip: scripts/setup.sh installs graphviz, so its absence is a broken setup, not an optional feature.
    assert shutil.which("neato"), "graphviz is missing: run scripts/setup.sh (apt-get install graphviz fonts-noto-core)"


def shipped() -> list[qms.Process]:
    processes = load_paths([ROOT / "processes"]).processes
    assert processes
    return processes


def svg_tree(process: qms.Process, **options: object) -> ET.Element:
    return ET.fromstring(render(process, "svg", FlowchartOptions(**options)))  # type: ignore[arg-type]


def texts(element: ET.Element) -> str:
    return " ".join(t.text or "" for t in element.iter(f"{SVG}text"))


@pytest.mark.parametrize("process", shipped(), ids=lambda p: p.code)
def test_each_shipped_process_renders_with_lanes_steps_and_branch_labels(process: qms.Process) -> None:
    root = svg_tree(process)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g") if g.get("id")}
    steps = [g for gid, g in groups.items() if gid.startswith("step-")]
    assert len(steps) == len(process.steps)
    lanes_used = [role for role, ids in ProcessGraph(process).lanes().items() if ids]
    lane_titles = [g for gid, g in groups.items() if gid.startswith("lane-")]
    assert len(lane_titles) == len(lanes_used)
    all_text = texts(root)
    for role in lanes_used:  # lane titles with their diacritics (wrapped, so compare the first word)
        assert process.roles[role].name.vi.split()[0] in all_text
    for step in process.steps:
        group = groups[f"step-{step.id}"]
        assert group.find(f"{SVG}title").text == step.name.vi  # type: ignore[union-attr]
        if step.role:
            assert process.roles[step.role].name.vi in group.find(f"{SVG}desc").text  # type: ignore[union-attr]
        for helper in step.support:  # cooperating roles are described too
            assert process.roles[helper].name.vi in group.find(f"{SVG}desc").text  # type: ignore[union-attr]
        for branch in step.branches:
            edge = groups[f"edge-{step.id}.{branch.to}"]
            assert branch.when.vi.split()[0] in texts(edge)
    assert process.code in all_text and process.version in all_text


def test_lanes_follow_the_declared_role_order() -> None:
    for process in shipped():
        layout = swimlane_layout(ProcessGraph(process))
        declared = [r for r in process.roles if r in {lane.role for lane in layout.lanes}]
        assert [lane.role for lane in layout.lanes] == declared
        tops = [lane.box.y for lane in layout.lanes]
        assert tops == sorted(tops)


def test_no_two_steps_share_a_place_and_flow_goes_right() -> None:
    for process in shipped():
        graph = ProcessGraph(process)
        layout = swimlane_layout(graph)
        centres = [layout.steps[s.id].centre for s in process.steps]
        assert len(set(centres)) == len(centres)
        for source, target in graph.digraph.edges:
            if (source, target) not in graph.back_edges:
                assert layout.columns[target] > layout.columns[source]


def test_hostile_text_is_escaped_in_svg_and_dot() -> None:
    process = qms.load(FIXTURES / "hostile.yaml")
    svg = render(process, "svg")
    root = ET.fromstring(svg)  # well-formed XML despite <, >, &, quotes
    assert not list(root.iter(f"{SVG}script")) and b"<script>" not in svg
    assert "<script>alert('x')</script>" in texts(root)  # shown as text
    assert "\\l \\N ; -> \"" in texts(root)  # not the node's name in place of «\\N»
    assert "Đủ? </text><script>x</script>" == next(
        g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g") if g.get("id") == "step-d"  # type: ignore[union-attr]
    )
    # The DOT source is accepted by graphviz as it is.
    dot = flowchart_dot(process)
    done = subprocess.run(["neato", "-n", "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr


def test_highlighted_steps_are_coloured() -> None:
    process = qms.load(FIXTURES / "hostile.yaml")
    root = svg_tree(process, highlight={"d"})
    fills = {g.get("id"): [p.get("stroke") for p in g.iter() if p.get("stroke")] for g in root.iter(f"{SVG}g")}
    assert "#c5221f" in fills["step-d"] and "#c5221f" not in fills["step-s"]


def test_png_and_pdf_outputs() -> None:
    process = qms.load(FIXTURES / "hostile.yaml")
    png = render(process, "png")
    assert png.startswith(b"\x89PNG") and Image.open(io.BytesIO(png)).size[0] > 300
    assert render(process, "pdf").startswith(b"%PDF")


def test_render_command_writes_one_file_per_process_and_highlights_findings(tmp_path: Path) -> None:
    findings = tmp_path / "check.json"
    findings.write_text(json.dumps({"findings": [{"process": "QT-HOSTILE-01", "step": "s", "waived": False}]}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "qms", "render", str(FIXTURES), "--out", str(tmp_path), "--findings", str(findings)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    svg = (tmp_path / "QT-HOSTILE-01.svg").read_text(encoding="utf-8")
    assert 'id="step-s"' in svg and "#c5221f" in svg


# Characters with a meaning in DOT, in graphviz's HTML-like labels or in XML, and control characters XML 1.0 cannot
# hold (the loader refuses those in YAML; a process built in Python can carry them).
SPECIAL = "<b>&\"' { } | < > \\ \" \\l \\N \\G \\E \\\\ &#92;N &amp; ]]> -->"
CONTROL = "A\x00B\x01C\x08D\x0bE\x0cF\x1bG\x1fH\x7fI\x85J\x9fK\ufffeL\uffffM"
SHOWN = "A\ufffdB\ufffdC\ufffdD\ufffdE\ufffdF\ufffdG\ufffdH\ufffdI\ufffdJ\ufffdK\ufffdL\ufffdM"


def _special_process() -> qms.Process:
    return qms.Process.model_validate(
        {"code": "QT-KYTU-01", "title": f"Tiêu đề {SPECIAL} {CONTROL}", "version": "1.0", "status": "draft", "owner": "a",
         "purpose": f"Mục đích {CONTROL}", "deadline": "5 ngày làm việc",
         "roles": {"a": f"Vai trò {SPECIAL} {CONTROL}"},
         "steps": [
             {"id": "s", "type": "start", "name": f"Bắt đầu {SPECIAL}", "role": "a", "next": "d"},
             {"id": "d", "type": "decision", "name": f"Quyết định {CONTROL}", "role": "a",
              "branches": [{"when": f"Có {SPECIAL}", "to": "e"}, {"when": f"Không {CONTROL}", "to": "s"}]},
             {"id": "e", "type": "end", "name": "Kết thúc", "role": "a"},
         ]}
    )  # fmt: skip


def _words(text: str) -> list[str]:
    return text.split()


def test_dot_html_and_control_characters_in_a_process_built_in_python_show_as_written() -> None:
    process = _special_process()
    dot = flowchart_dot(process)
    done = subprocess.run(["neato", "-n", "-Tsvg"], input=dot.encode("utf-8"), capture_output=True, timeout=60)
    assert done.returncode == 0 and not done.stderr, done.stderr  # graphviz reads the DOT source without complaint
    svg = render(process, "svg")
    root = ET.fromstring(svg)  # well-formed XML: no control character left, every special character escaped
    shown = "".join(texts(root).split())  # labels are wrapped: compare without the spaces
    for words in (f"Tiêu đề {SPECIAL} {SHOWN}", f"Vai trò {SPECIAL} {SHOWN}", f"Bắt đầu {SPECIAL}", f"Quyết định {SHOWN}", f"Có {SPECIAL}"):
        # «\N», «\G», «\E» stay as written: not the node's, the graph's or the edge's name.
        assert "".join(words.split()) in shown, words
    # (graphviz's «a_step-…» groups hold a step's tooltip link, no title)
    titles = {g.get("id"): g.find(f"{SVG}title").text for g in root.iter(f"{SVG}g") if g.get("id", "a_").partition("_")[0] != "a"}  # type: ignore[union-attr]
    assert titles["step-s"] == f"Bắt đầu {SPECIAL}"
    assert titles["step-d"] == f"Quyết định {SHOWN}"
    assert titles["edge-d.e"] == f"Quyết định {SHOWN} → Kết thúc (Có {SPECIAL})"
    assert root.find(f"{SVG}g/{SVG}desc").text == f"Mục đích {SHOWN}"  # type: ignore[union-attr]
    assert render(process, "png").startswith(b"\x89PNG") and render(process, "pdf").startswith(b"%PDF")


def test_escaping_helpers() -> None:
    from qms.render.escape import dot_string, html_text, label_text, xml_chars

    assert xml_chars(CONTROL) == SHOWN and xml_chars("tab\tline\ncr\r") == "tab\tline\ncr\r"
    assert xml_chars("\ud800x") == "\ufffdx"  # a lone surrogate (UTF-8 cannot encode it)
    assert html_text("<b>&\"'\x01") == "&lt;b&gt;&amp;&quot;&#x27;\ufffd"
    assert label_text("\\N & \\\\") == "\\\\N &amp; \\\\\\\\"
    assert dot_string("step-\\N<x>") == "step-\\\\N<x>" and type(dot_string("a")).__name__ == "NoHtml"
