"""The clock of a process: what it does after a supplement, and the same-day deadline («trong ngày»)."""

from __future__ import annotations

from pathlib import Path

from conftest import INVALID, diagnostics_of, only, position, write

from qms.calendar import TimeLimit
from qms.diagnostics import LoadCode
from qms.load import load_paths
from qms.model import AfterSupplement, Duration

PROCESS = """\
code: QT-TTHC-09
title: Thủ tục thử
version: "1.0"
status: draft
owner: mot-cua
deadline: {deadline}
clock: {clock}
roles: {{mot-cua: Công chức Một cửa}}
steps:
  - {{id: nhan, type: start, name: Nhận hồ sơ, role: mot-cua, next: tra}}
  - {{id: tra, type: end, name: Trả kết quả, role: mot-cua}}
"""


def _load(tmp_path: Path, clock: str, deadline: str = "5 ngày làm việc"):
    path = write(tmp_path, "p.yaml", PROCESS.format(clock=clock, deadline=deadline))
    result = load_paths([path])
    assert not result.diagnostics, [d.render("en") for d in result.diagnostics]
    return result.processes[0]


def test_the_clock_resumes_after_a_supplement_unless_the_procedure_says_it_restarts(tmp_path: Path) -> None:
    assert _load(tmp_path, '{cutoff: "15:00"}').clock.after_supplement is AfterSupplement.RESUME
    assert _load(tmp_path, "{after_supplement: restart}").clock.after_supplement is AfterSupplement.RESTART


def test_a_misspelt_clock_rule_is_an_error_at_its_line_with_the_closest_value() -> None:
    d = only(diagnostics_of(INVALID / "unknown_after_supplement.yaml"))
    assert (d.code, position(d)) == (LoadCode.SCHEMA, (8, 27))
    assert d.hint.en == "did you mean «restart»? Allowed: resume, restart"


def test_a_same_day_deadline_is_written_as_officers_write_it(tmp_path: Path) -> None:
    for text in ("trong ngày", "Trong ngày làm việc", "same day", "0"):
        duration = Duration.parse(text)
        assert (duration.minutes, duration.same_day) == (0, True), text
        assert TimeLimit.from_duration(duration) == TimeLimit()  # due at the close of the day the clock starts
    assert not Duration.parse("2 ngày làm việc").same_day
    assert _load(tmp_path, '{cutoff: "15:00"}', deadline="trong ngày").deadline.same_day
