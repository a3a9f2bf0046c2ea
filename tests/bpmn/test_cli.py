"""``qms export bpmn`` and ``qms import bpmn`` from the command line."""

from __future__ import annotations

from pathlib import Path

from conftest import qms_ok

ROOT = Path(__file__).resolve().parents[2]


qms = qms_ok  # python -m qms ..., asserting no traceback


def test_export_then_import_into_an_empty_folder(tmp_path: Path) -> None:
    exported = tmp_path / "bpmn"
    assert qms("export", "bpmn", ROOT / "processes" / "QT-VB-01.yaml", "--out", exported).returncode == 0
    assert (exported / "QT-VB-01.bpmn").is_file()
    imported = tmp_path / "processes"
    done = qms("import", "bpmn", exported / "QT-VB-01.bpmn", "--out", imported)
    assert done.returncode == 0, done.stdout + done.stderr
    assert (imported / "QT-VB-01.yaml").is_file()
    again = qms("import", "bpmn", exported / "QT-VB-01.bpmn", "--out", imported)  # never overwrites
    assert again.returncode == 1


def test_import_reports_notes_and_refuses_non_bpmn(tmp_path: Path) -> None:
    done = qms("--lang", "en", "import", "bpmn", ROOT / "tests" / "bpmn" / "fixtures" / "camunda_cap_ban_sao.bpmn", "--out", tmp_path)
    assert "parallelGateway" in done.stdout and list(tmp_path.glob("*.yaml"))
    bad = qms("import", "bpmn", ROOT / "README.md", "--out", tmp_path)
    assert bad.returncode == 1 and "XML" in bad.stderr
