"""The dossier-log generator of benchmarks/generate_log.py: deterministic, calendar-true, in the requested shares."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

import pytest
from conftest import log_generator

from qms.calendar import ZONE, TimeLimit, default_calendar
from qms.load import load

ROOT = Path(__file__).resolve().parents[1]
PROCESS = ROOT / "processes" / "QT-TTHC-01.yaml"
OTHER = ROOT / "tests" / "rules" / "fixtures" / "QMS302" / "valid_clock_from_complete_dossier.yaml"  # QT-T-01, 3 days
APOLOGY = ROOT / "tests" / "rules" / "fixtures" / "QMS304" / "valid_apology_on_late_branch.yaml"  # 1 day, xin-loi
SAMPLE = ROOT / "processes" / "logs" / "QT-TTHC-01-2026.csv"


gl = log_generator()


def _write(tmp_path: Path, process: Path, shape: str = "dossier", name: str = "log.csv", **kwargs) -> list[dict[str, str]]:
    options = gl.Options(**{"dossiers": 2000, "first": date(2026, 1, 1), "last": date(2026, 12, 31), "seed": 7, **kwargs})
    out = tmp_path / name
    gl.write(load(process), options, out, shape)
    with out.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _at(text: str) -> datetime | None:
    return datetime.strptime(text, gl.FORMAT).replace(tzinfo=ZONE) if text else None


@pytest.fixture(scope="module")
def rows(tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, str]]:
    return _write(tmp_path_factory.mktemp("log"), PROCESS)


def test_same_seed_same_file_other_seed_other_file(tmp_path: Path) -> None:
    for shape in gl.SHAPES:
        a = _write(tmp_path, PROCESS, shape, "a.csv", dossiers=300, seed=3)
        b = _write(tmp_path, PROCESS, shape, "b.csv", dossiers=300, seed=3)
        c = _write(tmp_path, PROCESS, shape, "c.csv", dossiers=300, seed=4)
        assert a == b
        assert a != c


def _check_dossiers(rows: list[dict[str, str]], process: Path) -> None:
    cal = default_calendar()
    limit = TimeLimit.from_duration(load(process).deadline)
    for row in rows:
        received = _at(row["NgayTiepNhan"])
        assert cal.is_working_day(received.date()), row
        second = received.hour * 3600 + received.minute * 60 + received.second
        assert any(a <= second < b for a, b in cal.hours.periods), row
        pauses = []
        for k in (1, 2):
            request, back = _at(row[f"NgayYeuCauBoSung{k}"]), _at(row[f"NgayNhanBoSung{k}"])
            if request and back:
                pauses.append((request, back))
        assert _at(row["NgayHenTra"]) == cal.due_date(received, limit, pauses).at, row
        if pauses:
            assert _at(row["NgayHenTraTruoc"]) == cal.due_date(received, limit).at
            assert _at(row["NgayHenTraMoi"]) == _at(row["NgayHenTra"])
        finished, returned = _at(row["NgayKetThucXuLy"]), _at(row["NgayTra"])
        if finished and returned:
            assert received <= finished <= returned
        assert (row["CoThuXinLoi"] == "1") == bool(row["NgayXinLoi"])


def test_due_dates_are_the_calendars_and_nothing_is_received_on_a_day_off(rows: list[dict[str, str]]) -> None:
    _check_dossiers(rows, PROCESS)
    assert {r["NgayTiepNhan"][:8] for r in rows} & {"20260213", "20260223"}  # around Tết 2026
    assert not {r["NgayTiepNhan"][:8] for r in rows} & {f"202602{d}" for d in range(16, 21)}  # Tết itself


def test_shares_roughly_hold(rows: list[dict[str, str]]) -> None:
    cal = default_calendar()
    limit = TimeLimit.from_duration(load(PROCESS).deadline)
    channels = Counter(r["HinhThuc"] for r in rows)
    assert abs(channels["2"] / len(rows) - gl.Options.online_share) < 0.04
    assert abs(channels["3"] / len(rows) - gl.Options.post_share) < 0.02
    outcomes: Counter[str] = Counter()
    late_apology = Counter()
    for row in rows:
        if not row["NgayKetThucXuLy"]:
            continue
        pauses = [(_at(row[f"NgayYeuCauBoSung{k}"]), _at(row[f"NgayNhanBoSung{k}"])) for k in (1, 2) if row[f"NgayNhanBoSung{k}"]]
        deadline = cal.due_date(_at(row["NgayTiepNhan"]), limit, pauses)
        outcome = deadline.timeliness(_at(row["NgayKetThucXuLy"])).value
        assert deadline.timeliness(_at(row["NgayTra"])).value == outcome if row["NgayTra"] else True
        outcomes[outcome] += 1
        if outcome == "late":
            late_apology[row["CoThuXinLoi"]] += 1
        else:
            assert row["CoThuXinLoi"] == "0"
    done = sum(outcomes.values())
    assert abs(outcomes["early"] / done - gl.Options.early_share) < 0.04
    assert abs(outcomes["on_time"] / done - gl.Options.on_time_share) < 0.04
    assert late_apology["1"] and late_apology["0"]  # late with and without an apology
    assert abs(late_apology["1"] / outcomes["late"] - gl.Options.apology_share) < 0.12
    supplements = Counter(r["SoLanBoSung"] for r in rows)
    assert abs(1 - supplements["0"] / len(rows) - gl.Options.supplement_share) < 0.03
    assert supplements["2"] > 0
    open_ = [r for r in rows if r["TrangThaiHoSo"] in ("4", "5")]
    assert open_ and all(not r["NgayTra"] and r["NgayTiepNhan"] >= "20261201" for r in open_)


def test_other_shares_are_honoured(tmp_path: Path) -> None:
    rows = _write(tmp_path, PROCESS, online_share=0.9, post_share=0.0, early_share=0.1, on_time_share=0.1)
    assert Counter(r["HinhThuc"] for r in rows)["2"] / len(rows) > 0.85
    late = sum(1 for r in rows if r["NgayKetThucXuLy"] and _at(r["NgayKetThucXuLy"]) > _at(r["NgayHenTra"]))
    assert late / len(rows) > 0.7


def _edges(process_path: Path) -> set[tuple[str, str]]:
    process = load(process_path)
    return {(s.id, n) for s in process.steps for n in s.successors}


@pytest.mark.parametrize("process", [PROCESS, OTHER, APOLOGY], ids=["QT-TTHC-01", "QT-T-01", "apology"])
def test_events_follow_the_process(tmp_path: Path, process: Path) -> None:
    events = _write(tmp_path, process, "event", dossiers=500)
    dossiers = _write(tmp_path, process, "dossier", "d.csv", dossiers=500)
    _check_dossiers(dossiers, process)
    by_dossier: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in events:
        by_dossier[row["MaHoSo"]].append(row)
    assert set(by_dossier) == {d["MaHoSo"] for d in dossiers}
    edges = _edges(process)
    start = next(s.id for s in load(process).steps if s.type == "start")
    known = {s.id for s in load(process).steps}
    for code, steps in by_dossier.items():
        ids = [r["BuocXuLy"] for r in steps]
        assert ids[0] == start and set(ids) <= known
        assert all(pair in edges for pair in pairwise(ids)), (code, ids)
        times = [r["ThoiDiemXuLy"] for r in steps]
        assert times == sorted(times), (code, times)
    dossier = {d["MaHoSo"]: d for d in dossiers}
    for code, steps in by_dossier.items():
        assert steps[0]["ThoiDiemXuLy"] == dossier[code]["NgayTiepNhan"]
        if dossier[code]["NgayTra"]:
            clock = load(process).clock
            handed = [r for r in steps if r["BuocXuLy"] == (clock.stops_at if clock else None)]
            assert not clock or handed[-1]["ThoiDiemXuLy"] == dossier[code]["NgayTra"]


def test_events_carry_supplements_and_apologies(tmp_path: Path) -> None:
    events = _write(tmp_path, PROCESS, "event", dossiers=500)
    steps = Counter(r["BuocXuLy"] for r in events)
    assert steps["cho-bo-sung"] and steps["xin-loi"] and steps["thong-bao-hen-moi"]
    other = Counter(r["BuocXuLy"] for r in _write(tmp_path, APOLOGY, "event", "a.csv", dossiers=500))
    assert other["xin-loi"] and other["tra"]  # no clock: the end step is the hand-over


def test_cli_and_the_shipped_sample(tmp_path: Path) -> None:
    out = tmp_path / "sample.csv"
    args = [str(PROCESS), "--dossiers", "400", "--from", "2026-01-01", "--to", "2026-12-31", "--seed", "1", "--out", str(out)]
    assert gl.main(args) == 0
    assert out.read_bytes() == SAMPLE.read_bytes()
    with SAMPLE.open(encoding="utf-8", newline="") as handle:
        _check_dossiers(list(csv.DictReader(handle)), PROCESS)
