"""Drawing many flowcharts: SVG in batches of graphs per graphviz run, the same drawings as one at a time."""

from __future__ import annotations

from pathlib import Path

import graphviz
import pytest

import qms.render as render_module
from qms.load import load_paths
from qms.model import Process
from qms.render import FlowchartOptions, render, render_all

ROOT = Path(__file__).resolve().parents[2]
OPTIONS = FlowchartOptions()


def processes() -> list[Process]:
    return load_paths([ROOT / "processes", ROOT / "tests" / "render" / "fixtures" / "hostile.yaml"]).processes


def test_batched_svg_is_what_one_graphviz_run_per_diagram_draws(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = processes()
    monkeypatch.setattr(render_module, "BATCH", 2)  # several batches, some with more than one graph
    drawn = list(render_all(chosen, "svg", lambda p: OPTIONS, jobs=2))
    assert [p.code for p, _ in drawn] == [p.code for p in chosen]  # in the order given
    for process, svg in drawn:
        assert svg == render(process, "svg", OPTIONS), process.code


def test_a_batch_graphviz_refuses_is_drawn_one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = processes()[:3]
    calls = []

    def failing_pipe(*args: object, **kwargs: object) -> bytes:
        calls.append(args)
        raise graphviz.CalledProcessError(1, ["neato"], output=b"", stderr=b"Error: syntax error")

    monkeypatch.setattr(render_module.graphviz, "pipe", failing_pipe)
    drawn = list(render_all(chosen, "svg", lambda p: OPTIONS, jobs=1))
    assert calls and [p.code for p, _ in drawn] == [p.code for p in chosen]
    assert all(svg.startswith(b"<?xml") and p.code.encode() in svg for p, svg in drawn)
