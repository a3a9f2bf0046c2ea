"""``qms check``, ``qms rules`` and ``qms coverage`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

from conftest import qms_ok

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "rules" / "fixtures"


qms = qms_ok  # python -m qms ..., asserting no traceback


def test_shipped_processes_pass_every_rule() -> None:
    result = qms("check", "processes", "--fail-on", "info", "--format", "json")
    data = json.loads(result.stdout)
    assert result.returncode == 0, [f for f in data["findings"] if not f["waived"]]
    assert len(data["processes"]) >= 4 and not data["load_errors"]


def test_findings_exit_1_and_are_printed_as_file_line_col_code() -> None:
    fixture = FIXTURES / "QMS105" / "invalid_self_loop.yaml"
    result = qms("check", str(fixture), "--select", "QMS105")
    assert result.returncode == 1
    assert f"{fixture.relative_to(ROOT)}:11:" in result.stdout or f"{fixture}:11:" in result.stdout
    assert "QMS105" in result.stdout and "lỗi" in result.stdout


def test_fail_on_never_and_english() -> None:
    fixture = FIXTURES / "QMS105" / "invalid_self_loop.yaml"
    result = qms("check", str(fixture), "--select", "QMS105", "--fail-on", "never", "--lang", "en")
    assert result.returncode == 0
    assert "error" in result.stdout and "only leads back to itself" in result.stdout


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert qms("check", str(tmp_path / "missing")).returncode == 2
    assert qms("check", "--format", "pdf").returncode == 2
    assert qms("check", "--as-of", "22/13/2026").returncode == 2
    (tmp_path / "qms.toml").write_text('fail-on = "sometimes"\n', encoding="utf-8")
    bad = qms("check", str(ROOT / "processes"), cwd=tmp_path)
    assert bad.returncode == 2 and "sometimes" in bad.stderr


def test_sarif_and_junit_written_to_files(tmp_path: Path) -> None:
    fixture = FIXTURES / "QMS105" / "invalid_self_loop.yaml"
    qms("check", str(fixture), "--format", "sarif", "--out", str(tmp_path / "out.sarif"))
    qms("check", str(fixture), "--format", "junit", "--out", str(tmp_path / "junit.xml"))
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert (tmp_path / "junit.xml").read_text(encoding="utf-8").startswith("<?xml")


def test_rules_lists_and_explains() -> None:
    listing = qms("rules", "--format", "json")
    codes = [r["code"] for r in json.loads(listing.stdout)]
    assert codes == sorted(codes) and {"QMS101", "QMS302", "QMS701"} <= set(codes)
    explained = qms("rules", "qms302", "--lang", "en")
    assert explained.returncode == 0 and explained.stdout.startswith("# QMS302")
    unknown = qms("rules", "QMS3O2")
    assert unknown.returncode == 2 and "QMS302" in unknown.stderr  # did-you-mean


def test_coverage_shows_gaps_and_evidence() -> None:
    result = qms("coverage", "processes", "--format", "json")
    rows = {r["clause"]: r for r in json.loads(result.stdout)}
    assert result.returncode == 0
    assert "QT-DGNB-01" in rows["9.2"]["processes"]
    assert "QMS104" in rows["8.7"]["rules"]
    assert rows["8.4"]["gap"]


def test_coverage_shows_clauses_the_project_declares_not_applicable(tmp_path: Path) -> None:
    (tmp_path / "qms.toml").write_text(
        '[not-applicable]\n"8.3" = "TTHC do văn bản quy phạm pháp luật quy định; Sở không thiết kế dịch vụ"\n', encoding="utf-8"
    )
    result = qms("coverage", str(ROOT / "processes"), "--format", "json", cwd=tmp_path)
    rows = {r["clause"]: r for r in json.loads(result.stdout)}
    assert result.returncode == 0
    assert rows["8.3"]["not_applicable"].startswith("TTHC do văn bản") and not rows["8.3"]["gap"]
    assert rows["8.4"]["gap"] and rows["8.4"]["not_applicable"] is None
    human = qms("coverage", str(ROOT / "processes"), cwd=tmp_path)
    assert "không áp dụng: TTHC do văn bản" in human.stdout and "Không áp dụng (ISO 9001 4.3" in human.stdout

    (tmp_path / "qms.toml").write_text('[not-applicable]\n"7.1.5" = "Không dùng thiết bị đo"\n', encoding="utf-8")
    refused = qms("coverage", str(ROOT / "processes"), cwd=tmp_path)
    assert refused.returncode == 2 and "7.1.5" in refused.stdout + refused.stderr
