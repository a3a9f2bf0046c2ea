"""Two audiences, two doors: the staff's home page at the site's root, the officers' pages in their own menu section."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest

import qms
from qms.handbook.links import process_paths
from qms.handbook.pages.staff_home import gist, in_force, staff_home_page
from qms.i18n import Lang
from qms.load import load_paths
from qms.model import Status
from tests.conftest import ROOT, Markup, handbook_project, mkdocs_build

DAY = date(2026, 6, 1)


@pytest.fixture(scope="module")
def processes() -> list[qms.Process]:
    return sorted(load_paths([ROOT / "processes"]).processes, key=lambda p: p.code)


def _table_after(page: str, heading: str) -> str:
    start = page.index(heading)
    return page[start : page.index("</table>", start)]


def test_the_processes_in_force_are_listed_citizen_procedures_apart(processes: list[qms.Process]) -> None:
    page = staff_home_page(processes, process_paths(processes), "so-tay", "Sổ tay <Sở>", Lang.VI, DAY)
    assert page.startswith("# Sổ tay &lt;Sở&gt;")  # the site's name is escaped like any text
    current = [p for p in processes if in_force(p, DAY)]
    assert current and all(p.status is Status.APPROVED for p in current)
    citizens = _table_after(page, "### Giải quyết thủ tục hành chính")
    internal = _table_after(page, "### Quy trình nội bộ")
    for process in current:
        assert f"<td>{process.code}</td>" in (citizens if process.citizen_facing or process.procedure_code else internal) + citizens
        assert process.effective_date is None or process.effective_date.strftime("%d/%m/%Y") in citizens + internal
    upcoming = _table_after(page, "## Sắp áp dụng hoặc đang soạn thảo")
    for process in processes:
        if process.status is not Status.OBSOLETE and not in_force(process, DAY):
            assert f"<td>{process.code}</td>" in upcoming
    assert "## Quy trình đang áp dụng ngày 01/06/2026" in page


def test_links_are_made_from_the_sites_root(processes: list[qms.Process]) -> None:
    paths = process_paths(processes)
    page = staff_home_page(processes, paths, "so-tay", "Sổ tay", Lang.VI, DAY)
    targets = set(re.findall(r'href="([^"]+)"', page))
    assert {f"so-tay/{paths[p.code].removesuffix('.md')}/" for p in processes if in_force(p, DAY)} <= targets
    assert "so-tay/" in page.rsplit("\n", 3)[-2]  # the full catalogue, linked last


def test_a_process_approved_but_not_yet_effective_is_upcoming(processes: list[qms.Process]) -> None:
    approved = next(p for p in processes if p.status is Status.APPROVED and p.effective_date is not None)
    before = approved.effective_date.replace(year=approved.effective_date.year - 1)  # type: ignore[union-attr]
    assert not in_force(approved, before) and in_force(approved, approved.effective_date)  # type: ignore[arg-type]
    page = staff_home_page([approved], process_paths([approved]), "so-tay", "S", Lang.EN, before)
    assert "## Upcoming or being drafted" in page and f"<td>{approved.code}</td>" in _table_after(page, "## Upcoming")
    assert "No process is approved and in force yet." in page


def test_a_purpose_is_cut_to_its_first_clause_on_a_word() -> None:
    assert gist("Bảo đảm hồ sơ đúng hạn; đo lường hài lòng.") == "Bảo đảm hồ sơ đúng hạn"
    long = "Thống nhất trình tự " + "soạn thảo kiểm tra " * 20
    cut = gist(long)
    assert cut.endswith("…") and len(cut) <= 161 and not cut[:-1].endswith(" ")
    assert long.startswith(cut[:-1])


def _menu(page: Path) -> list[str]:
    """The menu's entries in order, read from a page without a table of contents (the 404 page)."""
    source = page.read_text(encoding="utf-8")
    nav = source[source.index("md-nav--primary") : source.index('class="md-content"')]
    return [re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", m))).strip() for m in re.findall(r'<span class="md-ellipsis">(.*?)</span>', nav, re.S)]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = handbook_project(tmp_path_factory.mktemp("two-doors"), "lang: vi", copies=["legal/register.yaml"])
    (project / "docs" / "index.md").unlink()  # no home page of the project's own: the staff's is generated
    (project / "docs" / "rules").mkdir()
    (project / "docs" / "rules" / "QMS101.md").write_text("# QMS101\n", encoding="utf-8")
    done = mkdocs_build(project)
    assert done.returncode == 0, done.stderr
    return project / "site"


def test_the_site_opens_on_the_staff_home_and_the_menu_has_two_doors(site: Path) -> None:
    home = "".join(Markup((site / "index.html").read_text(encoding="utf-8")).text)
    assert "Quy trình đang áp dụng ngày" in home
    menu = _menu(site / "404.html")
    assert menu[:3] == ["Trang chủ", "Sổ tay quy trình ISO", "Danh mục quy trình"]
    officers = menu.index("Dành cho cán bộ ISO và chuyên gia đánh giá")
    assert menu.index("Quy trình") < officers  # the processes are in the staff's door
    for page in ("Kết quả kiểm tra sự phù hợp", "Ma trận điều khoản ISO", "QMS101"):
        assert menu.index(page) > officers, page


def test_a_projects_own_home_page_is_kept(tmp_path: Path) -> None:
    project = handbook_project(tmp_path, "lang: vi")
    assert mkdocs_build(project).returncode == 0
    assert "Quy trình đang áp dụng ngày" not in (project / "site" / "index.html").read_text(encoding="utf-8")


def test_the_agency_of_qms_toml_is_named_under_the_title(processes: list[qms.Process]) -> None:
    from qms.rules.agency import Agency

    agency = Agency("Sở Giáo dục và Đào tạo <A>", "Ủy ban nhân dân tỉnh Điện Biên")
    page = staff_home_page(processes, process_paths(processes), "so-tay", "Sổ tay", Lang.VI, DAY, agency)
    assert page.splitlines()[2] == "**Sở Giáo dục và Đào tạo &lt;A&gt;** — Ủy ban nhân dân tỉnh Điện Biên"
    assert "**" not in staff_home_page(processes, process_paths(processes), "so-tay", "Sổ tay", Lang.VI, DAY).splitlines()[2]
