"""``qms analyze`` on the deadlines a procedure states: a same-day deadline, a complex case with its own deadline,
the cut-off hour, and a supplement that restarts the clock. Every due moment was counted by hand.

March 2026 has no holiday (Monday 2, 9 March); office hours 07:30-11:30 and 13:30-17:00; the process's cut-off 15:00.
"""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

from qms.measure import Request, analyze_files

COPY = """\
code: QT-TTHC-09
title: Cấp bản sao từ sổ gốc (thử)
version: "1.0"
status: draft
owner: mot-cua
deadline: trong ngày
deadline_cases:
  - {when: Phải xác minh sổ gốc, deadline: 2 ngày làm việc, through: [xac-minh]}
clock: {starts_at: nhan, stops_at: tra, cutoff: "15:00"}
roles: {mot-cua: Công chức Một cửa}
steps:
  - {id: nhan, type: start, name: Nhận yêu cầu, role: mot-cua, next: doi-chieu}
  - id: doi-chieu
    type: decision
    name: Có trong sổ gốc?
    role: mot-cua
    branches: [{when: Có, to: ky}, {when: Cần xác minh, to: xac-minh}]
  - {id: xac-minh, name: Xác minh sổ gốc, role: mot-cua, next: ky}
  - {id: ky, name: Ký bản sao, role: mot-cua, next: tra}
  - {id: tra, type: end, name: Trả bản sao, role: mot-cua}
"""
# dossier: (received, verified?, returned) and the due moment counted by hand
COPIES = {
    "A": ("02/03/2026 10:00", False, "02/03/2026 16:00"),  # same day, before 15:00: due Mon 2/3 17:00 -> on time
    "B": ("02/03/2026 15:30", False, "03/03/2026 16:00"),  # after 15:00: due Tue 3/3 17:00 -> on time
    "C": ("02/03/2026 15:30", False, "04/03/2026 08:00"),  # after 15:00: due Tue 3/3 17:00 -> late
    "D": ("02/03/2026 14:00", True, "04/03/2026 16:00"),  # complex, before 15:00: Mon + 2 = Wed 4/3 17:00 -> on time
    "E": ("02/03/2026 15:30", True, "05/03/2026 16:00"),  # complex after 15:00: Tue + 2 = Thu 5/3 17:00 -> on time
    "F": ("02/03/2026 15:30", True, "06/03/2026 08:00"),  # complex after 15:00: due Thu 5/3 17:00 -> late
}
DUE = {"A": datetime(2026, 3, 2, 17), "B": datetime(2026, 3, 3, 17), "C": datetime(2026, 3, 3, 17),
       "D": datetime(2026, 3, 4, 17), "E": datetime(2026, 3, 5, 17), "F": datetime(2026, 3, 5, 17)}  # fmt: skip
STATUS = {"A": "on_time", "B": "on_time", "C": "late", "D": "on_time", "E": "on_time", "F": "late"}


def _events(path: Path) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["MaHoSo", "MaTTHC", "BuocXuLy", "PhongBanXuLy", "ThoiDiemXuLy"])
        for dossier, (received, verified, returned) in COPIES.items():
            writer.writerow([dossier, "1.001", "nhan", "Một cửa", received])
            if verified:
                writer.writerow([dossier, "1.001", "Xác minh sổ gốc", "Văn hóa - Xã hội", received])
            writer.writerow([dossier, "1.001", "tra", "Một cửa", returned])


def test_same_day_and_complex_cases_before_and_after_the_cut_off(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(COPY, encoding="utf-8")
    _events(tmp_path / "events.csv")
    request = Request([tmp_path / "events.csv"], process=str(tmp_path / "p.yaml"), first=date(2026, 3, 1), last=date(2026, 3, 31))
    analysis = analyze_files(request)
    rows = analysis.connection.execute("SELECT dossier, due_at, status FROM judged_all ORDER BY dossier").fetchall()
    assert {d: due for d, due, _s in rows} == DUE
    assert {d: status for d, _due, status in rows} == STATUS


RESTART = """\
code: QT-TTHC-08
title: Thủ tục tính lại thời hạn sau bổ sung (thử)
version: "1.0"
status: draft
owner: mot-cua
deadline: 5 ngày làm việc
clock: {after_supplement: restart}
roles: {mot-cua: Công chức Một cửa}
steps:
  - {id: nhan, type: start, name: Nhận hồ sơ, role: mot-cua, next: tra}
  - {id: tra, type: end, name: Trả kết quả, role: mot-cua}
"""
HEADER = "MaHoSo,MaTTHC,NgayTiepNhan,NgayHenTra,NgayKetThucXuLy,NgayTra,HinhThuc,SoLanBoSung,NgayYeuCauBoSung1,NgayNhanBoSung1"
# Received Mon 2/3 09:00, no due date in the log; supplement asked Wed 4/3 10:00, back Fri 6/3 15:00; processed
# Fri 13/3 10:00. Resumed, the 1,080 paused minutes give Thu 12/3 10:30: late. Restarted from Friday 6/3 (back by the
# cut-off): 9, 10, 11, 12, 13 March -> Fri 13/3 17:00: on time.
ROW = "R,1.001,02/03/2026 09:00,,13/03/2026 10:00,13/03/2026 10:05,1,1,04/03/2026 10:00,06/03/2026 15:00"


def _judged(tmp_path: Path, process: str) -> tuple[datetime, str]:
    (tmp_path / "p.yaml").write_text(process, encoding="utf-8")
    (tmp_path / "log.csv").write_text(f"{HEADER}\n{ROW}\n", encoding="utf-8")
    request = Request([tmp_path / "log.csv"], process=str(tmp_path / "p.yaml"), first=date(2026, 3, 1), last=date(2026, 3, 31))
    return analyze_files(request).connection.execute("SELECT due_at, status FROM judged_all").fetchone()


def test_a_procedure_whose_clock_restarts_after_a_supplement(tmp_path: Path) -> None:
    assert _judged(tmp_path, RESTART) == (datetime(2026, 3, 13, 17), "on_time")
    assert _judged(tmp_path, RESTART.replace("after_supplement: restart", "after_supplement: resume")) == (
        datetime(2026, 3, 12, 10, 30),
        "late",
    )
