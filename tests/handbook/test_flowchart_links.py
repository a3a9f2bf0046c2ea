"""The flowchart block of a process page and its links both ways, without a browser (tests/handbook/test_flowchart_viewer.py
has the browser); YAML text with «<», «&», «"» and DOT's specials stays text in the page, the SVG and the print."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import markdown

from qms.handbook.book import build_handbook
from qms.handbook.diagrams import draw_flowcharts
from qms.handbook.html_blocks import FLOWCHART, GeneratedHtml
from qms.handbook.links import asset_href
from qms.handbook.pages.process import process_page
from qms.handbook.printing import print_html
from qms.handbook.safe_html import safe_html
from qms.i18n import Lang
from qms.load import load_paths
from tests.conftest import ROOT, write

SVG, XLINK = "{http://www.w3.org/2000/svg}", "{http://www.w3.org/1999/xlink}"
HOSTILE = """code: QT-X-01
title: "Thử <b>đậm</b> & \\"trích\\""
version: "1.0"
status: draft
owner: a
roles: {a: "Vai <i>trò</i> & {x}"}
steps:
  - {id: s, type: start, name: "Tiếp nhận <hồ sơ> & {x} \\\\N \\\\l ; -> \\" |", role: a, next: c}
  - {id: c, type: subprocess, name: "Gọi <QT-VB-01> & \\\\G", role: a, calls: QT-VB-01, next: e}
  - {id: e, type: end, name: "Xong &amp; <hết>", role: a}
"""


def _built(tmp_path: Path):  # type: ignore[no-untyped-def]
    hostile = write(tmp_path, "QT-X-01.yaml", HOSTILE)
    processes = load_paths([ROOT / "processes" / "QT-VB-01.yaml", hostile]).processes
    book = build_handbook(processes, Lang.VI, diagrams=True)
    book.assets.update(draw_flowcharts(book, processes, Lang.VI))
    return book, processes


def test_the_page_shows_the_viewer_and_each_row_links_back(tmp_path: Path) -> None:
    book, _ = _built(tmp_path)
    page = book.pages[book.paths["QT-X-01"]]
    assert '<div class="qms-flow-viewer" id="qms-flowchart">' in page and 'href="../QT-X-01.svg">Mở lưu đồ cỡ đầy đủ</a>' in page
    assert page.count('<a class="qms-flow-back" href="#qms-flowchart"') == 3
    html = safe_html(markdown.Markdown(extensions=[GeneratedHtml()]).convert(page))
    assert FLOWCHART.search(html) is not None and 'class="qms-flow-back"' in html  # through Markdown and the allow-list
    # Escaped: the names are text in the page, never elements.
    assert "Tiếp nhận &lt;hồ sơ&gt; &amp; {x} \\N \\l ; -&gt; &quot; |" in page and "<hồ sơ>" not in page
    assert "Xong &amp;amp; &lt;hết&gt;" in page


def test_without_a_flowchart_the_rows_have_no_link_back(tmp_path: Path) -> None:
    _, processes = _built(tmp_path)
    process = next(p for p in processes if p.code == "QT-X-01")
    page = process_page(process, "quy-trinh/QT-X-01.md", Lang.VI, False, [])
    assert "qms-flow-back" not in page and "qms-flow-viewer" not in page


def test_the_svg_links_each_step_to_its_row_and_the_sub_process_to_its_page(tmp_path: Path) -> None:
    book, _ = _built(tmp_path)
    root = ET.fromstring(book.assets[f"{book.paths['QT-X-01'].removesuffix('.md')}.svg"])
    anchors = {g.get("id"): g.find(f"{SVG}a") for g in root.iter(f"{SVG}g") if g.get("id", "").startswith("a_step-")}
    links = {k.removeprefix("a_step-"): (a.get(f"{XLINK}href"), a.get(f"{XLINK}title")) for k, a in anchors.items() if a is not None}  # type: ignore[union-attr]
    assert links["s"] == ("QT-X-01/#step-s", 'Tiếp nhận <hồ sơ> & {x} \\N \\l ; -> " |\nVai trò: Vai <i>trò</i> & {x}')
    assert links["c"][0] == "QT-VB-01/" and links["c"][1].startswith("Gọi <QT-VB-01> & \\G\n")
    assert links["e"][1].startswith("Xong &amp; <hết>\n")


def test_links_from_an_svg_start_in_its_own_folder() -> None:
    assert asset_href("quy-trinh/QT-A.svg", "quy-trinh/QT-B.md") == "QT-B/"
    assert asset_href("quy-trinh/A/QT-A.svg", "quy-trinh/B/QT-B.md") == "../B/QT-B/"


def test_the_print_has_the_drawing_on_its_landscape_page_and_no_viewer(tmp_path: Path) -> None:
    book, processes = _built(tmp_path)
    printed = print_html(book, [p for p in processes if p.code == "QT-X-01"])
    assert printed.count('<section class="qms-flow">') == 1 and "page: flow" in printed and "size: A4 landscape" in printed
    assert "qms-flow-back" not in printed and "qms-flow-tools" not in printed and "Mở lưu đồ" not in printed


def test_the_measures_page_of_an_event_log_shows_the_flowchart_shaded_by_deviations(tmp_path: Path) -> None:
    import shutil

    from tests.conftest import handbook_project, mkdocs_build

    fixtures = "tests/conformance/fixtures"
    options = f"logs: [{{log: {fixtures}/events.csv, process: QT-THU-01, mapping: {fixtures}/mapping.yaml}}]"
    project = handbook_project(tmp_path, options, copies=[f"{fixtures}/events.csv", f"{fixtures}/mapping.yaml"])
    for name in ("QT-THU-01.yaml", "QT-THU-VB.yaml"):
        shutil.copy(ROOT / fixtures / name, project / "processes" / name)
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    folder = project / "site" / "so-tay" / "do-luong"
    page = (folder / "QT-THU-01" / "index.html").read_text(encoding="utf-8")
    assert '<div class="qms-flow-viewer" id="qms-flowchart-sai-lech">' in page and 'data="../QT-THU-01-sai-lech.svg"' in page
    root = ET.fromstring((folder / "QT-THU-01-sai-lech.svg").read_bytes())
    tham_dinh = next(g for g in root.iter(f"{SVG}g") if g.get("id") == "a_step-tham-dinh").find(f"{SVG}a")
    assert tham_dinh is not None and tham_dinh.get(f"{XLINK}href") == "../quy-trinh/QT-THU-01/#step-tham-dinh"
    assert "Tỷ lệ hồ sơ có sai lệch tại bước: 27.3%" in (tham_dinh.get(f"{XLINK}title") or "")
