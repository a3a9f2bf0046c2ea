"""The QMS handbook (Sổ tay quy trình) as Markdown pages, generated from the processes.

This module knows nothing of mkdocs: it returns page paths and contents
(and where each flowchart goes; :mod:`qms.handbook.diagrams` draws them) so that the mkdocs plugin, a Zensical build or a plain
folder export can all use it.

What free text may contain: process text is data written by QMS officers,
not trusted HTML, and it is shown as written. It is never read as HTML or
Markdown: every value from YAML goes through :func:`text` (in HTML blocks)
or :func:`md` (in Markdown text), which escape HTML, and for :func:`md`
every Markdown and attribute-list character, so ``<script>``,
``<img onerror=…>`` or ``[x](javascript:…)`` show as text and no link is
ever made from free text (the only links are the generator's own, between
its pages). Characters XML 1.0 cannot hold are replaced
(:func:`qms.render.escape.xml_chars`). The mkdocs plugin then passes the
rendered HTML through an allow-list as well (:mod:`qms.handbook.safe_html`).
"""

from __future__ import annotations

import json
import posixpath
import re
from collections.abc import Iterable, Mapping, MutableMapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from qms.i18n import Lang, Message
from qms.model import DocumentKind, Process, Status, Step, StepType, Text
from qms.model.values import fold
from qms.render.escape import html_text
from qms.report.coverage import CoverageRow, coverage_matrix
from qms.rules.base import Finding, Rule
from qms.rules.registry import all_rules

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+!|~])")
# Markdown reads a carriage return as a line break too: a value stays on its line (a heading, a table row).
_ONE_LINE = re.compile(r"\r\n?|\n")

STATUS = {
    Status.DRAFT: Message("Dự thảo", "Draft"),
    Status.REVIEW: Message("Đang xem xét", "In review"),
    Status.APPROVED: Message("Đã phê duyệt", "Approved"),
    Status.OBSOLETE: Message("Hết hiệu lực", "Obsolete"),
}
STEP_TYPE = {
    StepType.START: Message("Bắt đầu", "Start"),
    StepType.TASK: Message("Công việc", "Task"),
    StepType.DECISION: Message("Quyết định", "Decision"),
    StepType.SUBPROCESS: Message("Quy trình con", "Sub-process"),
    StepType.END: Message("Kết thúc", "End"),
}
W: dict[str, Message] = {
    "home": Message("Sổ tay quy trình ISO", "ISO process handbook"),
    "list": Message("Danh mục quy trình", "Process list"),
    "code": Message("Mã", "Code"),
    "title": Message("Tên quy trình", "Title"),
    "version": Message("Phiên bản", "Version"),
    "status": Message("Trạng thái", "Status"),
    "owner": Message("Chủ trì", "Owner"),
    "effective": Message("Ngày hiệu lực", "Effective"),
    "recent": Message("Thay đổi gần đây", "Recent changes"),
    "date": Message("Ngày", "Date"),
    "changes": Message("Nội dung sửa đổi", "Changes"),
    "purpose": Message("Mục đích", "Purpose"),
    "scope": Message("Phạm vi áp dụng", "Scope"),
    "legal": Message("Căn cứ pháp lý", "Legal basis"),
    "standards": Message("Tiêu chuẩn, hướng dẫn viện dẫn", "Standards and guidelines"),
    "doc_title": Message("Trích yếu", "Title"),
    "number": Message("Số, ký hiệu", "Number"),
    "in_force": Message("Hiệu lực", "In force"),
    "flowchart": Message("Lưu đồ", "Flowchart"),
    "steps": Message("Các bước thực hiện", "Steps"),
    "step": Message("Bước", "Step"),
    "step_name": Message("Nội dung công việc", "What is done"),
    "who": Message("Người thực hiện", "Responsible"),
    "time": Message("Thời gian", "Time"),
    "support": Message("Phối hợp", "With"),
    "unverified": Message("chưa đối chiếu văn bản gốc", "not yet checked against the official text"),
    "records": Message("Hồ sơ, biểu mẫu", "Records and forms"),
    "next": Message("Tiếp theo", "Next"),
    "record": Message("Hồ sơ", "Record"),
    "form": Message("Mẫu", "Form"),
    "kept_by": Message("Lưu giữ", "Kept by"),
    "location": Message("Nơi lưu", "Location"),
    "retention": Message("Thời hạn lưu", "Retention"),
    "kpis": Message("Chỉ số đo lường", "Indicators"),
    "formula": Message("Cách tính", "Formula"),
    "target": Message("Chỉ tiêu", "Target"),
    "frequency": Message("Tần suất", "Frequency"),
    "risks": Message("Rủi ro và cơ hội", "Risks and opportunities"),
    "risk": Message("Rủi ro / cơ hội", "Risk / opportunity"),
    "level": Message("Mức", "Level"),
    "treatment": Message("Biện pháp", "Treatment"),
    "controls": Message("Bước kiểm soát", "Controlling steps"),
    "revisions": Message("Theo dõi sửa đổi", "Revision history"),
    "approval": Message("Phê duyệt tài liệu", "Document approval"),
    "prepared": Message("Soạn thảo", "Prepared"),
    "reviewed": Message("Xem xét", "Reviewed"),
    "approved": Message("Phê duyệt", "Approved"),
    "deadline": Message("Thời hạn giải quyết", "Statutory deadline"),
    "clock": Message("Tính thời hạn", "Deadline counted"),
    "rules_section": Message("Quy tắc kiểm tra", "Conformity rules"),
    "reference_section": Message("Định dạng tệp quy trình", "Process file format"),
    "clock_between": Message("từ bước «{start}» đến bước «{stop}»", "from step «{start}» to step «{stop}»"),
    "clock_start": Message("bắt đầu", "start"),
    "clock_stop": Message("kết thúc", "end"),
    "draft_banner": Message(
        "Quy trình này đang ở trạng thái «{status}»: chưa được áp dụng chính thức.",
        "This process is «{status}»: not yet in force.",
    ),
    "obsolete_banner": Message("Quy trình này đã hết hiệu lực; chỉ lưu để tra cứu.", "This process is obsolete; kept for reference only."),
    "register": Message("Sổ đăng ký hồ sơ, biểu mẫu", "Records register"),
    "process": Message("Quy trình", "Process"),
    "roles": Message("Vai trò và trách nhiệm", "Roles and responsibilities"),
    "role": Message("Vai trò", "Role"),
    "archive": Message("Lưu trữ (hết hiệu lực)", "Archive (obsolete)"),
    "processes": Message("Quy trình", "Processes"),
    "findings": Message("Kết quả kiểm tra sự phù hợp", "Conformity check results"),
    "no_findings": Message("Không có phát hiện nào.", "No findings."),
    "audit": Message("Báo cáo đánh giá theo tiêu chí", "Audit report"),
    "rule": Message("Quy tắc", "Rule"),
    "where": Message("Vị trí", "Where"),
    "message": Message("Nội dung", "Finding"),
    "built": Message("Tạo ngày {day} từ {n} tệp quy trình.", "Built on {day} from {n} process files."),
    "clauses": Message("Điều khoản ISO 9001", "ISO 9001 clauses"),
    "matrix": Message("Ma trận điều khoản ISO", "ISO clause matrix"),
    "standard": Message("Tiêu chuẩn", "Standard"),
    "clause": Message("Điều khoản / lĩnh vực", "Clause / area"),
    "requirement": Message("Yêu cầu", "Requirement"),
    "evidenced_by": Message("Quy trình đáp ứng", "Evidenced by"),
    "checked_by": Message("Quy tắc kiểm tra", "Checked by rules"),
    "none": Message("— chưa có —", "— none —"),
    "preview": Message(
        "Xem thử nhanh: mỗi lần lưu tệp quy trình, chỉ dựng lại các trang thay đổi (menu và tìm kiếm của sổ tay vẫn đầy đủ). "
        "Khi sửa trang trong docs/, chạy lại với «qms handbook serve --full».",
        "Fast preview: each time a process file is saved, only the changed pages are rebuilt (the handbook's menus and "
        "search stay complete). When editing pages in docs/, run «qms handbook serve --full».",
    ),
    "not_applicable": Message("không áp dụng: {reason}", "not applicable: {reason}"),
    "excluded": Message("Không áp dụng (ISO 9001 4.3): {keys}.", "Not applicable (ISO 9001 4.3): {keys}."),
    "gaps": Message(
        "Chưa có quy trình đáp ứng hoặc quy tắc kiểm tra: {gaps}. Một điều khoản không có quy tắc kiểm tra chỉ được "
        "đánh giá bằng con người.",
        "No process evidences or no rule checks: {gaps}. A clause no rule checks is assessed by people only.",
    ),
    "no_gaps": Message("Mọi điều khoản và lĩnh vực đều có quy trình đáp ứng và quy tắc kiểm tra.", "Every clause and area is evidenced and checked."),
}


def text(value: str | Text | None, lang: Lang = Lang.VI) -> str:
    """A YAML value escaped for HTML (table cells and other raw HTML blocks)."""
    if value is None:
        return ""
    raw = value.get(lang) if isinstance(value, Text) else str(value)
    return _ONE_LINE.sub(" ", html_text(raw, quote=True))


def md(value: str | Text | None, lang: Lang = Lang.VI) -> str:
    """A YAML value escaped for Markdown text (headings, paragraphs): HTML and Markdown syntax both neutralised."""
    if value is None:
        return ""
    raw = value.get(lang) if isinstance(value, Text) else str(value)
    # quote=False: in text content quotes are harmless, and «&#x27;» would contain a «#» to escape.
    return _ONE_LINE.sub(" ", _MARKDOWN_SPECIAL.sub(r"\\\1", html_text(raw, quote=False)))


def table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table (cells already escaped): robust against «|» and line breaks in values."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="qms-table">\n<thead><tr>{head}</tr></thead>\n<tbody>{body}</tbody>\n</table>\n'


# Menus of more than this many process pages are split: mkdocs-material renders every sibling's menu entry
# on every page, so one flat section costs time growing with the square of its size (benchmarks/RESULTS.md).
GROUP_LIMIT = 50


def process_paths(processes: Sequence[Process]) -> dict[str, str]:
    """Page path of every process: flat up to GROUP_LIMIT, else grouped by code prefix in chunks."""
    paths = {p.code: f"luu-tru/{p.code}.md" for p in processes if p.status is Status.OBSOLETE}
    current = sorted((p.code for p in processes if p.status is not Status.OBSOLETE))
    if len(current) <= GROUP_LIMIT:
        return paths | {code: f"quy-trinh/{code}.md" for code in current}
    groups: dict[str, list[str]] = {}
    for code in current:
        groups.setdefault(re.sub(r"[-_.]?\d+$", "", code) or code, []).append(code)
    for prefix, codes in groups.items():
        for index, code in enumerate(codes):
            folder = prefix if len(codes) <= GROUP_LIMIT else f"{prefix}-{index // GROUP_LIMIT + 1}"
            paths[code] = f"quy-trinh/{folder}/{code}.md"
    return paths


def svg_path(page: str) -> str:
    return page.removesuffix(".md") + ".svg"


def diagram_links(process: Process, paths: dict[str, str]) -> dict[str, str]:
    """Links from a process's flowchart to the pages of the processes it calls."""
    here = svg_path(paths[process.code])
    return {s.calls: href(here, paths[s.calls]) for s in process.steps if s.calls and s.calls in paths}


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
) -> Handbook:
    """Every handbook page for ``processes``.

    With ``diagrams`` each process page shows its flowchart, an SVG file at the path ``flowcharts`` names
    (:func:`qms.handbook.diagrams.draw_flowcharts` draws them). A ``cache`` kept by the caller across builds
    (``mkdocs serve``) keeps the page of every process whose model and findings are the same objects as before.
    ``rules`` are the rules that ran (for the clause matrix); every rule of the catalogue when not given.
    ``not_applicable`` maps clauses the project excludes (ISO 9001 4.3) to their justification.
    """
    ordered = sorted(processes, key=lambda p: p.code)
    paths = process_paths(ordered)
    book = Handbook(paths=paths)
    book.pages["index.md"] = NOT_SEARCHED + _home(ordered, paths, lang, today or date.today(), audit_report is not None)
    if audit_report is not None:
        # The report of «qms audit» (Markdown it escaped itself), shown as it is.
        book.pages["danh-gia.md"] = audit_report
        book.titles["danh-gia.md"] = _t("audit", lang)
    book.titles |= {
        "index.md": _t("home", lang),
        "ho-so.md": _t("register", lang),
        "vai-tro.md": _t("roles", lang),
        "kiem-tra.md": _t("findings", lang),
        "ma-tran.md": _t("matrix", lang),
    }
    by_process: dict[str, list[Finding]] = {}
    for finding in findings:
        by_process.setdefault(finding.process, []).append(finding)
    for process in ordered:
        page = paths[process.code]
        if diagrams:
            book.flowcharts[svg_path(page)] = process.code
        book.titles[page] = page_title(process, lang)
        own = tuple(by_process.get(process.code, ()))
        key = (process.code, page, lang, diagrams)
        kept = cache.get(key) if cache is not None else None
        if kept is not None and kept[0] is process and kept[1] == own:
            book.pages[page] = kept[2]
            continue
        book.pages[page] = _process_page(process, page, lang, diagrams, own)
        if cache is not None:
            cache[key] = (process, own, book.pages[page])
    book.pages["ho-so.md"] = NOT_SEARCHED + _records_register(ordered, paths, lang)
    book.pages["vai-tro.md"] = NOT_SEARCHED + _roles_page(ordered, paths, lang)
    book.pages["kiem-tra.md"] = NOT_SEARCHED + _findings_page(ordered, paths, findings, lang)
    book.pages["ma-tran.md"] = NOT_SEARCHED + _matrix_page(ordered, paths, all_rules() if rules is None else rules, findings, not_applicable or {}, lang)
    return book


def _t(key: str, lang: Lang, **args: object) -> str:
    return W[key].get(lang).format(**args)


def url_of(path: str) -> str:
    """Site URL of a generated file, as mkdocs (and Zensical) serve it with directory URLs."""
    if not path.endswith(".md"):
        return path
    stem = path.removesuffix(".md")
    return stem.removesuffix("index") if stem.endswith("index") else stem + "/"


@lru_cache(maxsize=65536)  # the same links recur on every row of the long pages; relpath is slow
def href(from_page: str, to_path: str) -> str:
    """Relative link from one generated page to another page or asset."""
    start = url_of(from_page) or "."  # the folder the page is served from
    target = url_of(to_path)
    relative = posixpath.relpath(target or ".", start)
    return relative + "/" if to_path.endswith(".md") and not relative.endswith("/") else relative


def _link(process: Process, paths: dict[str, str], from_page: str) -> str:
    return f'<a href="{href(from_page, paths[process.code])}">{text(process.code)}</a>'


def _home(processes: Sequence[Process], paths: dict[str, str], lang: Lang, today: date, with_audit: bool = False) -> str:
    current = [p for p in processes if p.status is not Status.OBSOLETE]
    rows = [
        [
            _link(p, paths, "index.md"),
            text(p.title, lang),
            text(p.version),
            text(STATUS[p.status].get(lang)),
            text(p.roles[p.owner].name, lang) if p.owner in p.roles else text(p.owner),
            text(p.effective_date.isoformat() if p.effective_date else ""),
        ]
        for p in current
    ]
    changes = sorted(((r.date, p, r) for p in processes for r in p.revisions), key=lambda c: (c[0], c[1].code), reverse=True)[:10]
    change_rows = [[text(d.isoformat()), _link(p, paths, "index.md"), text(r.version), text(r.changes, lang)] for d, p, r in changes]
    parts = [
        f"# {_t('home', lang)}",
        "",
        f"## {_t('list', lang)}",
        "",
        table([_t(k, lang) for k in ("code", "title", "version", "status", "owner", "effective")], rows),
        f"## {_t('recent', lang)}",
        "",
        table([_t(k, lang) for k in ("date", "process", "version", "changes")], change_rows),
        f"*{_t('built', lang, day=today.isoformat(), n=len(processes))}*",
        "",
    ]
    links = [f"[{_t('findings', lang)}](kiem-tra.md)", f"[{_t('matrix', lang)}](ma-tran.md)"] + ([f"[{_t('audit', lang)}](danh-gia.md)"] if with_audit else [])
    parts += [" · ".join(links), ""]
    archived = [p for p in processes if p.status is Status.OBSOLETE]
    if archived:
        parts += [f"## {_t('archive', lang)}", "", table([_t("code", lang), _t("title", lang)], [[_link(p, paths, "index.md"), text(p.title, lang)] for p in archived])]
    return "\n".join(parts)


def page_title(process: Process, lang: Lang) -> str:
    return f"{text(process.code)} — {text(process.title, lang)}"


def _process_page(process: Process, page: str, lang: Lang, with_diagram: bool, findings: Sequence[Finding]) -> str:
    role_name = {rid: text(role.name, lang) for rid, role in process.roles.items()}
    # mkdocs takes a page's <title> and menu entry from its heading's *unescaped* text and the theme prints it
    # as is; an explicit, escaped title keeps «</title><script>» in a process title harmless.
    title = json.dumps(page_title(process, lang), ensure_ascii=False)
    parts = ["---", f"title: {title}", "---", "", f"# {md(process.code)} — {md(process.title, lang)}", ""]
    if process.status in (Status.DRAFT, Status.REVIEW):
        parts += [f'!!! warning "{text(STATUS[process.status].get(lang))}"', f"    {_t('draft_banner', lang, status=text(STATUS[process.status].get(lang)))}", ""]
    if process.status is Status.OBSOLETE:
        parts += [f'!!! danger "{text(STATUS[process.status].get(lang))}"', f"    {_t('obsolete_banner', lang)}", ""]
    facts = [
        [_t("version", lang), text(process.version)],
        [_t("status", lang), text(STATUS[process.status].get(lang))],
        [_t("effective", lang), text(process.effective_date.isoformat() if process.effective_date else "")],
        [_t("owner", lang), role_name.get(process.owner, text(process.owner))],
    ]
    if process.deadline:
        facts.append([_t("deadline", lang), text(process.deadline.text)])
    facts += [[f"{_t('deadline', lang)}: {text(case.when, lang)}", text(case.deadline.text)] for case in process.deadline_cases]
    if process.clock:
        start, stop = (
            text(process.step(step_id).name, lang) if step_id else _t(default, lang)
            for step_id, default in ((process.clock.starts_at, "clock_start"), (process.clock.stops_at, "clock_stop"))
        )
        facts.append([_t("clock", lang), _t("clock_between", lang, start=start, stop=stop)])
    if process.iso_clauses:
        facts.append([_t("clauses", lang), text(", ".join(process.iso_clauses))])
    parts += [table(["", ""], facts)]
    for key, value in (("purpose", process.purpose), ("scope", process.scope)):
        if value:
            parts += [f"## {_t(key, lang)}", "", md(value, lang), ""]
    for kind, heading in ((DocumentKind.LEGAL, "legal"), (DocumentKind.STANDARD, "standards")):
        cited = [d for d in process.legal_basis if d.kind is kind]
        if not cited:
            continue
        rows = [
            [
                text(d.number) + ("" if d.verified else f"<br><small>{_t('unverified', lang)}</small>"),
                text(d.title, lang),
                text(" – ".join(x.isoformat() for x in (d.in_force_from, d.in_force_until) if x)),
            ]
            for d in cited
        ]
        parts += [f"## {_t(heading, lang)}", "", table([_t("number", lang), _t("doc_title", lang), _t("in_force", lang)], rows)]
    if with_diagram:
        # <object> keeps the SVG interactive: steps have ids and sub-process boxes link to their pages.
        parts += [f"## {_t('flowchart', lang)}", "", f'<object class="qms-flowchart" type="image/svg+xml" data="{href(page, svg_path(page))}">{text(process.code)}</object>', ""]
    step_rows = []
    for number, step in enumerate(process.steps, start=1):
        follow = ", ".join(text(s) for s in step.successors)
        step_rows.append(
            [
                f'<span id="step-{step.id}">{number}</span>',
                f"{text(step.name, lang)}<br><small>{text(STEP_TYPE[step.type].get(lang))}{_called(step, lang)}</small>",
                role_name.get(step.role or "", text(step.role))
                + (f"<br><small>{_t('support', lang)}: {', '.join(role_name.get(r, text(r)) for r in step.support)}</small>" if step.support else ""),
                text(step.duration.text if step.duration else ""),
                text(", ".join(step.records)),
                follow,
            ]
        )
    parts += [f"## {_t('steps', lang)}", "", table([_t(k, lang) for k in ("step", "step_name", "who", "time", "records", "next")], step_rows)]
    if process.records:
        rows = [
            [text(r.code), text(r.name, lang), text(r.form, lang), role_name.get(r.kept_by or "", ""), text(r.location, lang), text(r.retention.text if r.retention else "")]
            for r in process.records
        ]
        parts += [f"## {_t('records', lang)}", "", table([_t(k, lang) for k in ("code", "record", "form", "kept_by", "location", "retention")], rows)]
    if process.kpis:
        rows = [[text(k.code), text(k.name, lang), text(k.formula, lang), text(k.target.text), text(k.frequency, lang)] for k in process.kpis]
        parts += [f"## {_t('kpis', lang)}", "", table([_t(k, lang) for k in ("code", "title", "formula", "target", "frequency")], rows)]
    if process.risks:
        rows = [
            [text(r.code), text(r.description, lang), text(str(r.level or "")), text(r.treatment, lang), ", ".join(f'<a href="#step-{c}">{text(c)}</a>' for c in r.controls)]
            for r in process.risks
        ]
        parts += [f"## {_t('risks', lang)}", "", table([_t(k, lang) for k in ("code", "risk", "level", "treatment", "controls")], rows)]
    if process.revisions:
        rows = [[text(r.version), text(r.date.isoformat()), text(r.changes, lang)] for r in process.revisions]
        parts += [f"## {_t('revisions', lang)}", "", table([_t(k, lang) for k in ("version", "date", "changes")], rows)]
    if process.approval:
        rows = []
        for key in ("prepared", "reviewed", "approved"):
            signoff = getattr(process.approval, key)
            if signoff:
                rows.append([_t(key, lang), role_name.get(signoff.role, text(signoff.role)), text(signoff.name), text(signoff.date.isoformat() if signoff.date else "")])
        parts += [f"## {_t('approval', lang)}", "", table(["", _t("role", lang), "", _t("date", lang)], rows)]
    parts.append(_folded_for_search(process, lang))
    if findings:
        rows = [[text(f.rule), text(f"{f.location.line}:{f.location.column}"), text(f.message.get(lang))] for f in findings if not f.waived]
        if rows:
            parts += [f"## {_t('findings', lang)}", "", table([_t(k, lang) for k in ("rule", "where", "message")], rows)]
    return "\n".join(parts)


def _called(step: Step, lang: Lang) -> str:
    """«: QT-VB-01, kiem-tra-the-thuc → phat-hanh» for a sub-process step (escaped)."""
    if not step.calls:
        return ""
    part = step.calls_part
    span = f", {text(part.starts_at or _t('clock_start', lang))} → {text(part.stops_at or _t('clock_stop', lang))}" if part else ""
    return f": {text(step.calls)}{span}"


def _folded_for_search(process: Process, lang: Lang) -> str:
    """The page's key words without diacritics, hidden, so that searching «tham dinh» finds «thẩm định».

    The search index (lunr) does not fold accents, and people often type Vietnamese without them.
    """
    words = [process.title.get(lang), *(x.get(lang) for x in (process.purpose, process.scope) if x)]
    words += [s.name.get(lang) for s in process.steps] + [r.name.get(lang) for r in process.records]
    words += [role.name.get(lang) for role in process.roles.values()]
    folded = " ".join(dict.fromkeys(fold(w) for w in words))
    return f'<div class="qms-search-folded" hidden aria-hidden="true">{text(folded)}</div>\n'


def _records_register(processes: Sequence[Process], paths: dict[str, str], lang: Lang) -> str:
    rows = [
        [text(r.code), text(r.name, lang), _link(p, paths, "ho-so.md"), text(r.form, lang), text(r.location, lang), text(r.retention.text if r.retention else "")]
        for p in processes
        if p.status is not Status.OBSOLETE
        for r in p.records
    ]
    return f"# {_t('register', lang)}\n\n" + table([_t(k, lang) for k in ("code", "record", "process", "form", "location", "retention")], rows)


def _roles_page(processes: Sequence[Process], paths: dict[str, str], lang: Lang) -> str:
    by_name: dict[str, list[str]] = {}
    for p in processes:
        if p.status is Status.OBSOLETE:
            continue
        for step in p.steps:
            if step.role and step.role in p.roles:
                name = text(p.roles[step.role].name, lang)
                by_name.setdefault(name, []).append(f"{_link(p, paths, 'vai-tro.md')}: {text(step.name, lang)}")
    rows = [[name, "<br>".join(tasks)] for name, tasks in sorted(by_name.items())]
    return f"# {_t('roles', lang)}\n\n" + table([_t("role", lang), _t("steps", lang)], rows)


def _findings_page(processes: Sequence[Process], paths: dict[str, str], findings: Sequence[Finding], lang: Lang) -> str:
    by_code = {p.code: p for p in processes}
    rows = [
        [_link(by_code[f.process], paths, "kiem-tra.md") if f.process in by_code else text(f.process), text(f.rule), text(f.severity.label(lang)), text(f.message.get(lang))]
        for f in findings
        if not f.waived
    ]
    body = table([_t(k, lang) for k in ("process", "rule", "level", "message")], rows) if rows else _t("no_findings", lang)
    return f"# {_t('findings', lang)}\n\n{body}\n"


def _matrix_page(
    processes: Sequence[Process], paths: dict[str, str], rules: Sequence[type[Rule]], findings: Sequence[Finding], not_applicable: Mapping[str, str], lang: Lang
) -> str:
    """ISO 9001 clauses and ISO 18091 areas: which processes evidence each, which rules check it (as «qms coverage»)."""
    by_code = {p.code: p for p in processes}
    rows = coverage_matrix(processes, rules, findings, not_applicable)
    none = text(_t("none", lang))

    def evidence(row: CoverageRow) -> str:
        links = ", ".join(_link(by_code[c], paths, "ma-tran.md") for c in row.processes) or none
        return links + (f"<br><small>{text(_t('not_applicable', lang, reason=row.not_applicable))}</small>" if row.not_applicable else "")

    table_rows = [[text(row.standard), text(row.key), text(row.title.get(lang)), evidence(row), text(", ".join(row.rules)) or none] for row in rows]
    gaps = [row.key for row in rows if row.gap]
    summary = _t("gaps", lang, gaps=text(", ".join(gaps))) if gaps else _t("no_gaps", lang)
    excluded = [row.key for row in rows if row.not_applicable]
    if excluded:
        summary += " " + _t("excluded", lang, keys=text(", ".join(excluded)))
    headers = [_t(k, lang) for k in ("standard", "clause", "requirement", "evidenced_by", "checked_by")]
    return f"# {_t('matrix', lang)}\n\n{summary}\n\n" + table(headers, table_rows)
