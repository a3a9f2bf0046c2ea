"""The handbook: generated pages, escaping, links, and a real strict mkdocs build with the qms plugin."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

import qms
from qms.handbook.pages import build_handbook, href, md, text
from qms.load import load_paths

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = ROOT / "tests" / "render" / "fixtures" / "hostile.yaml"


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
    from qms.handbook.pages import GROUP_LIMIT, process_paths
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
    assert 'href="../QT-VB-01/"' in svg  # the sub-process box links to the called process's page


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
    assert "<td>Tính thời hạn</td><td>từ bước «Tiếp nhận hồ sơ đầy đủ» đến bước «Trả kết quả»</td>" in page


def test_standards_are_listed_apart_from_the_legal_basis() -> None:
    process = qms.load(ROOT / "processes" / "QT-DGNB-01.yaml")
    page = build_handbook([process]).pages["quy-trinh/QT-DGNB-01.md"]
    legal, standards = page.split("## Căn cứ pháp lý")[1].split("## Tiêu chuẩn, hướng dẫn viện dẫn")
    assert "19/2014/QĐ-TTg" in legal and "ISO 19011" not in legal
    assert "ISO 19011:2018" in standards.split("## ")[0] and "<th>Trích yếu</th>" in standards
