"""The handbook's internal audit pages (the qms plugin's ``audits`` option, qms.handbook.audits)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
import yaml
from conftest import handbook_project, mkdocs_build

from qms.handbook.audits import ACTIONS_PAGE, PROGRAMME_PAGE, audited
from qms.handbook.safe_html import safe_html
from qms.load import load_paths
from qms.model import Process

ROOT = Path(__file__).resolve().parents[2]
AS_OF = date(2026, 12, 15)
HOSTILE = "<script>alert(1)</script> a | b *c* [x](javascript:alert(1))"


@pytest.fixture(scope="module")
def processes() -> list[Process]:
    return load_paths([ROOT / "processes"]).processes


def _rows(page: str, heading: str) -> list[str]:
    part = page.split(f"## {heading}\n")[1].split("\n## ")[0]
    return part.split("<tbody>")[1].split("</tbody>")[0].removeprefix("<tr>").removesuffix("</tr>").split("</tr><tr>")


def test_programme_page_of_the_shipped_samples(processes: list[Process]) -> None:
    found = audited(["audits"], ROOT, processes, AS_OF)
    assert found.problems == []
    assert found.titles == {PROGRAMME_PAGE: "Chương trình đánh giá nội bộ", ACTIONS_PAGE: "Hành động khắc phục"}
    page = found.pages[PROGRAMME_PAGE]
    assert page.startswith('---\ntitle: "Chương trình đánh giá nội bộ"\n---\n\n# Chương trình đánh giá nội bộ\n\n'
                           "Tình hình đến ngày 15/12/2026, theo hồ sơ đánh giá: audits.\n")  # fmt: skip
    assert "Phê duyệt: Nguyễn Quang Huy, ngày 20/01/2026." in page
    first, second, third = _rows(page, "Chương trình đánh giá chất lượng nội bộ năm 2026 \\(CT-DGNB-2026\\)")
    assert first == (
        "<td>DGNB-2026-01</td><td>3</td><td>QT-TTHC-01, QT-TTHC-GD-01</td><td>theo các quy trình</td><td>Lê Thị Hồng Nhung</td>"
        "<td>đã thực hiện</td><td>17/03/2026–19/03/2026</td><td>Lê Thị Hồng Nhung (trưởng đoàn), Phạm Minh Tuấn</td>"
    )
    assert second.startswith("<td>DGNB-2026-02</td><td>9</td><td>QT-VB-01, QT-DGNB-01</td><td>4.4, 5.3, 7.2, 7.5.2, 7.5.3, 8.5.1,")
    assert second.endswith("<td>Phạm Minh Tuấn</td><td>chưa thực hiện, đã qua tháng dự kiến</td><td></td><td></td>")
    assert third.startswith("<td>DGNB-2026-03</td><td>11</td><td>QT-TTHC-01</td><td>8.5.1, 9.1.2, 10.2</td>")
    assert "Đã thực hiện 1/3 cuộc đánh giá của chương trình." in page
    # The 2025 record belongs to a programme (CT-DGNB-2025) that is not among the files.
    assert _rows(page, "Cuộc đánh giá không có trong chương trình nào đã đọc") == [
        "<td>DGNB-2025-01</td><td>CT-DGNB-2025</td><td>QT-TTHC-01, QT-TTHC-GD-01</td><td>14/04/2025–16/04/2025</td>"
        "<td>Lê Thị Hồng Nhung (trưởng đoàn), Phạm Minh Tuấn</td>"
    ]
    earlier = audited(["audits"], ROOT, processes, date(2026, 10, 15)).pages[PROGRAMME_PAGE]
    assert (
        "<td>DGNB-2026-03</td><td>11</td><td>QT-TTHC-01</td><td>8.5.1, 9.1.2, 10.2</td><td>Lê Thị Hồng Nhung</td><td>chưa đến tháng dự kiến</td>"
        in earlier
    )


def test_actions_page_of_the_shipped_samples(processes: list[Process]) -> None:
    page = audited(["audits/programme-2026.yaml", "audits/DGNB-2025-01.yaml", "audits/DGNB-2026-01.yaml"], ROOT, processes, AS_OF).pages[
        ACTIONS_PAGE
    ]
    # DGNB-2026-01 NC-01: due 10/12/2026, in progress: 5 days overdue on 15/12/2026. Observations and OFIs are not listed.
    [open_nc] = _rows(page, "Điểm không phù hợp chưa đóng")
    assert open_nc.startswith(
        "<td>DGNB-2026-01</td><td>NC-01</td><td>không phù hợp nhẹ</td><td>QT-TTHC-01</td><td>8.5.1</td><td>Hồ sơ quá hạn"
    )
    assert open_nc.endswith("<td>Phòng Quản lý chất lượng</td><td>10/12/2026</td><td>quá hạn 5 ngày</td><td>đang thực hiện</td>")
    closed_2025, closed_2026 = _rows(page, "Điểm không phù hợp đã đóng")
    assert closed_2025 == (
        "<td>DGNB-2025-01</td><td>NC-01</td><td>QT-TTHC-01</td><td>8.5.1</td><td>Bộ phận Một cửa</td><td>30/06/2025</td><td>10/07/2025</td>"
        "<td>15/09/2025: có hiệu lực; Kiểm tra 40 hồ sơ tháng 8/2025 trên phần mềm một cửa, đủ thời điểm giao nhận. (Phạm Minh Tuấn)</td>"
    )
    assert closed_2026.startswith(
        "<td>DGNB-2026-01</td><td>NC-02</td><td>QT-TTHC-GD-01</td><td>8.2.1</td><td>Văn phòng Sở</td><td>31/05/2026</td><td>20/05/2026</td><td>10/09/2026: có hiệu lực;"
    )
    assert _rows(page, "Theo quy trình") == [
        "<td>QT-TTHC-01</td><td>0</td><td>1</td><td>1</td><td>2</td>",
        "<td>QT-TTHC-GD-01</td><td>0</td><td>0</td><td>1</td><td>1</td>",
    ]
    assert _rows(page, "Theo người chịu trách nhiệm") == [
        "<td>Bộ phận Một cửa</td><td>0</td><td>0</td><td>1</td><td>1</td>",
        "<td>Phòng Quản lý chất lượng</td><td>0</td><td>1</td><td>0</td><td>1</td>",
        "<td>Văn phòng Sở</td><td>0</td><td>0</td><td>1</td><td>1</td>",
    ]
    # The two procedures drafted in December 2026 (QT-TTHC-GD-02, -03), under review, are not yet in the QMS: no REC006.
    repeated, overdue = _rows(page, "Phát hiện về hồ sơ đánh giá")
    assert repeated.startswith(
        "<td>audits/DGNB-2026-01.yaml:31</td><td>REC005</td><td>cảnh báo</td><td>phát hiện NC-01 lặp lại phát hiện NC-01"
    )
    assert overdue.startswith(
        "<td>audits/DGNB-2026-01.yaml:45</td><td>REC003</td><td>cảnh báo</td><td>hành động khắc phục NC-01 quá hạn 5 ngày"
    )
    # Before the due date: 56 days left (16 in October, 30 in November, 10 in December), no REC003.
    earlier = audited(["audits"], ROOT, processes, date(2026, 10, 15)).pages[ACTIONS_PAGE]
    assert "<td>10/12/2026</td><td>còn 56 ngày</td>" in earlier and "REC003" not in earlier
    assert "<td>QT-TTHC-01</td><td>1</td><td>0</td><td>1</td><td>2</td>" in earlier


def test_a_hostile_finding_is_escaped(processes: list[Process], tmp_path: Path) -> None:
    data = yaml.safe_load((ROOT / "audits" / "DGNB-2026-01.yaml").read_text(encoding="utf-8"))
    data["findings"][0] |= {"statement": HOSTILE, "owner": "Phòng <b>QLCL</b>"}
    (tmp_path / "record.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = audited(["record.yaml"], tmp_path, processes, AS_OF)
    assert found.problems == []
    page = found.pages[ACTIONS_PAGE]
    assert "<script" not in page and "<b>" not in page
    assert "<td>&lt;script&gt;alert(1)&lt;/script&gt; a | b *c* [x](javascript:alert(1))</td><td>Phòng &lt;b&gt;QLCL&lt;/b&gt;</td>" in page
    assert safe_html(page.split("## Điểm không phù hợp chưa đóng\n")[1].split("\n## ")[0]).count("&lt;script&gt;") == 1


def test_bad_entries_give_one_sentence_each(processes: list[Process], tmp_path: Path) -> None:
    shutil.copy(ROOT / "audits" / "DGNB-2026-01.yaml", tmp_path / "DGNB-2026-01.yaml")
    (tmp_path / "bad.yaml").write_text("id: DGNB-X\ndates: {start: 2026-02-30}\n", encoding="utf-8")
    found = audited(["khong-co", "bad.yaml", "DGNB-2026-01.yaml"], tmp_path, processes, AS_OF)
    missing, bad = found.problems
    assert missing == "audits: không có tệp hoặc thư mục hồ sơ đánh giá «khong-co» (đường dẫn tính từ thư mục của mkdocs.yml)"
    assert bad.startswith("audits: tệp hồ sơ đánh giá «bad.yaml» có lỗi, bị bỏ qua: bad.yaml:") and "\n" not in bad
    assert set(found.pages) == {PROGRAMME_PAGE, ACTIONS_PAGE}  # the good record still gives its pages
    assert audited(["khong-co"], tmp_path, processes, AS_OF).pages == {}


def test_strict_build_publishes_the_pages_in_the_menu_and_bad_entries_warn(tmp_path: Path) -> None:
    samples = [f"audits/{name}" for name in ("programme-2026.yaml", "DGNB-2025-01.yaml", "DGNB-2026-01.yaml")]
    project = handbook_project(tmp_path, "audits: [audits], as_of: 2026-12-15", copies=samples)
    done = mkdocs_build(project, "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    folder = project / "site" / "so-tay" / "danh-gia-noi-bo"
    actions = (folder / "hanh-dong-khac-phuc" / "index.html").read_text(encoding="utf-8")
    assert "<title>Hành động khắc phục - Thử</title>" in actions and "quá hạn 5 ngày" in actions
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="so-tay/danh-gia-noi-bo/chuong-trinh/"' in home and 'href="so-tay/danh-gia-noi-bo/hanh-dong-khac-phuc/"' in home
    assert "Đánh giá nội bộ" in home and "Chương trình đánh giá nội bộ" in home
    (project / "mkdocs.yml").write_text(
        (project / "mkdocs.yml").read_text(encoding="utf-8").replace("[audits]", "[audits, khong-co.yaml]"), encoding="utf-8"
    )
    bad = mkdocs_build(project)
    output = bad.stdout + bad.stderr
    assert bad.returncode == 0 and "WARNING -  qms: audits: không có tệp hoặc thư mục hồ sơ đánh giá «khong-co.yaml»" in output
    assert "Traceback" not in output
