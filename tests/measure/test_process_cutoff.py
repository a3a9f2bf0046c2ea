"""A procedure's own cut-off hour (``clock.cutoff``): a dossier received after it counts from the next working day.

March 2026 has no holiday; office hours 07:30-11:30 and 13:30-17:00. The process allows 1 working day.
"""

from datetime import date
from pathlib import Path

from qms.calendar import TimeLimit, default_calendar
from qms.load import load_paths
from qms.logs import read_log
from qms.measure import analyze
from qms.measure.run import with_cutoff

HEADER = "MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,HinhThuc,SoLanBoSung"
# Received Monday 10:30 with no due date in the log, answered Wednesday 10:00. One working day from Monday is due
# Tuesday at the close; from Tuesday (received after the cut-off), Wednesday at the close.
ROW = "A,1.001,02/03/2026 10:30,,04/03/2026 10:00,04/03/2026 10:05,1,0"
PROCESS = """\
code: QT-TTHC-09
title: Thủ tục có giờ chốt tiếp nhận riêng
version: "1.0"
status: draft
owner: mot-cua
deadline: 1 ngày làm việc
clock: {{cutoff: {cutoff}}}
roles: {{mot-cua: Công chức Một cửa}}
steps:
  - {{id: nhan, type: start, name: Nhận hồ sơ, role: mot-cua, next: tra}}
  - {{id: tra, type: end, name: Trả kết quả, role: mot-cua}}
"""


def _status(tmp_path: Path, cutoff: str) -> str:
    (tmp_path / "log.csv").write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    (tmp_path / "p.yaml").write_text(PROCESS.format(cutoff=cutoff), encoding="utf-8")
    process = load_paths([tmp_path / "p.yaml"]).processes[0]
    calendar = with_cutoff(None, process)
    analysis = analyze(read_log(tmp_path / "log.csv"), default_limit=TimeLimit(days=1), calendar=calendar, first=date(2026, 3, 1), last=date(2026, 3, 31))
    return analysis.connection.execute("SELECT status FROM judged_all").fetchone()[0]


def test_a_receipt_after_the_procedures_cutoff_counts_from_the_next_working_day(tmp_path: Path) -> None:
    assert _status(tmp_path, '"16:00"') == "late"  # counted from Monday: due Tuesday 17:00
    assert _status(tmp_path, '"10:00"') == "on_time"  # counted from Tuesday: due Wednesday


def test_an_unquoted_hour_is_read_as_written(tmp_path: Path) -> None:
    assert _status(tmp_path, "10:00") == "on_time"  # YAML 1.1 reads 10:00 as 600: taken back as «10:00»


def test_without_a_cutoff_of_its_own_the_calendar_is_kept() -> None:
    calendar = default_calendar()
    assert with_cutoff(calendar, None) is calendar
    assert with_cutoff(None, None) is None
