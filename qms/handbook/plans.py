"""The handbook's plans: each file of the plugin's ``plans`` option, followed on the build's date (:mod:`qms.plan`), as pages.

    plugins:
      - qms:
          processes: processes
          plans: [plans/KH-CCHC-2026.yaml]
          as_of: 2026-10-15     # optional: the date the plans are followed on (default: the day of the build)

Each plan gets a page ``ke-hoach/<code>.md`` (:mod:`qms.handbook.pages.plans`), its targets measured from their
dossier logs (``plan_status(..., measure=True)``), and each quarter of its period that ended before that date a
page ``ke-hoach/<code>/<2026-Q1>.md``: the quarter's progress report (:mod:`qms.report.plan_report`), made as
``qms plan report --period 2026-Q1`` makes it by default, on the quarter's cut-off day (Decree 09/2019, art. 12),
so a past quarter's report does not change from one build to the next.

Paths are relative to the folder of the configuration file. An entry that gives no page (no such file, a plan with
errors, a second plan with the same code) is one sentence saying why, with the plan's problems at their
``file:line:column``, which the plugin logs as a warning (a strict build stops on it). Like
:mod:`qms.handbook.measures` this knows nothing of mkdocs; ``mkdocs serve`` keeps a cache across rebuilds: a plan
whose file, logs and processes did not change is not followed again.
"""

from __future__ import annotations

from collections.abc import MutableMapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from qms.diagnostics import Diagnostic, Location, display_path
from qms.handbook.labels import label
from qms.handbook.pages.plans import plan_page, plan_title, report_page, report_title
from qms.i18n import Lang
from qms.model import Process
from qms.plan import Frequency, Plan, PlanFile, read_plan
from qms.plan.periods import ReportPeriod, periods_of_year
from qms.plan.status import plan_status

PLANS = "ke-hoach"  # the folder of the plans' pages (the plugin's «plans»)
SHOWN_PROBLEMS = 5  # a plan's problems named in its warning; «qms plan validate» lists them all

Stamp = tuple[str, int, int]


def plan_path(code: str) -> str:
    """The page of plan ``code`` (relative to the handbook's folder)."""
    return f"{PLANS}/{code}.md"


def report_path(code: str, key: str) -> str:
    """The page of plan ``code``'s report for the period ``key`` (``2026-Q1``)."""
    return f"{PLANS}/{code}/{key}.md"


@dataclass
class PlanPages:
    """Pages (path relative to the handbook's folder -> Markdown), page titles and the titles of the folders of
    reports (escaped), problems (sentences)."""

    pages: dict[str, str] = field(default_factory=dict)
    titles: dict[str, str] = field(default_factory=dict)
    sections: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class _Made:
    """One plan's pages, and what they were made from: its file and logs (times, sizes), the processes it names."""

    code: str
    stamps: tuple[Stamp, ...]
    processes: tuple[tuple[str, Process | None], ...]
    pages: PlanPages


# (plan file, date, language) -> the pages of an earlier build.
PlanCache = MutableMapping[tuple[Path, date, Lang], _Made]


def _stamp(path: Path) -> Stamp:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def _stamps(paths: Sequence[str]) -> tuple[Stamp, ...]:
    return tuple(_stamp(Path(path)) for path in paths)


def past_quarters(plan: Plan, as_of: date) -> list[ReportPeriod]:
    """The quarters that overlap the plan's period and have ended before ``as_of``, in order."""
    period, found = plan.period, []
    for year in range(period.start.year, min(period.end.year, as_of.year) + 1):
        found += [
            q for q in periods_of_year(year, Frequency.QUARTER) if q.last >= period.start and q.first <= period.end and q.last < as_of
        ]
    return found


def _problems(diagnostics: Sequence[Diagnostic], lang: Lang) -> str:
    shown = []
    for diagnostic in diagnostics[:SHOWN_PROBLEMS]:
        where = diagnostic.location
        shown.append(replace(diagnostic, location=Location(Path(display_path(where.path)), where.line, where.column)).render(lang))
    if len(diagnostics) > SHOWN_PROBLEMS:
        shown.append(label("plan_more", lang, n=len(diagnostics) - SHOWN_PROBLEMS))
    return "; ".join(shown)


def _pages(plan_file: PlanFile, name: str, processes_dir: Path, as_of: date, lang: Lang) -> PlanPages:
    """The plan's page on ``as_of`` and the reports of its past quarters, each on the quarter's cut-off day."""
    plan = plan_file.plan
    page = plan_path(plan.code)
    made = PlanPages(titles={page: plan_title(plan, lang)})
    reports = []
    for quarter in past_quarters(plan, as_of):
        path = report_path(plan.code, quarter.key)
        status = plan_status(plan_file, min(as_of, quarter.window_last), measure=True, processes=processes_dir)
        made.pages[path] = report_page(status, quarter, path, page, lang)
        made.titles[path] = report_title(quarter, lang)
        reports.append((quarter, path))
    status = plan_status(plan_file, as_of, measure=True, processes=processes_dir)
    made.pages = {page: plan_page(status, page, reports, name, lang), **made.pages}
    if reports:
        made.sections[f"{PLANS}/{plan.code}"] = label("plan_reports_section", lang, code=plan.code)
    return made


def _make(name: str, file: Path, processes_dir: Path, processes: dict[str, Process], as_of: date, lang: Lang) -> _Made | str:
    """The plan's pages, or the sentence saying why there are none."""
    stamp = _stamp(file)  # before reading: a file saved meanwhile is read again next time
    plan_file, problems = read_plan(file)
    if plan_file is None:
        return label("plan_invalid", lang, plan=name, problems=_problems(problems, lang))
    plan = plan_file.plan
    logs = sorted({str(file.parent / log) for target in plan.targets for log in target.logs})
    named = tuple((code, processes.get(code)) for code in sorted({t.process for t in plan.targets if t.process}))
    stamps = (stamp, *_stamps(logs))
    return _Made(plan.code, stamps, named, _pages(plan_file, name, processes_dir, as_of, lang))


def _unchanged(kept: _Made | None, processes: dict[str, Process]) -> bool:
    if kept is None:
        return False
    return _stamps([path for path, _time, _size in kept.stamps]) == kept.stamps and all(processes.get(c) is p for c, p in kept.processes)


def planned(
    entries: Sequence[str],
    base: Path,
    processes_dir: Path,
    processes: Sequence[Process],
    as_of: date,
    lang: Lang = Lang.VI,
    cache: PlanCache | None = None,
) -> PlanPages:
    """The pages of every plan file in ``entries`` (paths from ``base``) on ``as_of``; targets are measured against
    the processes of ``processes_dir`` (``processes``: the handbook's, loaded from there: a changed one is measured again)."""
    found = PlanPages()
    by_code = {p.code: p for p in processes}
    for name in entries:
        file = base / name
        if not file.is_file():
            found.problems.append(label("plan_missing", lang, plan=name))
            continue
        key = (file.resolve(), as_of, lang)
        kept = cache.get(key) if cache is not None else None
        try:
            made = kept if kept is not None and _unchanged(kept, by_code) else _make(name, file, processes_dir, by_code, as_of, lang)
        except Exception as exc:  # a plan the user must fix: one sentence, no traceback
            found.problems.append(label("plan_failed", lang, plan=name, reason=f"{type(exc).__name__}: {exc}"))
            continue
        if isinstance(made, str):
            found.problems.append(made)
            continue
        if plan_path(made.code) in found.pages:
            found.problems.append(label("plan_twice", lang, code=made.code, plan=name))
            continue
        if cache is not None:
            cache[key] = made
        found.pages |= made.pages.pages
        found.titles |= made.pages.titles
        found.sections |= made.pages.sections
    return found


__all__ = ["PLANS", "PlanCache", "PlanPages", "past_quarters", "plan_path", "planned", "report_path"]
