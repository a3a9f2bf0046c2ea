"""A late dossier apologised for in time with a new due date (form 04): still late under the official counting
(Decision 766/QĐ-TTg counts against the original due date), reported as "late with apology, new date met / missed".

March 2026 has no holiday; the period is 1-13 March. Every dossier was received Monday 2/3 09:00 and is due (the
log's NgayHenTra) Friday 6/3 17:00. The figures below were worked out by hand.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from qms.calendar import TimeLimit
from qms.logs import read_log
from qms.measure import Counting, analyze
from qms.model import Measure

HEADER = "MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,HinhThuc,SoLanBoSung,CoThuXinLoi,NgayXinLoi,NgayHenTraLai"
DUE = "02/03/2026 09:00,06/03/2026 17:00"
ROWS = {
    "P": "09/03/2026 10:00,09/03/2026 10:05,1,0,1,05/03/2026 10:00,10/03/2026",  # new date (end of 10/3) kept
    "Q": "10/03/2026 09:00,10/03/2026 09:05,1,0,1,05/03/2026 10:00,09/03/2026 17:00",  # new date missed
    "S": "09/03/2026 10:00,09/03/2026 10:05,1,0,1,07/03/2026 10:00,10/03/2026",  # apology after the due moment
    "T": ",,1,0,1,05/03/2026 10:00,11/03/2026 17:00",  # still open on 13/3, its new date passed
    "U": "06/03/2026 10:00,06/03/2026 10:05,1,0,0,,",  # on time, no apology owed
    "V": ",,1,0,1,05/03/2026 10:00,20/03/2026 17:00",  # still open, its new date not yet reached
}
EXPECTED = {
    "P": ("late", "new_date_met"),
    "Q": ("late", "new_date_missed"),
    "S": ("late", None),  # an apology after the due date does not count, nor its new date
    "T": ("open_overdue", "new_date_missed"),
    "U": ("on_time", None),
    "V": ("open_overdue", None),
}


@pytest.fixture
def log_file(tmp_path: Path) -> Path:
    path = tmp_path / "log.csv"
    path.write_text("\n".join([HEADER, *(f"{d},1.001,{DUE},{row}" for d, row in ROWS.items())]) + "\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("counting", [Counting.OFFICIAL, Counting.DATES])
def test_late_with_apology_is_late_and_says_whether_the_new_date_was_met(log_file: Path, counting: Counting) -> None:
    log = read_log(log_file)
    assert log.rows_rejected == 0, [str(d.message) for d in log.diagnostics]
    analysis = analyze(log, default_limit=TimeLimit(days=5), counting=counting, first=date(2026, 3, 1), last=date(2026, 3, 13))
    rows = analysis.connection.execute("SELECT dossier, status, apology_outcome FROM judged_all").fetchall()
    assert {d: (status, outcome) for d, status, outcome in rows} == EXPECTED
    total = analysis.total
    assert (total.late + total.open_overdue, total.new_date_met, total.new_date_missed) == (5, 1, 2)
    assert analysis.value(Measure.IN_TIME_RATE) == pytest.approx(100 / 6)  # only U: the new date does not make P on time
    assert analysis.value(Measure.APOLOGY_RATE) == pytest.approx(80)  # P, Q, T, V of the 5 past due
    assert any("1 trả đúng ngày hẹn mới, 2 trễ" in note.vi for note in analysis.notes)
