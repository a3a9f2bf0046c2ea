"""Fast preview: what ``mkdocs serve --dirty`` needs to rebuild only the pages a saved YAML file changed.

mkdocs renders a page again under ``--dirty`` only when its source file is
newer than the page it built before; generated pages have no source file,
so they would all be rendered on every save. The preview writes them into
a folder of its own (never into ``docs/``), each only when its text
changed. When a process is added, removed or renamed every menu changes,
so every generated page is marked for rendering again.

Material's search index under ``--dirty`` is made for one changed page:
the preview keeps the index entries of every page itself and writes the
whole index after each rebuild, so that search in the preview stays
complete when a save changes several pages.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File


class Preview:
    """Generated pages on disk and the search index, kept across the rebuilds of one ``mkdocs serve``."""

    def __init__(self) -> None:
        self.folder = Path(tempfile.mkdtemp(prefix="qms-handbook-"))
        self._staged: dict[str, str] = {}  # path -> text written
        self._menu: tuple[tuple[str, str], ...] | None = None
        self._assets: dict[str, bytes] = {}  # flowchart path -> SVG written into the site
        self._search: dict[str, list[dict[str, Any]]] = {}  # page URL -> its search index entries
        self._rebuilt: set[str] = set()

    def close(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)

    def stage(self, pages: dict[str, str], config: Any, titles: dict[str, str]) -> list[File]:
        """Write changed pages into the preview folder; mkdocs files for all of them."""
        menu = tuple(sorted(titles.items()))
        every_menu_changed = self._menu is not None and menu != self._menu
        self._menu = menu
        for gone in set(self._staged) - set(pages):
            (self.folder / gone).unlink(missing_ok=True)
            del self._staged[gone]
        files = []
        for path, content in pages.items():
            target = self.folder / path
            if self._staged.get(path) != content:
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(content, encoding="utf-8")
                self._staged[path] = content
            elif every_menu_changed:
                os.utime(target)  # newer than the page built from it: rendered again
            files.append(File(path, src_dir=str(self.folder), dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls))
        return files

    def write_asset(self, site_dir: Path, path: str, content: bytes) -> None:
        target = site_dir / path
        if self._assets.get(path) is content and target.is_file():
            return
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        self._assets[path] = content

    def before_build(self, config: Any) -> None:
        self._rebuilt = set()
        for plugin in config.plugins.values():
            # Material's search merges the last index with the new entries of one page; the preview merges instead.
            if hasattr(plugin, "search_index_prev"):
                plugin.search_index_prev = None

    def page_built(self, url: str) -> None:
        self._rebuilt.add(url)

    def complete_search_index(self, site_dir: Path, urls: set[str]) -> None:
        """Rewrite the search index with the new entries of rebuilt pages and the kept entries of the others."""
        index = site_dir / "search" / "search_index.json"
        if not index.is_file():
            return
        data = json.loads(index.read_text(encoding="utf-8"))
        fresh: dict[str, list[dict[str, Any]]] = {}
        for entry in data.get("docs", []):
            fresh.setdefault(str(entry.get("location", "")).split("#", 1)[0], []).append(entry)
        for url in self._rebuilt | set(fresh):
            self._search[url] = fresh.get(url, [])
        self._search = {url: entries for url, entries in self._search.items() if url in urls}
        data["docs"] = [entry for entries in self._search.values() for entry in entries]
        index.write_text(json.dumps(data, separators=(",", ":"), default=str), encoding="utf-8")
