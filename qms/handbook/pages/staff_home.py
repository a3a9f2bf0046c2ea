"""The site's home page, for the staff who follow the processes (not for the QMS officers who write them).

Staff come with a question: which process do I follow, and is this the version in force? The page answers in that
order: what the handbook is; the processes in force on the day of the build, citizen-facing procedures apart from
internal processes (the one-stop shop's staff look for the first, everybody else for the second); what each process is
for, as a «when you need to… follow…» table built from the processes' ``purpose``; what is coming (drafts, approved
processes not yet in force); the latest changes. The rule catalogue, the clause matrix and the check results live in
the officers' section of the menu (:mod:`qms.handbook.menu`), not here.

The page sits at the site's root (``index.md``), outside the handbook's folder: every link is made from there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from qms.domain.citizen import serves_citizens
from qms.handbook.html_blocks import table
from qms.handbook.labels import STATUS, label
from qms.handbook.links import HOME, href
from qms.handbook.pages.common import headers, md, text
from qms.i18n import Lang, day_text
from qms.model import Process, Status
from qms.rules.agency import Agency

ROOT = "index.md"  # the page's own place, from the site's root
RECENT = 5  # revisions under «recent changes»
GIST = 160  # characters of a purpose in «which process do I follow»: a line on a phone, not a paragraph


def in_force(process: Process, today: date) -> bool:
    """Approved, and its effective date (if it has one) reached."""
    return process.status is Status.APPROVED and (process.effective_date is None or process.effective_date <= today)


def _link(process: Process, paths: dict[str, str], prefix: str, label_text: str) -> str:
    return f'<a href="{href(ROOT, f"{prefix}/{paths[process.code]}")}">{label_text}</a>'


def _day(day: date | None, lang: Lang) -> str:
    return text(day_text(day, lang)) if day else ""


def _row(process: Process, paths: dict[str, str], prefix: str, lang: Lang) -> list[str]:
    name = _link(process, paths, prefix, text(process.title, lang))
    return [text(process.code), name, text(process.version), _day(process.effective_date, lang)]


def _in_force(current: Sequence[Process], paths: dict[str, str], prefix: str, lang: Lang, today: date) -> list[str]:
    parts = [f"## {md(label('in_force_on', lang, day=day_text(today, lang)))}", ""]
    if not current:
        return [*parts, label("none_in_force", lang), ""]
    columns = headers(lang, ("code", "title", "version", "effective"))
    for heading, group in (
        ("citizen_procedures", [p for p in current if serves_citizens(p)]),
        ("internal_processes", [p for p in current if not serves_citizens(p)]),
    ):
        if group:
            parts += [f"### {label(heading, lang)}", "", table(columns, [_row(p, paths, prefix, lang) for p in group])]
    return parts


def gist(purpose: str, limit: int = GIST) -> str:
    """The first clause of a purpose (to the first «;» or full stop), cut at a word before ``limit`` characters."""
    first = re.split(r";|\.(?:\s|$)", purpose.strip(), maxsplit=1)[0].strip()
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0].rstrip(",:–- ") + "…"


def _purposes(current: Sequence[Process], paths: dict[str, str], prefix: str, lang: Lang) -> list[str]:
    rows = [
        [text(gist(p.purpose.get(lang))), _link(p, paths, prefix, f"{text(p.code)} — {text(p.title, lang)}")]
        for p in current
        if p.purpose is not None
    ]
    return [f"## {label('which_process', lang)}", "", table(headers(lang, ("need", "follow")), rows)] if rows else []


def _upcoming(processes: Sequence[Process], paths: dict[str, str], prefix: str, lang: Lang, today: date) -> list[str]:
    coming = [p for p in processes if p.status is not Status.OBSOLETE and not in_force(p, today)]
    rows = [[*_row(p, paths, prefix, lang)[:3], text(STATUS[p.status].get(lang)), _day(p.effective_date, lang)] for p in coming]
    columns = headers(lang, ("code", "title", "version", "status", "effective"))
    return [f"## {label('upcoming', lang)}", "", table(columns, rows)] if rows else []


def _recent(processes: Sequence[Process], paths: dict[str, str], prefix: str, lang: Lang) -> list[str]:
    changes = sorted(((r.date, p.code, p, r) for p in processes for r in p.revisions), key=lambda c: (c[0], c[1]), reverse=True)
    rows = [[_day(d, lang), _link(p, paths, prefix, text(p.code)), text(r.version), text(r.changes, lang)] for d, _, p, r in changes[:RECENT]]
    return [f"## {label('recent', lang)}", "", table(headers(lang, ("date", "process", "version", "changes")), rows)] if rows else []


def staff_home_page(
    processes: Sequence[Process], paths: dict[str, str], prefix: str, title: str, lang: Lang, today: date, agency: Agency | None = None
) -> str:
    """The home page of a site whose handbook pages are under ``prefix``; ``title`` is the site's name, ``agency`` the
    project's [agency] (qms.toml), named under it."""
    ordered = sorted(processes, key=lambda p: p.code)
    current = [p for p in ordered if in_force(p, today)]
    catalogue = f"[{label('list', lang)}]({href(ROOT, f'{prefix}/{HOME}')})"
    parts = [
        f"# {md(title)}",
        "",
        *([f"**{md(agency.name)}**" + (f" — {md(agency.parent)}" if agency.parent else ""), ""] if agency else []),
        label("staff_intro", lang),
        "",
        *_in_force(current, paths, prefix, lang, today),
        *_purposes(current, paths, prefix, lang),
        *_upcoming(ordered, paths, prefix, lang, today),
        *_recent(ordered, paths, prefix, lang),
        label("all_processes", lang, link=catalogue),
        "",
    ]
    return "\n".join(parts)


__all__ = ["ROOT", "gist", "in_force", "staff_home_page"]
