"""What every page builder uses: process values in the page's language, escaped; links to process pages; sections."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from qms.handbook.html_blocks import table
from qms.handbook.labels import label
from qms.handbook.links import href
from qms.i18n import Lang
from qms.model import Process, Text
from qms.render.escape import html_line, markdown_text


def _local(value: str | Text | None, lang: Lang) -> str:
    if value is None:
        return ""
    return value.get(lang) if isinstance(value, Text) else str(value)


def text(value: str | Text | None, lang: Lang = Lang.VI) -> str:
    """A YAML value escaped for HTML (table cells and other raw HTML blocks)."""
    return html_line(_local(value, lang))


def md(value: str | Text | None, lang: Lang = Lang.VI) -> str:
    """A YAML value escaped for Markdown text (headings, paragraphs): HTML and Markdown syntax both neutralised."""
    return markdown_text(_local(value, lang))


def link(process: Process, paths: dict[str, str], from_page: str) -> str:
    """The process's code, linked to its page."""
    return f'<a href="{href(from_page, paths[process.code])}">{text(process.code)}</a>'


def headers(lang: Lang, keys: Iterable[str]) -> list[str]:
    return [label(key, lang) for key in keys]


def section(heading: str, lang: Lang, columns: Iterable[str], rows: Iterable[Sequence[str]]) -> list[str]:
    """A «##» heading and its table: the words ``heading`` and ``columns`` (keys of the word table), cells escaped."""
    return [f"## {label(heading, lang)}", "", table(headers(lang, columns), rows)]


def titled(heading: str, lang: Lang, body: str) -> str:
    """A page of one «#» heading (a key of the word table) and ``body``."""
    return f"# {label(heading, lang)}\n\n{body}"
