"""The handbook's home page: the current processes, recent changes, links to the check results, the archive."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from qms.handbook.labels import STATUS, label
from qms.handbook.links import AUDIT, FINDINGS, HOME, MATRIX
from qms.handbook.pages.common import link, section, text
from qms.i18n import Lang, day_text, ngettext
from qms.model import Process, Status

RECENT = 10  # revisions shown under «recent changes»


def _process_row(process: Process, paths: dict[str, str], lang: Lang) -> list[str]:
    owner = process.roles[process.owner].name if process.owner in process.roles else process.owner
    effective = day_text(process.effective_date, lang) if process.effective_date else ""
    return [link(process, paths, HOME), text(process.title, lang), text(process.version), text(STATUS[process.status].get(lang)), text(owner, lang), text(effective)]


def _recent_changes(processes: Sequence[Process], paths: dict[str, str], lang: Lang) -> list[list[str]]:
    changes = sorted(((r.date, p, r) for p in processes for r in p.revisions), key=lambda c: (c[0], c[1].code), reverse=True)[:RECENT]
    return [[text(day_text(d, lang)), link(p, paths, HOME), text(r.version), text(r.changes, lang)] for d, p, r in changes]


def home_page(processes: Sequence[Process], paths: dict[str, str], lang: Lang, today: date, with_audit: bool = False) -> str:
    current = [p for p in processes if p.status is not Status.OBSOLETE]
    built = ngettext("Tạo ngày {day} từ {n} tệp quy trình.", "Tạo ngày {day} từ {n} tệp quy trình.", len(processes))
    parts = [
        f"# {label('home', lang)}",
        "",
        *section("list", lang, ("code", "title", "version", "status", "owner", "effective"), [_process_row(p, paths, lang) for p in current]),
        *section("recent", lang, ("date", "process", "version", "changes"), _recent_changes(processes, paths, lang)),
        f"*{built.format(day=day_text(today, lang), n=len(processes)).get(lang)}*",
        "",
    ]
    links = [f"[{label('findings', lang)}]({FINDINGS})", f"[{label('matrix', lang)}]({MATRIX})"]
    if with_audit:
        links.append(f"[{label('audit', lang)}]({AUDIT})")
    parts += [" · ".join(links), ""]
    archived = [p for p in processes if p.status is Status.OBSOLETE]
    if archived:
        parts += section("archive", lang, ("code", "title"), [[link(p, paths, HOME), text(p.title, lang)] for p in archived])
    return "\n".join(parts)
