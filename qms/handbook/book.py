"""The QMS handbook (Sổ tay quy trình): every page, generated from the processes.

This module knows nothing of mkdocs: it returns page paths and contents
(and where each flowchart goes; :mod:`qms.handbook.diagrams` draws them) so that the mkdocs plugin, a Zensical build or a plain
folder export can all use it. The pages themselves are made in :mod:`qms.handbook.pages`.
"""

from __future__ import annotations

from collections.abc import Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from qms.handbook.labels import label
from qms.handbook.links import AUDIT, FINDINGS, HOME, LEGAL, MATRIX, RECORDS, ROLES, process_paths, svg_path
from qms.handbook.pages.findings import findings_page
from qms.handbook.pages.home import home_page
from qms.handbook.pages.legal import legal_page
from qms.handbook.pages.matrix import matrix_page
from qms.handbook.pages.process import page_title, process_page
from qms.handbook.pages.records import records_page
from qms.handbook.pages.roles import roles_page
from qms.i18n import Lang
from qms.legal.register import Register
from qms.model import Process
from qms.rules.base import Finding, Rule
from qms.rules.registry import all_rules

# Pages that gather what the process pages already say (list, records, roles, findings) are left out of the
# search index: a search then leads to the process page itself, and these long pages, changed by any edit,
# are not indexed again on every save during «mkdocs serve».
NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"


@dataclass
class Handbook:
    """Generated pages (path relative to the docs folder -> Markdown) and diagrams (path -> SVG bytes)."""

    pages: dict[str, str] = field(default_factory=dict)
    assets: dict[str, bytes] = field(default_factory=dict)
    paths: dict[str, str] = field(default_factory=dict)  # process code -> its page
    # Flowchart path -> process code: the pages show these SVG files; the caller draws them into ``assets``.
    flowcharts: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)  # page -> its title (escaped HTML), for menus


# A process page kept from an earlier build, with what it was made from (see ``build_handbook``'s ``cache``).
PageCache = MutableMapping[tuple[str, str, Lang, bool], tuple[Process, tuple[Finding, ...], str]]


def build_handbook(
    processes: Sequence[Process],
    lang: Lang = Lang.VI,
    findings: Sequence[Finding] = (),
    diagrams: bool = False,
    today: date | None = None,
    audit_report: str | None = None,
    cache: PageCache | None = None,
    rules: Sequence[type[Rule]] | None = None,
    not_applicable: Mapping[str, str] | None = None,
    register: Register | None = None,
) -> Handbook:
    """Every handbook page for ``processes``.

    With ``diagrams`` each process page shows its flowchart, an SVG file at the path ``flowcharts`` names
    (:func:`qms.handbook.diagrams.draw_flowcharts` draws them). A ``cache`` kept by the caller across builds
    (``mkdocs serve``) keeps the page of every process whose model and findings are the same objects as before.
    ``rules`` are the rules that ran (for the clause matrix); every rule of the catalogue when not given.
    ``not_applicable`` maps clauses the project excludes (ISO 9001 4.3) to their justification. With a legal
    ``register`` (:mod:`qms.legal`) the handbook has the register of external documents (ISO 9001 7.5.3.2).
    """
    ordered = sorted(processes, key=lambda p: p.code)
    paths = process_paths(ordered)
    book = Handbook(paths=paths)
    book.pages[HOME] = NOT_SEARCHED + home_page(ordered, paths, lang, today or date.today(), audit_report is not None)
    if audit_report is not None:
        # The report of «qms audit» (Markdown it escaped itself), shown as it is.
        book.pages[AUDIT] = audit_report
        book.titles[AUDIT] = label("audit", lang)
    book.titles |= {HOME: label("home", lang), RECORDS: label("register", lang), ROLES: label("roles", lang)}
    book.titles |= {FINDINGS: label("findings", lang), MATRIX: label("matrix", lang)}
    _process_pages(book, ordered, lang, findings, diagrams, cache)
    book.pages[RECORDS] = NOT_SEARCHED + records_page(ordered, paths, lang)
    book.pages[ROLES] = NOT_SEARCHED + roles_page(ordered, paths, lang)
    book.pages[FINDINGS] = NOT_SEARCHED + findings_page(ordered, paths, findings, lang)
    rules = all_rules() if rules is None else rules
    book.pages[MATRIX] = NOT_SEARCHED + matrix_page(ordered, paths, rules, findings, not_applicable or {}, lang)
    if register is not None:
        book.pages[LEGAL] = NOT_SEARCHED + legal_page(register, ordered, paths, lang)
        book.titles[LEGAL] = label("legal_register", lang)
    return book


def _process_pages(book: Handbook, ordered: Sequence[Process], lang: Lang, findings: Sequence[Finding], diagrams: bool, cache: PageCache | None) -> None:
    """The page (and flowchart path, and title) of every process into ``book``; unchanged ones from ``cache``."""
    by_process: dict[str | None, list[Finding]] = {}  # a finding names its process (None: of none)
    for finding in findings:
        by_process.setdefault(finding.process, []).append(finding)
    for process in ordered:
        page = book.paths[process.code]
        if diagrams:
            book.flowcharts[svg_path(page)] = process.code
        book.titles[page] = page_title(process, lang)
        own = tuple(by_process.get(process.code, ()))
        key = (process.code, page, lang, diagrams)
        kept = cache.get(key) if cache is not None else None
        if kept is not None and kept[0] is process and kept[1] == own:
            book.pages[page] = kept[2]
            continue
        book.pages[page] = process_page(process, page, lang, diagrams, own)
        if cache is not None:
            cache[key] = (process, own, book.pages[page])
