"""Versioned handbook: publish with mike, find the version in force on a date, export a servable folder."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
from conftest import qms_ok

from qms.handbook.printing import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]


qms = qms_ok  # python -m qms ..., asserting no traceback


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "processes").mkdir()
    for name in ("QT-VB-01.yaml",):
        (tmp_path / "processes" / name).write_bytes((ROOT / "processes" / name).read_bytes())
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Sổ tay\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Sổ tay\ntheme: {name: material, language: vi, font: false}\n"
        "plugins: [search, {qms: {processes: processes}}]\nmarkdown_extensions: [admonition, tables]\n"
        "extra: {version: {provider: mike}}\n",
        encoding="utf-8",
    )
    for args in (["init", "-q", "-b", "main"], ["config", "user.name", "Cán bộ ISO"], ["config", "user.email", "iso@example.invalid"]):
        subprocess.run(["git", *args], cwd=tmp_path, check=True)
    subprocess.run(["git", "add", "-A"], cwd=tmp_path, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "handbook"], cwd=tmp_path, check=True)
    return tmp_path


def test_publish_two_versions_find_the_one_in_force_and_export(project: Path, tmp_path: Path) -> None:
    first = qms("handbook", "publish", "--version", "2025.1", "--effective", "2025-07-01", cwd=project)
    assert first.returncode == 0, first.stdout + first.stderr
    second = qms("handbook", "publish", "--version", "2026.1", "--effective", "2026-01-15", cwd=project)
    assert second.returncode == 0, second.stdout + second.stderr

    in_force = qms("--lang", "en", "handbook", "in-force", "2025-12-01", cwd=project)
    assert in_force.returncode == 0 and "version 2025.1" in in_force.stdout
    assert "2026.1" in qms("handbook", "in-force", "2026-02-01", cwd=project).stdout
    assert qms("handbook", "in-force", "2024-01-01", cwd=project).returncode == 1

    exported = tmp_path / "export"
    assert qms("handbook", "export", str(exported), cwd=project).returncode == 0
    versions = json.loads((exported / "versions.json").read_text(encoding="utf-8"))
    assert [v["version"] for v in versions] == ["2026.1", "2025.1"]
    assert versions[0]["aliases"] == ["latest"]
    # Aliases are copies (servable by any web server), each version keeps its own generated pages.
    assert (exported / "latest" / "so-tay" / "quy-trinh" / "QT-VB-01" / "index.html").is_file()
    assert (exported / "2025.1" / "so-tay" / "quy-trinh" / "QT-VB-01.svg").is_file()
    assert not (exported / "latest").is_symlink()


def test_export_without_a_published_branch_is_a_clear_error(project: Path, tmp_path: Path) -> None:
    done = qms("handbook", "export", str(tmp_path / "out"), cwd=project)
    assert done.returncode == 1 and "git archive" in done.stderr


def test_version_selector_in_the_browser(project: Path, tmp_path: Path) -> None:
    """The exported site, served on 127.0.0.1, offers both versions and switches between them."""
    import functools
    import http.server
    import shutil
    import threading

    from playwright.sync_api import sync_playwright

    for version, day in (("2025.1", "2025-07-01"), ("2026.1", "2026-01-15")):
        assert qms("handbook", "publish", "--version", version, "--effective", day, cwd=project).returncode == 0
    exported = tmp_path / "export"
    assert qms("handbook", "export", str(exported), cwd=project).returncode == 0
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(exported))
    handler.log_message = lambda *args: None  # type: ignore[assignment,method-assign]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    shots = ROOT / "test-output" / "handbook"
    shots.mkdir(parents=True, exist_ok=True)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=shutil.which("chromium") or "/usr/bin/chromium", args=CHROMIUM_ARGS)
            tab = browser.new_page()
            tab.goto(base)  # mike's root redirects to the default alias, latest
            tab.wait_for_url("**/latest/")
            selector = tab.locator(".md-version")
            selector.wait_for(timeout=15000)
            selector.hover()
            tab.click(".md-version__link:has-text('2025.1')")
            tab.wait_for_url("**/2025.1/**")
            # From a page inside a version, the other version opens on the same page (Material's selector, mike's sitemap).
            tab.goto(base + "latest/so-tay/")
            selector.wait_for(timeout=15000)
            selector.hover()
            tab.click(".md-version__link:has-text('2025.1')")
            tab.wait_for_url(base + "2025.1/so-tay/")
            tab.screenshot(path=str(shots / "6-version.png"))
            browser.close()
    finally:
        server.shutdown()


def _git(project: Path, *args: str) -> str:
    return subprocess.run(["git", *args], cwd=project, check=True, capture_output=True, text=True).stdout.strip()


def _versions(project: Path) -> list[dict[str, object]]:
    return json.loads(_git(project, "show", "gh-pages:versions.json"))


def test_a_version_records_its_commit_and_its_effective_date_in_its_title(project: Path) -> None:
    done = qms("handbook", "publish", "--version", "2026.1", "--effective", "2026-01-15", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    (version,) = _versions(project)
    assert version["title"] == "2026.1 (15/01/2026)"
    assert version["properties"] == {"effective": "2026-01-15", "commit": _git(project, "rev-parse", "HEAD")}


def test_uncommitted_changes_are_refused(project: Path) -> None:
    path = project / "processes" / "QT-VB-01.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "\n# chưa commit\n", encoding="utf-8")
    done = qms("handbook", "publish", "--version", "2026.2", cwd=project)
    assert done.returncode == 1 and "thay đổi chưa commit" in done.stderr and "processes/QT-VB-01.yaml" in done.stderr
    assert "gh-pages" not in _git(project, "branch", "--list")


def test_a_process_with_errors_is_refused_and_forcing_says_so_on_every_page(project: Path, tmp_path: Path) -> None:
    path = project / "processes" / "QT-VB-01.yaml"
    # an internal step that stops the clock: a QMS307 error, which does not stop the site's build
    path.write_text(path.read_text(encoding="utf-8").replace("\n    next: ", "\n    stops_clock: true\n    next: ", 1), encoding="utf-8")
    _git(project, "commit", "-q", "-am", "a step that stops the clock")
    refused = qms("handbook", "publish", "--version", "2026.2", cwd=project)
    assert refused.returncode == 1 and "quy trình còn" in refused.stderr
    forced = qms("handbook", "publish", "--version", "2026.2", "--force", cwd=project)
    assert forced.returncode == 0, forced.stdout + forced.stderr
    exported = tmp_path / "export"
    assert qms("handbook", "export", str(exported), cwd=project).returncode == 0
    for page in (exported / "2026.2").rglob("index.html"):
        assert "được phát hành dù chưa đạt kiểm tra" in page.read_text(encoding="utf-8"), page


def test_every_published_version_carries_the_english_edition(project: Path, tmp_path: Path) -> None:
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "{qms: {processes: processes}}", "{qms: {processes: processes, editions: {en: mkdocs.en.yml}}}"
        ),
        encoding="utf-8",
    )
    (project / "mkdocs.en.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_name: Handbook\ntheme: {name: material, language: en, font: false}\n"
        "plugins: [search, {qms: {processes: processes, lang: en}}]\n",
        encoding="utf-8",
    )
    _git(project, "add", "-A")
    _git(project, "commit", "-q", "-m", "English edition")
    done = qms("handbook", "publish", "--version", "2026.1", "--effective", "2026-01-15", cwd=project)
    assert done.returncode == 0, done.stdout + done.stderr
    exported = tmp_path / "export"
    assert qms("handbook", "export", str(exported), cwd=project).returncode == 0
    english = (exported / "2026.1" / "en" / "so-tay" / "quy-trinh" / "QT-VB-01" / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in english and "Issuing outgoing official documents" in english
    assert not (exported / "2026.1" / "en" / "en").exists()  # an edition does not build editions again


def test_a_superseded_version_carries_the_banner_to_the_version_in_force(project: Path, tmp_path: Path) -> None:
    for version, day in (("2025.1", "2025-07-01"), ("2026.1", "2026-01-15")):
        assert qms("handbook", "publish", "--version", version, "--effective", day, cwd=project).returncode == 0
    exported = tmp_path / "export"
    assert qms("handbook", "export", str(exported), cwd=project).returncode == 0
    page = (exported / "2025.1" / "so-tay" / "index.html").read_text(encoding="utf-8")
    banner = page[page.index('data-md-component="outdated"') :]
    banner = banner[: banner.index("</aside>")]
    assert "Đây là phiên bản sổ tay đã được thay thế." in banner
    assert re.search(r'href="\.\.(/\.\.)*/?"><strong>Xem phiên bản đang có hiệu lực\.</strong>', banner), banner
    # Material shows it on every version but the default one, which the page's configuration names.
    assert '"default":"latest"' in page.replace(" ", "")
