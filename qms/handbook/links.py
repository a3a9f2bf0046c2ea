"""Where the handbook's generated files go, and the relative links between them."""

from __future__ import annotations

import posixpath
import re
from collections.abc import Sequence
from functools import lru_cache

from qms.model import Process, Status

# The pages beside the process pages (paths relative to the handbook's folder).
HOME = "index.md"
RECORDS = "ho-so.md"
ROLES = "vai-tro.md"
FINDINGS = "kiem-tra.md"
MATRIX = "ma-tran.md"
AUDIT = "danh-gia.md"  # the report of «qms audit», when there is one
LEGAL = "van-ban-phap-luat.md"  # the legal register (docs/legal.md), when the build is given one
MEASURES = "do-luong"  # the folder of the measured dossier logs' pages (the plugin's «logs»)

# Menus of more than this many process pages are split: mkdocs-material renders every sibling's menu entry
# on every page, so one flat section costs time growing with the square of its size (benchmarks/RESULTS.md).
GROUP_LIMIT = 50


def process_paths(processes: Sequence[Process]) -> dict[str, str]:
    """Page path of every process: flat up to GROUP_LIMIT, else grouped by code prefix in chunks."""
    paths = {p.code: f"luu-tru/{p.code}.md" for p in processes if p.status is Status.OBSOLETE}
    current = sorted(p.code for p in processes if p.status is not Status.OBSOLETE)
    if len(current) <= GROUP_LIMIT:
        return paths | {code: f"quy-trinh/{code}.md" for code in current}
    groups: dict[str, list[str]] = {}
    for code in current:
        groups.setdefault(re.sub(r"[-_.]?\d+$", "", code) or code, []).append(code)
    for prefix, codes in groups.items():
        for index, code in enumerate(codes):
            folder = prefix if len(codes) <= GROUP_LIMIT else f"{prefix}-{index // GROUP_LIMIT + 1}"
            paths[code] = f"quy-trinh/{folder}/{code}.md"
    return paths


def svg_path(page: str) -> str:
    """The flowchart file beside a process page."""
    return page.removesuffix(".md") + ".svg"


def measure_path(code: str) -> str:
    """The page of the dossier log measured against process ``code``."""
    return f"{MEASURES}/{code}.md"


def chart_path(page: str, key: str) -> str:
    """A chart's SVG file beside the page that shows it."""
    return f"{page.removesuffix('.md')}-{key}.svg"


def diagram_links(process: Process, paths: dict[str, str]) -> dict[str, str]:
    """Links from a process's flowchart to the pages of the processes it calls."""
    here = svg_path(paths[process.code])
    return {s.calls: asset_href(here, paths[s.calls]) for s in process.steps if s.calls and s.calls in paths}


def asset_href(asset: str, to_path: str) -> str:
    """Relative link from a file that is not a page (a flowchart's SVG) to a page: from the file's own folder.

    (:func:`href` starts from a page's folder, which for ``quy-trinh/A.md`` is ``quy-trinh/A/``, one level deeper.)
    """
    relative = posixpath.relpath(url_of(to_path) or ".", posixpath.dirname(asset) or ".")
    return relative + "/" if to_path.endswith(".md") and not relative.endswith("/") else relative


def url_of(path: str) -> str:
    """Site URL of a generated file, as mkdocs (and Zensical) serve it with directory URLs."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


@lru_cache(maxsize=65536)  # the same links recur on every row of the long pages; relpath is slow
def href(from_page: str, to_path: str) -> str:
    """Relative link from one generated page to another page or asset."""
    start = url_of(from_page) or "."  # the folder the page is served from
    target = url_of(to_path)
    relative = posixpath.relpath(target or ".", start)
    return relative + "/" if to_path.endswith(".md") and not relative.endswith("/") else relative
