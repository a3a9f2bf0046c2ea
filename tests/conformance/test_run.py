"""Conformance of a hand-made event log to a hand-made process (qms.conformance.run): every deviation kind found at
the right dossier and step, every figure worked out by hand.

The log (fixtures/events.csv), on QT-THU-01 (nhan → kiem-tra ⟨tham-dinh | tu-choi⟩; tham-dinh → duyet ⟨ban-hanh
| back to tham-dinh⟩; ban-hanh calls QT-THU-VB → tra → end; tu-choi → end):

====  ====================================================================  ==========================
A     nhan kiem-tra tham-dinh duyet ban-hanh tra (by ids; one row out of       conforms
      file order)
B     the same by names and an alias of the mapping file                       conforms
G     the same with the called process's «Ký số», «Phát hành» for ban-hanh     conforms
C, I  nhan kiem-tra duyet ban-hanh tra                                         tham-dinh missing
D     nhan kiem-tra tu-choi tham-dinh duyet ban-hanh tra                       both branches of kiem-tra
E     nhan kiem-tra «Gọi điện cho công dân» tham-dinh duyet tham-dinh duyet    unknown activity; tra
      ban-hanh tra tra                                                         repeated (tham-dinh is on
                                                                               a loop: not repeated)
F     nhan kiem-tra tham-dinh ban-hanh duyet tra                               ban-hanh out of order
H     nhan kiem-tra tham-dinh                                                  incomplete
J     nhan kiem-tra tu-choi                                                    conforms
K     nhan kiem-tra tu-choi «Kết thúc (từ chối)» (the end step recorded)       conforms
====  ====================================================================  ==========================
"""

from __future__ import annotations

from fractions import Fraction
from pathlib import Path

import pytest

from qms.conformance import ConformanceError, DeviationKind, conform, conform_files
from qms.logs import read_log, read_mapping

FIXTURES = Path(__file__).parent / "fixtures"
K = DeviationKind


@pytest.fixture(scope="module")
def checked(processes, process):
    mapping, problems = read_mapping(FIXTURES / "mapping.yaml")
    assert mapping is not None and not problems
    log = read_log(FIXTURES / "events.csv", mapping)
    assert (log.shape, log.rows_rejected) == ("event", 0)
    return conform(log, process, mapping, processes, top=3), log.connection


def test_the_share_of_conforming_dossiers_and_the_log_fitness(checked):
    result, _ = checked
    assert (result.dossiers, result.conforming, result.variant_count) == (11, 5, 8)
    assert result.conforming_share == pytest.approx(5 / 11)
    # missing and remaining: 1 each for C, I, D, E, F, H; consumed = produced: 9 × 3 (A, B, G) + 7 × 2 (C, I) + 10 (D)
    # + 13 (E) + 8 (F) + 5 (H) + 5 (J) + 5 (K) = 87
    assert result.log_fitness == pytest.approx(1 - 6 / 87)
    by_dossier = [3 * 1, 2 * Fraction(6, 7), Fraction(9, 10), Fraction(12, 13), Fraction(7, 8), Fraction(4, 5), 1, 1]
    assert result.average_fitness == pytest.approx(float(sum(by_dossier) / 11))


def test_each_deviation_kind_is_counted_by_dossiers_affected(checked):
    result, _ = checked
    counts = {k.kind: (k.dossiers, k.occurrences) for k in result.by_kind}
    assert counts == {
        K.MISSING: (2, 2),
        K.BOTH_BRANCHES: (1, 1),
        K.UNKNOWN_ACTIVITY: (1, 1),
        K.REPEATED: (1, 1),
        K.OUT_OF_ORDER: (1, 1),
        K.INCOMPLETE: (1, 1),
    }
    missing = result.kind(K.MISSING)
    assert missing is not None and missing.share == pytest.approx(2 / 11)


def test_each_deviation_is_at_its_step(checked):
    result, _ = checked
    assert {(s.kind, s.step): s.dossiers for s in result.by_step} == {
        (K.MISSING, "tham-dinh"): 2,
        (K.BOTH_BRANCHES, "kiem-tra"): 1,
        (K.UNKNOWN_ACTIVITY, "Gọi điện cho công dân"): 1,
        (K.REPEATED, "tra"): 1,
        (K.OUT_OF_ORDER, "ban-hanh"): 1,
        (K.INCOMPLETE, "tham-dinh"): 1,
    }


def test_each_deviation_is_found_at_the_right_dossier(checked):
    _, con = checked
    rows = con.execute(
        "SELECT d.dossier, x.kind, x.step, x.others FROM dossier_conformance d JOIN conformance_deviations x USING (variant) ORDER BY ALL"
    ).fetchall()
    assert rows == [
        ("C", "missing", "tham-dinh", []),
        ("D", "both_branches", "kiem-tra", ["tham-dinh", "tu-choi"]),
        ("E", "repeated", "tra", []),
        ("E", "unknown_activity", "Gọi điện cho công dân", []),
        ("F", "out_of_order", "ban-hanh", ["duyet"]),
        ("H", "incomplete", "tham-dinh", []),
        ("I", "missing", "tham-dinh", []),
    ]
    conforming = [d for (d,) in con.execute("SELECT dossier FROM dossier_conformance WHERE conforming ORDER BY 1").fetchall()]
    assert conforming == ["A", "B", "G", "J", "K"]


def test_variants_are_computed_once_and_joined_back_to_their_dossiers(checked):
    result, con = checked
    top = [(v.variant, v.dossiers, v.path) for v in result.variants]
    assert top[:2] == [
        (1, 3, ("nhan", "kiem-tra", "tham-dinh", "duyet", "ban-hanh", "tra")),  # A, B and G: ids, names, the called steps
        (2, 2, ("nhan", "kiem-tra", "duyet", "ban-hanh", "tra")),
    ]
    assert len(result.variants) == 3  # top=3
    fitness = dict(con.execute("SELECT dossier, fitness FROM dossier_conformance").fetchall())
    assert fitness["C"] == fitness["I"] == pytest.approx(6 / 7)
    assert (fitness["D"], fitness["H"], fitness["F"]) == pytest.approx((0.9, 0.8, 0.875))


def test_an_activity_not_in_the_process_is_never_conforming_though_pm4py_fitness_ignores_it(checked):
    result, _ = checked
    variant = next(v for v in result.variants if v.variant == 3)
    assert variant.path[2] == "?Gọi điện cho công dân"
    assert not variant.conforming


def test_a_dossier_log_cannot_be_checked(tmp_path, process):
    path = tmp_path / "dossiers.csv"
    path.write_text("MaHoSo,MaTTHC,NgayTiepNhan\nA,QT-THU-01,02/03/2026 08:00\n", encoding="utf-8")
    with pytest.raises(ConformanceError) as caught:
        conform(read_log(path), process)
    assert "ThoiDiemXuLy" in caught.value.message.vi


def test_an_alias_to_a_step_the_process_does_not_have_is_an_error_at_its_line(processes, process):
    with pytest.raises(ConformanceError) as caught:
        conform_files([FIXTURES / "events.csv"], process, FIXTURES / "bad_mapping.yaml", processes)
    [problem] = caught.value.diagnostics
    assert (problem.code, problem.location.line, problem.location.path.name) == ("LOG003", 3, "bad_mapping.yaml")
    assert "tra-ket-qua" in problem.message.vi


def test_without_the_called_processes_their_steps_are_activities_not_in_the_process(process):
    result, problems = conform_files([FIXTURES / "events.csv"], process, FIXTURES / "mapping.yaml")
    assert [p.code for p in problems] == ["LOG013"]  # A's row out of file order: a warning, the row is used
    unknown = {s.step for s in result.by_step if s.kind is K.UNKNOWN_ACTIVITY}
    assert unknown == {"Gọi điện cho công dân", "Ký số", "Phát hành"}
