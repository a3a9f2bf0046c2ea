"""calendar.yaml: a valid file, and each mistake an author can make reported at its line and column with a hint."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from qms.calendar import (
    CALENDAR_CODES,
    DEFAULT_CUTOFF,
    CalendarCode,
    DayKind,
    OfficeHours,
    TimeLimit,
    load_calendar,
    parse_config,
    read_config,
)
from qms.calendar.config import CalendarConfig, DayOverride
from qms.calendar.errors import ConfigError
from qms.diagnostics import Severity

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _problems(name: str) -> list[tuple[str, int, int]]:
    calendar, diagnostics = load_calendar(FIXTURES / name)
    assert calendar is None
    assert all(d.hint is not None and d.hint.vi and d.hint.en for d in diagnostics)
    return [(d.code, d.location.line, d.location.column) for d in diagnostics]


def test_a_valid_calendar_file() -> None:
    calendar, diagnostics = load_calendar(FIXTURES / "agency.yaml")
    assert calendar is not None and diagnostics == []
    assert calendar.config.hours == OfficeHours() and calendar.config.cutoff == DEFAULT_CUTOFF
    off, worked = calendar.config.days
    assert (off.day, off.working, off.document) == (date(2026, 3, 27), False, "Thông báo số 12/TB-SGDĐT (ví dụ)")
    assert (worked.day, worked.working) == (date(2026, 3, 28), True)  # written 28/03/2026
    assert off.location is not None and (off.location.line, off.location.column) == (7, 11)
    assert calendar.describe(date(2026, 3, 27)).kind is DayKind.AGENCY_OFF
    # Received Thu 26/3/2026 10:00, 1 working day: Fri 27 off, Sat 28 worked -> Sat 28 at 17:00.
    assert calendar.due_date(datetime(2026, 3, 26, 10, 0), TimeLimit(days=1)).day == date(2026, 3, 28)


def test_custom_hours_and_no_cut_off() -> None:
    config, diagnostics = read_config(FIXTURES / "custom_hours.yaml")
    assert diagnostics == [] and config is not None
    assert config.hours.texts() == ("07:00-11:30", "13:00-17:00") and config.cutoff is None


def test_times_written_without_quotes_or_the_vietnamese_way() -> None:
    config, diagnostics = parse_config("office_hours: [7h30-11h30, 13:00 – 17:00]\ncutoff: 15:30\n", Path("calendar.yaml"))
    assert diagnostics == [] and config is not None
    assert config.hours.texts() == ("07:30-11:30", "13:00-17:00") and config.cutoff == 15 * 3600 + 30 * 60


def test_a_wrong_date() -> None:
    # 2025-02-30 does not exist (line 2, value at column 11); "ngày mai" is not a date (line 6).
    assert _problems("bad_date.yaml") == [(CalendarCode.DATE, 2, 11), (CalendarCode.DATE, 6, 11)]


def test_an_unknown_kind() -> None:
    _, diagnostics = load_calendar(FIXTURES / "unknown_kind.yaml")
    assert [(d.code, d.location.line, d.location.column) for d in diagnostics] == [(CalendarCode.KIND, 3, 11), (CalendarCode.KIND, 7, 11)]
    assert diagnostics[1].hint is not None and "«working»?" in diagnostics[1].hint.en  # "wroking": did you mean working?


def test_a_missing_document() -> None:
    # The first entry has no document at all (reported at the entry, line 2 column 5); the second an empty one (its value).
    _, diagnostics = load_calendar(FIXTURES / "missing_document.yaml")
    assert [(d.code, d.location.line, d.location.column) for d in diagnostics] == [(CalendarCode.MISSING, 2, 5), (CalendarCode.MISSING, 8, 15)]
    assert "document" in diagnostics[0].message.en and diagnostics[0].hint is not None and "TB-VPCP" in diagnostics[0].hint.vi


def test_a_duplicate_date() -> None:
    # 27/03/2026 on line 6 is 2026-03-27 of line 2, written another way.
    _, diagnostics = load_calendar(FIXTURES / "duplicate_date.yaml")
    assert [(d.code, d.location.line, d.location.column) for d in diagnostics] == [(CalendarCode.DUPLICATE, 6, 11)]
    assert "line 2" in diagnostics[0].message.en and "dòng 2" in diagnostics[0].message.vi


def test_office_hours_ending_before_they_start() -> None:
    _, diagnostics = load_calendar(FIXTURES / "bad_hours.yaml")
    assert [(d.code, d.location.line, d.location.column) for d in diagnostics] == [(CalendarCode.HOURS, 2, 5)]
    assert "17:00-7:30" in diagnostics[0].message.vi and diagnostics[0].hint is not None and "07:30-11:30" in diagnostics[0].hint.en


def test_overlapping_hours_and_a_bad_cut_off() -> None:
    assert _problems("overlapping_hours.yaml") == [(CalendarCode.HOURS, 3, 5), (CalendarCode.CUTOFF, 4, 9)]


def test_unknown_fields_with_the_closest_name() -> None:
    _, diagnostics = load_calendar(FIXTURES / "unknown_field.yaml")
    found = [(d.code, d.location.line, d.location.column) for d in diagnostics]
    assert found == [(CalendarCode.SCHEMA, 1, 1), (CalendarCode.MISSING, 3, 5), (CalendarCode.SCHEMA, 6, 5)]
    assert [d.hint.en for d in diagnostics if d.code == CalendarCode.SCHEMA and d.hint] == ["did you mean «office_hours»?", "did you mean «document»?"]


def test_a_yaml_syntax_error_is_the_readers() -> None:
    _, diagnostics = load_calendar(FIXTURES / "syntax_error.yaml")
    assert [(d.code, d.location.line) for d in diagnostics] == [("QMS003", 4)]


def test_an_entry_that_changes_nothing_is_a_warning() -> None:
    # 26/4/2025 is a make-up Saturday in holidays already; 30/4/2026 is a public holiday already.
    calendar, diagnostics = load_calendar(FIXTURES / "no_effect.yaml")
    assert calendar is not None
    assert [(d.code, d.severity, d.location.line) for d in diagnostics] == [
        (CalendarCode.NO_EFFECT, Severity.WARNING, 2),
        (CalendarCode.NO_EFFECT, Severity.WARNING, 6),
    ]
    assert "Ngày Chiến thắng" in diagnostics[1].message.vi


@pytest.mark.parametrize(
    ("text", "code", "where"),
    [
        ("- 1\n", CalendarCode.SCHEMA, (1, 1)),
        ("days: 2026-03-27\n", CalendarCode.SCHEMA, (1, 7)),
        ("days:\n  - 2026-03-27\n", CalendarCode.SCHEMA, (2, 5)),
        ("office_hours: 9\n", CalendarCode.HOURS, (1, 15)),
        ("office_hours: []\n", CalendarCode.HOURS, (1, 15)),
        ("cutoff: [15]\n", CalendarCode.SCHEMA, (1, 9)),
        ("days:\n  - {date: 1990-01-01, kind: off, reason: x, document: y}\n", CalendarCode.DATE, (2, 12)),
        ("days:\n  - {date: 2026-03-27, kind: off, reason: [x], document: y}\n", CalendarCode.SCHEMA, (2, 43)),
        ("days:\n  - {date: 2026-03-27, reason: x, document: y}\n", CalendarCode.MISSING, (2, 5)),
    ],
)
def test_other_mistakes(text: str, code: str, where: tuple[int, int]) -> None:
    config, diagnostics = parse_config(text, Path("calendar.yaml"))
    assert config is None
    assert [(d.code, (d.location.line, d.location.column)) for d in diagnostics] == [(code, where)]


def test_a_config_built_in_code_is_checked_too() -> None:
    with pytest.raises(ConfigError, match=r"ends .* no later than it starts"):
        OfficeHours.parse(["17:00-07:30"])
    with pytest.raises(ConfigError, match="overlaps"):
        OfficeHours(((27000, 41400), (40000, 61200)))
    own = DayOverride(date(2026, 3, 27), False, "x", "y")
    with pytest.raises(ConfigError, match="twice"):
        CalendarConfig(days=(own, own))


def test_the_codes_table() -> None:
    assert [c.code for c in CALENDAR_CODES] == [code.value for code in CalendarCode]
    for info in CALENDAR_CODES:
        assert info.family == "CAL" and info.kind == "calendar" and info.doc == f"rules/{info.code}.md"
        assert info.title.vi != info.title.en and info.explanation is not None and info.fix is not None
    assert {c.code for c in CALENDAR_CODES if c.severity is Severity.WARNING} == {CalendarCode.NO_EFFECT}
