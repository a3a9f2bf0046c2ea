"""Generate realistic one-stop dossier logs (nhật ký hồ sơ TTHC) from any process file.

Usage::

    .venv/bin/python benchmarks/generate_log.py processes/QT-TTHC-01.yaml --dossiers 400 \\
        --from 2026-01-01 --to 2026-12-31 --seed 1 --out processes/logs/QT-TTHC-01-2026.csv
    .venv/bin/python benchmarks/generate_log.py processes/QT-TTHC-01.yaml --dossiers 100000 \\
        --from 2026-01-01 --to 2026-12-31 --seed 1 --shape event --out /tmp/events.csv

Timings (2 shared cores, QT-TTHC-01, 2026, seed 1; pure Python with the ``csv`` module, written in chunks):

* ``--shape dossier``, 100,000 dossiers: 5.2 s (15 MB);
* ``--shape event``, 100,000 dossiers: 15.4 s (1,635,301 events, 192 MB);
* ``--shape event``, 1,000,000 dossiers: 161 s (16,338,725 events, 1.9 GB; run once).

Everything is drawn from one ``random.Random(seed)``: the same arguments give the same file, byte for byte.

The process gives the statutory deadline (``deadline``, read with ``TimeLimit.from_duration``), the clock's first
and last steps (``clock``), the step order and the roles. Each dossier is received (``NgayTiepNhan``) in office hours
on a working day of the default calendar (``qms.calendar.default_calendar()``: weekends, Tết and the other days off
never receive), and its due moment ``NgayHenTra`` is ``calendar.due_date(NgayTiepNhan, limit, pauses)``, the pauses
being the supplement waits (``NgayYeuCauBoSung{k}`` to ``NgayNhanBoSung{k}``). ``NgayHenTraTruoc`` is the due moment
before the first supplement, ``NgayHenTraMoi`` the one after the last (``NgayHenTra`` for a closed supplement).

Processing ends (``NgayKetThucXuLy``) early (on a working day before the due day), on time (on the due day, not after
the due moment) or late (after the due moment), in the requested shares; the result is handed over (``NgayTra``) a
few minutes later in the same office period, so that ``NgayTra`` falls in the same class. Late dossiers carry an
apology (``CoThuXinLoi`` 1 and ``NgayXinLoi``) in the requested share, most before the due moment, some after it.
The result is returned electronically (``KetQuaDienTu`` 1, else 0) for a share of the online dossiers
(``--e-result-share``, default 0.9) and a smaller one of those received in person or by post (``--e-result-other-share``,
default 0.1), drawn for every dossier; a dossier whose result has not been handed over yet has 0.
Dossiers whose story goes past the end of the range (``--as-of``, default the end of ``--to``) are still open: what
had not happened by then is left empty.

Columns follow the dossier-sync data one-stop systems send to the national portal [M: field names as commonly
documented by provincial systems, not read in the portal's specification]: ``TrangThaiHoSo`` 4 being processed,
5 awaiting a supplement, 9 processed (result not yet handed over), 10 result returned [M]; ``HinhThuc`` 1 in person,
2 online, 3 by post; ``KetQuaDienTu`` (1/0) is our name [M: no portal specification read names it]. Dates are
``yyyyMMddHHmmss``, Vietnamese time.

``--shape event`` writes one row per step event (``MaHoSo, MaTTHC, BuocXuLy, VaiTro, NguoiXuLy, PhongBanXuLy,
ThoiDiemXuLy``): the steps of the main path (from the start step, the first branch of every decision, each step
once) up to the clock's last step; a supplement goes from the last decision that leads to the supplement request
through the request and the wait (the step with ``stops_clock``) and back along the process's flows, which the
dossier then walks again; an apology inserts the apology step (id or name with "xin-loi", "xin lỗi" or "apolog")
after the decision that branches to it. Consecutive events of a dossier are always a flow of the process.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from qms.calendar import ZONE, TimeLimit, WorkCalendar, default_calendar
from qms.load import load_paths
from qms.model import Process, StepType

DOSSIER_COLUMNS = (
    "MaHoSo",
    "MaTTHC",
    "NgayTiepNhan",
    "NgayHenTra",
    "NgayKetThucXuLy",
    "NgayTra",
    "TrangThaiHoSo",
    "HinhThuc",
    "DonViXuLy",
    "SoLanBoSung",
    "NgayYeuCauBoSung1",
    "NgayNhanBoSung1",
    "NgayYeuCauBoSung2",
    "NgayNhanBoSung2",
    "NgayHenTraTruoc",
    "NgayHenTraMoi",
    "CoThuXinLoi",
    "NgayXinLoi",
    "KetQuaDienTu",
)
EVENT_COLUMNS = ("MaHoSo", "MaTTHC", "BuocXuLy", "VaiTro", "NguoiXuLy", "PhongBanXuLy", "ThoiDiemXuLy")
SHAPES = ("dossier", "event")
DEFAULT_UNITS = ("Phòng Giáo dục Phổ thông", "Phòng Tổ chức cán bộ", "Phòng Kế hoạch - Tài chính", "Văn phòng Sở")
STATUS_PROCESSING, STATUS_SUPPLEMENT, STATUS_PROCESSED, STATUS_RETURNED = 4, 5, 9, 10
IN_PERSON, ONLINE, POST = 1, 2, 3
FORMAT = "%Y%m%d%H%M%S"
CHUNK = 20_000

_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô")
_MIDDLE = ("Văn", "Thị", "Đức", "Minh", "Thanh", "Quang", "Ngọc", "Thu", "Hữu", "Xuân")
_GIVEN = ("An", "Bình", "Chi", "Dũng", "Giang", "Hà", "Hải", "Hằng", "Hùng", "Lan", "Linh", "Mai", "Nam", "Phương",
          "Quân", "Sơn", "Tâm", "Thảo", "Trang", "Tuấn", "Vy", "Yến")


@dataclass(frozen=True)
class Options:
    dossiers: int
    first: date
    last: date
    seed: int = 1
    as_of: datetime | None = None  # default: the end of ``last``
    online_share: float = 0.45
    post_share: float = 0.05
    early_share: float = 0.70
    on_time_share: float = 0.22  # late: the rest
    supplement_share: float = 0.15  # at least one supplement
    second_supplement_share: float = 0.2  # of those with one, a second
    apology_share: float = 0.6  # of the late ones
    late_apology_share: float = 0.2  # of the apologies, sent after the due moment
    e_result_share: float = 0.9  # of the online dossiers, result returned electronically
    e_result_other_share: float = 0.1  # of those received in person or by post
    units: tuple[str, ...] = DEFAULT_UNITS
    procedures: tuple[str, ...] = ()  # MaTTHC values; default: the process code
    agency: str = "000.00.27.H26"


@dataclass
class Dossier:
    code: str
    procedure: str
    received: datetime
    channel: int
    unit: str
    due: datetime
    due_before: datetime
    due_after: datetime | None
    pauses: list[tuple[datetime, datetime | None]]
    finished: datetime | None
    returned: datetime | None
    status: int
    apology: datetime | None
    outcome: str  # early | on_time | late (planned, also for open dossiers)
    staff: dict[str, str] = field(default_factory=dict)
    electronic: bool = False  # the result is (to be) returned electronically


@dataclass(frozen=True)
class Plan:
    """The walk through the process: the main path and the detours of a supplement and an apology."""

    main: list[str]
    first_clock: int  # index in main of the clock's first step
    stops: int  # index in main of the clock's last step (the hand-over)
    supplement_from: int | None  # index in main of the decision leading to the supplement
    supplement: list[str]  # the detour's steps (request ... wait ... back to main)
    supplement_back: int  # index in main where the detour comes back
    apology_from: int | None
    apology: list[str]
    weights: dict[str, float]


def _first_path(process: Process, start: str, stop: set[str]) -> list[str]:
    path, seen = [], set()
    current: str | None = start
    while current is not None and current not in seen and current not in stop:
        seen.add(current)
        path.append(current)
        nxt = [s for s in process.step(current).successors if s not in seen]
        current = nxt[0] if nxt else None
    return path


def plan_of(process: Process) -> Plan:
    steps = process.steps_by_id
    start = next((s.id for s in process.steps if s.type == StepType.START), process.steps[0].id)
    full = _first_path(process, start, set())
    clock = process.clock
    # end steps are markers, unless the clock stops at one or there is no clock (then the end is the hand-over)
    keep_end = clock.stops_at if clock and clock.stops_at else None if clock else full[-1]
    main = [s for s in full if steps[s].type != StepType.END or s == keep_end]
    index = {s: i for i, s in enumerate(main)}
    first_clock = index.get(clock.starts_at, 0) if clock and clock.starts_at else 0
    stops = index.get(clock.stops_at, len(main) - 1) if clock and clock.stops_at else len(main) - 1
    weights = {s.id: (s.duration.minutes if s.duration else 15.0) or 1.0 for s in process.steps}

    # supplement: the step that stops the clock, reached from the latest main-path decision before the hand-over
    supplement_from, supplement, back = None, [], 0
    wait = next((s.id for s in process.steps if s.stops_clock), None)
    if wait is not None:
        for i in range(stops - 1, first_clock - 1, -1):
            if steps[main[i]].type != StepType.DECISION:
                continue
            for succ in steps[main[i]].successors:
                if succ in index:
                    continue
                detour = _first_path(process, succ, set(main))
                if wait in detour:
                    following = [n for n in steps[detour[-1]].successors if n in index]
                    if following and index[following[0]] <= i:
                        supplement_from, supplement, back = i, detour, index[following[0]]
                        break
            if supplement_from is not None:
                break

    apology_from, apology = None, []
    for i in range(stops):
        if steps[main[i]].type != StepType.DECISION:
            continue
        for succ in steps[main[i]].successors:
            step = steps[succ]
            words = f"{step.id} {step.name.get('vi')} {step.name.get('en')}".lower()
            if succ not in index and ("xin-loi" in words or "xin lỗi" in words or "apolog" in words):
                detour = _first_path(process, succ, set(main))
                following = [n for n in steps[detour[-1]].successors if n in index] if detour else []
                if following and following[0] == main[i + 1]:
                    apology_from, apology = i, detour
                    break
        if apology_from is not None:
            break
    return Plan(main, first_clock, stops, supplement_from, supplement, back, apology_from, apology, weights)


class Clock:
    """Random moments in office hours, on the calendar's working days."""

    def __init__(self, calendar: WorkCalendar, rng: random.Random) -> None:
        self.cal, self.rng = calendar, rng
        self.periods = calendar.hours.periods
        self.opening = self.periods[0][0]
        self.starts = [start for start, _ in self.periods]

    def at(self, day: date, second: int) -> datetime:
        return datetime(day.year, day.month, day.day, second // 3600, second // 60 % 60, second % 60, tzinfo=ZONE)

    def office_second(self) -> int:
        """A second of the office day, mornings busier than afternoons."""
        weights = [(end - start) * (1.3 if k == 0 else 1.0) for k, (start, end) in enumerate(self.periods)]
        k = self.rng.choices(range(len(self.periods)), weights)[0]
        start, end = self.periods[k]
        return self.rng.randrange(start, end)

    def add(self, moment: datetime, minutes: float) -> datetime:
        return self.cal.add_working_time(moment, timedelta(seconds=int(minutes * 60))) if minutes > 0 else moment

    def between(self, lo: datetime, hi: datetime, low: float = 0.0, high: float = 1.0) -> datetime:
        span = self.cal.working_minutes_between(lo, hi)
        return self.add(lo, span * self.rng.uniform(low, high)) if span > 0 else lo

    def period_left(self, moment: datetime) -> float:
        """Office minutes left in the period ``moment`` is in (0 outside office hours)."""
        second = moment.hour * 3600 + moment.minute * 60 + moment.second
        k = bisect_right(self.starts, second) - 1
        if k < 0 or second > self.periods[k][1]:
            return 0.0
        return (self.periods[k][1] - second) / 60


def _staff(rng: random.Random, roles: Sequence[str], per_role: int = 3) -> dict[str, list[str]]:
    return {
        role: [f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}" for _ in range(per_role)] for role in roles
    }


def generate(process: Process, options: Options, calendar: WorkCalendar | None = None) -> Iterator[Dossier]:
    """The dossiers, in order of receipt."""
    if process.deadline is None:
        raise ValueError(f"process {process.code} declares no deadline")
    cal = calendar or default_calendar()
    limit = TimeLimit.from_duration(process.deadline)
    rng = random.Random(options.seed)
    clock = Clock(cal, rng)
    as_of = options.as_of or datetime(options.last.year, options.last.month, options.last.day, 23, 59, 59, tzinfo=ZONE)
    days = cal.working_days_in(options.first, options.last)
    if not days:
        raise ValueError("no working day in the range")
    staff = _staff(rng, list(process.roles))
    procedures = options.procedures or (process.code,)
    # A supplement pauses the clock only when its wait comes after the clock starts (none when the clock starts at the
    # receipt of a complete dossier and the only supplement is asked for before it).
    waits = plan_of(process).supplement_from is not None

    receipts = sorted((rng.randrange(len(days)), clock.office_second()) for _ in range(options.dossiers))
    per_day: dict[int, int] = {}
    for day_index, second in receipts:
        day = days[day_index]
        number = per_day[day_index] = per_day.get(day_index, 0) + 1
        received = clock.at(day, second)
        code = f"{options.agency}-{day:%y%m%d}-{number:04d}"
        u = rng.random()
        channel = ONLINE if u < options.online_share else POST if u < options.online_share + options.post_share else IN_PERSON
        unit = rng.choice(options.units)
        procedure = rng.choice(procedures)
        electronic = rng.random() < (options.e_result_share if channel == ONLINE else options.e_result_other_share)
        start = cal.clock_start(received)
        first_due = cal.due_date(received, limit)

        # supplements: the clock stands still from the request to the receipt of the supplement
        pauses: list[tuple[datetime, datetime]] = []
        count = 0
        if waits and rng.random() < options.supplement_share:
            count = 2 if rng.random() < options.second_supplement_share else 1
        cursor, due = start, first_due
        for _ in range(count):
            left = cal.working_minutes_between(cursor, due.at)
            request = clock.add(cursor, max(left, 30) * rng.uniform(0.1, 0.6))
            wait_days = rng.choice((1, 1, 2, 2, 3, 3, 4, 5, 7, 10))
            back = clock.add(request, wait_days * cal.hours.seconds_per_day / 60 * rng.uniform(0.5, 1.0))
            pauses.append((request, back))
            cursor = back
            due = cal.due_date(received, limit, pauses)

        # the outcome
        lo = clock.add(cursor, rng.uniform(30, 120))
        due_open = clock.at(due.day, clock.opening)
        u = rng.random()
        outcome = "early" if u < options.early_share else "on_time" if u < options.early_share + options.on_time_share else "late"
        finished = None
        if outcome == "early":
            if cal.working_minutes_between(lo, due_open) > 0:
                finished = clock.between(lo, due_open, 0.0, 0.999)
                if finished.date() >= due.day:
                    finished = None
            if finished is None:
                outcome = "on_time"
        if outcome == "on_time":
            lo_day = max(lo, due_open)
            if cal.working_minutes_between(lo_day, due.at) > 1:
                finished = clock.between(lo_day, due.at, 0.0, 0.98)
            else:
                outcome = "late"
        if outcome == "late":
            late_days = min(rng.expovariate(1 / 2.5), 30.0)
            finished = clock.add(max(due.at, lo), 1 + late_days * cal.hours.seconds_per_day / 60)
        assert finished is not None
        room = clock.period_left(finished)
        if outcome != "late":
            room = min(room, cal.working_minutes_between(finished, due.at))
        returned = clock.add(finished, 0 if channel == ONLINE else rng.uniform(0, min(45.0, max(room - 0.1, 0))))

        apology = None
        if outcome == "late" and rng.random() < options.apology_share:
            if rng.random() < options.late_apology_share:
                apology = clock.between(due.at, finished, 0.05, 0.9)
            else:
                apology = clock.between(cursor, due.at, 0.5, 0.95)

        # what had happened by the end of the range
        kept: list[tuple[datetime, datetime | None]] = []
        for request, back in pauses:
            if request > as_of:
                break
            kept.append((request, back if back <= as_of else None))
        closed = [(a, b) for a, b in kept if b is not None]
        shown_due = cal.due_date(received, limit, closed).at if len(closed) != len(pauses) else due.at
        status = STATUS_RETURNED
        if finished > as_of:
            status = STATUS_SUPPLEMENT if kept and kept[-1][1] is None else STATUS_PROCESSING
            finished = returned = None
        elif returned > as_of:
            status, returned = STATUS_PROCESSED, None
        if apology is not None and apology > as_of:
            apology = None
        yield Dossier(
            code=code,
            procedure=procedure,
            received=received,
            channel=channel,
            unit=unit,
            due=shown_due,
            due_before=first_due.at,
            due_after=shown_due if closed else None,
            pauses=kept,
            finished=finished,
            returned=returned,
            status=status,
            apology=apology,
            outcome=outcome,
            staff={role: rng.choice(names) for role, names in staff.items()},
            electronic=electronic,
        )


def _text(moment: datetime | None) -> str:
    return moment.strftime(FORMAT) if moment is not None else ""


def dossier_row(d: Dossier) -> list[object]:
    pauses = [(_text(a), _text(b)) for a, b in d.pauses] + [("", "")] * (2 - len(d.pauses))
    return [
        d.code,
        d.procedure,
        _text(d.received),
        _text(d.due),
        _text(d.finished),
        _text(d.returned),
        d.status,
        d.channel,
        d.unit,
        len(d.pauses),
        pauses[0][0],
        pauses[0][1],
        pauses[1][0],
        pauses[1][1],
        _text(d.due_before) if d.pauses else "",
        _text(d.due_after) if d.pauses and d.due_after else "",
        1 if d.apology else 0,
        _text(d.apology),
        1 if d.electronic and d.returned else 0,
    ]


class EventWriter:
    """The step events of a dossier, in the process's order, timed along the dossier's story."""

    def __init__(self, process: Process, clock: Clock) -> None:
        self.process, self.clock = process, clock
        self.plan = plan_of(process)
        self.roles = {s.id: s.role or process.owner for s in process.steps}
        self.department: dict[str, str | None] = {}
        for role_id, role in process.roles.items():
            words = f"{role_id} {role.name.get('vi')} {role.name.get('en')}".lower()
            if "nộp" in words or "applicant" in words or "công dân" in words or "citizen" in words:
                self.department[role_id] = ""
            elif "một cửa" in words or "mot-cua" in words or "one-stop" in words:
                self.department[role_id] = "Bộ phận Một cửa"
            elif role.authority:
                self.department[role_id] = "Ban Giám đốc"
            else:
                self.department[role_id] = None  # the dossier's unit
        self.applicant = {r for r, dep in self.department.items() if dep == ""}

    def _timed(self, steps: list[str], lo: datetime, hi: datetime) -> list[tuple[str, datetime]]:
        """``steps`` spread from ``lo`` to ``hi`` by their durations, the last one at ``hi``."""
        weights = [self.plan.weights[s] for s in steps]
        total = sum(weights) or 1.0
        span = max(self.clock.cal.working_minutes_between(lo, hi), 0.0)
        out, run = [], 0.0
        for step, weight in zip(steps, weights, strict=True):
            run += weight
            out.append((step, self.clock.add(lo, span * run / total) if run < total else hi))
        return out

    def rows(self, d: Dossier) -> list[list[object]]:
        plan, main = self.plan, self.plan.main
        segments: list[tuple[list[str], datetime, datetime]] = []
        lo: datetime | None = d.received
        pos = plan.first_clock + 1
        segments.append((main[:pos], d.received, d.received))  # received, checked and acknowledged at once
        if plan.supplement_from is not None:
            wait = next(i for i, s in enumerate(plan.supplement) if self.process.step(s).stops_clock)
            for request, back in d.pauses:
                segments.append((main[pos : plan.supplement_from + 1] + plan.supplement[:wait], lo, request))
                if back is None:
                    lo = None
                    break
                pos = plan.supplement_back
                redo = main[pos : plan.first_clock + 1]  # checked and acknowledged again
                segments.append((plan.supplement[wait:] + redo, back, back))
                pos, lo = max(pos, plan.first_clock + 1), back
        if lo is not None:
            end = d.finished
            rest = main[pos : plan.stops]
            if end is None:  # open: spread on, cut at the end of the range below
                segments.append((rest, lo, self.clock.add(lo, 450 * len(rest))))
            elif d.apology is not None and plan.apology_from is not None and plan.apology_from >= pos:
                cut = plan.apology_from + 1
                segments.append((main[pos:cut], lo, d.apology))
                segments.append((plan.apology, d.apology, d.apology))
                segments.append((main[cut : plan.stops], d.apology, end))
            else:
                segments.append((rest, lo, end))
            if d.returned is not None:
                segments.append((main[plan.stops : plan.stops + 1], d.returned, d.returned))  # handed over
                segments.append((main[plan.stops + 1 :], d.returned, self.clock.add(d.returned, 30)))
        events: list[tuple[str, datetime]] = []
        for steps, a, b in segments:
            if steps:
                events.extend(self._timed(steps, a, b) if b > a else [(s, a) for s in steps])
        rows = []
        for step, moment in events:
            if moment > self._as_of:
                break
            role = self.roles[step]
            dep = self.department.get(role)
            person = self.process.roles[role].name.get("vi") if role in self.applicant else d.staff.get(role, "")
            rows.append([d.code, d.procedure, step, role, person, d.unit if dep is None else dep, _text(moment)])
        return rows

    _as_of: datetime = datetime.max.replace(tzinfo=ZONE)


def write(process: Process, options: Options, out: Path, shape: str = "dossier", calendar: WorkCalendar | None = None) -> tuple[int, int]:
    """Write the log; returns (dossiers, rows)."""
    if shape not in SHAPES:
        raise ValueError(f"unknown shape {shape!r}, expected one of {', '.join(SHAPES)}")
    cal = calendar or default_calendar()
    as_of = options.as_of or datetime(options.last.year, options.last.month, options.last.day, 23, 59, 59, tzinfo=ZONE)
    events = EventWriter(process, Clock(cal, random.Random(0))) if shape == "event" else None
    if events is not None:
        events._as_of = as_of
    out.parent.mkdir(parents=True, exist_ok=True)
    dossiers = rows = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(EVENT_COLUMNS if events else DOSSIER_COLUMNS)
        chunk: list[list[object]] = []
        for dossier in generate(process, options, cal):
            dossiers += 1
            if events is None:
                chunk.append(dossier_row(dossier))
            else:
                chunk.extend(events.rows(dossier))
            if len(chunk) >= CHUNK:
                writer.writerows(chunk)
                rows += len(chunk)
                chunk = []
        writer.writerows(chunk)
        rows += len(chunk)
    return dossiers, rows


def read_process(path: Path) -> Process:
    result = load_paths([path])
    processes = list(getattr(result, "processes", []) or [])
    if not processes:
        problems = "\n".join(str(d) for d in getattr(result, "diagnostics", []))
        raise SystemExit(f"{path}: no process could be read\n{problems}")
    return processes[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("process", type=Path, help="a process file (YAML)")
    parser.add_argument("--dossiers", type=int, default=400)
    parser.add_argument("--from", dest="first", type=date.fromisoformat, default=date(2026, 1, 1))
    parser.add_argument("--to", dest="last", type=date.fromisoformat, default=date(2026, 12, 31))
    parser.add_argument("--as-of", type=datetime.fromisoformat, default=None, help="moment the log is taken (default: end of --to)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=SHAPES, default="dossier")
    parser.add_argument("--online-share", type=float, default=Options.online_share)
    parser.add_argument("--post-share", type=float, default=Options.post_share)
    parser.add_argument("--early-share", type=float, default=Options.early_share)
    parser.add_argument("--on-time-share", type=float, default=Options.on_time_share)
    parser.add_argument("--supplement-share", type=float, default=Options.supplement_share)
    parser.add_argument("--apology-share", type=float, default=Options.apology_share)
    parser.add_argument("--e-result-share", type=float, default=Options.e_result_share, help="online dossiers with an electronic result")
    parser.add_argument("--e-result-other-share", type=float, default=Options.e_result_other_share, help="the same, in person or by post")
    parser.add_argument("--units", default=";".join(DEFAULT_UNITS), help="processing units, separated by ';'")
    parser.add_argument("--procedures", default="", help="MaTTHC codes, separated by ';' (default: the process code)")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    if args.early_share + args.on_time_share > 1 or args.online_share + args.post_share > 1:
        parser.error("shares add up to more than 1")
    if not (0 <= args.e_result_share <= 1 and 0 <= args.e_result_other_share <= 1):
        parser.error("--e-result-share and --e-result-other-share are between 0 and 1")
    as_of = args.as_of.replace(tzinfo=ZONE) if args.as_of and args.as_of.tzinfo is None else args.as_of
    options = Options(
        dossiers=args.dossiers,
        first=args.first,
        last=args.last,
        seed=args.seed,
        as_of=as_of,
        online_share=args.online_share,
        post_share=args.post_share,
        early_share=args.early_share,
        on_time_share=args.on_time_share,
        supplement_share=args.supplement_share,
        apology_share=args.apology_share,
        e_result_share=args.e_result_share,
        e_result_other_share=args.e_result_other_share,
        units=tuple(u.strip() for u in args.units.split(";") if u.strip()),
        procedures=tuple(p.strip() for p in args.procedures.split(";") if p.strip()),
    )
    began = time.perf_counter()
    dossiers, rows = write(read_process(args.process), options, args.out, args.shape)
    print(f"{args.out}: {dossiers} dossiers, {rows} rows in {time.perf_counter() - began:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
