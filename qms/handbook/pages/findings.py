"""The conformity check results: every finding not waived, with the process it is about."""

from __future__ import annotations

from collections.abc import Sequence

from qms.handbook.html_blocks import table
from qms.handbook.labels import label
from qms.handbook.links import FINDINGS
from qms.handbook.pages.common import headers, link, text, titled
from qms.i18n import Lang
from qms.model import Process
from qms.rules.base import Finding


def findings_page(processes: Sequence[Process], paths: dict[str, str], findings: Sequence[Finding], lang: Lang) -> str:
    by_code = {p.code: p for p in processes}
    rows = [
        [link(by_code[f.process], paths, FINDINGS) if f.process in by_code else text(f.process), text(f.rule), text(f.severity.label(lang)), text(f.message.get(lang))]
        for f in findings
        if not f.waived
    ]
    body = table(headers(lang, ("process", "rule", "level", "message")), rows) if rows else label("no_findings", lang)
    return titled("findings", lang, f"{body}\n")
