"""The handbook: generated pages, escaping, links, and a real strict mkdocs build with the qms plugin."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

import qms
from qms.handbook import build_handbook
from qms.handbook.links import href
from qms.handbook.pages.common import md, text
from qms.i18n import Lang
from qms.model import AfterSupplement
from qms.load import load_paths

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "render" / "fixtures" / "hostile.yaml"
SVG = "{http://www.w3.org/2000/svg}"


def test_escaping_for_html_and_markdown() -> None:
    assert text("<script>&\"") == "&lt;script&gt;&amp;&quot;"
    assert md("*x* [a](b) <i>") == r"\*x\* \[a\]\(b\) &lt;i&gt;"


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("index.md", "quy-trinh/QT-A.md", "quy-trinh/QT-A/"),
        ("ho-so.md", "quy-trinh/QT-A.md", "../quy-trinh/QT-A/"),
        ("quy-trinh/QT-A.md", "quy-trinh/QT-A.svg", "../QT-A.svg"),
        ("quy-trinh/QT-A.md", "index.md", "../../"),
    ],
)
def test_links_between_generated_pages(source: str, target: str, expected: str) -> None:
    assert href(source, target) == expected


def test_pages_of_the_shipped_processes() -> None:
    processes = load_paths([ROOT / "processes"]).processes
    book = build_handbook(processes, diagrams=True)
    assert {"index.md", "ho-so.md", "vai-tro.md", "kiem-tra.md"} <= set(book.pages)
    for process in processes:
        page = book.pages[f"quy-trinh/{process.code}.md"] if process.status != "obsolete" else book.pages[f"luu-tru/{process.code}.md"]
        assert text(process.title.vi) in page or md(process.title.vi) in page
        assert page.count('<span id="step-') == len(process.steps)
        if process.status in ("draft", "review"):
            assert "!!! warning" in page
    assert all(text(r.name.vi) in book.pages["ho-so.md"] for p in processes for r in p.records)
    # Cooperating roles (phối hợp) are shown beside the lead role.
    assert "Phối hợp: Công chức đầu mối kiểm soát TTHC" in book.pages["quy-trinh/QT-TTHC-01.md"]
    # A sub-process step says what it calls, and which part.
    assert "<small>Quy trình con: QT-VB-01, kiem-tra-the-thuc → phat-hanh</small>" in book.pages["quy-trinh/QT-TTHC-01.md"]
    # A case with a deadline of its own is shown beside the main deadline.
    assert "<td>Thời hạn giải quyết: Học sinh từ tỉnh khác</td><td>8 ngày làm việc</td>" in book.pages["quy-trinh/QT-TTHC-GD-01.md"]
    # Legal bases not yet checked against the official text are marked as such.
    assert "chưa đối chiếu văn bản gốc" in book.pages["quy-trinh/QT-TTHC-01.md"]
    assert "chưa đối chiếu văn bản gốc" not in book.pages["quy-trinh/QT-VB-01.md"]


def test_strict_mkdocs_build_escapes_hostile_titles_and_loads_nothing_external(tmp_path: Path) -> None:
    (tmp_path / "processes").mkdir()
    (tmp_path / "processes" / "hostile.yaml").write_bytes(HOSTILE.read_bytes())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Thử\ntheme: {name: material, language: vi, font: false}\n"
        "plugins: [search, {qms: {processes: processes, folder: so-tay}}]\n"
        "markdown_extensions: [admonition, tables]\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    site = tmp_path / "site"
    page = (site / "so-tay" / "quy-trinh" / "QT-HOSTILE-01" / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(" not in page and "&lt;script&gt;alert(" in page
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)  # type: ignore[union-attr]
    assert "<" not in title and "QT-HOSTILE-01" in title
    assert (site / "so-tay" / "quy-trinh" / "QT-HOSTILE-01.svg").read_bytes().startswith(b"<?xml")
    menu = re.findall(r'md-ellipsis">\s*([^<]+?)\s*<', page)
    assert "Sổ tay quy trình ISO" in menu and "Quy trình" in menu and "So tay" not in menu  # not the folder names
    external = re.compile(r"""<(?:script|link|img)[^>]+(?:src|href)=["'](?:https?:)?//""")
    for html_file in site.rglob("*.html"):
        assert not external.search(html_file.read_text(encoding="utf-8")), html_file
    for css in site.rglob("*.css"):
        assert "fonts.googleapis" not in css.read_text(encoding="utf-8")


def test_invalid_processes_fail_the_build_with_the_diagnostic(tmp_path: Path) -> None:
    (tmp_path / "processes").mkdir()
    (tmp_path / "processes" / "bad.yaml").write_text("code: [\n", encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# x\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text("site_name: x\nplugins: [{qms: {processes: processes}}]\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "bad.yaml:" in done.stdout + done.stderr and "QMS003" in done.stdout + done.stderr
    assert qms  # the package is importable where mkdocs runs


def test_large_catalogues_are_grouped_so_menus_stay_small() -> None:
    from qms.handbook.links import GROUP_LIMIT, process_paths
    from qms.model import Process

    def make(code: str) -> Process:
        return Process.model_validate(
            {"code": code, "title": code, "version": "1.0", "status": "draft", "owner": "a", "roles": {"a": "A"},
             "steps": [{"id": "s", "type": "start", "name": "S", "next": "e"}, {"id": "e", "type": "end", "name": "E"}]}
        )  # fmt: skip

    few = process_paths([make("QT-VB-01"), make("QT-TTHC-01")])
    assert few == {"QT-VB-01": "quy-trinh/QT-VB-01.md", "QT-TTHC-01": "quy-trinh/QT-TTHC-01.md"}
    many = process_paths([make(f"QT-GEN-{i:03d}") for i in range(120)] + [make("QT-VB-01")])
    folders = {path.rsplit("/", 1)[0] for path in many.values()}
    assert folders == {"quy-trinh/QT-GEN-1", "quy-trinh/QT-GEN-2", "quy-trinh/QT-GEN-3", "quy-trinh/QT-VB"}
    assert all(sum(p.startswith(f + "/") for p in many.values()) <= GROUP_LIMIT for f in folders)
    assert href(many["QT-GEN-000"], many["QT-VB-01"]) == "../../QT-VB/QT-VB-01/"


def test_generate_writes_pages_and_diagrams_for_other_site_tools(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "qms", "handbook", "generate", str(tmp_path / "so-tay"), "--processes", str(ROOT / "processes")],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert (tmp_path / "so-tay" / "index.md").is_file()
    page = (tmp_path / "so-tay" / "quy-trinh" / "QT-TTHC-01.md").read_text(encoding="utf-8")
    assert page.startswith("---\ntitle:") and 'data="../QT-TTHC-01.svg"' in page
    svg = (tmp_path / "so-tay" / "quy-trinh" / "QT-TTHC-01.svg").read_text(encoding="utf-8")
    # The sub-process box links to the called process's page, the SVG's neighbour; each step to its row.
    assert 'href="QT-VB-01/"' in svg and 'href="QT-TTHC-01/#step-tiep-nhan"' in svg


def test_pages_of_unchanged_processes_come_from_the_cache() -> None:
    processes = load_paths([ROOT / "processes"]).processes
    cache: dict = {}
    first = build_handbook(processes, cache=cache)
    second = build_handbook(processes, cache=cache)
    assert all(second.pages[page] is first.pages[page] for page in first.paths.values())
    reloaded = load_paths([ROOT / "processes"]).processes  # new objects: pages made again, the same text
    third = build_handbook(reloaded, cache=cache)
    assert all(third.pages[page] is not first.pages[page] and third.pages[page] == first.pages[page] for page in first.paths.values())


def test_clause_matrix_page_shows_evidence_checks_and_gaps() -> None:
    from qms.report.coverage import coverage_matrix
    from qms.rules.registry import all_rules

    processes = load_paths([ROOT / "processes"]).processes
    book = build_handbook(processes)
    page = book.pages["ma-tran.md"]
    rows = coverage_matrix(processes, all_rules())
    assert page.count("<tr><td>ISO ") == len(rows)
    gaps = [row.key for row in rows if row.gap]
    assert gaps and f"Chưa có quy trình đáp ứng hoặc quy tắc kiểm tra: {', '.join(gaps)}." in page
    assert '<td>9.2</td><td>Đánh giá nội bộ</td><td><a href="../quy-trinh/QT-DGNB-01/">QT-DGNB-01</a></td>' in page
    assert "ma-tran.md" in book.pages["index.md"] and book.titles["ma-tran.md"] == "Ma trận điều khoản ISO"
    # Each process page lists the clauses it claims; only the rules that ran are shown as checking.
    assert "9.2.1, 9.2.2" in book.pages["quy-trinh/QT-DGNB-01.md"]
    only = build_handbook(processes, rules=[r for r in all_rules() if r.code == "QMS101"]).pages["ma-tran.md"]
    assert "QMS101" in only and "QMS801" not in only


def test_clause_matrix_page_shows_clauses_not_applicable_with_their_justification() -> None:
    processes = load_paths([ROOT / "processes"]).processes
    page = build_handbook(processes, not_applicable={"8.3": "Không thiết kế <dịch vụ>"}).pages["ma-tran.md"]
    assert "không áp dụng: Không thiết kế &lt;dịch vụ&gt;" in page and "Không áp dụng (ISO 9001 4.3): 8.3." in page
    gaps = re.search(r"Chưa có quy trình đáp ứng hoặc quy tắc kiểm tra: (.*?)\. Một", page).group(1).split(", ")  # type: ignore[union-attr]
    assert "8.4" in gaps and "8.3" not in gaps


def test_process_page_says_between_which_steps_the_deadline_counts() -> None:
    process = qms.load(ROOT / "tests" / "rules" / "fixtures" / "QMS302" / "valid_clock_from_complete_dossier.yaml")
    page = build_handbook([process]).pages["quy-trinh/QT-T-01.md"]
    assert (
        "<td>Tính thời hạn</td><td>từ bước «Tiếp nhận hồ sơ đầy đủ» đến bước «Trả kết quả»; sau khi bổ sung hồ sơ: tính tiếp, "
        "thời gian đã giải quyết vẫn được tính</td>"
    ) in page
    restarted = process.model_copy(update={"clock": process.clock.model_copy(update={"cutoff": "15:00", "after_supplement": AfterSupplement.RESTART})})  # type: ignore[union-attr]
    page = build_handbook([restarted], lang=Lang.EN).pages["quy-trinh/QT-T-01.md"]
    assert (
        "dossiers received after 15:00 count from the next working day; after a supplement: the full deadline counts again "
        "from the receipt of the completed dossier</td>"
    ) in page


def test_standards_are_listed_apart_from_the_legal_basis() -> None:
    process = qms.load(ROOT / "processes" / "QT-DGNB-01.yaml")
    page = build_handbook([process]).pages["quy-trinh/QT-DGNB-01.md"]
    legal, standards = page.split("## Căn cứ pháp lý")[1].split("## Tiêu chuẩn, hướng dẫn viện dẫn")
    assert "19/2014/QĐ-TTg" in legal and "ISO 19011" not in legal
    assert "ISO 19011:2018" in standards.split("## ")[0] and "<th>Trích yếu</th>" in standards


# --- hostile process text and audit report: nothing becomes markup, links or attributes -------------------------

HOSTILE_DIR = ROOT / "tests" / "handbook" / "fixtures" / "hostile"
# Beside the audit tests' criteria, which pytest does not collect (tests/audit/conftest.py).
HOSTILE_CRITERIA = ROOT / "tests" / "audit" / "features" / "handbook"
URL_ATTRIBUTES = {"href", "src", "data", "action", "formaction", "xlink:href", "poster", "srcset", "background"}
# Material's search keeps these tags of a page's HTML in its index (material/plugins/search/plugin.py); the rest is text.
INDEX_TAGS = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}


class Markup(HTMLParser):
    """Every element of an HTML document with its attributes, the text of its scripts, and its visible text."""

    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._script = False
        self.feed(source)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        self._script = tag in ("script", "style")

    def handle_endtag(self, tag: str) -> None:
        self._script = False

    def handle_data(self, data: str) -> None:
        (self.scripts if self._script else self.text).append(data)

    def unsafe(self) -> list[str]:
        """What a browser would run: event handlers, script URLs, and any script or attribute holding a payload."""
        found = []
        for tag, attrs in self.tags:
            for name, value in attrs:
                scheme = re.sub(r"[\x00-\x20]+", "", html.unescape(value or "")).lower()
                if name.startswith("on") or "alert(" in (value or ""):
                    found.append(f"<{tag} {name}={value!r}>")
                elif name in URL_ATTRIBUTES and scheme.startswith(("javascript:", "vbscript:", "data:")):
                    found.append(f"<{tag} {name}={value!r}>")
            if tag in ("iframe", "embed", "frame", "img", "base"):  # the theme has none of these
                found.append(f"<{tag}>")
        found += [f"<script>{s[:60]}" for s in self.scripts if "alert(" in s]
        return found


def _hostile_site(tmp_path: Path) -> Path:
    """A real strict mkdocs build of the hostile process, with the audit report of hostile criteria about it."""
    from qms.audit import report_markdown, run_audit

    shutil.copytree(HOSTILE_DIR / "processes", tmp_path / "processes")
    report = run_audit(HOSTILE_CRITERIA, tmp_path / "processes")
    assert len(report.failed) == 2, report.output  # two findings that quote the process text and the criteria
    (tmp_path / "build").mkdir()
    (tmp_path / "build" / "audit.md").write_text(report_markdown(report), encoding="utf-8")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Thử\ntheme: {name: material, language: vi, font: false}\n"
        "plugins: [search, {qms: {processes: processes, folder: so-tay}}]\n"
        # The extensions of the project's own mkdocs.yml: attr_list turns «{: onclick=… }» into an attribute.
        "markdown_extensions: [admonition, attr_list, tables]\n",
        encoding="utf-8",
    )
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    return tmp_path / "site"


def test_hostile_process_text_and_audit_report_reach_no_page_or_search_entry_as_markup(tmp_path: Path) -> None:
    site = _hostile_site(tmp_path)
    pages = {path.relative_to(site).as_posix(): path.read_text(encoding="utf-8") for path in site.rglob("*.html")}
    for name, page in pages.items():
        markup = Markup(page)
        assert not markup.unsafe(), name
        # Only the theme's own configuration has the id Material's scripts look up.
        assert [a for _, attrs in markup.tags for a in attrs if a == ("id", "__config")] == [("id", "__config")], name

    process = Markup(pages["so-tay/quy-trinh/QT-XSS-02/index.html"])
    shown = " ".join(process.text)
    # The text is still there, as written.
    for payload in (
        "[bấm](javascript:alert(1)) <img src=x onerror=alert(2)> <script>alert(3)</script> {: onclick=alert(4) }",
        "[a](JaVaScRiPt:alert(5)) [b](&#106;avascript:alert(6)) [c](data:text/html,<script>alert(7)</script>)",
        "<a href=\"javascript:alert(11)\">liên kết</a> <svg onload=alert(12)>",
        "<img src=x onerror=alert(15)>",  # approval
        "[sửa](javascript:alert(16)) <script>alert(17)</script>",  # revision
        "<img src=javascript:alert(19)>",  # legal basis
        "Vai trò <img src=x onerror=alert(21)>",
        "<iframe src=javascript:alert(24)>",  # record location
        "[cách tính](javascript:alert(26))",  # KPI
        "[biện pháp](javascript:alert(29))",  # risk
        "Bắt đầu [bước](javascript:alert(30)) <img src=x onerror=alert(31)>",
    ):
        assert payload in shown, payload
    # The only links on the page are the theme's and the generator's (and anchors of its headings): none was made
    # from process text.
    hrefs = [v or "" for tag, attrs in process.tags if tag == "a" for n, v in attrs if n == "href"]
    assert hrefs and not [h for h in hrefs if "alert" in h and not h.startswith("#")]
    title = re.search(r"<title>(.*?)</title>", pages["so-tay/quy-trinh/QT-XSS-02/index.html"], re.S).group(1)  # type: ignore[union-attr]
    assert "<" not in title and "&lt;img src=x onerror=alert(2)&gt;" in title

    audit = Markup(pages["so-tay/danh-gia/index.html"])
    audit_text = " ".join(audit.text)
    assert "Kịch bản" in audit_text and "bấm" in audit_text and "<img src=x onerror=alert(42)>" in audit_text
    assert "quy trình QT-XSS-02 không có vai trò «<img src=x onerror=alert(48)>»" in audit_text

    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    entries = [e for e in index["docs"] if e["location"].startswith("so-tay/")]
    assert any("so-tay/quy-trinh/QT-XSS-02/" in e["location"] for e in entries)
    for entry in entries:
        for field in ("title", "text"):
            markup = Markup(entry[field])
            assert {tag for tag, _ in markup.tags} <= INDEX_TAGS, (entry["location"], field)
            assert not [attrs for _, attrs in markup.tags if attrs], (entry["location"], field)
    indexed = " ".join(" ".join(Markup(e["text"]).text) for e in entries if "QT-XSS-02" in e["location"])
    assert "<img src=x onerror=alert(28)>" in indexed  # the risk's description: searchable text, not markup

    for svg in site.rglob("*.svg"):
        root = ET.fromstring(svg.read_bytes())
        assert not [e for e in root.iter() if e.tag.endswith("}script") or any(k.startswith("on") for k in e.attrib)], svg


def test_every_generated_page_keeps_all_its_markup_through_the_allow_list() -> None:
    """The allow-list removes nothing the generator and Markdown write: same elements, attributes and text."""
    from qms.handbook.html_blocks import GeneratedHtml
    from qms.handbook.safe_html import safe_html

    processes = load_paths([ROOT / "processes"]).processes
    book = build_handbook(processes, diagrams=True, audit_report=(ROOT / "features" / "README.md").read_text(encoding="utf-8"))
    extension = GeneratedHtml()
    converter = markdown.Markdown(extensions=["admonition", "attr_list", "tables", "toc", extension])
    for name, page in book.pages.items():
        extension.active = True
        rendered = converter.reset().convert(page)
        before, after = Markup(rendered), Markup(safe_html(rendered))
        normal = lambda tags: [(t, sorted((n, v or "") for n, v in a)) for t, a in tags]  # noqa: E731
        assert normal(after.tags) == normal(before.tags), name
        assert "".join(after.text) == "".join(before.text), name


@pytest.mark.parametrize(
    "link",
    [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript&#x3A;alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\x01javascript:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    ],
)
def test_the_allow_list_drops_script_links_and_keeps_their_text(link: str) -> None:
    from qms.handbook.safe_html import safe_html

    out = safe_html(f'<p><a href="{link}">bấm</a><object data="{link}" type="image/svg+xml">sơ đồ</object></p>')
    assert out == '<p><a>bấm</a><object type="image/svg+xml">sơ đồ</object></p>'


def test_the_allow_list_keeps_safe_links_and_drops_handlers_scripts_and_outside_content() -> None:
    from qms.handbook.safe_html import safe_html

    kept = '<p><a href="../quy-trinh/QT-A/#step-b">a</a> <a href="https://vbpl.vn/">b</a> <a href="mailto:qms@example.vn">c</a></p>'
    assert safe_html(kept) == kept
    assert safe_html('<object class="qms-flowchart" type="image/svg+xml" data="../QT-A.svg">QT-A</object>') == (
        '<object class="qms-flowchart" type="image/svg+xml" data="../QT-A.svg">QT-A</object>'
    )
    assert safe_html('<object data="//elsewhere.example/x.svg">x</object>') == "<object>x</object>"
    assert safe_html('<img src=x onerror=alert(1)>ảnh<script>alert(2)</script><style>p{}</style>') == "ảnh"
    assert safe_html('<h3 id="__config" onclick="alert(1)" style="color:red">a</h3><iframe src="https://x/"></iframe>') == "<h3>a</h3>"
    assert safe_html("<p>&lt;img src=x onerror=alert(1)&gt;</p>") == "<p>&lt;img src=x onerror=alert(1)&gt;</p>"


def test_control_characters_in_a_process_built_in_python_reach_no_page() -> None:
    """The loader refuses them in YAML; a process built in Python can still carry them, and no page may."""
    from qms.handbook.html_blocks import GeneratedHtml
    from qms.model import Process
    from qms.render.escape import XML_UNSAFE

    nasty = "A\x00B\x01C\x0bD\x1fE\x7fF\x85G\ufffeH \r\n I"
    process = Process.model_validate(
        {"code": "QT-CTRL-01", "title": f"Tiêu đề {nasty}", "version": "1.0", "status": "draft", "owner": "a", "purpose": f"Mục đích {nasty}",
         "roles": {"a": f"Vai trò {nasty}"}, "records": [{"code": "BM-01", "name": f"Hồ sơ {nasty}"}],
         "steps": [{"id": "s", "type": "start", "name": f"Bước {nasty}", "role": "a", "records": ["BM-01"], "next": "e"},
                   {"id": "e", "type": "end", "name": "Kết thúc", "role": "a"}]}
    )  # fmt: skip
    book = build_handbook([process], diagrams=True)
    for name, page in book.pages.items():
        assert not XML_UNSAFE.search(page), name
    page = book.pages["quy-trinh/QT-CTRL-01.md"]
    assert "A\ufffdB\ufffdC\ufffdD\ufffdE\ufffdF\ufffdG\ufffdH" in page
    # A carriage return would end the heading for Markdown: the title stays on its line.
    heading = next(line for line in page.splitlines() if line.startswith("# "))
    assert heading.endswith("H   I")
    extension = GeneratedHtml()
    extension.active = True
    rendered = markdown.Markdown(extensions=["admonition", "attr_list", "tables", "toc", "meta", extension]).convert(page)
    assert "<h1" in rendered and "Tiêu đề A\ufffdB" in rendered
    from qms.handbook.diagrams import draw_flowcharts

    svg = draw_flowcharts(book, [process], Lang.VI)["quy-trinh/QT-CTRL-01.svg"]
    assert "Bước A\ufffdB\ufffdC" in ET.fromstring(svg).find(f"{SVG}g/{SVG}g[@id='step-s']/{SVG}title").text  # type: ignore[union-attr]
