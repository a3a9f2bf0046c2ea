"""The reporting calendar as iCalendar (RFC 5545), parsed back: CRLF lines of at most 75 octets, unfolded, escapes."""

from datetime import UTC, datetime

import pytest

from qms.plan import Plan
from qms.plan.ics import LINE_OCTETS, PRODID, calendar_ics, fold, ics_text, write_ics

HOSTILE = 'Báo cáo; quý, "đặc biệt" \\ mới\nDòng hai, rất dài để phải gấp dòng: cải cách hành chính, chuyển đổi số, ISO 9001'
STAMP = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _plan() -> Plan:
    return Plan.model_validate(
        {
            "code": "KH-CCHC-2026",
            "title": "Kế hoạch cải cách hành chính năm 2026, Sở Giáo dục và Đào tạo",
            "period": {"start": "2026-01-01", "end": "2026-12-31"},
            "units": [{"id": "van-phong", "name": "Văn phòng Sở"}],
            "recurring": [
                {"id": "BC-QUY", "content": HOSTILE, "lead": "van-phong", "every": "quarter", "due_day": 8, "recipient": "Sở Nội vụ; UBND"},
                {"id": "BC-NAM", "content": "Báo cáo năm", "every": "year", "due_day": 10, "in_next_month": True},
            ],
        }
    )


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _parse(text: str) -> list[dict[str, str]]:
    """The VEVENTs, each property name (with its parameters) -> raw value, after unfolding (RFC 5545, 3.1)."""
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    physical = text.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= LINE_OCTETS for line in physical)
    logical: list[str] = []
    for line in physical:
        if line.startswith(" "):
            logical[-1] += line[1:]
        else:
            logical.append(line)
    assert logical[0] == "BEGIN:VCALENDAR" and logical[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in logical and f"PRODID:{PRODID}" in logical
    events, current = [], None
    for line in logical[1:-1]:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, _colon, value = line.partition(":")
            current[name] = value
    return events


def test_one_all_day_event_per_report_due_with_its_date_and_escaped_summary():
    events = _parse(calendar_ics(_plan(), 2026, stamp=STAMP))
    assert [e["DTSTART;VALUE=DATE"] for e in events] == ["20260308", "20260608", "20260908", "20261208", "20270110"]
    assert [e["DTEND;VALUE=DATE"] for e in events] == ["20260309", "20260609", "20260909", "20261209", "20270111"]
    assert {e["DTSTAMP"] for e in events} == {"20260102T030405Z"}
    assert len({e["UID"] for e in events}) == 5 and events[0]["UID"] == "KH-CCHC-2026-BC-QUY-2026-Q1@qms"
    first = events[0]
    # every character RFC 5545 asks to escape, escaped, and nothing else
    assert first["SUMMARY"].startswith("Hạn gửi: Báo cáo\\; quý\\, \"đặc biệt\" \\\\ mới\\nDòng hai\\, rất dài")
    assert _unescape(first["SUMMARY"]) == f"Hạn gửi: {HOSTILE} (quý I năm 2026)"
    description = _unescape(first["DESCRIPTION"]).split("\n")
    assert description == [
        "Kế hoạch cải cách hành chính năm 2026, Sở Giáo dục và Đào tạo",
        "Chốt số liệu từ 15/12/2025 đến 14/03/2026",
        "Đơn vị chủ trì: Văn phòng Sở",
        "Nơi nhận: Sở Nội vụ; UBND",
    ]
    assert _unescape(events[-1]["SUMMARY"]) == "Hạn gửi: Báo cáo năm (năm 2026)"


def test_long_lines_are_folded_between_characters():
    line = "SUMMARY:" + "ệ" * 100  # 3 octets each: a fold never cuts one
    folded = fold(line).split("\r\n")
    assert len(folded) > 1 and all(len(part.encode("utf-8")) <= LINE_OCTETS for part in folded)
    assert all(part.startswith(" ") for part in folded[1:])
    assert folded[0] + "".join(part[1:] for part in folded[1:]) == line
    assert fold("x" * LINE_OCTETS) == "x" * LINE_OCTETS and fold("x" * (LINE_OCTETS + 1)) == "x" * LINE_OCTETS + "\r\n x"


@pytest.mark.parametrize(
    ("value", "escaped"),
    [("a,b;c\\d", "a\\,b\\;c\\\\d"), ("một\r\nhai\rba\nbốn", "một\\nhai\\nba\\nbốn"), ("chuông\x07", "chuông\ufffd"), ("tab\tok", "tab\tok")],
)
def test_text_values_are_escaped(value, escaped):
    assert ics_text(value) == escaped


def test_a_year_without_reports_is_an_empty_calendar_and_the_file_keeps_its_crlf(tmp_path):
    plan = Plan.model_validate({"code": "KH-2", "title": "Kế hoạch", "period": {"start": "2026-01-01", "end": "2026-12-31"}})
    assert _parse(calendar_ics(plan, 2026, stamp=STAMP)) == []
    path = tmp_path / "lich.ics"
    write_ics(_plan(), 2026, path, stamp=STAMP)
    assert path.read_bytes().count(b"BEGIN:VEVENT") == 5 and b"\r\n" in path.read_bytes()
    assert _parse(path.read_bytes().decode("utf-8"))[0]["DTSTART;VALUE=DATE"] == "20260308"
