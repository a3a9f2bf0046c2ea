"""``qms doctor``: a table of what qms needs outside Python; for each missing piece, how to install it; exit 1 then."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import assert_no_traceback, qms_env, run_qms


def test_a_path_without_dot_reports_it_missing_with_the_install_commands(tmp_path: Path) -> None:
    result = run_qms("doctor", env=qms_env(PATH=str(tmp_path)))
    assert_no_traceback(result)
    assert result.returncode == 1, result.stdout + result.stderr
    row = next(line for line in result.stdout.splitlines() if "Graphviz «dot» (vẽ lưu đồ)" in line)
    assert "thiếu" in row and "—" in row
    assert "Cách cài Graphviz «dot» (vẽ lưu đồ):" in result.stdout
    assert "Debian/Ubuntu: sudo apt-get install -y graphviz" in result.stdout
    assert "Windows: winget install --id Graphviz.Graphviz" in result.stdout
    assert "macOS: brew install graphviz" in result.stdout


@pytest.mark.skipif(not (shutil.which("dot") and shutil.which("fc-list") and shutil.which("chromium")), reason="the setup script's tools")
def test_a_machine_set_up_by_the_setup_script_has_everything() -> None:
    result = run_qms("doctor")
    assert_no_traceback(result)
    assert result.returncode == 0, result.stdout
    assert "thiếu" not in result.stdout and "Đủ mọi công cụ qms cần." in result.stdout
    assert "Cách cài" not in result.stdout


def test_doctor_in_english(tmp_path: Path) -> None:
    result = run_qms("--lang", "en", "doctor", env=qms_env(PATH=str(tmp_path)))
    assert result.returncode == 1
    assert "How to install Graphviz «dot» (draws the flowcharts):" in result.stdout
    row = next(line for line in result.stdout.splitlines() if "Graphviz «dot»" in line)
    assert "missing" in row
