"""The handbook's dashboard pages of ISO 18091 self-assessments (the qms plugin's ``assessments`` option)."""

from __future__ import annotations

from pathlib import Path

import markdown
from conftest import handbook_project, mkdocs_build

from qms.handbook.assessments import assessed
from qms.handbook.html_blocks import GeneratedHtml
from qms.handbook.safe_html import safe_html
from qms.i18n import Lang

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ["assessments/18091-2025.yaml", "assessments/18091-2026.yaml"]
PAGE = "tu-danh-gia/2026.md"
GREEN = '<span class="qms-light qms-light-green" title="xanh" aria-hidden="true">●</span> xanh'
YELLOW = '<span class="qms-light qms-light-yellow" title="vàng" aria-hidden="true">●</span> vàng'


def test_the_dashboard_page_per_quadrant_with_markers_words_and_last_year() -> None:
    found = assessed(SAMPLES, ROOT)
    assert found.problems == [] and set(found.pages) == {"tu-danh-gia/2025.md", PAGE}
    assert found.titles[PAGE] == "Tự đánh giá ISO 18091 năm 2026"
    page = found.pages[PAGE]
    assert page.startswith('---\ntitle: "Tự đánh giá ISO 18091 năm 2026"\n---\n\n# Tự đánh giá ISO 18091 năm 2026\n')
    assert "diễn giải của dự án, không phải lời văn của tiêu chuẩn" in page
    for heading in ("## 1. Phát triển thể chế vì quản trị tốt", "## 2. Phát triển kinh tế bền vững", "## 3. Phát triển xã hội bao trùm",
                    "## 4. Bền vững môi trường"):  # fmt: skip
        assert heading in page
    assert "<tr><td>1. Phát triển thể chế vì quản trị tốt</td><td>0</td><td>4</td><td>6</td><td>0</td><td>0</td></tr>" in page
    assert f"<tr><td>1.1</td><td>Chính quyền có trách nhiệm giải trình</td><td>{GREEN}</td><td>{YELLOW}</td><td>↑ tốt lên</td>" in page
    assert '<td>1.2</td><td>Minh bạch và tiếp cận thông tin <span class="qms-education" title="🎓">🎓</span></td>' in page
    assert "So với năm 2025: tốt lên 13, giữ nguyên 14, kém đi 0." in page and "<td>Văn phòng Sở</td>" in page
    assert "Không có tệp đánh giá năm trước để so sánh." in found.pages["tu-danh-gia/2025.md"]
    # The markers and their words survive the handbook's allow-list.
    html = safe_html(markdown.markdown(page, extensions=["tables", GeneratedHtml()]))
    assert GREEN in html and 'class="qms-light qms-light-red"' in html and "đỏ" in html


def test_english_page_and_bad_entries(tmp_path: Path) -> None:
    english = assessed(SAMPLES[1:], ROOT, Lang.EN)
    page = english.pages[PAGE]
    assert "# ISO 18091 self-assessment 2026" in page and "## 1. Institutional development for good governance" in page
    assert "Accountable government" in page
    bad = tmp_path / "bad.yaml"
    bad.write_text("organisation: X\nyear: 2026\n", encoding="utf-8")
    hostile = tmp_path / "hostile.yaml"
    text = (ROOT / SAMPLES[1]).read_text(encoding="utf-8").replace("previous: 18091-2025.yaml", "previous: khong-co.yaml")
    hostile.write_text(text.replace("organisation: Sở Giáo dục và Đào tạo", 'organisation: "<script>alert(1)</script> *x*"'), encoding="utf-8")
    found = assessed(["khong-co.yaml", "bad.yaml", "hostile.yaml"], tmp_path)
    assert len(found.problems) == 3 and "khong-co.yaml" in found.problems[0] and "bad.yaml:" in found.problems[1]
    assert "ASM007" in found.problems[2]
    assert "<script>" not in found.pages[PAGE] and "&lt;script&gt;" in found.pages[PAGE]


def test_strict_build_publishes_the_dashboards_in_the_menu(tmp_path: Path) -> None:
    project = handbook_project(tmp_path, f"assessments: [{', '.join(SAMPLES)}]", copies=SAMPLES)
    done = mkdocs_build(project, "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    page = (project / "site" / "so-tay" / "tu-danh-gia" / "2026" / "index.html").read_text(encoding="utf-8")
    assert "<title>Tự đánh giá ISO 18091 năm 2026 - Thử</title>" in page
    assert 'class="qms-light qms-light-green"' in page and "xanh" in page and "tốt lên" in page
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="so-tay/tu-danh-gia/2026/"' in home and "Tự đánh giá ISO 18091" in home
    css = (project / "site" / "so-tay" / "qms.css").read_text(encoding="utf-8")
    assert ".qms-light-red" in css
