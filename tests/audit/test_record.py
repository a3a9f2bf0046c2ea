"""``qms audit --record``: a run's findings written into the audit's record, the same record on every re-run."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest

from qms.audit import AuditReport, run_audit
from qms.audit.record import ID_PREFIX, record_findings
from qms.records.model import FindingKind
from qms.records.read import read_audit_file
from tests.audit.conftest import FEATURES, SHORTFALLS
from tests.conftest import qms_ok, write

RECORD = """\
# Hồ sơ thử: chú thích này phải còn sau khi ghi
id: DG-01
dates: {start: 2026-03-17}
team:
  - name: Lê Thị Hồng Nhung
    lead: true
scope:
  processes: [QT-LOI-01]
findings:
  - id: NC-01   # nhập tay
    kind: minor
    clause: "8.5.1"
    statement: Phát hiện nhập tay.
    evidence: Sổ theo dõi tháng 2.
"""

PROGRAMME = """\
code: CT-2026
year: 2026
audits:
  - id: DG-02
    month: 9
    lead: Phạm Minh Tuấn
    scope: {processes: [QT-LOI-01], clauses: ["4.4", "8.5.1"]}
  - id: DG-03
    month: 11
    scope: {processes: [QT-LOI-01]}
"""

UNTAGGED = """\
# language: vi
Tính năng: Tiêu chí chưa gắn điều khoản

  Kịch bản: có bước không có
    Biết quy trình "QT-LOI-01"
    Thì quy trình có bước "khong-co-buoc-nay"
"""


@pytest.fixture(scope="module")
def report() -> AuditReport:
    return run_audit(FEATURES / "vi_shortfalls.feature", SHORTFALLS)


def _record(folder: Path) -> Path:
    return write(folder, "audits/DG-01.yaml", RECORD)


def _findings(path: Path) -> dict[str, Any]:
    value, problems = read_audit_file(path)
    assert not problems, [p.render("en") for p in problems]
    return {f.id: f for f in value.record.findings}  # type: ignore[union-attr]


def test_every_failed_criterion_becomes_a_finding_and_hand_entries_stay(report: AuditReport, tmp_path: Path) -> None:
    path = _record(tmp_path)
    update, problems = record_findings(report, tmp_path / "audits", "DG-01")
    assert not problems and update is not None
    findings = _findings(path)
    assert len(update.added) == len(report.failed) and set(update.added) <= set(findings)
    assert "NC-01" in findings and findings["NC-01"].statement.vi == "Phát hiện nhập tay."
    text = path.read_text(encoding="utf-8")
    assert text.startswith(RECORD)  # comments, flow style and quoting of the officer's part untouched
    raised = findings[update.added[0]]
    assert raised.kind is FindingKind.MINOR and raised.clause == "4.4" and raised.process == "QT-LOI-01"
    assert raised.criterion and raised.criterion.endswith(": chủ trì") and "QT-LOI-01.yaml:" in raised.evidence.vi


def test_running_twice_gives_the_same_record(report: AuditReport, tmp_path: Path) -> None:
    path = _record(tmp_path)
    record_findings(report, tmp_path / "audits", "DG-01")
    first = path.read_bytes()
    again = run_audit(FEATURES / "vi_shortfalls.feature", SHORTFALLS)
    update, _ = record_findings(again, tmp_path / "audits", "DG-01")
    assert update is not None and not update.changed and not update.added
    assert len(update.unchanged) == len(again.failed)
    assert path.read_bytes() == first


def test_the_auditors_grade_and_actions_survive_a_rerun_and_the_runs_text_is_restored(report: AuditReport, tmp_path: Path) -> None:
    path = _record(tmp_path)
    update, _ = record_findings(report, tmp_path / "audits", "DG-01")
    assert update is not None
    fid = update.added[0]
    text = path.read_text(encoding="utf-8")
    start = text.index(f"- id: {fid}")
    block = text[start : text.index("\n  - id:", start + 1)]
    edited = block.replace("kind: minor", "kind: major").replace("statement: ", "root_cause: Thiếu người chủ trì.\n    statement: SỬA TAY ")
    path.write_text(text.replace(block, edited), encoding="utf-8")
    update, _ = record_findings(report, tmp_path / "audits", "DG-01")
    assert update is not None and update.updated == [fid]
    finding = _findings(path)[fid]
    assert finding.kind is FindingKind.MAJOR and finding.root_cause.vi == "Thiếu người chủ trì."
    assert not finding.statement.vi.startswith("SỬA TAY")


def test_findings_no_longer_raised_are_kept_and_named(report: AuditReport, tmp_path: Path) -> None:
    path = _record(tmp_path)
    first, _ = record_findings(report, tmp_path / "audits", "DG-01")
    assert first is not None
    narrower = run_audit(FEATURES / "vi_shortfalls.feature", SHORTFALLS, tags="not @QT-LOI-01")
    update, _ = record_findings(narrower, tmp_path / "audits", "DG-01")
    assert update is not None and not update.changed
    assert update.no_longer_raised == sorted(first.added)
    assert set(first.added) <= set(_findings(path))


def test_a_criterion_without_a_clause_tag_is_listed_not_recorded(tmp_path: Path) -> None:
    path = _record(tmp_path)
    feature = write(tmp_path, "features/chua_gan.feature", UNTAGGED)
    untagged = run_audit(feature, SHORTFALLS)
    assert len(untagged.failed) == 1
    update, _ = record_findings(untagged, tmp_path / "audits", "DG-01")
    assert update is not None and not update.changed and [r.scenario for r in update.untagged] == ["có bước không có"]
    assert path.read_text(encoding="utf-8") == RECORD


def test_a_planned_audit_without_record_is_started_from_the_programme(report: AuditReport, tmp_path: Path) -> None:
    write(tmp_path, "audits/programme.yaml", PROGRAMME)
    update, problems = record_findings(report, tmp_path / "audits", "DG-02", today=date(2026, 9, 14))
    assert not problems and update is not None and update.created
    assert update.path == tmp_path / "audits" / "DG-02.yaml"
    value, problems = read_audit_file(update.path)
    assert not problems
    record = value.record  # type: ignore[union-attr]
    assert record.programme == "CT-2026" and record.dates.start == date(2026, 9, 14)
    assert [a.name for a in record.team] == ["Phạm Minh Tuấn"] and record.scope.clauses == ["4.4", "8.5.1"]
    assert len(record.findings) == len(report.failed) and all(f.id.startswith(ID_PREFIX) for f in record.findings)


@pytest.mark.parametrize(("audit", "says"), [("DG-03", "trưởng đoàn"), ("DG-99", "DG-99")])
def test_an_audit_that_cannot_be_started_is_an_error(report: AuditReport, tmp_path: Path, audit: str, says: str) -> None:
    write(tmp_path, "audits/programme.yaml", PROGRAMME)
    update, problems = record_findings(report, tmp_path / "audits", audit)
    assert update is None and len(problems) == 1 and says in problems[0].render("vi")
    assert sorted(p.name for p in (tmp_path / "audits").iterdir()) == ["programme.yaml"]


def test_an_unreadable_record_is_reported_and_left_as_it_was(report: AuditReport, tmp_path: Path) -> None:
    broken = RECORD.replace("dates: {start: 2026-03-17}", "dates: {start: 2026-13-45}")
    path = write(tmp_path, "audits/DG-01.yaml", broken)
    update, problems = record_findings(report, tmp_path / "audits", "DG-01")
    assert update is None and problems and problems[0].location.line == 3
    assert path.read_text(encoding="utf-8") == broken


def test_a_record_saved_on_windows_keeps_its_line_ends(report: AuditReport, tmp_path: Path) -> None:
    path = write(tmp_path, "audits/DG-01.yaml", RECORD.replace("\n", "\r\n").encode("utf-8"))
    record_findings(report, tmp_path / "audits", "DG-01")
    raw = path.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") > RECORD.count("\n")


def test_the_command_writes_the_record_and_says_what_changed(tmp_path: Path) -> None:
    path = _record(tmp_path)
    args = (
        "audit",
        "--features",
        FEATURES / "vi_shortfalls.feature",
        "--processes",
        SHORTFALLS,
        "--record",
        "DG-01",
        "--audits",
        tmp_path / "audits",
    )
    first = qms_ok(*args)
    assert first.returncode == 1 and "phát hiện mới" in first.stderr
    written = path.read_bytes()
    second = qms_ok(*args)
    assert second.returncode == 1 and "không thay đổi" in second.stderr and path.read_bytes() == written
    missing = qms_ok(*args[:-1], tmp_path / "nowhere")
    assert missing.returncode == 2 and "nowhere" in missing.stderr
