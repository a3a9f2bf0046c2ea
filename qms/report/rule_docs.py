"""Documentation of every code, generated from the code registry and each rule's own metadata.

``docs/rules/<CODE>.md`` (one page per registered code: the loader's, the
rules', the engine's; Vietnamese then English) and ``docs/rules/index.md``
are written by ``qms rules --docs docs/rules``; a test keeps the committed
pages equal to what the code says, so the pages cannot drift from it.
"""

from __future__ import annotations

from pathlib import Path

from qms.codes import all_codes
from qms.diagnostics import CodeInfo, Status
from qms.i18n import Lang, _
from qms.rules.base import Rule
from qms.rules.registry import rule_by_code

_HEADINGS = {
    Lang.VI: {
        "basis": "Căn cứ", "severity": "Mức mặc định", "why": "Lý do", "fix": "Cách sửa", "bad": "Ví dụ sai", "good": "Ví dụ đúng",
        "name": "Tên", "kind": "Loại", "status": "Trạng thái", "about": "Giải thích",
    },
    Lang.EN: {
        "basis": "Basis", "severity": "Default severity", "why": "Rationale", "fix": "How to fix", "bad": "Failing example",
        "good": "Fixed example", "name": "Name", "kind": "Kind", "status": "Status", "about": "Explanation",
    },
}  # fmt: skip
KINDS = {
    "load": _("lỗi đọc tệp quy trình (luôn được báo, không bỏ qua hay miễn được)"),
    "rule": _("quy tắc phù hợp"),
    "engine": _("báo cáo của bộ máy kiểm tra (theo cấu hình như phát hiện của quy tắc)"),
    "calendar": _("lỗi trong tệp lịch làm việc (calendar.yaml)"),
    "log": _("hàng hoặc cột không dùng được trong nhật ký hồ sơ"),
    "bpmn": _("lỗi và ghi chú khi nhập sơ đồ BPMN (qms import bpmn)"),
    "audit": _("phát hiện và lỗi của lần đánh giá theo tiêu chí (qms audit)"),
    "plan": _("phát hiện về kế hoạch: «5 rõ» của nhiệm vụ, chỉ tiêu, việc quá hạn (qms plan)"),
    "assessment": _("phát hiện về tệp tự đánh giá theo bộ chỉ số ISO 18091 (qms assess)"),
    "records": _("phát hiện về hồ sơ đánh giá nội bộ: tính độc lập, hành động khắc phục, chương trình đánh giá (qms records)"),
}


def _section(rule: type[Rule], lang: Lang, level: str) -> list[str]:
    h = _HEADINGS[lang]
    return [
        f"{level} {rule.code} — {rule.title.get(lang)}",
        "",
        f"- **{h['name']}:** `{rule.name}`",
        f"- **{h['severity']}:** {rule.severity.label(lang)}",
        f"- **{h['basis']}:** {'; '.join(rule.basis())}",
        *_status_line(rule.status, lang),
        "",
        f"**{h['why']}.** {rule.rationale.get(lang)}",
        "",
        f"**{h['fix']}.** {rule.fix.get(lang)}",
        "",
    ]


def rule_page(rule: type[Rule], lang: Lang | str = Lang.VI) -> str:
    """One rule explained in one language (what ``qms rules CODE`` prints)."""
    lang = Lang(lang)
    h = _HEADINGS[lang]
    lines = _section(rule, lang, "#")
    lines += [f"**{h['bad']}:**", "", "```yaml", rule.example.invalid, "```", "", f"**{h['good']}:**", "", "```yaml", rule.example.valid, "```", ""]
    return "\n".join(lines)


def rule_doc_page(rule: type[Rule]) -> str:
    """The bilingual documentation page of one rule."""
    vi, en = _HEADINGS[Lang.VI], _HEADINGS[Lang.EN]
    heading, *section = _section(rule, Lang.VI, "#")
    # The notice goes under the heading: mkdocs takes a page's title from its first line only when it is the heading.
    lines = [
        heading,
        "",
        "<!-- Sinh tự động từ mã nguồn quy tắc (qms rules --docs); đừng sửa tay. Generated from the rule's code; do not edit. -->",
        *section,
        f"**{vi['bad']} / {en['bad']}:**",
        "",
        "```yaml",
        rule.example.invalid,
        "```",
        "",
        f"**{vi['good']} / {en['good']}:**",
        "",
        "```yaml",
        rule.example.valid,
        "```",
        "",
        *_section(rule, Lang.EN, "##"),
    ]
    return "\n".join(lines)


def _status_line(status: Status, lang: Lang) -> list[str]:
    """A status other than stable is said on the page; a stable code's page does not need the line."""
    return [] if status is Status.STABLE else [f"- **{_HEADINGS[lang]['status']}:** {status.label(lang)}"]


def _code_section(info: CodeInfo, lang: Lang, level: str) -> list[str]:
    h = _HEADINGS[lang]
    kind = KINDS.get(info.kind)
    lines = [f"{level} {info.code} — {info.title.get(lang)}", "", f"- **{h['severity']}:** {info.severity.label(lang)}"]
    lines += [f"- **{h['kind']}:** {kind.get(lang)}"] if kind else []
    lines += [*_status_line(info.status, lang), ""]
    lines += [f"**{h['about']}.** {info.explanation.get(lang)}", ""] if info.explanation else []
    lines += [f"**{h['fix']}.** {info.fix.get(lang)}", ""] if info.fix else []
    return lines


def code_page(info: CodeInfo, lang: Lang | str = Lang.VI) -> str:
    """Any registered code explained in one language (what ``qms rules CODE`` prints); a rule's page has its examples."""
    rule = rule_by_code(info.code) if info.kind == "rule" else None
    return rule_page(rule, lang) if rule is not None else "\n".join(_code_section(info, Lang(lang), "#"))


def code_doc_page(info: CodeInfo) -> str:
    """The bilingual documentation page of a code that is no rule."""
    heading, *section = _code_section(info, Lang.VI, "#")
    notice = "<!-- Sinh tự động từ bảng mã (qms rules --docs); đừng sửa tay. Generated from the code registry; do not edit. -->"
    return "\n".join([heading, "", notice, *section, *_code_section(info, Lang.EN, "##")])


def _index_rows(codes: list[CodeInfo]) -> list[str]:
    rows = ["| mã / code | tên / name | mức / severity | căn cứ / basis | ý nghĩa | meaning |", "|---|---|---|---|---|---|"]
    for info in codes:
        rule = rule_by_code(info.code) if info.kind == "rule" else None
        name = f"`{info.name}`" if info.name else ""
        status = f" ({info.status.value})" if info.status is not Status.STABLE else ""
        rows.append(
            f"| [{info.code}]({info.code}.md) | {name} | {info.severity.value}{status} | {'; '.join(rule.basis()) if rule else ''} "
            f"| {info.title.vi} | {info.title.en} |"
        )
    return rows


_INDEX_SECTIONS = (
    ("load", "## Lỗi đọc tệp / Load errors", "Báo khi tệp quy trình không đọc được; luôn được báo, không bỏ qua được. *Reported when a process file cannot be read; never ignored.*"),
    ("rule", "## Quy tắc / Rules", "Các quy tắc `qms check` chạy. *The rules `qms check` runs.*"),
    ("engine", "## Mã của bộ máy kiểm tra / Engine codes", "Về chính lần kiểm tra; `ignore` và `severity` áp dụng như với quy tắc. *About the run itself; `ignore` and `severity` apply.*"),
    ("log", "## Nhật ký hồ sơ / Dossier logs", "Báo khi đọc tệp xuất hồ sơ (CSV, Excel, XES): mỗi hàng bị loại có số hàng và cột. *Reported when reading dossier exports; every rejected row with its row and column.*"),
    ("calendar", "## Lịch làm việc / Working-day calendar", "Báo khi đọc tệp `calendar.yaml` của cơ quan (ngày nghỉ, ngày làm bù, giờ làm việc). *Reported when reading the agency's `calendar.yaml`.*"),
    ("bpmn", "## Nhập BPMN / BPMN import", "Báo khi `qms import bpmn` đọc một sơ đồ: lỗi làm không nhập được, và ghi chú về phần đã đổi, bỏ hay đoán. *Reported by `qms import bpmn`: errors that stop the import, and notes on what was changed, dropped or guessed.*"),
    ("audit", "## Đánh giá theo tiêu chí / Audit against criteria", "Báo khi `qms audit` chạy các tiêu chí Gherkin: phát hiện về quy trình, và lỗi của chính tiêu chí hay lần chạy. *Reported by `qms audit`: findings about the processes, and errors of the criteria or the run.*"),
    ("plan", "## Kế hoạch / Plans", "Báo bởi `qms plan validate` và `qms plan status`: «5 rõ» của nhiệm vụ (rõ người, rõ việc, rõ thời gian, rõ kết quả, rõ trách nhiệm; ISO 9001 6.2.2), chỉ tiêu không đo được, việc và báo cáo quá hạn. *Reported by `qms plan validate` and `qms plan status`: the tasks' «5 rõ» (who, what, when, result, responsibility; ISO 9001 6.2.2), targets nothing measures, overdue tasks and reports.*"),
    ("assessment", "## Tự đánh giá ISO 18091 / ISO 18091 self-assessment", "Báo bởi `qms assess validate`: chỉ số chưa đánh giá hoặc đánh giá hai lần, mã chỉ số sai, mức xanh không có minh chứng, không áp dụng không có lý do, mức đỏ/vàng chưa giao đơn vị, tệp năm trước không so sánh được. *Reported by `qms assess validate`: indicators not scored or scored twice, unknown ids, green without evidence, not applicable without a reason, red/yellow with no responsible unit, a previous year's file that cannot be compared.*"),
    ("records", "## Hồ sơ đánh giá nội bộ / Audit records", "Báo bởi `qms records validate`: tính độc lập của đánh giá viên, điểm không phù hợp và hành động khắc phục (ISO 9001 10.2), phát hiện lặp lại, chương trình đánh giá không bao quát hết hệ thống (ISO 9001 9.2.2). *Reported by `qms records validate`: auditor independence, nonconformities and corrective action (ISO 9001 10.2), repeated findings, a programme that leaves part of the system unaudited (ISO 9001 9.2.2).*"),
)


def rules_index_page() -> str:
    codes = [c for c in all_codes() if c.doc.startswith("rules/")]
    lines = [
        "# Danh mục mã / Code catalogue",
        "",
        "<!-- Sinh tự động (qms rules --docs); đừng sửa tay. Generated; do not edit. -->",
        "",
        "Mọi mã công cụ có thể in ra; `qms rules MÃ` giải thích từng mã. `qms check` chạy các quy tắc; cấu hình trong "
        "`[tool.qms]` của `pyproject.toml` hoặc `qms.toml` (`select`, `ignore`, `severity`, `fail-on`); miễn áp dụng từng "
        "phát hiện bằng `waivers` trong tệp quy trình. Dạng dòng báo lỗi: [định dạng kết quả](../reference/output-format.md).",
        "",
        "*Every code the toolkit can print; `qms rules CODE` explains one. `qms check` runs the rules; configure them under "
        "`[tool.qms]` (select, ignore, severity, fail-on); waive one finding with a reasoned `waivers` entry in the process "
        "file. The line format: [output format](../reference/output-format.md).*",
        "",
    ]
    for kind, heading, about in _INDEX_SECTIONS:
        mine = [c for c in codes if c.kind == kind]
        if mine:
            lines += [heading, "", about, "", *_index_rows(mine), ""]
    others = [c for c in codes if c.kind not in {k for k, _, _ in _INDEX_SECTIONS}]
    if others:
        lines += ["## Mã khác / Other codes", "", *_index_rows(others), ""]
    return "\n".join(lines)


def rule_doc_files() -> dict[str, str]:
    """File name -> content of every generated page: one per code documented under rules/, and the index."""
    pages: dict[str, str] = {}
    for info in all_codes():
        if not info.doc.startswith("rules/"):
            continue
        rule = rule_by_code(info.code) if info.kind == "rule" else None
        pages[Path(info.doc).name] = rule_doc_page(rule) if rule is not None else code_doc_page(info)
    pages["index.md"] = rules_index_page()
    return pages


def write_rule_docs(folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in rule_doc_files().items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
