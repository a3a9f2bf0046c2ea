"""The net of a process graph (qms.conformance.net) and token-based replay on it (qms.conformance.replay), counted
by hand on QT-THU-01."""

from __future__ import annotations

import pytest

from qms.conformance.net import SINK, SOURCE, Arc, derive_net
from qms.conformance.replay import TokenCounts, replay
from qms.graph import ProcessGraph


@pytest.fixture(scope="module")
def net(process):
    return derive_net(ProcessGraph(process))


def test_the_net_has_a_transition_per_step_a_shared_place_per_decision_and_ends_as_the_sink(net):
    assert net.visible == {
        "nhan": Arc(SOURCE, "in:kiem-tra"),
        "kiem-tra": Arc("in:kiem-tra", "after:kiem-tra"),
        "tham-dinh": Arc("in:tham-dinh", "in:duyet"),
        "duyet": Arc("in:duyet", "after:duyet"),
        "ban-hanh": Arc("in:ban-hanh", "in:tra"),
        "tra": Arc("in:tra", SINK),
        "tu-choi": Arc("in:tu-choi", SINK),
    }
    assert net.silent == {
        ("kiem-tra", "tham-dinh"): Arc("after:kiem-tra", "in:tham-dinh"),
        ("kiem-tra", "tu-choi"): Arc("after:kiem-tra", "in:tu-choi"),
        ("duyet", "ban-hanh"): Arc("after:duyet", "in:ban-hanh"),
        ("duyet", "tham-dinh"): Arc("after:duyet", "in:tham-dinh"),  # the rework loop: the same place as the first appraisal
    }


def test_a_path_of_the_process_fits(net):
    # 8 steps and 3 branch choices fired (kiem-tra -> tham-dinh, duyet -> tham-dinh, duyet -> ban-hanh), plus the
    # initial token produced and the final one consumed
    assert replay(net, ["nhan", "kiem-tra", "tham-dinh", "duyet", "tham-dinh", "duyet", "ban-hanh", "tra"]) == TokenCounts(0, 12, 0, 12)


def test_a_skipped_appraisal_misses_one_token_and_leaves_the_check_s_token(net):
    counts = replay(net, ["nhan", "kiem-tra", "duyet", "ban-hanh", "tra"])
    assert counts == TokenCounts(missing=1, consumed=7, remaining=1, produced=7)
    assert counts.fitness == pytest.approx(0.5 * (1 - 1 / 7) + 0.5 * (1 - 1 / 7))


def test_both_branches_taken(net):
    # tu-choi takes the check's token to the sink; tham-dinh then finds none: 1 missing, and the sink ends with 2
    counts = replay(net, ["nhan", "kiem-tra", "tu-choi", "tham-dinh", "duyet", "ban-hanh", "tra"])
    assert counts == TokenCounts(1, 10, 1, 10) and counts.fitness == pytest.approx(0.9)


def test_an_unfinished_path_misses_the_final_token(net):
    assert replay(net, ["nhan", "kiem-tra", "tham-dinh"]) == TokenCounts(1, 5, 1, 5)


def test_labels_without_a_transition_move_nothing(net):
    fitting = ["nhan", "kiem-tra", "tu-choi"]
    assert replay(net, [*fitting, "ket-thuc-tu-choi", "?Gọi điện"]) == replay(net, fitting) == TokenCounts(0, 5, 0, 5)
