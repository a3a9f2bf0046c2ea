"""A log of step events in the handbook: its measures page also says how the dossiers follow the process."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import ROOT, Markup, handbook_project, mkdocs_build

FIXTURES = "tests/conformance/fixtures"


def test_the_measures_page_of_an_event_log_has_the_conformance_section(tmp_path: Path) -> None:
    options = f"logs: [{{log: {FIXTURES}/events.csv, process: QT-THU-01, mapping: {FIXTURES}/mapping.yaml}}]"
    project = handbook_project(tmp_path, options, copies=[f"{FIXTURES}/events.csv", f"{FIXTURES}/mapping.yaml"])
    for name in ("QT-THU-01.yaml", "QT-THU-VB.yaml"):
        shutil.copy(ROOT / FIXTURES / name, project / "processes" / name)
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    page = "".join(Markup((project / "site" / "so-tay" / "do-luong" / "QT-THU-01" / "index.html").read_text(encoding="utf-8")).text)
    assert "Tuân thủ quy trình QT-THU-01" in page and "Sai lệch theo loại và bước" in page
    assert "hồ sơ đi đúng quy trình: 5 (45.5%)" in page  # the 11 hand-made dossiers of tests/conformance/test_run.py


def test_a_dossier_log_has_no_conformance_section(tmp_path: Path) -> None:
    project = handbook_project(tmp_path, "logs: [{log: processes/logs/QT-TTHC-01-2026.csv, process: QT-TTHC-01}]")
    assert mkdocs_build(project).returncode == 0
    page = (project / "site" / "so-tay" / "do-luong" / "QT-TTHC-01" / "index.html").read_text(encoding="utf-8")
    assert "Tuân thủ quy trình" not in page
