"""``qms audit`` from the command line, and its report in the handbook."""

from __future__ import annotations

from pathlib import Path

from conftest import qms_ok

from qms.handbook import build_handbook
from qms.load import load_paths

ROOT = Path(__file__).resolve().parents[2]


qms = qms_ok  # python -m qms ..., asserting no traceback


def test_shipped_criteria_pass_and_reports_are_written(tmp_path: Path) -> None:
    done = qms("audit", "--out", tmp_path / "a.md", "--out", tmp_path / "a.html", "--out", tmp_path / "a.xml")
    assert done.returncode == 0, done.stdout[-2000:]
    assert "0 điểm không phù hợp" in done.stdout
    assert (tmp_path / "a.html").read_text(encoding="utf-8").lstrip().lower().startswith("<!doctype html")
    assert "<testsuite" in (tmp_path / "a.xml").read_text(encoding="utf-8")


def test_shortfalls_exit_1_with_findings() -> None:
    done = qms(
        "audit", "--features", ROOT / "tests" / "audit" / "features" / "vi_shortfalls.feature",
        "--processes", ROOT / "tests" / "audit" / "fixtures" / "shortfalls",
    )  # fmt: skip
    assert done.returncode == 1
    assert "không phù hợp" in done.stdout


def test_qms_rules_explains_an_audit_code() -> None:
    done = qms("rules", "AUD001")
    assert done.returncode == 0
    assert done.stdout.startswith("# AUD001 — quy trình không đáp ứng tiêu chí đánh giá") and "@khuyen-nghi" in done.stdout


def test_missing_features_folder_is_a_usage_error(tmp_path: Path) -> None:
    assert qms("audit", "--features", tmp_path / "none").returncode == 2


def test_the_audit_report_becomes_a_handbook_page_linked_from_home() -> None:
    book = build_handbook(load_paths([ROOT / "processes"]).processes, audit_report="# Báo cáo đánh giá\n")
    assert book.pages["danh-gia.md"] == "# Báo cáo đánh giá\n"
    assert "(danh-gia.md)" in book.pages["index.md"]
    assert "danh-gia.md" not in build_handbook([], audit_report=None).pages
