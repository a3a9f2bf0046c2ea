"""Roles and responsibilities: for each role (by name), the steps of the current processes it carries out."""

from __future__ import annotations

from collections.abc import Sequence

from qms.handbook.html_blocks import table
from qms.handbook.links import ROLES
from qms.handbook.pages.common import headers, link, text, titled
from qms.i18n import Lang
from qms.model import Process, Status


def roles_page(processes: Sequence[Process], paths: dict[str, str], lang: Lang) -> str:
    by_name: dict[str, list[str]] = {}
    for p in processes:
        if p.status is Status.OBSOLETE:
            continue
        for step in p.steps:
            if step.role and step.role in p.roles:
                name = text(p.roles[step.role].name, lang)
                by_name.setdefault(name, []).append(f"{link(p, paths, ROLES)}: {text(step.name, lang)}")
    rows = [[name, "<br>".join(tasks)] for name, tasks in sorted(by_name.items())]
    return titled("roles", lang, table(headers(lang, ("role", "steps")), rows))
