"""The built handbook in a real browser (Debian's Chromium driven by Playwright; no browser download).

Screenshots go to test-output/handbook/ for a person to look at.
"""

from __future__ import annotations

import functools
import http.server
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from qms.handbook.printing import CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[2]
SHOTS = ROOT / "test-output" / "handbook"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = CHROMIUM_ARGS  # the printing's: one set of flags for every headless Chromium qms starts


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    out = tmp_path_factory.mktemp("site")
    done = subprocess.run(
        [sys.executable, "-m", "qms", "handbook", "build", "--site-dir", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout + done.stderr
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(out)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="module")
def page(site: str) -> Iterator[object]:
    assert Path(CHROMIUM).exists(), "Chromium is missing: scripts/setup.sh --test installs Debian's chromium"
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 900})
        # The site must load nothing from outside: any request off 127.0.0.1 fails the test.
        outside: list[str] = []
        context.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else None)
        yield context.new_page(), outside
        browser.close()


def test_home_to_process_to_step(site: str, page: tuple) -> None:  # type: ignore[type-arg]
    tab, outside = page
    tab.goto(site + "so-tay/")
    assert "Sổ tay quy trình ISO" in tab.content()
    tab.screenshot(path=str(SHOTS / "1-home.png"), full_page=True)
    tab.click("a[href='quy-trinh/QT-TTHC-01/']")
    tab.wait_for_url("**/so-tay/quy-trinh/QT-TTHC-01/")
    assert "Giải quyết hồ sơ thủ tục hành chính" in tab.title()
    flowchart = tab.locator("object.qms-flowchart")
    assert flowchart.count() == 1
    tab.screenshot(path=str(SHOTS / "2-process.png"), full_page=False)
    # The flowchart's SVG has an element per step, with the step's name as its title.
    svg = tab.request.get(site + "so-tay/quy-trinh/QT-TTHC-01.svg")
    assert svg.ok and 'id="step-tiep-nhan"' in svg.text()
    tab.goto(site + "so-tay/quy-trinh/QT-TTHC-01/#step-tiep-nhan")
    assert tab.locator("#step-tiep-nhan").is_visible()
    tab.screenshot(path=str(SHOTS / "3-step.png"))
    assert outside == []


def test_measured_log_page_from_the_menu_shows_its_charts(site: str, page: tuple) -> None:  # type: ignore[type-arg]
    """The shipped sample log (mkdocs.yml's «logs»): a page under «Kết quả đo lường», its three charts loaded."""
    tab, outside = page
    tab.goto(site + "so-tay/")
    tab.locator("nav.md-nav--primary a[href='do-luong/QT-TTHC-01/']").first.click()
    tab.wait_for_url("**/so-tay/do-luong/QT-TTHC-01/")
    assert tab.title().startswith("Kết quả giải quyết hồ sơ — Giải quyết hồ sơ thủ tục hành chính")
    assert "Kết quả đo lường" in tab.locator("nav.md-nav--primary").inner_text()
    charts = tab.locator("object.qms-chart")
    assert charts.count() == 3
    tab.wait_for_function("[...document.querySelectorAll('object.qms-chart')].every(o => o.contentDocument?.querySelector('svg[role=img] desc'))")
    assert "Cách tính: cách tính chính thức" in tab.content()
    tab.screenshot(path=str(SHOTS / "6-measured-log.png"), full_page=True)
    assert outside == []


def test_language_switch_to_english_and_back(site: str, page: tuple) -> None:  # type: ignore[type-arg]
    tab, outside = page
    tab.goto(site + "so-tay/quy-trinh/QT-VB-01/#step-giao-soan-thao")
    tab.hover(".md-header__option .md-select")
    tab.click("a.md-select__link[hreflang='en']")
    # The reader stays on the same page (and place) in the other edition, not on its home page.
    tab.wait_for_url(site + "en/so-tay/quy-trinh/QT-VB-01/#step-giao-soan-thao")
    assert "Issuing outgoing official documents" in tab.title()
    tab.screenshot(path=str(SHOTS / "5-english.png"))
    tab.hover(".md-header__option .md-select")
    tab.click("a.md-select__link[hreflang='vi']")
    tab.wait_for_url(site + "so-tay/quy-trinh/QT-VB-01/#step-giao-soan-thao")
    assert "Ban hành văn bản đi" in tab.title()
    assert outside == []


def test_search_finds_a_vietnamese_word(site: str, page: tuple) -> None:  # type: ignore[type-arg]
    tab, outside = page
    tab.goto(site + "so-tay/")
    tab.keyboard.press("s")  # Material's search shortcut
    tab.fill("input.md-search__input", "thẩm định")
    results = tab.locator(".md-search-result__item")
    results.first.wait_for(timeout=60_000)  # the search index loads in a worker; slow on a busy machine
    assert results.count() >= 1
    tab.screenshot(path=str(SHOTS / "4-search.png"))
    # Typed without diacritics, as on many phones: the search worker (qms/handbook/search.py) folds the index and the query.
    tab.fill("input.md-search__input", "tham dinh ho so")
    # Waiting for the page itself, not for any result: the results of the first query may still be shown.
    tab.locator(".md-search-result__item", has_text="QT-TTHC-01").first.wait_for(timeout=60_000)
    assert outside == []
