"""The page of one process: its facts, legal basis, flowchart, steps, records, indicators, risks, revisions, approval."""

from __future__ import annotations

import json
from collections.abc import Sequence

from qms.handbook.flowchart_viewer import back_link, viewer_block
from qms.handbook.html_blocks import table
from qms.handbook.labels import STATUS, STEP_TYPE, label
from qms.handbook.links import href, svg_path
from qms.handbook.pages.common import md, section, text
from qms.handbook.pages.procedure import procedure_section
from qms.i18n import Lang, day_text
from qms.model import Clock, DocumentKind, Process, Status, Step
from qms.rules.base import Finding

# Role id -> its name in the page's language (escaped).
RoleNames = dict[str, str]


def page_title(process: Process, lang: Lang) -> str:
    return f"{text(process.code)} — {text(process.title, lang)}"


# Material for MkDocs' per-page search weight (front matter search.boost); the officers' pages weigh 0.1 and the other
# staff pages 1 (qms.handbook.search): 2 puts a process first without hiding a plan or a self-assessment page from a
# search for its own title (tests/handbook/search_queries.yaml).
SEARCH_BOOST = 2


def _heading(process: Process, lang: Lang) -> list[str]:
    # mkdocs takes a page's <title> and menu entry from its heading's *unescaped* text and the theme prints it
    # as is; an explicit, escaped title keeps «</title><script>» in a process title harmless.
    title = json.dumps(page_title(process, lang), ensure_ascii=False)
    # Staff search for their work: a process page ranks above the rule and code pages that share its words.
    parts = ["---", f"title: {title}", "search:", f"  boost: {SEARCH_BOOST}", "---", "", f"# {md(process.code)} — {md(process.title, lang)}", ""]
    status = text(STATUS[process.status].get(lang))
    if process.status in (Status.DRAFT, Status.REVIEW):
        parts += [f'!!! warning "{status}"', f"    {label('draft_banner', lang, status=status)}", ""]
    if process.status is Status.OBSOLETE:
        parts += [f'!!! danger "{status}"', f"    {label('obsolete_banner', lang)}", ""]
    return parts


def _clock(process: Process, clock: Clock, lang: Lang) -> str:
    """«from step «…» to step «…»; after 15:00 …; after a supplement …»: how the statutory deadline is counted."""
    start, stop = (
        text(process.step(step_id).name, lang) if step_id else label(default, lang)
        for step_id, default in ((clock.starts_at, "clock_start"), (clock.stops_at, "clock_stop"))
    )
    parts = [label("clock_between", lang, start=start, stop=stop)]
    if clock.cutoff:
        parts.append(label("clock_cutoff", lang, hour=text(clock.cutoff)))
    parts.append(label(f"clock_{clock.after_supplement.value}", lang))
    return "; ".join(parts)


def _facts(process: Process, lang: Lang, role_name: RoleNames) -> list[str]:
    facts = [
        [label("version", lang), text(process.version)],
        [label("status", lang), text(STATUS[process.status].get(lang))],
        [label("effective", lang), text(day_text(process.effective_date, lang) if process.effective_date else "")],
        [label("owner", lang), role_name.get(process.owner, text(process.owner))],
    ]
    if process.deadline:
        facts.append([label("deadline", lang), text(process.deadline.text)])
    facts += [[f"{label('deadline', lang)}: {text(case.when, lang)}", text(case.deadline.text)] for case in process.deadline_cases]
    if process.clock:
        facts.append([label("clock", lang), _clock(process, process.clock, lang)])
    if process.iso_clauses:
        facts.append([label("clauses", lang), text(", ".join(process.iso_clauses))])
    parts = [table(["", ""], facts)]
    for key, value in (("purpose", process.purpose), ("scope", process.scope)):
        if value:
            parts += [f"## {label(key, lang)}", "", md(value, lang), ""]
    return parts


def _legal_basis(process: Process, lang: Lang) -> list[str]:
    parts: list[str] = []
    for kind, heading in ((DocumentKind.LEGAL, "legal"), (DocumentKind.STANDARD, "standards")):
        rows = [
            [
                text(d.number) + ("" if d.verified else f"<br><small>{label('unverified', lang)}</small>"),
                text(d.title, lang),
                text(" – ".join(day_text(x, lang) for x in (d.in_force_from, d.in_force_until) if x)),
            ]
            for d in process.legal_basis
            if d.kind is kind
        ]
        if rows:
            parts += section(heading, lang, ("number", "doc_title", "in_force"), rows)
    return parts


def _flowchart(process: Process, page: str, lang: Lang) -> list[str]:
    return [f"## {label('flowchart', lang)}", "", viewer_block(href(page, svg_path(page)), text(process.code), lang), ""]


def _called(step: Step, lang: Lang) -> str:
    """«: QT-VB-01, kiem-tra-the-thuc → phat-hanh» for a sub-process step (escaped)."""
    if not step.calls:
        return ""
    part = step.calls_part
    span = f", {text(part.starts_at or label('clock_start', lang))} → {text(part.stops_at or label('clock_stop', lang))}" if part else ""
    return f": {text(step.calls)}{span}"


def _next(step: Step, process: Process, numbers: dict[str, int], lang: Lang) -> str:
    """The steps that may follow, by number and name, each linked to its row: «3. Thẩm định hồ sơ»."""
    return "<br>".join(
        f'<a href="#step-{s}">{numbers[s]}. {text(process.step(s).name, lang)}</a>' if s in numbers else text(s) for s in step.successors
    )


def _step_row(number: int, step: Step, lang: Lang, role_name: RoleNames, next_steps: str, back: str = "") -> list[str]:
    who = role_name.get(step.role or "", text(step.role))
    if step.support:
        who += f"<br><small>{label('support', lang)}: {', '.join(role_name.get(r, text(r)) for r in step.support)}</small>"
    return [
        f'<span id="step-{step.id}">{number}</span>{back}',  # ``back``: the link to the step on the flowchart
        f"{text(step.name, lang)}<br><small>{text(STEP_TYPE[step.type].get(lang))}{_called(step, lang)}</small>",
        who,
        text(step.duration.text if step.duration else ""),
        text(", ".join(step.records)),
        next_steps,
    ]


def _steps(process: Process, lang: Lang, role_name: RoleNames, with_diagram: bool = False) -> list[str]:
    numbers = {step.id: number for number, step in enumerate(process.steps, start=1)}
    back = back_link(lang) if with_diagram else ""
    rows = [_step_row(numbers[step.id], step, lang, role_name, _next(step, process, numbers, lang), back) for step in process.steps]
    return section("steps", lang, ("step", "step_name", "who", "time", "records", "next"), rows)


def _records(process: Process, lang: Lang, role_name: RoleNames) -> list[str]:
    if not process.records:
        return []
    rows = [
        [text(r.code), text(r.name, lang), text(r.form, lang), role_name.get(r.kept_by or "", ""), text(r.location, lang), text(r.retention.text if r.retention else "")]
        for r in process.records
    ]
    return section("records", lang, ("code", "record", "form", "kept_by", "location", "retention"), rows)


def _kpis(process: Process, lang: Lang) -> list[str]:
    if not process.kpis:
        return []
    rows = [[text(k.code), text(k.name, lang), text(k.formula, lang), text(k.target.text), text(k.frequency, lang)] for k in process.kpis]
    return section("kpis", lang, ("code", "title", "formula", "target", "frequency"), rows)


def _risks(process: Process, lang: Lang) -> list[str]:
    if not process.risks:
        return []
    rows = [
        [text(r.code), text(r.description, lang), text(str(r.level or "")), text(r.treatment, lang), ", ".join(f'<a href="#step-{c}">{text(c)}</a>' for c in r.controls)]
        for r in process.risks
    ]
    return section("risks", lang, ("code", "risk", "level", "treatment", "controls"), rows)


def _revisions(process: Process, lang: Lang) -> list[str]:
    if not process.revisions:
        return []
    rows = [[text(r.version), text(day_text(r.date, lang)), text(r.changes, lang)] for r in process.revisions]
    return section("revisions", lang, ("version", "date", "changes"), rows)


def _approval(process: Process, lang: Lang, role_name: RoleNames) -> list[str]:
    if not process.approval:
        return []
    rows = []
    for key in ("prepared", "reviewed", "approved"):
        signoff = getattr(process.approval, key)
        if signoff:
            rows.append([label(key, lang), role_name.get(signoff.role, text(signoff.role)), text(signoff.name), text(day_text(signoff.date, lang) if signoff.date else "")])
    return [f"## {label('approval', lang)}", "", table(["", label("role", lang), "", label("date", lang)], rows)]


def _findings(findings: Sequence[Finding], lang: Lang) -> list[str]:
    rows = [[text(f.rule), text(f"{f.location.line}:{f.location.column}"), text(f.message.get(lang))] for f in findings if not f.waived]
    return section("findings", lang, ("rule", "where", "message"), rows) if rows else []


def process_page(process: Process, page: str, lang: Lang, with_diagram: bool, findings: Sequence[Finding]) -> str:
    """The Markdown page ``page`` of ``process``; with its flowchart (``svg_path(page)``) when ``with_diagram``."""
    role_name = {rid: text(role.name, lang) for rid, role in process.roles.items()}
    parts = _heading(process, lang) + _facts(process, lang, role_name) + procedure_section(process, lang) + _legal_basis(process, lang)
    if with_diagram:
        parts += _flowchart(process, page, lang)
    parts += _steps(process, lang, role_name, with_diagram) + _records(process, lang, role_name) + _kpis(process, lang) + _risks(process, lang)
    parts += _revisions(process, lang) + _approval(process, lang, role_name)
    parts += _findings(findings, lang)
    return "\n".join(parts)
