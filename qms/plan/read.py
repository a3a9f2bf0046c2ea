"""Reading plan files: the same safe YAML reader and the same messages as process files, against the plan models.

:func:`read_plan` gives the plan, or ``None`` and every problem with its ``file:line:column``: YAML errors, fields
the format does not have (with a did-you-mean), time frames it cannot read, and references the models cannot see (a
task naming a unit that is not in ``units``, a section that does not exist, two tasks with one id).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from qms.diagnostics import Diagnostic, LoadCode, error, sort_key
from qms.i18n import _
from qms.load.documents import read_mapping, validate_as
from qms.load.schema_errors import FileFormat, closest
from qms.load.source import SourceMap
from qms.plan.model import Plan

PLAN_FORMAT = FileFormat(Plan, _("định dạng kế hoạch"), "docs/plans.md")


@dataclass
class PlanFile:
    """A plan read from ``path``, with where each of its values is written (for findings at their line)."""

    path: Path
    plan: Plan
    source: SourceMap = field(repr=False)


def read_plan(path: Path | str) -> tuple[PlanFile | None, list[Diagnostic]]:
    """The plan ``path`` holds, or ``None`` and every problem that keeps it from being used, sorted by place."""
    path = Path(path)
    document, problems = read_mapping(path, _("tệp kế hoạch"))
    if document is None:
        return None, problems
    plan, problems = validate_as(document, PLAN_FORMAT)
    if not isinstance(plan, Plan):
        return None, problems
    problems = _references(plan, document.source)
    if problems:
        return None, sorted(problems, key=sort_key)
    return PlanFile(path, plan, document.source), []


def _references(plan: Plan, source: SourceMap) -> list[Diagnostic]:
    units = [u.id for u in plan.units]
    sections = [s.id for s in plan.sections]
    found: list[Diagnostic] = []

    def unknown(where: tuple[Any, ...], name: str, known: list[str], what: str) -> None:
        suggestion = closest(name, known)
        hint = _("có phải ý bạn là «{name}»?").format(name=suggestion) if suggestion else _("các mã có: {names}").format(names=", ".join(known) or "-")
        message = _("«{name}» không có trong {what} của kế hoạch").format(name=name, what=what)
        found.append(error(LoadCode.REFERENCE, source.value(where), message, hint))

    for i, task in enumerate(plan.tasks):
        for key, names in (("lead", [task.lead] if task.lead else []), ("cooperating", task.cooperating)):
            for j, name in enumerate(names):
                if units and name not in units:
                    unknown(("tasks", i, key) if key == "lead" else ("tasks", i, key, j), name, units, "units")
        if task.section and task.section not in sections:
            unknown(("tasks", i, "section"), task.section, sections, "sections")
    for i, target in enumerate(plan.targets):
        if target.owner and units and target.owner not in units:
            unknown(("targets", i, "owner"), target.owner, units, "units")
    for i, recurring in enumerate(plan.recurring):
        if recurring.lead and units and recurring.lead not in units:
            unknown(("recurring", i, "lead"), recurring.lead, units, "units")
    found += _twice(plan.tasks, "tasks", source) + _twice(plan.units, "units", source) + _twice(plan.targets, "targets", source, "code")
    if plan.period.end < plan.period.start:
        found.append(error(LoadCode.SCHEMA, source.value(("period", "end")), _("ngày kết thúc kỳ kế hoạch sớm hơn ngày bắt đầu")))
    return found


def _twice(items: Iterable[Any], name: str, source: SourceMap, key: str = "id") -> list[Diagnostic]:
    seen: set[str] = set()
    found = []
    for i, item in enumerate(items):
        value = getattr(item, key)
        if value in seen:
            found.append(error(LoadCode.DUPLICATE_ID, source.value((name, i, key)), _("«{value}» xuất hiện hai lần trong {name}").format(value=value, name=name)))
        seen.add(value)
    return found


def read_plans(paths: Iterable[Path | str]) -> tuple[list[PlanFile], list[Diagnostic]]:
    """Every plan file (``*.yaml``, ``*.yml``) under ``paths``, and every problem found in them."""
    files: list[Path] = []
    for path in map(Path, paths):
        files += sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml")) if path.is_dir() else [path]
    plans, problems = [], []
    for file in files:
        plan, found = read_plan(file)
        problems += found
        if plan is not None:
            plans.append(plan)
    return plans, sorted(problems, key=sort_key)


__all__ = ["PLAN_FORMAT", "PlanFile", "read_plan", "read_plans"]
