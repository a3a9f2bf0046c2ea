"""The process graph: structure, reachability, loops, lanes, paths and working time."""

from __future__ import annotations

import networkx as nx
import pytest

import qms
from conftest import VALID, make_process, step
from qms.graph import ProcessGraph, build_graph

H = 60  # minutes in an hour
WD = 480  # minutes in a working day


def branch(when: str, to: str) -> dict[str, str]:
    return {"when": when, "to": to}


def rework_loop() -> ProcessGraph:
    """s (1h) -> a (2h) -> check (1h) -> end, with check -> a when it fails."""
    return build_graph(
        make_process(
            [
                step("s", "start", duration="1h", next="a"),
                step("a", duration="2h", next="check"),
                step("check", "decision", duration="1h", branches=[branch("Đạt", "e"), branch("Chưa đạt", "a")]),
                step("e", "end"),
            ]
        )
    )


# --- structure ---------------------------------------------------------------------------------


def test_nodes_edges_and_labels() -> None:
    graph = rework_loop()
    assert graph.starts == ["s"] and graph.start == "s" and graph.ends == ["e"]
    assert graph.successors("check") == ["e", "a"]
    assert sorted(graph.predecessors("a")) == ["check", "s"]
    assert graph.edge_label("check", "a") == "Chưa đạt"
    assert graph.edge_label("s", "a") is None
    assert graph.step("a").duration.minutes == 2 * H


def test_dangling_references_make_no_edge() -> None:
    graph = build_graph(make_process([step("s", "start", next="khong-co"), step("e", "end")]))
    assert graph.successors("s") == []
    assert "khong-co" not in graph.digraph


def test_digraph_is_a_read_only_view() -> None:
    graph = rework_loop()
    with pytest.raises(nx.NetworkXError):
        graph.digraph.add_edge("e", "s")
    assert not graph.digraph.has_edge("e", "s")


def test_reachability_sets() -> None:
    graph = build_graph(
        make_process(
            [
                step("s", "start", next="d"),
                step("d", "decision", branches=[branch("1", "e"), branch("2", "trap")]),
                step("trap", next="trap2"),  # a loop that never reaches the end
                step("trap2", next="trap"),
                step("orphan", next="e"),  # nothing leads here
                step("e", "end"),
            ]
        )
    )
    assert graph.reachable_from_start == {"s", "d", "e", "trap", "trap2"}
    assert graph.reaching_an_end == {"s", "d", "e", "orphan"}


def test_back_edges_and_loops() -> None:
    graph = rework_loop()
    assert graph.back_edges == {("check", "a")}
    (loop,) = graph.loops()
    assert sorted(loop) == ["a", "check"]


def test_back_edges_of_the_full_fixture() -> None:
    graph = build_graph(qms.load(VALID / "full.yaml"))
    assert graph.back_edges == {("yeu-cau-bo-sung", "tiep-nhan")}


def test_acyclic_process_has_no_back_edges_or_loops() -> None:
    graph = build_graph(make_process())
    assert graph.back_edges == frozenset() and graph.loops() == []


def test_two_starts() -> None:
    graph = build_graph(
        make_process([step("s1", "start", next="e"), step("s2", "start", next="e"), step("x", next="e"), step("e", "end")])
    )
    assert graph.starts == ["s1", "s2"]
    assert graph.start is None
    assert graph.longest_path is None
    assert list(graph.paths()) == []
    assert graph.reachable_from_start == {"s1", "s2", "e"}


def test_no_start() -> None:
    graph = build_graph(make_process([step("a", next="e"), step("e", "end")]))
    assert graph.starts == [] and graph.start is None and graph.longest_path is None
    assert graph.reachable_from_start == frozenset()


# --- lanes -----------------------------------------------------------------------------------


def test_lanes_follow_the_declared_role_order() -> None:
    graph = build_graph(
        make_process(
            [
                step("s", "start", role="lanh-dao", next="a"),
                step("a", role="mot-cua", next="b"),
                step("b", next="c"),  # no role
                step("c", role="lanh-dao", next="e"),
                step("e", "end", role="mot-cua"),
            ]
        )
    )
    lanes = graph.lanes()
    assert list(lanes) == ["mot-cua", "chuyen-vien", "lanh-dao", ""]
    assert lanes == {"mot-cua": ["a", "e"], "chuyen-vien": [], "lanh-dao": ["s", "c"], "": ["b"]}


# --- paths and time ------------------------------------------------------------------------------


def test_paths_from_start_to_each_end() -> None:
    graph = build_graph(
        make_process(
            [
                step("s", "start", next="d"),
                step("d", "decision", branches=[branch("A", "a"), branch("B", "b")]),
                step("a", next="e1"),
                step("b", next="e2"),
                step("e1", "end"),
                step("e2", "end"),
            ]
        )
    )
    assert sorted(graph.paths()) == [["s", "d", "a", "e1"], ["s", "d", "b", "e2"]]
    assert len(list(graph.paths(limit=1))) == 1
    assert list(rework_loop().paths()) == [["s", "a", "check", "e"]]


def test_longest_path_walks_a_loop_once() -> None:
    path = rework_loop().longest_path
    assert path is not None
    assert path.steps == ("s", "a", "check", "e")
    assert path.minutes == (1 + 2 + 1) * H  # the rework is not walked again
    assert path.untimed == () and path.complete


def test_longest_path_takes_the_slowest_branch() -> None:
    graph = build_graph(
        make_process(
            [
                step("s", "start", duration="30 phút", next="d"),
                step("d", "decision", branches=[branch("Nhanh", "fast"), branch("Chậm", "slow")]),
                step("fast", duration="1h", next="e"),
                step("slow", duration="3 ngày làm việc", next="e"),
                step("e", "end"),
            ]
        )
    )
    path = graph.longest_path
    assert path.steps == ("s", "d", "slow", "e")
    assert path.minutes == 30 + 3 * WD
    assert path.untimed == ("d",)  # the decision has no duration: the total is a lower bound
    assert not path.complete


def test_stops_clock_steps_do_not_count() -> None:
    def chain(stops: bool) -> ProcessGraph:
        return build_graph(
            make_process(
                [
                    step("s", "start", duration="4 giờ", next="wait"),
                    step("wait", duration="10 ngày lịch", stops_clock=stops, next="review"),
                    step("review", duration="3 ngày làm việc", next="e"),
                    step("e", "end"),
                ]
            )
        )

    stopped = chain(True)
    assert stopped.step_minutes("wait") == 0
    assert stopped.longest_path.steps == ("s", "wait", "review", "e")
    assert stopped.longest_path.minutes == 4 * H + 3 * WD
    assert stopped.longest_path.untimed == ()  # waiting time is known not to count, not unknown
    assert chain(False).longest_path.minutes == 4 * H + 8 * WD + 3 * WD


def test_untimed_steps_are_reported() -> None:
    graph = build_graph(make_process([step("s", "start", next="a"), step("a", duration="2h", next="b"), step("b", next="e"), step("e", "end")]))
    path = graph.longest_path
    assert path.minutes == 2 * H
    assert path.untimed == ("s", "b")  # the end step is never "untimed"
    assert graph.step_minutes("b") == 0


def test_longest_path_of_the_full_fixture() -> None:
    process = qms.load(VALID / "full.yaml")
    path = build_graph(process).longest_path
    assert path.steps == ("tiep-nhan", "kiem-tra", "tham-dinh", "phe-duyet", "phat-hanh", "tra-ket-qua")
    # 4 giờ + 4h + 3 ngày làm việc + 1 ngày làm việc; the sub-process call has no duration of its own.
    assert path.minutes == 4 * H + 4 * H + 3 * WD + 1 * WD == process.deadline.minutes
    assert path.untimed == ("phat-hanh",)


def test_loop_unreachable_from_the_start_does_not_break_timing() -> None:
    graph = build_graph(
        make_process(
            [
                step("s", "start", duration="1h", next="e"),
                step("x", "decision", branches=[branch("1", "y"), branch("2", "z")]),
                step("y", next="x"),
                step("z", "decision", branches=[branch("1", "x"), branch("2", "y")]),
                step("e", "end"),
            ]
        )
    )
    assert graph.back_edges == frozenset()
    assert len(graph.loops()) == 3
    assert graph.longest_path.steps == ("s", "e") and graph.longest_path.minutes == H


def test_no_reachable_end_means_no_longest_path() -> None:
    graph = build_graph(make_process([step("s", "start", next="a"), step("a", next="s"), step("e", "end")]))
    assert graph.longest_path is None


def test_longest_paths_through_and_avoiding_the_steps_of_a_case() -> None:
    graph = build_graph(
        make_process(
            [
                step("s", "start", duration="1h", next="d"),
                step("d", "decision", duration="1h", branches=[branch("Trong tỉnh", "a"), branch("Tỉnh khác", "verify")]),
                step("verify", duration="2 ngày làm việc", next="a"),
                step("a", duration="1 ngày làm việc", next="check"),
                step("check", "decision", duration="1h", branches=[branch("Đạt", "e"), branch("Làm lại", "a")]),
                step("e", "end"),
            ]
        )
    )
    through = graph.longest_path_through(["verify"])
    assert through.steps == ("s", "d", "verify", "a", "check", "e") and through.minutes == 3 * H + 3 * WD
    avoiding = graph.longest_path_avoiding(["verify"])
    assert avoiding.steps == ("s", "d", "a", "check", "e") and avoiding.minutes == 3 * H + WD
    assert graph.longest_path == through  # the overall longest path is the verification case
    assert graph.longest_path_through(["nowhere"]) is None
    assert graph.longest_path_avoiding(["a"]) is None  # every way to the end goes through «a»


def test_deadline_paths_count_between_the_clock_steps_and_per_case() -> None:
    steps = [
        step("nop", "start", duration="1 ngày làm việc", next="nhan"),  # before the dossier is complete
        step("nhan", duration="1h", next="d"),
        step("d", "decision", duration="1h", branches=[branch("Trong tỉnh", "xem-xet"), branch("Tỉnh khác", "xac-minh")]),
        step("xac-minh", duration="2 ngày làm việc", next="xem-xet"),
        step("xem-xet", duration="1 ngày làm việc", next="tra"),
        step("tra", duration="1h", next="luu"),
        step("luu", "end", duration="1 ngày làm việc"),  # filing after the result is returned
    ]
    case = {"when": "Tỉnh khác", "deadline": "5 ngày làm việc", "through": ["xac-minh"]}
    clock = {"starts_at": "nhan", "stops_at": "tra"}
    graph = build_graph(make_process(steps, deadline="2 ngày làm việc", deadline_cases=[case], clock=clock))
    main, special = graph.deadline_paths
    assert main.path.steps == ("nhan", "d", "xem-xet", "tra") and main.path.minutes == 3 * H + WD and main.field == ("deadline",)
    assert special.path.steps == ("nhan", "d", "xac-minh", "xem-xet", "tra") and special.path.minutes == 3 * H + 3 * WD
    assert special.case.vi == "Tỉnh khác" and special.field == ("deadline_cases", 0, "deadline")
    unbounded = build_graph(make_process(steps, deadline="2 ngày làm việc"))
    assert unbounded.deadline_paths[0].path.minutes == 3 * H + 5 * WD  # start to end, the verification included
