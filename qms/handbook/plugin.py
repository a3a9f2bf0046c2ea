"""mkdocs plugin ``qms``: adds the generated handbook to a mkdocs (Material) build.

Thin on purpose: it loads and checks the processes, asks
:func:`qms.handbook.pages.build_handbook` for pages and diagrams, and hands
them to mkdocs as generated files (nothing is written into ``docs/``).
``mkdocs serve`` watches the processes folder, so saving a YAML file
rebuilds the site; mike's versioning works unchanged. Moving to Zensical
(which reads ``mkdocs.yml``) touches only this file.

    plugins:
      - search
      - qms:
          processes: processes
          folder: so-tay
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from qms.handbook.diagrams import draw_diagrams
from qms.handbook.pages import W, build_handbook
from qms.i18n import Lang
from qms.rules.config import find_config, load_config
from qms.rules.engine import check_paths

STYLESHEET = "qms.css"
# Codes stay on one line; flowcharts use the page width and scroll sideways when wider.
CSS = """.qms-table td:first-child, .qms-table td:nth-child(2) a { white-space: nowrap; }
.md-typeset object.qms-flowchart { width: 100%; max-width: none; overflow-x: auto; display: block; }
"""


def _sections(items: list[Any]) -> Iterator[Section]:
    for item in items:
        if isinstance(item, Section):
            yield item
            yield from _sections(item.children)


def _folder_of(section: Section) -> str | None:
    """The last folder name shared by the pages of a section (its own folder)."""
    for page in section.children:
        if isinstance(page, Page) and page.file is not None:
            parts = page.file.src_uri.split("/")
            return parts[-2] if len(parts) >= 2 else None
    for child in section.children:
        if isinstance(child, Section):
            inner = _folder_of(child)
            if inner is not None:
                return None  # a section of sections: named by the caller's rule only if it has pages
    return None


class HandbookConfig(base.Config):
    processes = c.Type(str, default="processes")
    folder = c.Type(str, default="so-tay")
    lang = c.Choice(("vi", "en"), default="vi")
    diagrams = c.Type(bool, default=True)
    # Markdown report written by «qms audit --out»; shown as a page when the file exists.
    audit_report = c.Type(str, default="build/audit.md")


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._cache: dict[str, bytes] = {}  # hash of (language, process) -> SVG

    def _processes_dir(self, config: Any) -> Path:
        return (Path(config.config_file_path).parent / self.config.processes).resolve()

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        folder = self._processes_dir(config)
        report = check_paths([folder], load_config(find_config(folder)))
        if report.load_diagnostics:
            raise PluginError("qms: " + "\n".join(d.render(self.config.lang) for d in report.load_diagnostics))
        lang = Lang(self.config.lang)
        # The plugin object lives across «mkdocs serve» rebuilds: after one YAML file is saved,
        # only that process's diagram is drawn again.
        svgs = draw_diagrams(report.processes, lang, self._cache) if self.config.diagrams else {}
        audit_file = Path(config.config_file_path).parent / self.config.audit_report
        audit = audit_file.read_text(encoding="utf-8") if audit_file.is_file() else None
        book = build_handbook(
            report.processes, lang, report.findings, diagram=(lambda p, _links: svgs[p.code]) if svgs else None, audit_report=audit
        )
        prefix = self.config.folder.strip("/")
        for path, content in {**book.pages, **book.assets, STYLESHEET: CSS}.items():
            files.append(File.generated(config, f"{prefix}/{path}", content=content))
        return files

    def on_config(self, config: Any, /) -> Any:
        config.extra_css.append(f"{self.config.folder.strip('/')}/{STYLESHEET}")
        return config

    def on_nav(self, nav: Any, /, *, config: Any, files: Files) -> Any:
        """Menu titles for the generated folders (mkdocs would show the folder names, without diacritics)."""
        lang = Lang(self.config.lang)
        titles = {
            self.config.folder.strip("/"): W["home"].get(lang),
            "quy-trinh": W["processes"].get(lang),
            "luu-tru": W["archive"].get(lang),
        }
        handbook = None
        for section in _sections(nav.items):
            folder = _folder_of(section)
            if folder in titles:
                section.title = titles[folder]
            if folder == self.config.folder.strip("/"):
                handbook = section
        # Staff come for the handbook: its section goes first in the menu, before technical pages.
        if handbook is not None and handbook in nav.items:
            nav.items.remove(handbook)
            first_section = next((i for i, item in enumerate(nav.items) if isinstance(item, Section)), len(nav.items))
            nav.items.insert(first_section, handbook)
        return nav

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        server.watch(str(self._processes_dir(config)))
        return server
