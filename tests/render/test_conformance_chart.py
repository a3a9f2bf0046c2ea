"""The conformance report's flowcharts: the hand-made log of tests/conformance (11 dossiers) shaded step by step."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path

import pytest

from qms.conformance import Conformance, conform
from qms.conformance.timing import StepFigures
from qms.i18n import Lang
from qms.load import load_paths
from qms.logs import read_log, read_mapping
from qms.model import Process
from qms.render.conformance_chart import conformance_flowcharts, deviation_figures, time_figures, write_flowcharts
from qms.render.shading import PALETTE

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "conformance" / "fixtures"
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def checked() -> tuple[Conformance, Process]:
    processes = load_paths([FIXTURES / "QT-THU-01.yaml", FIXTURES / "QT-THU-VB.yaml"]).by_code()
    mapping, _ = read_mapping(FIXTURES / "mapping.yaml")
    log = read_log(FIXTURES / "events.csv", mapping)
    try:
        return conform(log, processes["QT-THU-01"], mapping, processes, top=3), processes["QT-THU-01"]
    finally:
        log.connection.close()


def test_each_step_gets_the_share_of_dossiers_with_a_deviation_there(checked: tuple[Conformance, Process]) -> None:
    result, process = checked
    figures = deviation_figures(result, process)
    # tham-dinh: missing in C and I, H stopped before its end (3 of 11); kiem-tra: D took both branches; ban-hanh: F
    # out of order; tra: E repeated it; the «Gọi điện» of E is no step of the process, so not on the chart.
    assert figures["tham-dinh"] == (pytest.approx(3 / 11), "27.3%")
    assert {s: t for s, (_, t) in figures.items() if s != "tham-dinh"} == {
        "nhan": "0.0%", "kiem-tra": "9.1%", "duyet": "0.0%", "ban-hanh": "9.1%", "tra": "9.1%", "tu-choi": "0.0%", "ket-thuc-tu-choi": "0.0%",
    }  # fmt: skip


def test_the_deviation_flowchart_colours_and_labels_each_step(checked: tuple[Conformance, Process]) -> None:
    result, process = checked
    charts = conformance_flowcharts(result, process, Lang.VI, row_link="../quy-trinh/QT-THU-01/#step-")
    assert list(charts) == ["sai-lech"]  # the fixture declares no step durations: no time chart
    title, svg = charts["sai-lech"]
    root = ET.fromstring(svg)
    groups = {g.get("id"): g for g in root.iter(f"{SVG}g")}
    fill = {p.get("fill") for p in groups["step-tham-dinh"].iter(f"{SVG}polygon")}
    assert PALETTE[4] in fill  # 20–40%
    assert "27.3%" in [t.text for t in groups["step-tham-dinh"].iter(f"{SVG}text")]
    assert title in " ".join(t.text or "" for t in groups["legend"].iter(f"{SVG}text"))


def test_the_time_figure_is_the_median_against_the_declared_duration(checked: tuple[Conformance, Process]) -> None:
    result, process = checked
    timed = StepFigures("tham-dinh", 9, 9, 90.0, 120.0, 45.0, 0.6, None, 810.0)
    untimed = StepFigures("duyet", 9, 9, 30.0, 40.0, None, None, None, 270.0)
    with_times = replace(result, step_figures=(timed, untimed))
    assert time_figures(with_times, Lang.VI) == {"tham-dinh": (2.0, "90 / 45 phút")}
    assert list(conformance_flowcharts(with_times, process, Lang.VI)) == ["sai-lech", "thoi-gian"]


def test_pictures_are_written_beside_a_markdown_report_only(checked: tuple[Conformance, Process], tmp_path: Path) -> None:
    result, process = checked
    assert write_flowcharts(result, process, tmp_path / "r.json", Lang.VI) == []
    assert write_flowcharts(result, process, tmp_path / "r.md", Lang.VI) == [("Tỷ lệ hồ sơ có sai lệch tại bước", "r-sai-lech.svg")]
    assert ET.parse(tmp_path / "r-sai-lech.svg").getroot().tag == f"{SVG}svg"


def test_qms_conform_writes_the_report_with_its_flowchart(tmp_path: Path) -> None:
    report = tmp_path / "bao cao.md"
    done = subprocess.run(
        [sys.executable, "-m", "qms", "conform", str(FIXTURES / "events.csv"), "--process", "QT-THU-01", "--processes", str(FIXTURES),
         "--mapping", str(FIXTURES / "mapping.yaml"), "-o", str(report)],
        capture_output=True, text=True, timeout=300, cwd=ROOT,
    )  # fmt: skip
    assert (tmp_path / "bao cao-sai-lech.svg").is_file(), done.stdout + done.stderr
    text = report.read_text(encoding="utf-8")
    assert "![Tỷ lệ hồ sơ có sai lệch tại bước](bao%20cao-sai-lech.svg)" in text
    assert text.index("sai-lech.svg") < text.index("## Sai lệch theo loại và bước")  # the picture first, then the table
