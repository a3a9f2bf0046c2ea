"""The printed handbook: one self-contained page with the approval block, printed to PDF by Chromium."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import qms
from qms.handbook import build_handbook
from qms.handbook.printing import print_html

ROOT = Path(__file__).resolve().parents[2]


def test_print_page_is_self_contained_with_flowchart_and_approval() -> None:
    process = qms.load(ROOT / "processes" / "QT-VB-01.yaml")
    book = build_handbook([process], diagrams=True)
    book.assets.update({path: b'<svg xmlns="http://www.w3.org/2000/svg"/>' for path in book.flowcharts})
    page = print_html(book, [process], title="Sổ tay")
    assert 'src="data:image/svg+xml;base64,' in page and "<object" not in page
    assert "Phê duyệt tài liệu" in page and process.approval.approved.name in page  # type: ignore[union-attr]
    assert "http://" not in page and "https://" not in page


def test_hostile_titles_stay_text_in_print() -> None:
    process = qms.load(ROOT / "tests" / "render" / "fixtures" / "hostile.yaml")
    page = print_html(build_handbook([process]), [process])
    assert "<script>alert" not in page and "&lt;script&gt;alert" in page


def test_pdf_of_one_process(tmp_path: Path) -> None:
    target = tmp_path / "QT-VB-01.pdf"
    done = subprocess.run(
        [sys.executable, "-m", "qms", "handbook", "pdf", str(target), "--process", "QT-VB-01", "--processes", str(ROOT / "processes")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 20_000
