"""Each counting rule on a small log whose figures were worked out by hand (docs/analyze.md).

March 2026 has no holiday: Monday 2, ... Friday 6, Monday 9 ... Friday 13. Office hours 07:30-11:30 and
13:30-17:00 (450 minutes a day). The process allows 5 working days. The period is 1-13 March.
"""

from datetime import date
from pathlib import Path

import pytest

from qms.calendar import TimeLimit
from qms.logs import read_log
from qms.measure import Counting, analyze
from qms.model import Measure

HEADER = (
    "MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,NgayTuChoi,HinhThuc,SoLanBoSung,"
    "NgayYeuCauBoSung1,NgayNhanBoSung1,CoThuXinLoi,NgayXinLoi,KetQuaDienTu"
)
ROWS = {
    # end = the first of processed, returned, refused: processed on the due day, returned after it
    "A": "02/03/2026 09:00,06/03/2026 17:00,06/03/2026 10:00,09/03/2026 08:00,,1,0,,,0,,0",
    "B": "02/03/2026 09:00,06/03/2026 17:00,06/03/2026 17:00,06/03/2026 17:00,,1,0,,,0,,0",  # at the due moment
    "C": "02/03/2026 09:00,06/03/2026 17:00,06/03/2026 17:01,06/03/2026 17:05,,1,0,,,1,06/03/2026 09:00,0",  # a minute late
    "D": "02/03/2026 09:00,06/03/2026 17:00,05/03/2026 16:00,05/03/2026 16:10,,2,0,,,0,,1",  # early, fully online
    "E": "02/03/2026 09:00,06/03/2026 17:00,,04/03/2026 10:00,03/03/2026 10:00,1,0,,,0,,0",  # refused first: early
    "F": "03/03/2026 09:00,09/03/2026 17:00,,,,2,0,,,0,,",  # open, due before the period's end
    "G": "10/03/2026 09:00,16/03/2026 17:00,,,,1,0,,,0,,0",  # open, due after the period's end
    "H": "02/03/2026 09:00,13/03/2026 17:00,05/03/2026 09:00,05/03/2026 09:10,,1,2,,,0,,0",  # asked twice to supplement
    # no due date: receipt + 5 working days = Mon 9/3 17:00, plus the wait Tue 3/3 09:00 - Thu 5/3 09:00 (2 days)
    "I": "02/03/2026 09:00,,11/03/2026 10:00,11/03/2026 10:10,,1,1,03/03/2026 09:00,05/03/2026 09:00,0,,0",
    "J": "02/03/2026 09:00,,10/03/2026 09:00,10/03/2026 09:10,,1,0,,,0,,0",  # no due date, no wait: due 9/3 17:00
    "K": "20/02/2026 09:00,27/02/2026 17:00,26/02/2026 10:00,26/02/2026 11:00,,1,0,,,0,,0",  # ended before the period
    "L": "16/03/2026 09:00,20/03/2026 17:00,,,,1,0,,,0,,0",  # received after the period
}


FIRST, LAST = date(2026, 3, 1), date(2026, 3, 13)


@pytest.fixture
def log_file(tmp_path) -> Path:
    path = tmp_path / "log.csv"
    lines = [HEADER] + [f"{code},1.001,{row}" for code, row in ROWS.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _analyze(path: Path, counting: Counting = Counting.OFFICIAL, **options):
    log = read_log(path)
    assert log.rows_rejected == 0, [str(d.message) for d in log.diagnostics]
    return analyze(log, default_limit=TimeLimit(days=5), counting=counting, first=FIRST, last=LAST, **options)


def _statuses(analysis) -> dict[str, tuple[str, str | None]]:
    rows = analysis.connection.execute("SELECT dossier, status, reason FROM judged_all").fetchall()
    return {dossier: (status, reason) for dossier, status, reason in rows}


def test_official_counting_status_of_each_dossier(log_file):
    found = _statuses(_analyze(log_file))
    assert found == {
        "A": ("on_time", None),  # processed 6/3 10:00, the due day; returned later does not matter
        "B": ("on_time", None),  # at the due moment is not after it
        "C": ("late", "after_due"),
        "D": ("early", None),
        "E": ("early", None),  # refused on 3/3
        "F": ("open_overdue", "open_past_due"),
        "G": ("open", None),
        "H": ("late", "supplements"),  # resolved before its due date, but asked to supplement twice
        "I": ("on_time", None),  # due 11/3 17:00 once the 2-day wait is added
        "J": ("late", "after_due"),  # due 9/3 17:00 from the limit
    }  # K ended before the period and L was received after it: not counted


def test_the_due_moment_without_a_due_date_is_receipt_plus_limit_plus_waits(log_file):
    analysis = _analyze(log_file)
    dues = dict(
        analysis.connection.execute(
            "SELECT dossier, strftime(due_at, '%d/%m %H:%M') || ' ' || due_source FROM judged_all WHERE dossier IN ('I', 'J', 'A')"
        ).fetchall()
    )
    assert dues == {"I": "11/03 17:00 limit", "J": "09/03 17:00 limit", "A": "06/03 17:00 log"}


def test_official_rates_worked_out_by_hand(log_file):
    analysis = _analyze(log_file)
    total = analysis.total
    assert (total.received, total.resolved, total.early, total.on_time, total.late, total.open_overdue, total.open) == (
        10,
        8,
        2,
        3,
        3,
        1,
        1,
    )
    assert total.judged == 9
    assert analysis.value(Measure.IN_TIME_RATE) == pytest.approx(100 * 5 / 9)
    assert analysis.value(Measure.EARLY_RATE) == pytest.approx(100 * 2 / 9)
    assert analysis.value(Measure.LATE_RATE) == pytest.approx(100 * 4 / 9)
    # past the due: C, F, J (H is late by the supplement rule but was never past its due date); only C apologised in time
    assert (total.past_due, total.apologised) == (3, 1)
    assert analysis.value(Measure.APOLOGY_RATE) == pytest.approx(100 / 3)
    assert analysis.value(Measure.ONLINE_RATE) == pytest.approx(20.0)  # D and F of 10 received
    assert analysis.value(Measure.FULLY_ONLINE_RATE) == pytest.approx(10.0)  # D: online and returned electronically


def test_dates_only_counting_compares_days(log_file):
    analysis = _analyze(log_file, Counting.DATES)
    found = {k: v[0] for k, v in _statuses(analysis).items()}
    assert found["C"] == "on_time"  # 17:01 on the due day is the due day
    assert found["H"] == "early"  # no supplement rule when counting by dates
    assert found["J"] == "late" and found["F"] == "open_overdue"
    total = analysis.total
    assert (total.early, total.on_time, total.late, total.open_overdue) == (3, 4, 1, 1)
    assert (total.past_due, total.apologised) == (2, 0)  # J and F; C is on the due day


def test_a_dossier_open_at_a_months_end_counts_open_there_and_resolved_in_the_next(tmp_path):
    path = tmp_path / "log.csv"
    path.write_text(
        HEADER + "\nM,1.001,26/02/2026 09:00,05/03/2026 17:00,04/03/2026 10:00,04/03/2026 11:00,,1,0,,,0,,0\n", encoding="utf-8"
    )
    analysis = analyze(read_log(path), first=date(2026, 2, 1), last=date(2026, 3, 31))
    by_month = {g.key: g.counts for g in analysis.months}
    assert (by_month["2026-02"].open, by_month["2026-02"].judged, by_month["2026-02"].received) == (1, 0, 1)
    assert (by_month["2026-03"].early, by_month["2026-03"].received) == (1, 0)


def test_awaiting_a_supplement_at_the_periods_end_is_not_overdue(tmp_path):
    path = tmp_path / "log.csv"
    # due 6/3 17:00 in the log; asked to supplement on 5/3 and not back by the end of the period (13/3)
    path.write_text(HEADER + "\nW,1.001,02/03/2026 09:00,06/03/2026 17:00,,,,1,1,05/03/2026 09:00,,0,,0\n", encoding="utf-8")
    analysis = analyze(read_log(path), first=date(2026, 3, 1), last=date(2026, 3, 13))
    assert _statuses(analysis) == {"W": ("open", "awaiting_supplement")}
    assert analysis.total.judged == 0


def test_median_90th_percentile_and_the_change_against_a_baseline(tmp_path):
    path = tmp_path / "log.csv"
    rows = [
        # March: 1, 2 and 4 working days used (received at opening, ended at closing)
        "T1,1.001,02/03/2026 07:30,09/03/2026 17:00,02/03/2026 17:00,02/03/2026 17:00,,1,0,,,0,,0",
        "T2,1.001,02/03/2026 07:30,09/03/2026 17:00,03/03/2026 17:00,03/03/2026 17:00,,1,0,,,0,,0",
        "T3,1.001,02/03/2026 07:30,09/03/2026 17:00,05/03/2026 17:00,05/03/2026 17:00,,1,0,,,0,,0",
        # baseline, February: 4 working days (Mon 2/2 to Thu 5/2)
        "T0,1.001,02/02/2026 07:30,09/02/2026 17:00,05/02/2026 17:00,05/02/2026 17:00,,1,0,,,0,,0",
    ]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n", encoding="utf-8")
    analysis = analyze(
        read_log(path),
        default_limit=TimeLimit(days=5),
        first=date(2026, 3, 1),
        last=date(2026, 3, 31),
        baseline=(date(2026, 2, 1), date(2026, 2, 28)),
    )
    assert analysis.unit == "days"
    assert analysis.value(Measure.MEDIAN_TIME) == pytest.approx(2.0)
    assert analysis.value(Measure.P90_TIME) == pytest.approx(3.6)  # 2 + 0.8 × (4 - 2), linear between the ranks
    assert analysis.value(Measure.TIME_CHANGE) == pytest.approx(-50.0)  # median 2 against 4
    assert analysis.histogram == [(1, 1), (2, 1), (4, 1)]  # whole working days used (an exact day ends the bin)
