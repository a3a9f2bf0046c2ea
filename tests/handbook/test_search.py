"""The handbook's search in Vietnamese (qms.handbook.search), as staff use it: typed into the search box of the built
site in Debian's Chromium, each staff query of search_queries.yaml must give its expected first result.

One site build for the module (the ``site`` fixture of test_browser, this repository's processes/).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml

from tests.handbook.test_browser import ARGS, CHROMIUM, SHOTS, site  # noqa: F401  (site: the module's fixture)

QUERIES = yaml.safe_load((Path(__file__).with_name("search_queries.yaml")).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def search_box(site: str) -> Iterator[Any]:  # noqa: F811  (the imported fixture)
    assert Path(CHROMIUM).exists(), "Chromium is missing: scripts/setup.sh --test installs Debian's chromium"
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        tab = browser.new_context(viewport={"width": 1400, "height": 900}).new_page()
        tab.goto(site + "so-tay/")
        tab.click("input.md-search__input")  # opens Material's search, as a click in the header's box does
        tab.wait_for_function("document.getElementById('__search').checked")
        yield tab
        browser.close()


def _first_result(tab: Any, site: str, query: str) -> tuple[str, str]:  # noqa: F811  (the site's URL)
    """The page of the first result (from the site's root) and the anchor of its best section ('' if none)."""
    for value in ("", query):  # Material reads the box on a key's release: fill, then a key as a person's last one
        tab.fill("input.md-search__input", value)
        tab.press("input.md-search__input", "End")
        if not value:
            tab.locator(".md-search-result__item").first.wait_for(state="detached", timeout=30_000)
    first = tab.locator(".md-search-result__item").first
    first.wait_for(timeout=60_000)  # the index loads in a worker: slow on a busy machine
    links = [urlsplit(link.get_attribute("href") or "") for link in first.locator("a.md-search-result__link").all()]
    page = links[0].path.removeprefix(urlsplit(site).path)
    section = links[1].fragment if len(links) > 1 and links[1].path == links[0].path else ""
    return page, section


def test_every_staff_query_gives_its_expected_first_result(site: str, search_box: Any) -> None:  # noqa: F811
    assert len(QUERIES) >= 20
    wrong = []
    for case in QUERIES:
        query = unicodedata.normalize("NFD", case["query"]) if case.get("nfd") else case["query"]
        page, section = _first_result(search_box, site, query)
        if page != case["first"] or ("step" in case and section != case["step"]):
            wrong.append(f"{case['query']!r}: expected {case['first']} {case.get('step', '')}, got {page} {section}")
    _first_result(search_box, site, "tham dinh ho so")
    search_box.screenshot(path=str(SHOTS / "search-without-diacritics.png"))
    assert wrong == [], "\n".join(wrong)


def test_the_words_added_to_a_query_are_never_shown_as_missing(site: str, search_box: Any) -> None:  # noqa: F811
    """The pairs asked for with the reader's words («tham_dinh») are not the reader's: never «Missing: tham_dinh»; and a
    word typed without its diacritics is found on the pages that have it with them."""
    _first_result(search_box, site, "tham dinh ho so")
    first = search_box.locator(".md-search-result__item").first
    assert first.locator("a.md-search-result__link").first.locator(".md-search-result__terms").count() == 0  # the best page misses none
    missing = search_box.locator(".md-search-result__terms").all_inner_texts()
    assert missing and not any("_" in words for words in missing)  # other results miss words, never the pairs
