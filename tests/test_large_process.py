"""A process of thousands of steps: the same answers as the plain algorithms give, and work that grows linearly.

Speed is measured in benchmarks/bench_large.py, not here (timings in unit tests fail on a busy machine). What these
tests guard is the shape of the work: the number of lines of qms and networkx code run to check and export a process
of 2,000 steps is about twice that for 1,000 steps. A search through every step for each finding, or a test of each
flow against every shape, makes it three or four times as many.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from itertools import pairwise
from pathlib import Path

import networkx as nx
import pytest

import qms
from conftest import text_at
from qms.bpmn import process_to_bpmn, routing
from qms.bpmn.routing import CLEARANCE, Point, Shapes, _hits
from qms.graph import ProcessGraph
from qms.load import load_paths
from qms.model import Process, StepType
from qms.render.layout import Box
from qms.rules.engine import check_paths, check_processes

DAY = date(2026, 12, 3)


def large_process_yaml(steps: int) -> str:
    """A process of about ``steps`` steps with every shape that used to cost more than linear time.

    One role (lane) per 20 steps; every fifth step a decision whose branches go on, skip ahead and go back (a few steps,
    or to the first task, across the whole diagram); every fiftieth a refusal with an end step of its own.
    """
    roles = [f"to-{k:03d}" for k in range(max(3, steps // 20))]
    last = steps - 1
    lines = [
        "code: QT-LON-01",
        "title: Quy trình rất dài",
        'version: "1.0"',
        "status: draft",
        f"owner: {roles[0]}",
        "deadline: 5 ngày làm việc",
        "roles:",
        *(f"  {role}: Tổ {role}" for role in roles),
        "steps:",
        f"  - {{id: s0000, type: start, name: Tiếp nhận, role: {roles[0]}, duration: 2 giờ, next: s0001}}",
    ]
    for n in range(1, last):
        sid, role, nxt = f"s{n:04d}", roles[n % len(roles)], f"s{n + 1:04d}"
        if n % 50 == 0:
            branches = f"[{{when: Đủ, to: {nxt}}}, {{when: Không đủ, to: e{n:04d}}}]"
            lines.append(f"  - {{id: {sid}, type: decision, name: Đủ điều kiện, role: {role}, duration: 2 giờ, branches: {branches}}}")
            lines.append(f"  - {{id: e{n:04d}, type: end, name: Từ chối, role: {role}}}")
        elif n % 5 == 0:
            back = 1 if n % 10 == 0 else n - 3
            branches = f"[{{when: Đạt, to: {nxt}}}, {{when: Bỏ qua, to: s{min(n + 3, last):04d}}}, {{when: Làm lại, to: s{back:04d}}}]"
            lines.append(f"  - {{id: {sid}, type: decision, name: Kết quả đạt, role: {role}, duration: 2 giờ, branches: {branches}}}")
        else:
            lines.append(f"  - {{id: {sid}, name: Xử lý {n}, role: {role}, duration: '0,5 ngày làm việc', next: {nxt}}}")
    lines.append(f"  - {{id: s{last:04d}, type: end, name: Trả kết quả, role: {roles[0]}}}")
    return "\n".join(lines) + "\n"


def large_process(folder: Path, steps: int) -> tuple[Path, Process]:
    path = folder / f"QT-LON-{steps}.yaml"
    path.write_text(large_process_yaml(steps), encoding="utf-8")
    loaded = load_paths([path])
    assert loaded.ok, [d.render("en") for d in loaded.diagnostics[:3]]
    (process,) = loaded.processes
    return path, process


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Process]:
    return large_process(tmp_path_factory.mktemp("large"), 2_000)


# --- the same answers ------------------------------------------------------------------------------


def test_graph_answers_as_networkx_does(big: tuple[Path, Process]) -> None:
    _, process = big
    graph = ProcessGraph(process)
    g = graph.digraph
    assert len(graph.ends) > 30 and graph.back_edges
    assert graph.reachable_from_start == {graph.start} | nx.descendants(g, graph.start)
    assert graph.reaching_an_end == set().union(*({end} | nx.ancestors(g, end) for end in graph.ends))
    # Without its return edges the graph is acyclic, and each return edge closes a loop.
    dag = nx.DiGraph(g)
    dag.remove_edges_from(graph.back_edges)
    assert nx.is_directed_acyclic_graph(dag)
    assert all(nx.has_path(g, target, source) for source, target in graph.back_edges)
    # The longest path: its time is the longest any start-to-end path of the acyclic graph takes.
    most: dict[str, int] = {}
    for node in nx.topological_sort(dag):
        before = [most[p] for p in dag.predecessors(node) if p in most]
        if node == graph.start or before:
            most[node] = max(before, default=0) + graph.step_minutes(node)
    longest = graph.longest_path
    assert longest is not None and longest.minutes == max(most[end] for end in graph.ends if end in most)
    assert longest.steps[0] == graph.start and longest.steps[-1] in graph.ends
    assert all(dag.has_edge(a, b) for a, b in zip(longest.steps, longest.steps[1:]))
    assert longest.minutes == sum(graph.step_minutes(s) for s in longest.steps)


def test_check_reports_each_finding_at_its_own_step(big: tuple[Path, Process]) -> None:
    path, process = big
    report = check_paths([path], today=DAY)
    criteria = [f for f in report.findings if f.rule == "QMS605"]
    decisions = [s.id for s in process.steps if s.type is StepType.DECISION]
    assert [f.step for f in criteria] == decisions
    for finding in criteria:
        assert text_at(path, finding.location.line, finding.location.column).startswith(finding.step or "?")
    (late,) = [f for f in report.findings if f.rule == "QMS302"]
    assert "s0000 → s0001" in late.message.en


def _every_crossing(points: list[Point], source: Box, target: Box, shapes: Shapes, skip: tuple[Box, ...], limit: int | None = None) -> int:
    """Every shape a route crosses, each segment tested against every shape: routing before the index and the limit."""
    count = 0
    for a, b in pairwise(points):
        count += sum(1 for box in shapes.boxes if not any(box is s for s in skip) and _hits(a, b, box, margin=CLEARANCE))
        count += sum(1 for box in (source, target) if _hits(a, b, box, margin=-1.0))
    return count


def test_bpmn_routes_are_those_found_by_testing_every_shape(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _, process = large_process(tmp_path, 300)
    indexed = process_to_bpmn(process)
    monkeypatch.setattr(routing, "_crossings", _every_crossing)
    assert process_to_bpmn(process) == indexed


# --- work that grows linearly ------------------------------------------------------------------------

_CODE = (str(Path(qms.__file__).parent), str(Path(nx.__file__).parent))


def lines_run(work: Callable[[], object]) -> int:
    """How many lines of qms and networkx code ``work`` runs (a count of work that does not depend on the machine)."""
    count = 0

    def local(frame: object, event: str, arg: object) -> object:
        nonlocal count
        count += event == "line"
        return local

    def tracer(frame: object, event: str, arg: object) -> object:
        return local if getattr(frame, "f_code").co_filename.startswith(_CODE) else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        work()
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("what", ["check", "bpmn"])
def test_work_doubles_when_the_steps_double(tmp_path: Path, what: str) -> None:
    small, large = (large_process(tmp_path, n)[1] for n in (1_000, 2_000))

    def run(process: Process) -> Callable[[], object]:
        if what == "check":
            return lambda: check_processes([process], today=DAY)
        return lambda: process_to_bpmn(process)

    ratio = lines_run(run(large)) / lines_run(run(small))
    assert 1.8 < ratio < 2.25, f"{what}: {ratio:.2f} times the work for twice the steps"
