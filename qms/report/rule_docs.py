"""Documentation of the rule catalogue, generated from each rule's own metadata.

``docs/rules/<CODE>.md`` (one page per rule, Vietnamese then English) and
``docs/rules/index.md`` are written by ``qms rules --docs docs/rules``; a
test keeps the committed pages equal to what the rules say, so the pages
cannot drift from the code.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qms.i18n import Lang
from qms.rules.base import Rule
from qms.rules.registry import all_rules

_HEADINGS = {
    Lang.VI: {"basis": "Căn cứ", "severity": "Mức mặc định", "why": "Lý do", "fix": "Cách sửa", "bad": "Ví dụ sai", "good": "Ví dụ đúng", "name": "Tên"},
    Lang.EN: {"basis": "Basis", "severity": "Default severity", "why": "Rationale", "fix": "How to fix", "bad": "Failing example", "good": "Fixed example", "name": "Name"},
}


def rule_dict(rule: type[Rule], lang: Lang | str) -> dict[str, Any]:
    return {
        "code": rule.code,
        "name": rule.name,
        "severity": rule.severity.value,
        "basis": rule.basis(),
        "iso9001": list(rule.iso9001),
        "iso18091": list(rule.iso18091),
        "title": rule.title.get(lang),
        "rationale": rule.rationale.get(lang),
        "fix": rule.fix.get(lang),
        "example": {"invalid": rule.example.invalid, "valid": rule.example.valid},
    }


def _section(rule: type[Rule], lang: Lang, level: str) -> list[str]:
    h = _HEADINGS[lang]
    return [
        f"{level} {rule.code} — {rule.title.get(lang)}",
        "",
        f"- **{h['name']}:** `{rule.name}`",
        f"- **{h['severity']}:** {rule.severity.label(lang)}",
        f"- **{h['basis']}:** {'; '.join(rule.basis())}",
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


def rules_index_page() -> str:
    lines = [
        "# Danh mục quy tắc kiểm tra / Rule catalogue",
        "",
        "<!-- Sinh tự động (qms rules --docs); đừng sửa tay. Generated; do not edit. -->",
        "",
        "`qms check` chạy các quy tắc dưới đây; cấu hình trong `[tool.qms]` của `pyproject.toml` hoặc `qms.toml` "
        "(`select`, `ignore`, `severity`, `fail-on`); miễn áp dụng từng phát hiện bằng `waivers` trong tệp quy trình.",
        "",
        "*`qms check` runs the rules below; configure them under `[tool.qms]` (select, ignore, severity, fail-on); "
        "waive one finding with a reasoned `waivers` entry in the process file.*",
        "",
        "| mã / code | tên / name | mức / severity | căn cứ / basis | quy tắc | rule |",
        "|---|---|---|---|---|---|",
    ]
    for rule in all_rules():
        lines.append(
            f"| [{rule.code}]({rule.code}.md) | `{rule.name}` | {rule.severity.value} | {'; '.join(rule.basis())} "
            f"| {rule.title.vi} | {rule.title.en} |"
        )
    lines += [
        "",
        "Mã của công cụ / engine codes: `QMS090` miễn áp dụng không còn tác dụng (unused waiver, warning); "
        "`QMS099` quy tắc gặp lỗi khi chạy (a rule crashed, error). Mã `QMS001`–`QMS021`: lỗi đọc tệp, xem "
        "[tham chiếu định dạng](../reference/process-format.md).",
        "",
    ]
    return "\n".join(lines)


def rule_doc_files() -> dict[str, str]:
    """File name -> content of every generated page."""
    pages = {f"{rule.code}.md": rule_doc_page(rule) for rule in all_rules()}
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
