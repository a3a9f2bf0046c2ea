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


def test_print_uses_the_site_escaping_and_allow_list() -> None:
    """Hostile process text (and control characters from a process built in Python) stay text in the printed page."""
    from html.parser import HTMLParser

    from qms.model import Process
    from qms.render.escape import XML_UNSAFE

    hostile = qms.load(ROOT / "tests" / "handbook" / "fixtures" / "hostile" / "processes" / "QT-XSS-02.yaml")
    control = Process.model_validate(
        {"code": "QT-CTRL-01", "title": "Tiêu đề A\x01B\x0bC\x85D", "version": "1.0", "status": "draft", "owner": "a", "roles": {"a": "Vai trò\x00"},
         "steps": [{"id": "s", "type": "start", "name": "Bắt đầu\x1f", "role": "a", "next": "e"}, {"id": "e", "type": "end", "name": "Kết thúc", "role": "a"}]}
    )  # fmt: skip
    book = build_handbook([hostile, control], diagrams=True)
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"/>'
    book.assets.update({path: svg for path in book.flowcharts})
    page = print_html(book, [hostile, control], title="Sổ tay <script>alert(0)</script>")
    assert not XML_UNSAFE.search(page) and "Tiêu đề A\ufffdB\ufffdC\ufffdD" in page

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.tags: list[tuple[str, dict[str, str | None]]] = []
            self.text: list[str] = []

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            self.tags.append((tag, dict(attrs)))

        def handle_data(self, data: str) -> None:
            self.text.append(data)

    parsed = Tags()
    parsed.feed(page)
    assert not [(t, a) for t, a in parsed.tags if any(n.startswith("on") or "alert(" in (v or "") for n, v in a.items())]
    assert {t for t, _ in parsed.tags} & {"script", "iframe", "object", "svg"} == set()
    images = [a for t, a in parsed.tags if t == "img"]
    assert len(images) == 2 and all(a["class"] == "qms-flowchart" and a["src"].startswith("data:image/svg+xml;base64,") for a in images)
    assert not [a for t, a in parsed.tags if t == "a" and "alert" in (a.get("href") or "")]
    shown = " ".join(parsed.text)
    assert "Sổ tay <script>alert(0)</script>" in shown  # the document title
    assert "[bấm](javascript:alert(1)) <img src=x onerror=alert(2)> <script>alert(3)</script>" in shown
    assert "<iframe src=javascript:alert(24)>" in shown


def test_flowchart_pieces_keep_text_at_7_points_and_fit_the_landscape_page() -> None:
    from qms.handbook.printing import FLOW_HEIGHT_MM, FLOW_WIDTH_MM, PT_PER_MM, _tiles

    wide = b'<svg xmlns="http://www.w3.org/2000/svg" width="4305pt" height="1041pt"><text font-size="9.00">a</text></svg>'
    width, height, across, down = _tiles(wide)  # type: ignore[misc]
    assert abs(9 * width / (4305 / PT_PER_MM) - 7) < 0.01  # the smallest text printed at 7 pt
    assert across == -(-width // FLOW_WIDTH_MM) and down == -(-height // FLOW_HEIGHT_MM) and across * down > 1
    small = b'<svg xmlns="http://www.w3.org/2000/svg" width="400pt" height="200pt"><text font-size="14">a</text></svg>'
    assert _tiles(small)[2:] == (1, 1)  # type: ignore[index]  # one page, enlarged to its width


def test_agency_and_process_text_stay_text_in_the_running_header() -> None:
    from qms.handbook.print_parts import css_string

    hostile = 'Sở "A" \\ </style><script>alert(1)</script>; } @page { }'
    process = qms.load(ROOT / "processes" / "QT-VB-01.yaml")
    page = print_html(build_handbook([process]), [process], agency=hostile)
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert css_string(hostile) in style and "<" not in css_string(hostile) and '"' not in css_string(hostile)[1:-1]
    assert "<script>alert" not in page and "&lt;script&gt;alert(1)" in page  # the cover


def test_the_cover_names_the_governing_body_above_the_agency_and_its_address() -> None:
    from qms.handbook.print_parts import css_string
    from qms.rules.agency import Agency

    process = qms.load(ROOT / "processes" / "QT-VB-01.yaml")
    agency = Agency("Sở Giáo dục và Đào tạo", "Ủy ban nhân dân tỉnh Điện Biên", "Số 1, đường Võ Nguyên Giáp")
    page = print_html(build_handbook([process]), [process], agency=agency)
    cover = page.split('<section class="qms-cover">', 1)[1].split("</section>", 1)[0]
    assert cover.index("Ủy ban nhân dân tỉnh Điện Biên") < cover.index("Sở Giáo dục và Đào tạo") < cover.index("Số 1, đường")
    style = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert f"@top-left {{ content: {css_string(agency.name)};" in style  # the running header names the agency itself
    blank = print_html(build_handbook([process]), [process])
    assert "&hellip;" * 30 in blank  # no agency configured: a dotted line to fill in by hand
