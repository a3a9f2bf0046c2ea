"""The register of external documents (ISO 9001 7.5.3.2): the project's legal register, each text with its validity,
what replaced it, whether it was checked against the official text, and the current processes that cite it."""

from __future__ import annotations

from collections.abc import Sequence

from qms.handbook.html_blocks import table
from qms.handbook.labels import label
from qms.handbook.links import LEGAL
from qms.handbook.pages.common import headers, link, text, titled
from qms.i18n import Lang, day_text
from qms.legal.impact import citing_places
from qms.legal.register import Register, key_of
from qms.model import Process, Status
from qms.render.escape import markdown_text


def legal_page(register: Register, processes: Sequence[Process], paths: dict[str, str], lang: Lang) -> str:
    current = [p for p in processes if p.status is not Status.OBSOLETE]
    by_code = {p.code: p for p in current}
    citing: dict[str, set[str]] = {}
    for place in citing_places(current):
        citing.setdefault(place.key, set()).add(place.process)
    rows = []
    for entry in register.texts:
        change = register.replacement_of(entry.number)
        validity = " – ".join(day_text(d, lang) if d else "" for d in (entry.in_force_from, entry.in_force_until)).strip(" –")
        replaced = f"{change.replacement} ({day_text(change.effective, lang)})" if change else ""
        checked = label("verified", lang) if entry.verified else label("unverified", lang)
        cited = ", ".join(link(by_code[code], paths, LEGAL) for code in sorted(citing.get(key_of(entry.number), ())))
        rows.append(
            [text(entry.number), text(entry.kind.value), text(entry.title, lang), text(validity), text(replaced), text(checked), cited]
        )
    columns = ("number", "kind", "doc_title", "in_force", "replaced_by", "verified", "cited_by")
    note = "" if register.is_project else markdown_text(label("legal_default", lang)) + "\n\n"
    return titled("legal_register", lang, note + table(headers(lang, columns), rows))
