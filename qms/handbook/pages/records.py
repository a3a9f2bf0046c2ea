"""The records register: every record and form of the current processes, where it is kept and for how long."""

from __future__ import annotations

from collections.abc import Sequence

from qms.handbook.html_blocks import table
from qms.handbook.links import RECORDS
from qms.handbook.pages.common import headers, link, text, titled
from qms.i18n import Lang
from qms.model import Process, Status


def records_page(processes: Sequence[Process], paths: dict[str, str], lang: Lang) -> str:
    rows = [
        [text(r.code), text(r.name, lang), link(p, paths, RECORDS), text(r.form, lang), text(r.location, lang), text(r.retention.text if r.retention else "")]
        for p in processes
        if p.status is not Status.OBSOLETE
        for r in p.records
    ]
    return titled("register", lang, table(headers(lang, ("code", "record", "process", "form", "location", "retention")), rows))
