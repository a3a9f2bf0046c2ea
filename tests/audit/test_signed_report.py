"""The report an auditor signs: one language, the issues audited, the tool and commit, the waived findings, signatures."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from qms.audit import AuditReport, report_html, report_markdown, run_audit
from qms.audit.languages import criteria_language
from qms.audit.record import signatories_of
from qms.load import load_paths
from qms.records.model import AuditRecord
from qms.rules.engine import DEFAULT_CONFIG, check_process, enabled_rules
from tests.audit.conftest import ROOT
from tests.conftest import Markup, write

VI = """\
# language: vi
@iso9001-4.4
Tính năng: Tiêu chí tiếng Việt

  Kịch bản: có bước tiếp nhận
    Biết quy trình "QT-TTHC-GD-01"
    Thì quy trình có bước "tiep-nhan"
"""

EN = """\
@iso9001-4.4
Feature: English criteria

  Scenario: it has the receipt step
    Given the process "QT-TTHC-GD-01"
    Then the process has a step "tiep-nhan"
"""


def _project(tmp_path: Path, *features: tuple[str, str]) -> tuple[Path, Path]:
    processes = tmp_path / "processes"
    processes.mkdir()
    shutil.copy(ROOT / "processes" / "QT-TTHC-GD-01.yaml", processes)
    for name, text in features:
        write(tmp_path, f"features/{name}", text)
    return tmp_path / "features", processes


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> AuditReport:
    features, processes = _project(tmp_path_factory.mktemp("mixed"), ("vi.feature", VI), ("en/en.feature", EN))
    return run_audit(features, processes)


def test_the_language_of_a_criteria_file_is_its_gherkin_line(tmp_path: Path) -> None:
    assert criteria_language(write(tmp_path, "a.feature", VI)) == "vi"
    assert criteria_language(write(tmp_path, "b.feature", EN)) == "en"  # Gherkin's default
    assert criteria_language(write(tmp_path, "c.feature", "\ufeff#language:VI\nTính năng: x\n")) == "vi"
    assert criteria_language(write(tmp_path, "d.feature", "@tag\nTính năng: no language line\n")) is None  # runs, to fail


def test_a_report_runs_the_criteria_of_its_own_language_and_says_what_it_left_out(mixed: AuditReport, tmp_path: Path) -> None:
    assert [r.scenario for r in mixed.results] == ["có bước tiếp nhận"]
    assert [p.name for p in mixed.left_out] == ["en.feature"]
    assert "1 tệp tiêu chí viết bằng ngôn ngữ khác không chạy" in report_markdown(mixed)
    features, processes = _project(tmp_path, ("vi.feature", VI), ("en/en.feature", EN))
    english = run_audit(features, processes, lang="en")
    assert [r.scenario for r in english.results] == ["it has the receipt step"]
    both = run_audit(features, processes, all_languages=True)
    assert len(both.results) == 2 and not both.left_out


def test_criteria_only_in_another_language_all_run(tmp_path: Path) -> None:
    features, processes = _project(tmp_path, ("en.feature", EN))
    report = run_audit(features, processes)
    assert [r.scenario for r in report.results] == ["it has the receipt step"] and not report.left_out


def test_the_report_names_the_issue_audited_and_the_tool(mixed: AuditReport) -> None:
    process = load_paths([ROOT / "processes" / "QT-TTHC-GD-01.yaml"]).processes[0]
    text = report_markdown(mixed)
    assert f"QT-TTHC-GD-01 phiên bản {process.version} — {process.title.vi}" in text
    assert mixed.provenance is not None and mixed.provenance.tool.startswith("qms ")
    assert "thư mục quy trình không thuộc kho git" in text or mixed.provenance.commit in text  # tmp may sit in a repository


def test_the_commit_of_the_processes_is_recorded_and_uncommitted_changes_said(tmp_path: Path) -> None:
    features, processes = _project(tmp_path, ("vi.feature", VI))

    def git(*args: str) -> str:
        return subprocess.run(["git", "-C", str(tmp_path), *args], check=True, capture_output=True, text=True).stdout.strip()

    git("init", "-q")
    git("-c", "user.email=a@b.c", "-c", "user.name=A", "add", ".")
    git("-c", "user.email=a@b.c", "-c", "user.name=A", "commit", "-q", "-m", "x")
    clean = run_audit(features, processes)
    assert clean.provenance is not None and clean.provenance.commit == git("rev-parse", "--short=12", "HEAD")
    assert not clean.provenance.changed and f"commit {clean.provenance.commit}" in report_markdown(clean)
    path = processes / "QT-TTHC-GD-01.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# sửa chưa commit\n", encoding="utf-8")
    dirty = run_audit(features, processes)
    assert dirty.provenance is not None and dirty.provenance.changed
    assert "có thay đổi chưa commit" in report_markdown(dirty)


def test_every_waived_finding_of_the_processes_examined_is_listed_with_its_reason(mixed: AuditReport) -> None:
    process = load_paths([ROOT / "processes" / "QT-TTHC-GD-01.yaml"]).processes[0]
    expected = [f for f in check_process(process, enabled_rules(DEFAULT_CONFIG)) if f.waived]
    assert expected, "the fixture process must have a waiver that covers a finding"
    assert [(f.code, f.location.line) for f in mixed.waived] == [(f.code, f.location.line) for f in expected]
    text = report_markdown(mixed)
    assert "## Phát hiện được miễn áp dụng" in text
    for finding in expected:
        assert finding.waiver is not None and finding.waiver.approved_by in text
    page = Markup(report_html(mixed))
    assert "Phát hiện được miễn áp dụng" in "".join(page.text)


def test_the_signature_block_has_blank_lines_or_the_records_people(mixed: AuditReport) -> None:
    text = report_markdown(mixed)
    assert "| Vai trò | Họ và tên | Chức vụ | Ngày | Chữ ký |" in text and "| Trưởng đoàn đánh giá |" in text
    record = AuditRecord.model_validate(
        {
            "id": "DG-01",
            "dates": {"start": "2026-03-17"},
            "team": [{"name": "Lê Thị Hồng Nhung", "unit": "Văn phòng Sở", "lead": True}, {"name": "Phạm Minh Tuấn"}],
            "auditees": [{"name": "Vũ Thị Lan", "title": "Công chức", "unit": "Bộ phận Một cửa"}],
            "scope": {"processes": ["QT-TTHC-GD-01"]},
        }
    )
    mixed.signatories = signatories_of(record)
    try:
        signed = report_markdown(mixed)
        page = report_html(mixed, "en")
    finally:
        mixed.signatories = []
    assert "| Trưởng đoàn đánh giá | Lê Thị Hồng Nhung | Văn phòng Sở | | |" in signed
    assert "| Đại diện đơn vị được đánh giá | Vũ Thị Lan | Công chức, Bộ phận Một cửa | | |" in signed
    assert 'class="signatures"' in page and "Lead auditor" in page and "@media print" in page


def test_the_auditee_is_the_agency_of_the_projects_qms_toml(tmp_path: Path) -> None:
    features, processes = _project(tmp_path, ("vi.feature", VI))
    write(tmp_path, "qms.toml", '[agency]\nname = "Sở Giáo dục và Đào tạo"\nparent = "Ủy ban nhân dân tỉnh Điện Biên"\n')
    report = run_audit(features, processes)
    assert "- Cơ quan: Sở Giáo dục và Đào tạo — Ủy ban nhân dân tỉnh Điện Biên" in report_markdown(report)
    assert "Cơ quan: Sở Giáo dục và Đào tạo — Ủy ban nhân dân tỉnh Điện Biên" in "".join(Markup(report_html(report)).text)
    write(tmp_path, "qms.toml", "[agency]\nname = 5\n")  # a wrong table is the run's error, at its line
    wrong = run_audit(features, processes)
    assert wrong.agency is None and [e.code for e in wrong.errors] == ["AUD010"] and "qms.toml:2:" in wrong.errors[0].message.vi
