"""Plans as data: an annual plan or the quality objectives, its targets, tasks and periodic reports (docs/plans.md).

Read (:mod:`qms.plan.read`, the safe YAML reader and the loader's messages) → the models (:mod:`qms.plan.model`,
time frames in :mod:`qms.plan.timeframe`) → tracking, findings and reports built on them.
"""

from qms.plan.model import Frequency, IssuingDocument, Period, Plan, PlanTarget, Recurring, Section, Task, TaskStatus, Unit
from qms.plan.read import PLAN_FORMAT, PlanFile, read_plan, read_plans
from qms.plan.timeframe import FrameKind, TimeFrame, parse_time_frame

__all__ = [
    "PLAN_FORMAT",
    "FrameKind",
    "Frequency",
    "IssuingDocument",
    "Period",
    "Plan",
    "PlanFile",
    "PlanTarget",
    "Recurring",
    "Section",
    "Task",
    "TaskStatus",
    "TimeFrame",
    "Unit",
    "parse_time_frame",
    "read_plan",
    "read_plans",
]
