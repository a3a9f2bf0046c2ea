"""Time: the longest path against deadlines and limits, steps' durations, the clock, and the branch for late dossiers."""

from __future__ import annotations

import networkx as nx

from qms.audit.checks.common import find_record, find_step, step_label
from qms.audit.errors import AuditFinding
from qms.audit.library import AuditedProcess
from qms.audit.parsers import Invalid, require
from qms.diagnostics import Location
from qms.domain import apology_records, steps_producing, working_days_figure
from qms.graph import TimedPath
from qms.i18n import Message, _
from qms.model.values import MINUTES_PER_WORKING_DAY, Duration, fold


def limit_label(limit: Duration) -> Message:
    """A limit as written, with its working days when written in another unit: «4 giờ (0,5 ngày làm việc)»."""
    if (
        limit.minutes % MINUTES_PER_WORKING_DAY == 0
        and not limit.approximate
        and any(word in fold(limit.text) for word in ("ngay lam viec", "working day", "wd"))
    ):
        return Message(limit.text, limit.text)
    days = working_days_figure(limit.work_minutes)  # «trong ngày»: the one working day it leaves
    return _("{limit} ({days} ngày làm việc)").format(limit=limit.text, days=days)


def _path_fits(a: AuditedProcess, path: TimedPath | None, limit: Duration, where: Location | None) -> None:
    if path is None:
        raise a.finding(
            _("quy trình {code} không có đường đi từ một bước bắt đầu tới bước kết thúc nên không tính được thời gian").format(code=a.code),
            a.at("steps"),
        )
    lower = Message("", "")
    if path.untimed:
        lower = _(" (ít nhất, vì bước {steps} chưa có thời lượng)").format(steps=", ".join(path.untimed))
    if path.minutes > limit.work_minutes or path.untimed:
        message = (
            _("đường đi dài nhất của quy trình {code} mất {actual} ngày làm việc{lower}, vượt {limit}: {path}")
            if path.minutes > limit.work_minutes
            else _("không xác định được thời gian đường đi dài nhất của quy trình {code} vì bước {steps} chưa có thời lượng: {path}")
        ).format(
            code=a.code,
            actual=working_days_figure(path.minutes),
            lower=lower,
            limit=limit_label(limit),
            path=" → ".join(path.steps),
            steps=", ".join(path.untimed),
        )
        raise a.finding(message, where)


def longest_path_within_deadline(a: AuditedProcess) -> None:
    if a.process.deadline is None:
        raise a.finding(_("quy trình {code} không khai báo thời hạn giải quyết (deadline)").format(code=a.code), a.at("code"))
    # As rule QMS302: each deadline (of the process, of each case) against the longest path it binds.
    for bound in a.graph.deadline_paths:
        if bound.path is None and bound.case is None and a.process.deadline_cases and a.graph.longest_path is not None:
            continue  # every path belongs to a case: nothing left for the process's own deadline
        _path_fits(a, bound.path, bound.deadline, a.at(*bound.field))


def longest_path_within(a: AuditedProcess, duration: Duration | Invalid) -> None:
    _path_fits(a, a.graph.longest_path, require(duration), a.at("steps"))


def deadline_at_most(a: AuditedProcess, duration: Duration | Invalid) -> None:
    limit = require(duration)
    deadline = a.process.deadline
    if deadline is None:
        raise a.finding(_("quy trình {code} không khai báo thời hạn giải quyết (deadline)").format(code=a.code), a.at("code"))
    if deadline.minutes > limit.minutes:
        raise a.finding(
            _("thời hạn giải quyết của quy trình {code} là {actual}, dài hơn {limit}").format(
                code=a.code, actual=deadline.text, limit=limit.text
            ),
            a.at("deadline"),
        )


def step_within(a: AuditedProcess, step: str, duration: Duration | Invalid) -> None:
    limit = require(duration)
    found = find_step(a, step)
    if found.duration is None:
        raise a.finding(
            _("bước «{step}» của quy trình {code} chưa có thời lượng").format(code=a.code, step=step_label(found)),
            a.step_at(found.id),
            step=found.id,
        )
    if found.duration.minutes > limit.minutes:
        message = _("bước «{step}» của quy trình {code} mất {actual}, vượt {limit}").format(
            code=a.code, step=step_label(found), actual=found.duration.text, limit=limit.text
        )
        raise a.finding(message, a.step_at(found.id, "duration"), step=found.id)


def clock_stops_at(a: AuditedProcess, step: str) -> None:
    found = find_step(a, step)
    if not found.stops_clock:
        raise a.finding(
            _("thời gian ở bước «{step}» của quy trình {code} vẫn bị tính vào thời hạn giải quyết (thiếu «stops_clock: true»)").format(
                code=a.code, step=step_label(found)
            ),
            a.step_at(found.id),
            step=found.id,
        )


# --- late dossiers -----------------------------------------------------------------------------


def _optional(a: AuditedProcess, step_id: str) -> bool:
    """Some start-to-end path avoids ``step_id``: the step is on a branch, not on every path."""
    graph = a.graph.digraph.copy()
    graph.remove_node(step_id)
    ends = [e for e in a.graph.ends if e != step_id]
    return any(start != step_id and start in graph and nx.has_path(graph, start, end) for start in a.graph.starts for end in ends)


def late_branch_produces(a: AuditedProcess, record: str | None = None) -> None:
    """A step reachable from the start, on a branch (not on every path), produces the apology record."""
    if record is None:
        candidates = apology_records(a.process)  # as rule QMS304 recognises them
        if not candidates:
            raise a.finding(
                _("quy trình {code} không có hồ sơ nào là văn bản xin lỗi và hẹn lại ngày trả kết quả").format(code=a.code), a.at("records")
            )
    else:
        candidates = [find_record(a, record)]
    problem: AuditFinding | None = None
    for rec in candidates:
        producers = steps_producing(a.process, rec.code)
        if not producers:
            problem = problem or a.finding(
                _("không bước nào của quy trình {code} lập hồ sơ «{record}»").format(code=a.code, record=rec.code), a.record_at(rec.code)
            )
            continue
        reachable = [s for s in producers if s.id in a.graph.reachable_from_start]
        if not reachable:
            steps = ", ".join(s.id for s in producers)
            problem = problem or a.finding(
                _("bước lập hồ sơ «{record}» ({steps}) không đi tới được từ bước bắt đầu của quy trình {code}").format(
                    code=a.code, record=rec.code, steps=steps
                ),
                a.step_at(producers[0].id),
                step=producers[0].id,
            )
            continue
        if any(_optional(a, s.id) for s in reachable):
            return
        problem = problem or a.finding(
            _(
                "bước «{step}» lập hồ sơ «{record}» nằm trên mọi đường đi của quy trình {code}, không phải một nhánh riêng cho hồ sơ trễ hạn"
            ).format(code=a.code, record=rec.code, step=reachable[0].id),
            a.step_at(reachable[0].id),
            step=reachable[0].id,
        )
    assert problem is not None
    raise problem
