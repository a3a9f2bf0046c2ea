"""The targets a measure is held to: the process's KPIs that name a ``measure``, and those given as ``in_time_rate>=95%``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from pydantic_core import PydanticCustomError

from qms.i18n import Lang, Message, _
from qms.model import Measure, Process, Target, Text

_GIVEN = re.compile(r"^\s*([A-Za-z_]+)\s*(.+)$")


@dataclass(frozen=True)
class Goal:
    """A target for one measure and where it comes from (a KPI's code, or ``--target``)."""

    measure: Measure
    target: Target
    source: str
    name: Text | None = None  # the KPI's name


@dataclass(frozen=True)
class TargetCheck:
    """A goal against the measured value: ``met`` is ``None`` when nothing could be measured."""

    goal: Goal
    actual: float | None

    @property
    def met(self) -> bool | None:
        return None if self.actual is None else self.goal.target.is_met_by(round(self.actual, 6))


class TargetError(ValueError):
    """A target given on the command line that cannot be read; ``message`` says why in both languages."""

    def __init__(self, message: Message) -> None:
        super().__init__(message.get(Lang.EN))
        self.message = message


def parse_goal(text: str, source: str = "--target") -> Goal:
    """``in_time_rate>=95%``, ``median_time<=3``, ``time_change<=-30%`` as a :class:`Goal`."""
    match = _GIVEN.match(text)
    names = ", ".join(m.value for m in Measure)
    if not match or match.group(1) not in Measure._value2member_map_:
        raise TargetError(
            _("«{text}» không phải chỉ tiêu: viết tên số đo rồi chỉ tiêu, như «in_time_rate>=95%»; tên số đo: {names}").format(
                text=text, names=names
            )
        )
    measure = Measure(match.group(1))
    try:
        target = _parse_target(match.group(2))
    except PydanticCustomError:
        raise TargetError(_("«{text}»: chỉ tiêu phải như «>= 95%», «<= 3», «<= -30%»").format(text=text)) from None
    return Goal(measure, target, source)


def _parse_target(text: str) -> Target:
    """Target.parse, plus a negative value for a change (``<= -30%``: at least 30% shorter)."""
    stripped = text.strip()
    sign = re.match(r"^(>=|<=|=>|=<|==|≥|≤|>|<|=)?\s*-\s*(\d.*)$", stripped)
    if not sign:
        return Target.parse(stripped)
    positive = Target.parse(f"{sign.group(1) or ''}{sign.group(2)}")
    return Target(stripped, positive.comparison, -positive.value, positive.unit)


def process_goals(process: Process) -> list[Goal]:
    """The goals of ``process``'s KPIs that say what they measure."""
    return [Goal(kpi.measure, kpi.target, kpi.code, kpi.name) for kpi in process.kpis if kpi.measure is not None]


def check(goals: Iterable[Goal], value: dict[Measure, float | None]) -> list[TargetCheck]:
    return [TargetCheck(goal, value.get(goal.measure)) for goal in goals]


__all__ = ["Goal", "TargetCheck", "TargetError", "check", "parse_goal", "process_goals"]
