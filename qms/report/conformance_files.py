"""``qms conform --out``: the conformance of a log as a Markdown report or as JSON (qms.conformance).

The Markdown report is plain tables (it reads in a terminal, a merge request or the handbook); every text from the
log or the process is escaped for Markdown (:func:`qms.escape.markdown_text`). The JSON has a ``format_version``
and the same figures, shares as fractions from 0 to 1.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from urllib.parse import quote

from qms.conformance import KIND_LABELS, Conformance, KindCount, StepCount
from qms.conformance.groups import GroupConformance
from qms.escape import markdown_text as md
from qms.i18n import Lang, _
from qms.model import Process
from qms.report.conformance import (
    EFFECT,
    VARIANT_TIME,
    bottleneck_lines,
    channel_groups,
    effect_text,
    minutes_text,
    path_text,
    place_name,
    share_text,
    step_table,
)

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


def _steps(result: Conformance, process: Process, lang: Lang) -> list[str]:
    if not any(f.measured for f in result.step_figures):
        return []
    header, rows = step_table(result, process, lang)
    title = _("Thời gian theo bước (phút làm việc; bước giữ hồ sơ lâu nhất trước)").get(lang)
    notes = [md(line) for line in bottleneck_lines(result, process, lang)]
    return [f"## {title}", "", *_table(header, [[md(row[0]), *row[1:]] for row in rows]), *(f"{n}\n" for n in notes)]


def conformance_markdown(result: Conformance, process: Process, lang: Lang | str = Lang.VI, pictures: Sequence[str] = ()) -> str:
    """The report; ``pictures`` (Markdown or HTML blocks, escaped by the caller) go after the totals: the shaded flowcharts."""
    lang = Lang(lang)
    lines = [f"# {md(_('Tuân thủ quy trình {code}').format(code=process.code).get(lang))} — {md(process.title.get(lang))}", ""]
    lines += [
        f"- {_('số hồ sơ').get(lang)}: {result.dossiers}",
        f"- {_('hồ sơ đi đúng quy trình').get(lang)}: {result.conforming} ({share_text(result.conforming_share)})",
        f"- {_('độ khớp của nhật ký (token replay, như pm4py)').get(lang)}: {result.log_fitness:.4f}",
        f"- {_('số biến thể (đường đi khác nhau)').get(lang)}: {result.variant_count}",
        "",
    ]
    lines += [line for picture in pictures for line in (picture, "")]
    if result.by_step:
        header = [_("loại").get(lang), _("bước / hoạt động").get(lang), _("số hồ sơ").get(lang), _("tỷ lệ hồ sơ").get(lang)]
        header += [VARIANT_TIME.get(lang), EFFECT.get(lang)]
        rows = [
            [
                md(KIND_LABELS[c.kind].get(lang)),
                md(place_name(process, c, lang)),
                str(c.dossiers),
                share_text(c.share),
                minutes_text(c.median_minutes),
                effect_text(c.effect_minutes),
            ]
            for c in result.by_step
        ]
        lines += [f"## {_('Sai lệch theo loại và bước').get(lang)}", "", *_table(header, rows)]
    lines += _groups(_("tháng").get(lang), result.by_month, lang) + _groups(_("đơn vị").get(lang), result.by_unit, lang)
    lines += _groups(_("hình thức").get(lang), channel_groups(result.by_channel, lang), lang)
    lines += _steps(result, process, lang)
    header = ["#", _("số hồ sơ").get(lang), _("độ khớp").get(lang), VARIANT_TIME.get(lang), _("đường đi").get(lang)]
    rows = [
        [
            str(v.variant),
            str(v.dossiers),
            f"{v.tokens.fitness:.3f}" + ("" if v.conforming else " ✗"),
            minutes_text(result.variant_minutes.get(v.variant)),
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
        "conforming_median_minutes": result.conforming_median_minutes,
        "by_kind": [
            {"kind": k.kind.value, "dossiers": k.dossiers, "share": k.share, "occurrences": k.occurrences, **_effect(k)}
            for k in result.by_kind
        ],
        "by_step": [
            {"kind": s.kind.value, "step": s.step, "dossiers": s.dossiers, "share": s.share, "occurrences": s.occurrences, **_effect(s)}
            for s in result.by_step
        ],
        "by_month": [group(g) for g in result.by_month],
        "by_unit": [group(g) for g in result.by_unit],
        "by_channel": [group(g) for g in result.by_channel],
        "waiting_measured": result.has_waiting,
        "step_figures": [asdict(f) for f in result.step_figures],  # office minutes; shares 0-1
        "bottlenecks": [f.step for f in result.bottlenecks],
        "over_duration": [f.step for f in result.over_duration],
        "variants": [
            {
                "variant": v.variant,
                "path": list(v.path),
                "dossiers": v.dossiers,
                "fitness": v.tokens.fitness,
                "conforming": v.conforming,
                "median_minutes": result.variant_minutes.get(v.variant),
            }
            for v in result.variants
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_conformance(result: Conformance, process: Process, path: Path, lang: Lang | str, pictures: Sequence[tuple[str, str]] = ()) -> None:
    """Write the report in the format the suffix names: .json, otherwise Markdown, showing ``pictures`` (title, file
    beside the report: the shaded flowcharts of :func:`qms.render.conformance_chart.write_flowcharts`)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix.lower() == ".json":
        text = conformance_json(result)
    else:
        text = conformance_markdown(result, process, lang, [f"![{md(title)}]({quote(name)})" for title, name in pictures])
    path.write_text(text, encoding="utf-8")


__all__ = ["FORMAT_VERSION", "conformance_json", "conformance_markdown", "write_conformance"]


def _effect(count: KindCount | StepCount) -> dict[str, float | None]:
    """The affected dossiers' processing time against the conforming dossiers' median (office minutes)."""
    return {"median_minutes": count.median_minutes, "mean_minutes": count.mean_minutes, "effect_minutes": count.effect_minutes}
