"""The due moments ``qms analyze`` computes in SQL agree with the Python calendar's, supplement waits resumed or
restarted, on generated dossiers (Tết 2026, the cut-off, waits overlapping, answered after the due moment)."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

import duckdb
import pytest

from qms.calendar import TimeLimit, default_calendar
from qms.load import load_paths
from qms.measure import calendar_sql
from qms.measure.judge import build_facts, install_limits

CAL = default_calendar()
PROCESS = """\
code: QT-TTHC-09
title: Thủ tục thử
version: "1.0"
status: draft
owner: mot-cua
deadline: 5 ngày làm việc
clock: {{after_supplement: {mode}}}
roles: {{mot-cua: Công chức Một cửa}}
steps:
  - {{id: nhan, type: start, name: Nhận hồ sơ, role: mot-cua, next: tra}}
  - {{id: tra, type: end, name: Trả kết quả, role: mot-cua}}
"""


def _dossiers(seed: int, n: int) -> list[tuple[datetime, list[tuple[datetime, datetime]]]]:
    rng = random.Random(seed)
    found = []
    for _ in range(n):
        received = datetime(2026, 1, 5, 7) + timedelta(minutes=rng.randrange(0, 90 * 24 * 60))
        waits, cursor = [], received
        for _ in range(rng.choice([0, 1, 1, 2, 3])):
            asked = cursor + timedelta(minutes=rng.randrange(-600, 6 * 24 * 60))
            back = asked + timedelta(minutes=rng.randrange(1, 5 * 24 * 60))
            if rng.random() < 0.2:  # on the cut-off's edges
                back = back.replace(hour=rng.choice([14, 15, 16]), minute=rng.choice([0, 59]))
            waits.append((asked, max(back, asked + timedelta(minutes=1))))
            cursor = asked
        found.append((received, sorted(waits)))
    return found


@pytest.mark.parametrize("mode", ["resume", "restart"])
@pytest.mark.parametrize("limit", [TimeLimit(days=5), TimeLimit(), TimeLimit(days=2), TimeLimit(minutes=240)])
def test_sql_due_moments_match_the_calendar(tmp_path, mode: str, limit: TimeLimit) -> None:
    (tmp_path / "p.yaml").write_text(PROCESS.format(mode=mode), encoding="utf-8")
    process = load_paths([tmp_path / "p.yaml"]).processes[0]
    dossiers = _dossiers(11, 400)
    con = duckdb.connect()
    calendar_sql.install(con, CAL)
    install_limits(con, {}, limit, process)
    con.execute(
        "CREATE TABLE dossiers (dossier INTEGER, procedure VARCHAR, received TIMESTAMP, ended TIMESTAMP, returned TIMESTAMP, "
        "refused TIMESTAMP, status VARCHAR, due_final TIMESTAMP, waits STRUCT(asked TIMESTAMP, back TIMESTAMP)[])"
    )
    rows = [(i, "1.001", r, None, None, None, None, None, [{"asked": a, "back": b} for a, b in w]) for i, (r, w) in enumerate(dossiers)]
    con.executemany("INSERT INTO dossiers VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    build_facts(con, datetime(2026, 12, 31))
    due = dict(con.execute("SELECT dossier, due_at FROM facts").fetchall())
    for i, (received, waits) in enumerate(dossiers):
        expected = CAL.due_date(received, limit, waits, restart=mode == "restart").at.replace(tzinfo=None)
        assert due[i] == expected, (i, received, waits)
