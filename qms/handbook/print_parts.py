"""What makes the printed handbook a document an agency signs: cover, contents, running header and footer, signatures.

Agencies file a signed paper copy of each process (ISO 9001 7.5.2 c, 7.5.3). The cover names the agency, the code,
title, issue and effective date; every later page has a header (agency, code, issue) and a footer («Trang x/y»)
that Chromium draws in the page margin (``displayHeaderFooter``: the ``pageNumber`` and ``totalPages`` classes are
filled in by it); the approval block has a row for the drafter, the checker and the approver, with their name,
title, date and an empty cell to sign in. Every value from a process is escaped here (:func:`html_text`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from qms.escape import html_text
from qms.handbook.labels import label
from qms.i18n import Lang, _, day_text, pgettext
from qms.model import Process, SignOff, Status
from qms.rules.agency import Agency

WORDS = {
    "code": _("Mã số"),
    "issue": _("Lần ban hành"),
    "effective": _("Ngày hiệu lực"),
    "printed": _("Ngày in"),
    "contents": _("Mục lục"),
    "process_title": _("Tên quy trình"),
    "role": _("Trách nhiệm"),
    "name": _("Họ và tên"),
    "position": pgettext("qms.handbook.print_parts", "Chức vụ"),
    "date": _("Ngày"),
    "signature": _("Chữ ký"),
    "prepared": _("Soạn thảo"),
    "reviewed": pgettext("qms.handbook.print_parts", "Kiểm tra"),
    "approved": _("Phê duyệt"),
    "page": _("Trang"),
    "not_approved": _("Chưa phê duyệt: bản này chưa có hiệu lực"),
    "count": _("Số quy trình"),
    "flow_part": _("Lưu đồ, phần {part}/{parts} (hàng {row}, cột {column})"),
}


def word(key: str, lang: Lang) -> str:
    """The printed word ``key`` in ``lang``, escaped."""
    return html_text(WORDS[key].get(lang))


def _agency(agency: Agency | None) -> str:
    """The agency block of a cover: its governing body, the agency in bold, its address (the [agency] of qms.toml).

    No agency given: a dotted line the agency fills in by hand, as on a blank form.
    """
    if agency is None:
        return f'<p class="qms-agency">{"&hellip;" * 30}</p>'
    parent = f'<p class="qms-agency-parent">{html_text(agency.parent)}</p>' if agency.parent else ""
    address = f'<p class="qms-agency-address">{html_text(agency.address)}</p>' if agency.address else ""
    return f'{parent}<p class="qms-agency">{html_text(agency.name)}</p>{address}'


def _day(day: date | None, lang: Lang) -> str:
    return html_text(day_text(day, lang)) if day else ""


def _facts(rows: Sequence[tuple[str, str]]) -> str:
    return '<table class="qms-facts">' + "".join(f"<tr><th>{k}</th><td>{v}</td></tr>" for k, v in rows) + "</table>"


def process_cover(process: Process, agency: Agency | None, lang: Lang) -> str:
    """The cover of one process: agency, title, code, issue, effective date, and its approval block."""
    rows = [
        (word("code", lang), html_text(process.code)),
        (word("issue", lang), html_text(process.version)),
        (word("effective", lang), _day(process.effective_date, lang)),
    ]
    warning = "" if process.status is Status.APPROVED else f'<p class="qms-not-approved">{word("not_approved", lang)}</p>'
    return (
        f'<section class="qms-cover"><div class="qms-agency-block">{_agency(agency)}</div>'
        f'<p class="qms-cover-title">{html_text(process.title.get(lang))}</p>{_facts(rows)}{warning}'
        f"{approval_block(process, lang)}</section>"
    )


def handbook_cover(title: str, agency: Agency | None, processes: Sequence[Process], today: date, lang: Lang) -> str:
    """The cover of the whole handbook: agency, title, how many processes, the day it was printed."""
    rows = [(word("count", lang), str(len(processes))), (word("printed", lang), _day(today, lang))]
    return (
        f'<section class="qms-cover"><div class="qms-agency-block">{_agency(agency)}</div>'
        f'<p class="qms-cover-title">{html_text(title)}</p>{_facts(rows)}</section>'
    )


def contents(processes: Sequence[Process], anchors: dict[str, str], lang: Lang, pages: Mapping[str, int] | None = None) -> str:
    """The table of contents: each process with its code, title, issue, effective date and page, linked to its section.

    ``pages`` (anchor -> page) comes from a first printing (:mod:`qms.handbook.pdf_pages`: Chromium has no
    ``target-counter()``); without it the page column is empty. The column has a fixed width, so that filling it in
    moves nothing.
    """
    found = pages or {}
    head = "".join(f"<th>{word(k, lang)}</th>" for k in ("code", "process_title", "issue", "effective"))
    head += f'<th class="qms-page">{word("page", lang)}</th>'
    rows = "".join(
        f'<tr><td><a href="#{anchors[p.code]}">{html_text(p.code)}</a></td><td>{html_text(p.title.get(lang))}</td>'
        f"<td>{html_text(p.version)}</td><td>{_day(p.effective_date, lang)}</td>"
        f'<td class="qms-page">{found.get(anchors[p.code], "")}</td></tr>'
        for p in processes
    )
    return f'<section class="qms-contents"><h1 class="qms-contents-title">{word("contents", lang)}</h1><table><tr>{head}</tr>{rows}</table></section>'


def _signoff_row(key: str, signoff: SignOff | None, process: Process, lang: Lang) -> str:
    # The model names the role that signs (its name is the position); the person and the date where they are known.
    role = process.roles.get(signoff.role) if signoff else None
    position = html_text(role.name.get(lang)) if role else html_text(signoff.role) if signoff else ""
    name = html_text(signoff.name) if signoff and signoff.name else ""
    day = _day(signoff.date, lang) if signoff else ""
    return f'<tr><th>{word(key, lang)}</th><td>{name}</td><td>{position}</td><td>{day}</td><td class="qms-sign"></td></tr>'


def approval_block(process: Process, lang: Lang) -> str:
    """Soạn thảo / Kiểm tra / Phê duyệt, with name, position, date and an empty signature cell on each row."""
    approval = process.approval
    head = "".join(f"<th>{word(k, lang)}</th>" for k in ("role", "name", "position", "date", "signature"))
    rows = "".join(
        _signoff_row(key, getattr(approval, key) if approval else None, process, lang) for key in ("prepared", "reviewed", "approved")
    )
    return f'<table class="qms-approval"><caption>{html_text(label("approval", lang))}</caption><tr>{head}</tr>{rows}</table>'


def flow_part(part: int, parts: int, row: int, column: int, lang: Lang) -> str:
    """«Lưu đồ, phần 2/10 (hàng 1, cột 2)»: the caption of one piece of a flowchart cut into pages."""
    where = WORDS["flow_part"].get(lang).format(part=part, parts=parts, row=row, column=column)
    return f'<p class="qms-flow-where">{html_text(where)}</p>'


def css_string(value: str) -> str:
    """``value`` as a CSS string literal: every character but letters, digits and spaces as a CSS escape.

    Process text must not end the string or the ``<style>`` element («"», «\\», «</style>»).
    """
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):x} " for c in value) + '"'


def running_css(agency: Agency | None, code: str, issue: str, lang: Lang) -> str:
    """The running header (agency; code and issue) and footer (code; «Trang x/y») of every page but the cover.

    CSS page-margin boxes, which Chromium draws since version 131, with ``counter(page)`` and ``counter(pages)``;
    the cover is a named page whose boxes are empty.
    """
    right = code + (f" · {WORDS['issue'].get(lang)}: {issue}" if issue else "")
    box = "font-family: 'Noto Sans', 'DejaVu Sans', sans-serif; font-size: 8pt; color: #444;"
    page = css_string(WORDS["page"].get(lang) + " ")
    return (
        f"@page {{ @top-left {{ content: {css_string(agency.name if agency else '')}; {box} }} @top-right {{ content: {css_string(right)}; {box} }}"
        f" @bottom-left {{ content: {css_string(code)}; {box} }}"
        f' @bottom-right {{ content: {page} counter(page) "/" counter(pages); {box} }} }}\n'
        "@page cover { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }\n"
    )
