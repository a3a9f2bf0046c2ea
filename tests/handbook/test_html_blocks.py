"""Generated HTML blocks go to Markdown's stash unparsed, and the page comes out as Markdown would make it."""

from __future__ import annotations

import re
from pathlib import Path

import markdown

from qms.handbook import build_handbook
from qms.handbook.html_blocks import GeneratedHtml
from qms.load import load_paths

ROOT = Path(__file__).resolve().parents[2]
EXTENSIONS = ["admonition", "attr_list", "tables", "meta", "toc"]


def convert(page: str, extension: GeneratedHtml | None = None) -> str:
    html = markdown.Markdown(extensions=[*EXTENSIONS, *([extension] if extension else [])]).convert(page)
    return re.sub(r"\n+", "\n", html)  # blank lines between blocks may differ


def test_every_generated_page_renders_the_same_with_and_without_the_stash() -> None:
    processes = load_paths([ROOT / "processes", ROOT / "tests" / "render" / "fixtures" / "hostile.yaml"]).processes
    book = build_handbook(processes, diagrams=True)
    extension = GeneratedHtml()
    for name, page in book.pages.items():
        extension.active = True
        assert convert(page, extension) == convert(page), name
    extension.active = True
    convert(book.pages["quy-trinh/QT-VB-01.md"], extension)
    assert {f"step-{s.id}" for p in processes if p.code == "QT-VB-01" for s in p.steps} <= extension.anchors


def test_only_pages_the_plugin_marks_as_generated_are_handled() -> None:
    extension = GeneratedHtml()
    page = '<table class="qms-table">\n<tr><td><span id="step-a">1</span></td></tr>\n</table>\n\nText'
    assert convert(page, extension) == convert(page) and extension.anchors == set()  # inactive: Markdown's own parser
    extension.active = True
    assert convert(page, extension) == convert(page) and extension.anchors == {"step-a"}
