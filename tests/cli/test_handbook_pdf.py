"""``qms handbook pdf`` takes the agency from the project's qms.toml; a wrong [agency] stops it at its line."""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import ROOT, assert_no_traceback, run_qms


def test_a_wrong_agency_table_is_an_error_at_its_line_before_anything_is_printed(tmp_path: Path) -> None:
    (tmp_path / "processes").mkdir()
    shutil.copy(ROOT / "processes" / "QT-VB-01.yaml", tmp_path / "processes")
    (tmp_path / "qms.toml").write_text('[agency]\nname = "Sở Nội vụ"\nparent = 5\n', encoding="utf-8")
    done = run_qms("handbook", "pdf", tmp_path / "so-tay.pdf", "--processes", tmp_path / "processes", cwd=tmp_path)
    assert_no_traceback(done)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "qms.toml:3:1: «agency.parent» phải là một chuỗi, không phải «5»" in done.stdout + done.stderr
    assert not (tmp_path / "so-tay.pdf").exists()
