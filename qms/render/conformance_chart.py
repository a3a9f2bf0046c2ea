"""The conformance report's pictures: the process flowchart with each step shaded by what the log shows of it.

Two figures per step (:mod:`qms.render.shading` draws any mapping ``step id -> (value, text)``):

* **deviations**: the share of the log's dossiers with a deviation at the step (missing, repeated, out of order, both
  branches), from :attr:`qms.conformance.Conformance.figures_by_step`; a step no dossier reached is "no figure";
* **time**: the step's median working time against its declared duration (a ratio, 1 = as declared), with both
  numbers in the box («45 / 30 phút»); only steps that declare a duration and were timed.

Another figure is one more function returning such a mapping (the median waiting time before each step, say, with
its own classes), handed to :func:`shaded_flowchart`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from qms.conformance import Conformance
from qms.i18n import Lang, _
from qms.model import Process
from qms.render.flowchart import FlowchartOptions, render
from qms.render.shading import RATIO_CLASSES, SHARE_CLASSES, Shading, share_figures

Figures = Mapping[str, tuple[float, str]]

TITLES = {
    "sai-lech": _("Tỷ lệ hồ sơ có sai lệch tại bước"),
    "thoi-gian": _("Thời gian làm việc trung vị so với thời gian khai báo"),
}


def deviation_figures(result: Conformance, process: Process) -> dict[str, tuple[float, str]]:
    """Share of dossiers with a deviation at each step the log recorded (0 to 1), as «12.5%»."""
    figures = result.figures_by_step
    shares = {step.id: figures[step.id].deviation_share for step in process.steps if step.id in figures}
    # A step no dossier recorded may still be where dossiers deviated (every one skipped it): the largest kind there.
    for count in result.by_step:
        if count.step in process.steps_by_id and count.step not in figures:
            shares[count.step] = max(shares.get(count.step, 0.0), count.share)
    return share_figures(shares)


def time_figures(result: Conformance, lang: Lang) -> dict[str, tuple[float, str]]:
    """Median working time over the declared duration of each timed step with one, as «45 / 30 phút»."""
    found = {}
    for f in result.step_figures:
        if f.median_minutes is not None and f.declared_minutes:
            text = _("{median} / {declared} phút").format(median=f"{f.median_minutes:.0f}", declared=f"{f.declared_minutes:.0f}")
            found[f.step] = (f.median_minutes / f.declared_minutes, text.get(lang))
    return found


def shaded_flowchart(
    process: Process, title: str, figures: Figures, classes: tuple[tuple[float, str], ...], lang: Lang, row_link: str = ""
) -> bytes:
    """The process's flowchart (SVG) with its steps shaded by ``figures``; ``row_link`` as in :class:`FlowchartOptions`."""
    shading = Shading(title, figures, classes)
    return render(process, "svg", FlowchartOptions(lang=lang, link_suffix="", row_link=row_link, shading=shading))


def conformance_flowcharts(result: Conformance, process: Process, lang: Lang, row_link: str = "") -> dict[str, tuple[str, bytes]]:
    """The pictures of the report, by key (``sai-lech``, ``thoi-gian``): their title and SVG; none for an empty log."""
    if not result.dossiers:
        return {}
    chosen = {"sai-lech": (deviation_figures(result, process), SHARE_CLASSES), "thoi-gian": (time_figures(result, lang), RATIO_CLASSES)}
    return {
        key: (TITLES[key].get(lang), shaded_flowchart(process, TITLES[key].get(lang), figures, classes, lang, row_link))
        for key, (figures, classes) in chosen.items()
        if figures
    }


def write_flowcharts(result: Conformance, process: Process, report: Path, lang: Lang | str) -> list[tuple[str, str]]:
    """Write the pictures beside the Markdown ``report`` (``<name>-sai-lech.svg``...): (title, file name) of each.

    Nothing for a JSON report (its figures are the pictures' data).
    """
    if report.suffix.lower() == ".json":
        return []
    lang, written = Lang(lang), []
    for key, (title, svg) in conformance_flowcharts(result, process, lang).items():
        target = report.with_name(f"{report.stem}-{key}.svg")
        target.write_bytes(svg)
        written.append((title, target.name))
    return written


__all__ = ["TITLES", "conformance_flowcharts", "deviation_figures", "shaded_flowchart", "time_figures", "write_flowcharts"]
