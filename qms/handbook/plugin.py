"""mkdocs plugin ``qms``: adds the generated handbook to a mkdocs (Material) build.

Thin on purpose: it loads and checks the processes, asks
:func:`qms.handbook.book.build_handbook` for pages and
:func:`qms.handbook.diagrams.draw_flowcharts` for flowcharts, and hands them
to mkdocs as generated files (nothing is written into ``docs/``). ``mkdocs
serve`` watches the processes folder, so saving a YAML file rebuilds the
site; mike's versioning works unchanged. Moving to Zensical (which reads
``mkdocs.yml``) touches only this file.

    plugins:
      - search
      - qms:
          processes: processes
          folder: so-tay
          logs:     # optional: dossier logs measured against a process, one page each (qms.handbook.measures)
            - {log: processes/logs/QT-TTHC-01-2026.csv, process: QT-TTHC-01}
          plans: [plans/KH-CCHC-2026.yaml]   # optional: plans followed on «as_of», one page each (qms.handbook.plans)
          as_of: 2026-10-15                  # optional: default the day of the build
          assessments: [assessments/18091-2026.yaml]  # optional: ISO 18091 self-assessments (qms.handbook.assessments)
          audits: [audits]   # optional: audit programmes and records, two pages (qms.handbook.audits)

Safety: process text is escaped in the pages (:mod:`.pages`) and the HTML of every
generated page, the audit report included, passes an allow-list (:mod:`.safe_html`)
before the theme and the search index see it.

Speed (benchmarks/RESULTS.md): flowcharts are drawn by graphviz in other
OS processes while mkdocs renders the pages, and written at the end; the
generated HTML tables skip Markdown's HTML parser (:mod:`.html_blocks`).
Under ``mkdocs serve --dirty`` the plugin object lives across rebuilds and
keeps what did not change (files read, findings, pages, flowcharts); the
generated pages are then real files whose modification time tells mkdocs
which pages to render again (:mod:`.preview`).
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from datetime import date, datetime
from pathlib import Path
from typing import Any

from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Section
from mkdocs.structure.pages import Page

from qms.escape import markdown_text
from qms.handbook.assessments import ASSESSMENTS, SECTION, assessed
from qms.handbook.audits import AUDITS, audit_pages
from qms.handbook.audits import SECTION as AUDITS_SECTION
from qms.handbook.book import Handbook, PageCache, build_handbook
from qms.handbook.diagrams import FlowchartCache, draw_flowcharts, viewer
from qms.handbook.editions import EditionError, build_editions, superseded_banner
from qms.handbook.html_blocks import TABLE_CSS, GeneratedHtml
from qms.handbook.labels import W
from qms.handbook.links import AUDIT, FINDINGS, HOME, LEGAL, MATRIX, MEASURES
from qms.handbook.measures import LogEntry, MeasureCache, measured_logs
from qms.handbook.menu import two_doors
from qms.handbook.pages.staff_home import ROOT, staff_home_page
from qms.handbook.plans import PLANS, PlanCache, planned
from qms.handbook.preview import Preview
from qms.handbook.publishing import FORCED_ENV
from qms.handbook.safe_html import safe_html
from qms.handbook.search import index_steps, vietnamese_search, weigh, words_apart
from qms.i18n import Lang
from qms.legal.read import project_register
from qms.load import ReadCache
from qms.model import Process
from qms.rules.config import ConfigError, find_config, load_config, project_agency
from qms.rules.engine import FindingsCache, check_paths

STYLESHEET = "qms.css"
# Codes stay on one line; flowcharts use the page width and scroll sideways when wider.
CSS = """.qms-table td:first-child, .qms-table td:nth-child(2) a { white-space: nowrap; }
.md-typeset object.qms-flowchart { width: 100%; max-width: none; overflow-x: auto; display: block; }
.md-typeset object.qms-chart { width: 100%; max-width: 40rem; display: block; margin: 1em 0; }
.qms-light { font-size: 1.2em; } .qms-light-red { color: #c62828; } .qms-light-yellow { color: #f9a825; } .qms-light-green { color: #2e7d32; }
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


def _folder_path(section: Section) -> str | None:
    """The folder of the first page directly in a section, from the site's root (``so-tay/ke-hoach/KH-01``)."""
    page = next((p for p in section.children if isinstance(p, Page) and p.file is not None), None)
    return page.file.src_uri.rpartition("/")[0] if page is not None and page.file is not None else None


def _day(value: object) -> date | None:
    """The option ``as_of``: a date YAML read, or text ``YYYY-MM-DD``; ValueError otherwise (``2026-02-30`` too)."""
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return date.fromisoformat(value.strip())
    raise ValueError(value)


log = logging.getLogger(f"mkdocs.plugins.{__name__}")


def _without_dirty_warning(record: logging.LogRecord) -> bool:
    return not str(record.msg).startswith("A 'dirty' build is being performed")


class _LogConfig(base.Config):
    log = c.Type((str, list))  # a file, or the files of one process: [2025.csv, 2026.csv]
    process = c.Type(str)
    mapping = c.Optional(c.Type(str))
    calendar = c.Optional(c.Type(str))


class HandbookConfig(base.Config):
    processes = c.Type(str, default="processes")
    folder = c.Type(str, default="so-tay")
    lang = c.Choice(("vi", "en"), default="vi")
    diagrams = c.Type(bool, default=True)
    # Markdown report written by «qms audit --out»; shown as a page when the file exists.
    audit_report = c.Type(str, default="build/audit.md")
    # Dossier logs measured against a process, one page each under do-luong/ (paths relative to this file).
    logs = c.ListOfItems(c.SubConfig(_LogConfig), default=[])
    # Plan files followed on «as_of», one page each under ke-hoach/ (paths relative to this file).
    plans = c.ListOfItems(c.Type(str), default=[])
    as_of = c.Optional(c.Type((str, date)))  # YYYY-MM-DD (YAML reads an unquoted one as a date); default: today
    # ISO 18091 self-assessment files, one dashboard page each under tu-danh-gia/ (paths relative to this file).
    assessments = c.ListOfItems(c.Type(str), default=[])
    audits = c.ListOfItems(c.Type(str), default=[])  # audit programmes and records: files or folders (qms.handbook.audits)
    # Other-language editions built into the site with it: {en: mkdocs.en.yml} (qms.handbook.editions).
    editions = c.Type(dict, default={})


class HandbookPlugin(BasePlugin[HandbookConfig]):
    def __init__(self) -> None:
        super().__init__()
        self._command = "build"  # set by on_startup
        # Kept across «mkdocs serve» rebuilds (mkdocs keeps a plugin that has on_startup).
        self._reads = ReadCache()
        self._checks = FindingsCache()
        self._pages: PageCache = {}
        self._flowchart_cache: FlowchartCache = {}
        self._html = GeneratedHtml()
        self._measures: MeasureCache = {}
        self._plans: PlanCache = {}
        self._as_of: date | None = None
        self._preview: Preview | None = None
        # Per build.
        self._flowcharts: Future[dict[str, bytes]] | None = None
        self._titles: dict[str, str] = {}
        self._sections: dict[str, str] = {}  # folders of generated pages (from the site's root) -> menu titles
        self._urls: set[str] = set()

    @property
    def prefix(self) -> str:
        return self.config.folder.strip("/")

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.on_shutdown()
        self._command = command  # editions are built by «build» (which mike runs), not on every «serve» reload
        self._preview = Preview() if command == "serve" and dirty else None
        if self._preview is not None:
            # mkdocs warns on every «--dirty» rebuild that menus and search may be wrong; for the generated handbook
            # the preview keeps them whole, so say once what still holds instead.
            logging.getLogger("mkdocs.commands.build").addFilter(_without_dirty_warning)
            log.info(W["preview"].get(Lang(self.config.lang)))

    def on_shutdown(self) -> None:
        if self._preview is not None:
            self._preview.close()
            self._preview = None

    def _log_entries(self) -> list[LogEntry]:
        files = lambda value: tuple(map(str, value)) if isinstance(value, list) else (str(value),)  # noqa: E731
        return [LogEntry(files(e.log), e.process, e.mapping, e.calendar) for e in self.config.logs]

    def _measured(self, config: Any, processes: list[Process], paths: dict[str, str]) -> tuple[dict[str, str], dict[str, str]]:
        """The pages of the measured logs and their titles; a log that cannot be measured is a warning."""
        lang = Lang(self.config.lang)
        base = Path(config.config_file_path).parent
        found = measured_logs(self._log_entries(), base, self._processes_dir(config), processes, paths, lang, self._measures)
        for problem in found.problems:
            log.warning(f"qms: {problem}")
        return found.pages, found.titles

    def _planned(self, config: Any, processes: list[Process]) -> tuple[dict[str, str], dict[str, str]]:
        """The plans' pages and their titles; a plan that gives no page is a warning."""
        lang, base = Lang(self.config.lang), Path(config.config_file_path).parent
        day = self._as_of or date.today()
        found = planned(self.config.plans, base, self._processes_dir(config), processes, day, lang, self._plans)
        for problem in found.problems:
            log.warning(f"qms: {problem}")
        self._sections = {f"{self.prefix}/{folder}": title for folder, title in found.sections.items()}
        return found.pages, found.titles

    def _assessed(self, config: Any) -> tuple[dict[str, str], dict[str, str]]:
        """The self-assessments' dashboard pages and their titles; an entry that gives no page is a warning."""
        found = assessed(self.config.assessments, Path(config.config_file_path).parent, Lang(self.config.lang))
        for problem in found.problems:
            log.warning(f"qms: {problem}")
        return found.pages, found.titles

    def _processes_dir(self, config: Any) -> Path:
        return (Path(config.config_file_path).parent / self.config.processes).resolve()

    def _book(self, config: Any) -> tuple[Handbook, list[Process]]:
        """The processes, loaded and checked (a load error or a bad rule configuration stops the build), and their pages."""
        folder = self._processes_dir(config)
        try:
            project = load_config(find_config(folder))
        except ConfigError as exc:
            raise PluginError(f"qms: {exc}") from None
        register = project_register(project.source.parent if project.source else folder)  # as qms check finds it
        report = check_paths([folder], project, caches=(self._reads, self._checks), register=register)
        if report.load_diagnostics:
            raise PluginError("qms: " + "\n".join(d.render(self.config.lang) for d in report.load_diagnostics))
        audit_file = Path(config.config_file_path).parent / self.config.audit_report
        audit = audit_file.read_text(encoding="utf-8") if audit_file.is_file() else None
        book = build_handbook(
            report.processes,
            Lang(self.config.lang),
            report.findings,
            self.config.diagrams,
            audit_report=audit,
            cache=self._pages,
            rules=report.rules,
            not_applicable=project.not_applicable,
            register=register,
        )
        return book, report.processes

    def on_files(self, files: Files, /, *, config: Any) -> Files:
        book, processes = self._book(config)
        # graphviz runs in other OS processes while mkdocs renders the pages; on_post_build writes the SVG files.
        pool = ThreadPoolExecutor(max_workers=1)
        self._flowcharts = pool.submit(draw_flowcharts, book, processes, Lang(self.config.lang), self._flowchart_cache)
        pool.shutdown(wait=False)  # the drawing goes on; on_post_build waits for it
        measured, measured_titles = self._measured(config, processes, book.paths)
        plans, plan_titles = self._planned(config, processes)
        assessments, assessment_titles = self._assessed(config)
        base, day, lang = Path(config.config_file_path).parent, self._as_of or date.today(), Lang(self.config.lang)
        audits, audit_titles = audit_pages(self.config.audits, base, processes, day, lang, log.warning)
        titles = {**book.titles, **measured_titles, **plan_titles, **assessment_titles, **audit_titles}
        self._titles = {f"{self.prefix}/{path}": title for path, title in titles.items()}
        generated = {**book.pages, **measured, **plans, **assessments, **audits, STYLESHEET: CSS + TABLE_CSS + viewer.CSS, **viewer.FILES}
        pages = {f"{self.prefix}/{path}": content for path, content in generated.items()}
        if files.get_file_from_path(ROOT) is None:  # a project's own home page wins over the staff's
            pages[ROOT] = staff_home_page(processes, book.paths, self.prefix, config.site_name, lang, day, project_agency(base))
            self._titles[ROOT] = W["staff_home"].get(lang)
            self._titles[f"{self.prefix}/{HOME}"] = W["list"].get(lang)  # the handbook's own first page: the catalogue
        if self._preview is not None:
            files_of = self._preview.stage(pages, config, self._titles)
        else:
            files_of = [File.generated(config, path, content=content) for path, content in pages.items()]
        for file in files_of:
            files.append(file)
        return files

    def on_config(self, config: Any, /) -> Any:
        try:
            self._as_of = _day(self.config.as_of)
        except ValueError:
            raise PluginError(f"qms: {W['as_of_bad'].get(Lang(self.config.lang)).format(value=self.config.as_of)}") from None
        viewer.use_viewer(config, self.prefix, STYLESHEET)  # the stylesheet, and the flowchart viewer's script
        superseded_banner(config, Lang(self.config.lang))
        vietnamese_search(config)  # accents and phrases in Material's search (qms.handbook.search)
        if self._html not in config.markdown_extensions:
            config.markdown_extensions.append(self._html)
        return config

    def on_pre_build(self, *, config: Any) -> None:
        if self._preview is not None:
            self._preview.before_build(config)

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: Any, files: Files) -> str:
        self._html.active = page.file.src_uri in self._titles
        weigh(page, self.prefix)  # the officers' pages after the staff's in search (qms.handbook.search)
        if forced := os.environ.get(FORCED_ENV):  # published despite its checks: every page says so (qms.handbook.publishing)
            warning = W["published_anyway"].get(Lang(self.config.lang))
            return f'!!! danger "{warning}"\n    {markdown_text(forced)}\n\n' + markdown
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: Any, files: Files) -> str:
        generated = self._html.active
        if generated and page.present_anchor_ids is not None:
            page.present_anchor_ids |= self._html.anchors  # ids inside the blocks mkdocs did not parse
        self._html.active = False
        # Every generated page (the audit report too, whose Markdown comes from a file) passes the allow-list; the
        # search plugin indexes page.content after this event, so the index gets the same cleaned HTML.
        return words_apart(safe_html(html)) if generated else html

    def on_build_error(self, *, error: Exception) -> None:
        self._flowcharts = None  # a failed build writes no flowcharts; the drawing finishes on its own

    def on_page_context(self, context: Any, /, *, page: Page, config: Any, nav: Any) -> Any:
        index_steps(config, page)  # a process's steps as search results of their own (qms.handbook.search)
        if self._preview is not None:
            self._preview.page_built(page.url)
        return context

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config: Any) -> None:
        if self._flowcharts is not None:
            try:
                svgs = self._flowcharts.result()
            except Exception as exc:  # graphviz missing or failing: say so, without a traceback
                raise PluginError(f"qms: {W['flowchart'].get(Lang(self.config.lang))}: {type(exc).__name__}: {exc}") from None
            finally:
                self._flowcharts = None
            site = Path(config.site_dir) / self.prefix
            for path, svg in svgs.items():
                if self._preview is not None:
                    self._preview.write_asset(site, path, svg)
                else:
                    (site / path).parent.mkdir(parents=True, exist_ok=True)
                    (site / path).write_bytes(svg)
        if self._preview is not None:
            self._preview.complete_search_index(Path(config.site_dir), self._urls)
        if self.config.editions and self._command == "build":
            try:
                build_editions(Path(config.config_file_path), Path(config.site_dir), self.config.editions)
            except EditionError as exc:
                raise PluginError(f"qms: {exc.message.get(Lang(self.config.lang))}") from None

    def on_nav(self, nav: Any, /, *, config: Any, files: Files) -> Any:
        """Menu titles for the generated pages and folders (mkdocs would show the folder names, without diacritics)."""
        self._urls = {file.url for file in files.documentation_pages()}
        for page in nav.pages:
            # Set here, not only read from each page: under «serve --dirty» unchanged pages are not read again.
            if page.file.src_uri in self._titles:
                page.title = self._titles[page.file.src_uri]
        lang = Lang(self.config.lang)
        titles = {
            self.config.folder.strip("/"): W["home"].get(lang),
            "quy-trinh": W["processes"].get(lang),
            "luu-tru": W["archive"].get(lang),
            MEASURES: W["measures"].get(lang),
            PLANS: W["plans"].get(lang),
            ASSESSMENTS: SECTION.get(lang),
            AUDITS: AUDITS_SECTION.get(lang),
            # Folders written by «qms rules --docs docs/rules» and «qms schema --format markdown --out docs/reference/…».
            "rules": W["rules_section"].get(lang),
            "reference": W["reference_section"].get(lang),
        }
        handbook = None
        for section in _sections(nav.items):
            folder = _folder_of(section)
            if folder in titles:
                section.title = titles[folder]
            path = _folder_path(section)
            if path is not None and path in self._sections:  # a plan's reports (ke-hoach/<code>/)
                section.title = self._sections[path]
            if folder == self.config.folder.strip("/"):
                handbook = section
        # Staff come for the handbook: the home page and its section first; the officers' and auditors' pages apart.
        if handbook is not None:  # the processes right after the catalogue, before records, measures and plans
            first = [child for child in handbook.children if isinstance(child, Section) and _folder_of(child) == "quy-trinh"]
            handbook.children = handbook.children[:1] + first + [child for child in handbook.children[1:] if child not in first]
        officer_pages = {f"{self.prefix}/{path}" for path in (FINDINGS, MATRIX, AUDIT, LEGAL)}
        two_doors(nav, handbook if handbook in nav.items else None, officer_pages, W["officers"].get(lang))
        return nav

    def on_serve(self, server: Any, /, *, config: Any, builder: Any) -> Any:
        server.watch(str(self._processes_dir(config)))
        base = Path(config.config_file_path).parent
        for entry in self._log_entries():
            for name in (*entry.logs, entry.mapping, entry.calendar):
                if name and (base / name).is_file():
                    server.watch(str(base / name), recursive=False)
        for name in (*self.config.plans, *self.config.assessments, *self.config.audits):
            if (base / name).exists():  # an audits folder: the files directly in it
                server.watch(str(base / name), recursive=False)
        return server
