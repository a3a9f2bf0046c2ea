"""The printed PDFs an agency signs, read back from the PDF: cover, header and footer, approval block, no stranded heading.

Each PDF is printed once (module fixtures: Chromium takes seconds) and read with poppler's ``pdftotext`` and
``pdfinfo`` (Debian package poppler-utils). Pages 1 and 2 of each are kept as PNG in test-output/handbook-pdf/ for a
person to look at (``pdftoppm``).
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

import qms
from qms.handbook import build_handbook
from qms.handbook.printing import print_html
from qms.load import load_paths

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "handbook-pdf"
AGENCY = "Sở Giáo dục và Đào tạo <Tỉnh A>"

pytestmark = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdfinfo") and Path("/usr/bin/chromium").exists()),
    reason="needs Debian's chromium and poppler-utils (pdftotext, pdfinfo, pdftoppm)",
)


@dataclass
class Printed:
    pages: list[str]  # each page's text, layout kept
    landscape: list[bool]


def _print(tmp: Path, name: str, *args: str) -> Printed:
    target = tmp / f"{name}.pdf"
    command = [
        sys.executable,
        "-m",
        "qms",
        *args[:2],
        "handbook",
        "pdf",
        str(target),
        "--agency",
        AGENCY,
        "--processes",
        str(ROOT / "processes"),
        *args[2:],
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "999", str(target)], capture_output=True, text=True, check=True).stdout
    sizes = [(float(w), float(h)) for w, h in re.findall(r"Page +\d+ size: +([\d.]+) x ([\d.]+)", info)]
    SHOTS.mkdir(parents=True, exist_ok=True)
    subprocess.run(["pdftoppm", "-r", "60", "-png", "-f", "1", "-l", "2", str(target), str(SHOTS / name)], check=True)
    pages = text.split("\f")[: len(sizes)]
    return Printed(pages, [w > h for w, h in sizes])


@pytest.fixture(scope="module")
def one_process(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return _print(tmp_path_factory.mktemp("pdf"), "QT-TTHC-01", "--lang", "vi", "--process", "QT-TTHC-01")


@pytest.fixture(scope="module")
def handbook(tmp_path_factory: pytest.TempPathFactory) -> Printed:
    return _print(tmp_path_factory.mktemp("pdf"), "handbook", "--lang", "vi")


def _lines(page: str) -> list[str]:
    return [line.strip() for line in page.splitlines() if line.strip()]


def test_one_process_pdf_has_a_cover_with_the_approval_block(one_process: Printed) -> None:
    process = qms.load(ROOT / "processes" / "QT-TTHC-01.yaml")
    assert 4 <= len(one_process.pages) <= 60
    cover = " ".join(_lines(one_process.pages[0]))
    assert AGENCY.upper() in cover and "QT-TTHC-01" in cover and process.version in cover
    for word in ("Phê duyệt tài liệu", "Soạn thảo", "Kiểm tra", "Phê duyệt", "Họ và tên", "Chức vụ", "Chữ ký", "Ngày hiệu lực"):
        assert word in cover
    assert process.approval and process.approval.approved and process.approval.approved.name
    assert process.approval.approved.name.split()[-1] in cover
    assert "Trang" not in cover  # no running header or footer on the cover


def test_one_process_pdf_has_header_and_footer_on_every_later_page(one_process: Printed) -> None:
    version = qms.load(ROOT / "processes" / "QT-TTHC-01.yaml").version
    total = len(one_process.pages)
    for number, page in enumerate(one_process.pages[1:], start=2):
        lines = _lines(page)
        assert lines[0].startswith(AGENCY) and lines[0].endswith(f"QT-TTHC-01 · Lần ban hành: {version}"), (number, lines[0])
        assert lines[-1].startswith("QT-TTHC-01") and lines[-1].endswith(f"Trang {number}/{total}"), (number, lines[-1])


def stranded_headings(printed: Printed, page: str) -> list[tuple[int, str]]:
    """The pages (numbered from 1) whose last line, above the footer, is a heading of the printed HTML ``page``."""
    headings = {html.unescape(re.sub("<[^>]+>", "", h)).strip() for h in re.findall(r"<h[1-4][^>]*>(.*?)</h[1-4]>", page, re.DOTALL)}
    assert "Các bước thực hiện" in headings
    stranded = []
    for number, text in enumerate(printed.pages[1:], start=2):
        body = _lines(text)[1:-1]  # less the running header and footer
        if not body:  # a part of a flowchart with no words in it
            assert printed.landscape[number - 1], number
            continue
        last = body[-1]
        # A heading wrapped over two lines ends with its last line.
        if [h for h in headings if last == h or (len(last) >= 10 and h.endswith(last))]:
            stranded.append((number, last))
    return stranded


def test_no_page_ends_with_a_heading_and_the_flowchart_is_on_landscape_pages(one_process: Printed) -> None:
    process = qms.load(ROOT / "processes" / "QT-TTHC-01.yaml")
    assert stranded_headings(one_process, print_html(build_handbook([process]), [process])) == []
    flow = [n for n, text in enumerate(one_process.pages) if "Lưu đồ" in _lines(text)]
    assert flow and all(one_process.landscape[n] for n in flow)
    assert not one_process.landscape[0] and not one_process.landscape[1]  # text pages are portrait


def test_handbook_pdf_has_a_cover_contents_and_running_footer(handbook: Printed) -> None:
    codes = sorted(p.stem for p in (ROOT / "processes").glob("*.yaml"))
    total = len(handbook.pages)
    assert total > 2 * len(codes)
    assert "Trang" not in handbook.pages[0] and "Sổ tay quy trình ISO" in handbook.pages[0]
    contents = handbook.pages[1]
    assert "Mục lục" in contents and all(code in contents for code in codes)
    for number, page in enumerate(handbook.pages[1:], start=2):
        lines = _lines(page)
        assert lines[0].startswith(AGENCY) and lines[-1].endswith(f"Trang {number}/{total}"), (number, lines[0], lines[-1])
    signatures = [n for n, page in enumerate(handbook.pages) if "Chữ ký" in page]
    assert len(signatures) >= len(codes) - 1  # one approval block per process in force
    processes = load_paths([ROOT / "processes"]).processes
    assert stranded_headings(handbook, print_html(build_handbook(processes), processes, title="Sổ tay quy trình ISO")) == []


def test_english_edition_is_in_english(tmp_path: Path) -> None:
    """Needs the English catalogue with the print words (/tmp/pdf_en.json merged)."""
    printed = _print(tmp_path, "QT-VB-01-en", "--lang", "en", "--process", "QT-VB-01")
    assert "Approved" in printed.pages[0] and "Signature" in printed.pages[0]
    assert _lines(printed.pages[1])[-1].endswith(f"Page 2/{len(printed.pages)}")


def test_the_contents_give_the_page_each_process_starts_on(handbook: Printed) -> None:
    """Chromium has no target-counter(): the handbook is printed twice, the pages read from the first PDF."""
    entries = [re.match(r"(QT-[A-Z0-9-]+)\s.*\s(\d+)$", line) for line in _lines(handbook.pages[1])]
    numbered = {m.group(1): int(m.group(2)) for m in entries if m}
    codes = sorted(p.stem for p in (ROOT / "processes").glob("*.yaml"))
    assert sorted(numbered) == codes, _lines(handbook.pages[1])
    assert list(numbered.values()) == sorted(numbered.values()) and numbered[codes[0]] == 3  # after the cover and contents
    for code, number in numbered.items():
        heading = _lines(handbook.pages[number - 1])[1]  # under the running header
        assert heading.startswith(f"{code} — "), (code, number, heading)
        assert not any(line.startswith(f"{code} — ") for line in _lines(handbook.pages[number - 2])[1:-1]), (code, number)


def test_the_cover_takes_the_agency_from_qms_toml(tmp_path: Path) -> None:
    (tmp_path / "qms.toml").write_text(
        '[agency]\nname = "Sở Giáo dục và Đào tạo"\nparent = "Ủy ban nhân dân tỉnh Điện Biên"\naddress = "Số 1, đường Võ Nguyên Giáp"\n',
        encoding="utf-8",
    )
    target = tmp_path / "QT-VB-01.pdf"
    command = [sys.executable, "-m", "qms", "handbook", "pdf", str(target), "--processes", str(ROOT / "processes"), "--process", "QT-VB-01"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    text = subprocess.run(["pdftotext", "-layout", str(target), "-"], capture_output=True, text=True, check=True).stdout
    cover, second = (_lines(page) for page in text.split("\f")[:2])
    assert cover[:3] == ["ỦY BAN NHÂN DÂN TỈNH ĐIỆN BIÊN", "SỞ GIÁO DỤC VÀ ĐÀO TẠO", "Số 1, đường Võ Nguyên Giáp"], cover[:4]
    assert second[0].startswith("Sở Giáo dục và Đào tạo")  # the running header
