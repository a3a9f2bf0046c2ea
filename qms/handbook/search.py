"""Search that works in Vietnamese, with Material for MkDocs' own search (lunr in a web worker).

Material's search folds no accents and knows no phrases: «tham dinh» found nothing useful, and a page with
«thẩm» and «định» far apart ranked as high as one about «thẩm định». Rather than a search engine of our own, the
handbook keeps Material's worker and its ranking and runs it inside a small worker of ours (:data:`WORKER`), which
gives the index and each query their words without diacritics and their pairs of neighbouring syllables (explained
at the top of that file). Process pages come first by the theme's own per-page weight (front matter
``search: boost:``, :data:`qms.handbook.pages.process.SEARCH_BOOST`).

The worker is a static file of the handbook's theme folder (:data:`THEME`), copied into Material's
``assets/javascripts/workers/`` folder of the site (Material finds its language files relative to its worker); the
theme's ``main.html`` points Material's configuration at it. Measured by the staff queries of
``tests/handbook/search_queries.yaml`` in a real browser (``tests/handbook/test_search.py``).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import Any

THEME = Path(__file__).parent / "theme"
# Pages for QMS officers, auditors and developers (rules, format reference…): found, but after the staff's handbook.
OFFICERS_BOOST = 0.1
# A word in a page's or section's title weighs this many times one in its text. Material's default (1,000) let one
# syllable of a title («Báo cáo định kỳ») outrank a step named «Thẩm định hồ sơ»; 50 still puts titles first
# (measured with the staff queries, tests/handbook/search_queries.yaml). A project's own «fields» option wins.
TITLE_BOOST = 50.0
MATERIAL_TITLE = {"boost": 1e3}
WORKER = THEME / "assets" / "javascripts" / "workers" / "qms-search.js"


def add_theme(config: Any) -> None:
    """The handbook's theme folder (:data:`THEME`) after a project's own ``custom_dir``, so that the project's wins."""
    dirs = config.theme.dirs
    if str(THEME) not in dirs:
        dirs.insert(1 if config.theme.custom_dir else 0, str(THEME))


def _search_plugin(config: Any) -> Any:
    return next((plugin for name, plugin in config.plugins.items() if name.split("/")[-1] == "search"), None)


def vietnamese_search(config: Any) -> None:
    """Set a Material site up for the handbook's search worker and weights (the plugin's on_config, after the search
    plugin's, which has filled in its default weights)."""
    if config.theme.name != "material":
        return
    add_theme(config)
    fields = getattr(getattr(_search_plugin(config), "config", None), "fields", None)
    if isinstance(fields, dict) and fields.get("title") == MATERIAL_TITLE:  # Material's default, not the project's
        fields["title"] = {"boost": TITLE_BOOST}


def weigh(page: Any, handbook: str) -> None:
    """A page outside the handbook's folder ``handbook`` (and not the home page) weighs :data:`OFFICERS_BOOST` in
    search, unless its front matter says otherwise: a rule whose title holds «định» no longer comes before the process
    whose step is «Thẩm định hồ sơ» (Material weighs a title 1,000 times the text)."""
    uri = page.file.src_uri
    if not uri.startswith(f"{handbook}/") and uri != "index.md":
        search = page.meta.setdefault("search", {})
        if isinstance(search, dict):
            search.setdefault("boost", OFFICERS_BOOST)


# The end of a table cell, row or line break directly followed by the next tag: Material's search index keeps the
# text between tags only, so «<td>3</td><td>Thẩm định</td>» would be indexed as one word «3thẩm».
_JOINED = re.compile(r"(</t[dhr]>|<br>)(?=<)")


def words_apart(html: str) -> str:
    """``html`` with a line break after each cell, row and ``<br>`` followed by a tag (no change on the screen)."""
    return _JOINED.sub("\\1\n", html)


# A row of a process page's steps table (qms.handbook.pages.process): its anchor, number, name and other cells.
_STEP_ROW = re.compile(r'<tr><td><span id="step-([^"]+)">(\d+)</span>.*?</td>\s*<td>(.*?)(?:<br>.*?)?</td>(.*?)</tr>', re.DOTALL)
_CELL = re.compile(r"<td>(.*?)</td>", re.DOTALL)
_TAG = re.compile(r"<[^>]*>")


def index_steps(config: Any, page: Any) -> None:
    """Each step of a process page as an entry of Material's search index, right after the page's own entries (the
    plugin's on_page_context runs after the search plugin's): titled «3. Thẩm định hồ sơ» and weighed as the page, so
    that a search for a step's name leads to its row rather than to a page that merely has the words in a title."""
    index = getattr(_search_plugin(config), "search_index", None)
    if index is None or 'id="step-' not in (page.content or ""):
        return
    boost = (page.meta.get("search") or {}).get("boost")
    for step_id, number, name, cells in _STEP_ROW.findall(page.content):
        entry = {"location": f"{page.url}#step-{html.unescape(step_id)}", "title": f"{number}. {name.strip()}"}
        kept = _CELL.findall(cells)[:-1]  # not the last cell, the next steps: they are other steps' names
        entry["text"] = " ".join(_TAG.sub(" ", " ".join(kept)).split())
        if boost is not None:
            entry["boost"] = boost
        index.entries.append(entry)


__all__ = ["OFFICERS_BOOST", "THEME", "WORKER", "add_theme", "index_steps", "vietnamese_search", "weigh", "words_apart"]
