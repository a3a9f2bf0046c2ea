"""The site's menu for two audiences: the staff's home and handbook first, the officers' and auditors' pages apart.

mkdocs lists pages by folder: the rule catalogue, the format reference, the clause matrix and the check results sat
beside the processes, and the developers' documentation index was the home page. :func:`two_doors` reorders the
menu built by mkdocs: the site's home page, then the handbook's section (processes, measures, plans, audits), then one
section for QMS officers and auditors holding every other top-level page and section, with the handbook's check
results, clause matrix, audit report and legal register moved into it. Nothing is hidden: each page keeps its address.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page


def _uri(item: Any) -> str | None:
    return item.file.src_uri if isinstance(item, Page) and item.file is not None else None


def _pages(items: Iterable[Any]) -> list[Page]:
    found: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found += _pages(item.children)
    return found


def _link_up(items: list[Any], parent: Section | None) -> None:
    for item in items:
        item.parent = parent
        if isinstance(item, Section):
            _link_up(item.children, item)


def two_doors(nav: Navigation, handbook: Section | None, officer_pages: set[str], officers_title: str) -> None:
    """Reorder ``nav`` in place: the root home page, ``handbook``, then a section ``officers_title`` with the rest and
    the handbook's pages whose source paths are in ``officer_pages``. Parents and previous/next links follow."""
    home = next((item for item in nav.items if _uri(item) == "index.md"), None)
    rest = [item for item in nav.items if item is not home and item is not handbook]
    moved: list[Any] = []
    if handbook is not None:
        moved = [child for child in handbook.children if _uri(child) in officer_pages]
        handbook.children = [child for child in handbook.children if child not in moved]
    items = [item for item in (home, handbook) if item is not None]
    officers = moved + rest
    if officers:
        items.append(Section(officers_title, officers))
    nav.items = items
    _link_up(nav.items, None)
    nav.pages = _pages(nav.items)
    for before, after in zip([None, *nav.pages], [*nav.pages, None], strict=True):
        if before is not None:
            before.next_page = after
        if after is not None:
            after.previous_page = before


__all__ = ["two_doors"]
