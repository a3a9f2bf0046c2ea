"""«mkdocs serve --dirty» with the qms plugin: only changed pages are rendered again; menus and search stay whole."""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

ROOT = Path(__file__).resolve().parents[2]
URL = "http://127.0.0.1:8000/"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    logging.getLogger("mkdocs").setLevel(logging.ERROR)
    shutil.copytree(ROOT / "processes", tmp_path / "processes")
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Thử\ntheme: {name: material, language: vi, font: false, features: [navigation.sections]}\n"
        "plugins: [search, {qms: {processes: processes}}]\nmarkdown_extensions: [admonition, attr_list, tables]\n",
        encoding="utf-8",
    )
    yield tmp_path


def serve_builds(project: Path) -> Iterator[None]:
    """Builds as «mkdocs serve --dirty» makes them: the configuration is read again each time, the plugin kept."""
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site"))
    config.plugins.on_startup(command="serve", dirty=True)
    build(config, serve_url=URL, dirty=True)
    try:
        while True:
            yield
            build(load_config(str(project / "mkdocs.yml"), site_dir=str(project / "site")), serve_url=URL, dirty=True)
    finally:
        config.plugins.on_shutdown()


def pages(site: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in (site / "so-tay").rglob("index.html")}


def search_entries(site: Path) -> list[str]:
    return [d["location"] for d in json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]]


def test_a_saved_process_renders_its_own_page_again_and_keeps_search_whole(project: Path) -> None:
    site = project / "site"
    rebuild = serve_builds(project)
    next(rebuild)
    before, entries = pages(site), search_entries(site)
    # Pages gathering what process pages say are not searched: a search leads to the process page.
    assert not [e for e in entries if e.split("#")[0] in ("so-tay/", "so-tay/ho-so/", "so-tay/vai-tro/", "so-tay/kiem-tra/")]
    assert any(e.startswith("so-tay/quy-trinh/QT-VB-01/") for e in entries)
    process_page = site / "so-tay" / "quy-trinh" / "QT-VB-01" / "index.html"
    assert "QT-VB-01" in process_page.read_text(encoding="utf-8")

    source = project / "processes" / "QT-VB-01.yaml"
    source.write_text(source.read_text(encoding="utf-8").replace("Ban hành văn bản đi", "Ban hành văn bản đi (sửa)", 1), encoding="utf-8")
    next(rebuild)
    after = pages(site)
    changed = {p.relative_to(site).as_posix() for p in after if after[p] != before[p]}
    assert "so-tay/quy-trinh/QT-VB-01/index.html" in changed
    # The title shows in every menu, so every generated page was rendered again with the new menu ...
    assert changed >= {p.relative_to(site).as_posix() for p in before}
    assert "Ban hành văn bản đi (sửa)" in (site / "so-tay" / "quy-trinh" / "QT-TTHC-01" / "index.html").read_text(encoding="utf-8")
    # ... while a change that does not touch a menu renders only the pages it changes.
    before = pages(site)
    source.write_text(
        source.read_text(encoding="utf-8").replace("Cập nhật sau sắp xếp", "Cập nhật (lần 2) sau sắp xếp", 1), encoding="utf-8"
    )
    next(rebuild)
    after = pages(site)
    changed = {p.relative_to(site).as_posix() for p in after if after[p] != before[p]}
    assert "so-tay/quy-trinh/QT-VB-01/index.html" in changed and "so-tay/quy-trinh/QT-TTHC-01/index.html" not in changed
    rebuilt = process_page.read_text(encoding="utf-8")
    assert "Cập nhật (lần 2)" in rebuilt
    # Its menu names the pages mkdocs did not read again by their titles, not by their file names.
    assert "QT-TTHC-01 — Giải quyết hồ sơ thủ tục hành chính" in rebuilt and "Qt tthc 01" not in rebuilt

    # Search: every page still indexed, each section once, with the new text.
    now = search_entries(site)
    assert len(now) == len(set(now)) and sorted(now) == sorted(entries)
    docs = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]
    assert any("Cập nhật (lần 2)" in d["text"] for d in docs if d["location"].startswith("so-tay/quy-trinh/QT-VB-01/"))


def test_a_new_process_appears_in_every_menu_and_a_removed_one_leaves_search(project: Path) -> None:
    site = project / "site"
    rebuild = serve_builds(project)
    next(rebuild)
    shutil.copy(ROOT / "tests" / "render" / "fixtures" / "hostile.yaml", project / "processes" / "hostile.yaml")
    next(rebuild)
    other = (site / "so-tay" / "quy-trinh" / "QT-VB-01" / "index.html").read_text(encoding="utf-8")
    assert "QT-HOSTILE-01" in other  # the menu of a page the change did not touch
    assert (site / "so-tay" / "quy-trinh" / "QT-HOSTILE-01.svg").is_file()
    assert any(loc.startswith("so-tay/quy-trinh/QT-HOSTILE-01/") for loc in search_entries(site))
    (project / "processes" / "hostile.yaml").unlink()
    next(rebuild)
    assert not any(loc.startswith("so-tay/quy-trinh/QT-HOSTILE-01/") for loc in search_entries(site))
