"""Overdue and repeated findings on a hand-made history of two audits; the expected lines counted by hand."""

from datetime import date
from pathlib import Path

import pytest

from qms.records.findings import check_records
from qms.records.read import read_audits
from qms.records.status import NcState, record_status

FIRST = """id: DG-2025
dates: {start: 2025-04-14, end: 2025-04-16}
team: [{name: Phạm Minh Tuấn}]
scope: {processes: [QT-TTHC-01, QT-VB-01]}
findings:
  - id: NC-01
    kind: minor
    clause: "8.5.1"
    process: QT-TTHC-01
    statement: Thiếu thời điểm giao nhận
    evidence: 7/30 hồ sơ
    root_cause: Phần mềm không bắt buộc nhập
    owner: Bộ phận Một cửa
    due: 2025-06-30
    status: in_progress
  - id: OBS-01
    kind: observation
    clause: "7.5.3"
    process: QT-VB-01
    statement: Sổ lưu Excel
    evidence: Phỏng vấn
"""
SECOND = """id: DG-2026
dates: {start: 2026-03-17}
team: [{name: Phạm Minh Tuấn}]
scope: {processes: [QT-TTHC-01, QT-VB-01]}
findings:
  - id: NC-01
    kind: major
    clause: "8.5.1 b)"
    process: QT-TTHC-01
    statement: Hồ sơ trễ hạn không có phiếu xin lỗi
    evidence: 3/25 hồ sơ
    root_cause: Cảnh báo không đến cán bộ kiểm soát
    owner: Phòng Quản lý chất lượng
    due: 2026-05-08
  - id: NC-02
    kind: minor
    clause: "7.5.3"
    process: QT-VB-01
    statement: Văn bản đi không lưu bản gốc
    evidence: 2 văn bản tháng 1
    root_cause: Chưa phân công
    owner: Văn phòng Sở
    due: 2026-05-15
  - id: OFI-01
    kind: opportunity
    clause: "8.5.1"
    process: QT-VB-01
    statement: Dùng chữ ký số
    evidence: Quan sát
"""


@pytest.fixture
def history(tmp_path: Path) -> Path:
    (tmp_path / "DG-2026.yaml").write_text(SECOND, encoding="utf-8")  # the later audit first: order comes from the dates
    (tmp_path / "DG-2025.yaml").write_text(FIRST, encoding="utf-8")
    return tmp_path


def test_overdue_and_repeated_findings_at_their_lines(history: Path) -> None:
    result = check_records([history], as_of=date(2026, 5, 12))
    got = [(d.location.path.name, d.location.line, d.code, d.severity.value) for d in result.diagnostics]
    assert got == [
        ("DG-2025.yaml", 14, "REC003", "warning"),  # due 2025-06-30, still in progress
        ("DG-2026.yaml", 8, "REC005", "warning"),  # 8.5.1 b) of QT-TTHC-01: NC-01 of DG-2025, both nonconformities
        ("DG-2026.yaml", 14, "REC003", "warning"),  # due 2026-05-08
        ("DG-2026.yaml", 17, "REC005", "info"),  # 7.5.3 of QT-VB-01: after an observation
    ]
    assert "quá hạn 4 ngày (hạn 2026-05-08)" in result.diagnostics[2].message.vi
    assert "NC-01 của cuộc đánh giá DG-2025" in result.diagnostics[1].message.vi
    assert result.ok  # warnings and notes only


def test_status_counts_and_reminders(history: Path) -> None:
    records = read_audits([history]).records
    status = record_status(records, date(2026, 5, 12))
    assert [(line.audit, line.finding, line.state, line.days_left) for line in status.lines] == [
        ("DG-2025", "NC-01", NcState.OVERDUE, -316),
        ("DG-2026", "NC-01", NcState.OVERDUE, -4),
        ("DG-2026", "NC-02", NcState.OPEN, 3),
    ]
    assert [line.finding for line in status.reminders()] == ["NC-02"]  # 3 days before its due date
    assert status.count("process")["QT-TTHC-01"][NcState.OVERDUE] == 2
    assert status.count("owner")["Văn phòng Sở"][NcState.OPEN] == 1
    assert [line.finding for line in record_status(records, date(2026, 5, 8)).reminders()] == ["NC-02"]  # 7 days before
    assert record_status(records, date(2026, 5, 9)).reminders() == []  # 6 days: no reminder that day
