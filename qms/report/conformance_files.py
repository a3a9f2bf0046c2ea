"""``qms conform --out``: the conformance of a log as a Markdown report or as JSON (qms.conformance).

The Markdown report is plain tables (it reads in a terminal, a merge request or the handbook); every text from the
log or the process is escaped for Markdown (:func:`qms.escape.markdown_text`). The JSON has a ``format_version``
and the same figures, shares as fractions from 0 to 1.
"""

from __future__ import annotations

import json
from pathlib import Path

from qms.conformance import KIND_LABELS, Conformance
from qms.conformance.groups import GroupConformance
from qms.escape import markdown_text as md
from qms.i18n import Lang, _
from qms.model import Process
from qms.report.conformance import path_text, place_name, share_text

FORMAT_VERSION = "1"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    return [*lines, *("| " + " | ".join(row) + " |" for row in rows), ""]


def _groups(title: str, groups: tuple[GroupConformance, ...], lang: Lang) -> list[str]:
    if len(groups) < 2:
        return []
    header = [title, _("số hồ sơ").get(lang), _("đúng quy trình").get(lang), _("độ khớp").get(lang)]
    rows = [[md(g.group or "-"), str(g.dossiers), share_text(g.share), f"{g.fitness:.3f}"] for g in groups]
    return [f"## {_('Theo {what}').format(what=title).get(lang)}", "", *_table(header, rows)]


def conformance_markdown(result: Conformance, process: Process, lang: Lang | str = Lang.VI) -> str:
    lang = Lang(lang)
    lines = [f"# {md(_('Tuân thủ quy trình {code}').format(code=process.code).get(lang))} — {md(process.title.get(lang))}", ""]
    lines += [
        f"- {_('số hồ sơ').get(lang)}: {result.dossiers}",
        f"- {_('hồ sơ đi đúng quy trình').get(lang)}: {result.conforming} ({share_text(result.conforming_share)})",
        f"- {_('độ khớp của nhật ký (token replay, như pm4py)').get(lang)}: {result.log_fitness:.4f}",
        f"- {_('số biến thể (đường đi khác nhau)').get(lang)}: {result.variant_count}",
        "",
    ]
    if result.by_step:
        header = [_("loại").get(lang), _("bước / hoạt động").get(lang), _("số hồ sơ").get(lang), _("tỷ lệ hồ sơ").get(lang)]
        rows = [
            [
                md(KIND_LABELS[c.kind].get(lang)),
                md(place_name(process, c, lang)),
                str(c.dossiers),
                share_text(c.share),
            ]
            for c in result.by_step
        ]
        lines += [f"## {_('Sai lệch theo loại và bước').get(lang)}", "", *_table(header, rows)]
    lines += _groups(_("tháng").get(lang), result.by_month, lang) + _groups(_("đơn vị").get(lang), result.by_unit, lang)
    header = ["#", _("số hồ sơ").get(lang), _("độ khớp").get(lang), _("đường đi").get(lang)]
    rows = [
        [
            str(v.variant),
            str(v.dossiers),
            f"{v.tokens.fitness:.3f}" + ("" if v.conforming else " ✗"),
            md(path_text(process, v.path, lang)),
        ]
        for v in result.variants
    ]
    lines += [f"## {_('Các biến thể thường gặp nhất').get(lang)}", "", *_table(header, rows)]
    return "\n".join(lines).rstrip() + "\n"


def conformance_json(result: Conformance) -> str:
    """The figures as JSON: one shape, versioned by ``format_version``."""

    def group(g: GroupConformance) -> dict[str, object]:
        return {"group": g.group, "dossiers": g.dossiers, "conforming": g.conforming, "share": g.share, "fitness": g.fitness}

    data = {
        "format_version": FORMAT_VERSION,
        "process": result.process,
        "dossiers": result.dossiers,
        "conforming": result.conforming,
        "conforming_share": result.conforming_share,
        "log_fitness": result.log_fitness,
        "average_fitness": result.average_fitness,
        "variant_count": result.variant_count,
        "by_kind": [{"kind": k.kind.value, "dossiers": k.dossiers, "share": k.share, "occurrences": k.occurrences} for k in result.by_kind],
        "by_step": [
            {"kind": s.kind.value, "step": s.step, "dossiers": s.dossiers, "share": s.share, "occurrences": s.occurrences}
            for s in result.by_step
        ],
        "by_month": [group(g) for g in result.by_month],
        "by_unit": [group(g) for g in result.by_unit],
        "variants": [
            {"variant": v.variant, "path": list(v.path), "dossiers": v.dossiers, "fitness": v.tokens.fitness, "conforming": v.conforming}
            for v in result.variants
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_conformance(result: Conformance, process: Process, path: Path, lang: Lang | str) -> None:
    """Write the report in the format the suffix names: .json, otherwise Markdown."""
    text = conformance_json(result) if path.suffix.lower() == ".json" else conformance_markdown(result, process, lang)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


__all__ = ["FORMAT_VERSION", "conformance_json", "conformance_markdown", "write_conformance"]
