"""Each form a time frame is written in, read to the window of days it means (windows worked out by hand)."""

from datetime import date

import pytest

from qms.plan import FrameKind, parse_time_frame

D = date

FORMS = [
    # a day
    ("10/01/2023", FrameKind.DAY, D(2023, 1, 10), D(2023, 1, 10)),
    ("2023-01-10", FrameKind.DAY, D(2023, 1, 10), D(2023, 1, 10)),
    ("ngày 10/01/2023", FrameKind.DAY, D(2023, 1, 10), D(2023, 1, 10)),
    ("Trước ngày 15/3/2023", FrameKind.DAY, D(2023, 3, 15), D(2023, 3, 15)),  # by that day
    ("Chậm nhất ngày 05/12/2026", FrameKind.DAY, D(2026, 12, 5), D(2026, 12, 5)),
    # a month
    ("Tháng 12/2022", FrameKind.MONTH, D(2022, 12, 1), D(2022, 12, 31)),
    ("12/2022", FrameKind.MONTH, D(2022, 12, 1), D(2022, 12, 31)),
    ("Tháng 2/2024", FrameKind.MONTH, D(2024, 2, 1), D(2024, 2, 29)),  # a leap year
    ("tháng 2 năm 2023", FrameKind.MONTH, D(2023, 2, 1), D(2023, 2, 28)),
    # a quarter
    ("Quý I/2023", FrameKind.QUARTER, D(2023, 1, 1), D(2023, 3, 31)),
    ("Quý 4/2023", FrameKind.QUARTER, D(2023, 10, 1), D(2023, 12, 31)),
    ("quý IV năm 2023", FrameKind.QUARTER, D(2023, 10, 1), D(2023, 12, 31)),
    ("QUÝ II/2026", FrameKind.QUARTER, D(2026, 4, 1), D(2026, 6, 30)),
    # a half-year
    ("6 tháng đầu năm 2023", FrameKind.HALF, D(2023, 1, 1), D(2023, 6, 30)),
    ("6 tháng cuối năm 2023", FrameKind.HALF, D(2023, 7, 1), D(2023, 12, 31)),
    # a year
    ("Năm 2023", FrameKind.YEAR, D(2023, 1, 1), D(2023, 12, 31)),
    ("Cả năm 2023", FrameKind.YEAR, D(2023, 1, 1), D(2023, 12, 31)),
    ("Trong năm 2023", FrameKind.YEAR, D(2023, 1, 1), D(2023, 12, 31)),
    ("Thường xuyên năm 2023", FrameKind.YEAR, D(2023, 1, 1), D(2023, 12, 31)),
    # a range
    ("Từ Quý IV/2022 đến Quý I/2023", FrameKind.RANGE, D(2022, 10, 1), D(2023, 3, 31)),  # across years
    ("Tháng 11/2025 - Tháng 2/2026", FrameKind.RANGE, D(2025, 11, 1), D(2026, 2, 28)),
    ("Tháng 3 - Tháng 5/2023", FrameKind.RANGE, D(2023, 3, 1), D(2023, 5, 31)),  # the first one takes the year of the last
    ("Từ Quý I đến Quý IV/2026", FrameKind.RANGE, D(2026, 1, 1), D(2026, 12, 31)),
]


@pytest.mark.parametrize(("text", "kind", "first", "last"), FORMS, ids=[f[0] for f in FORMS])
def test_each_form_reads_to_its_window(text: str, kind: FrameKind, first: date, last: date) -> None:
    frame = parse_time_frame(text)
    assert frame is not None
    assert (frame.kind, frame.first, frame.last, frame.deadline) == (kind, first, last, last)
    assert frame.text == text and str(frame) == text


@pytest.mark.parametrize("text", ["Theo yêu cầu của Sở Nội vụ", "Thường xuyên", "Khi có yêu cầu", "thường  xuyên."])
def test_on_request_has_no_window(text: str) -> None:
    frame = parse_time_frame(text)
    assert frame is not None and frame.kind is FrameKind.ON_REQUEST
    assert (frame.first, frame.last, frame.deadline) == (None, None, None)


@pytest.mark.parametrize(
    "text",
    ["31/02/2023", "Quý V/2026", "Tháng 13/2023", "Từ Quý II đến Quý I/2023", "", "   ", "6 tháng đầu năm", "sớm nhất có thể"],
)
def test_what_is_not_a_time_frame_is_none(text: str) -> None:
    assert parse_time_frame(text) is None


def test_spacing_and_case_do_not_matter() -> None:
    frame = parse_time_frame("  quý   iii / 2026 ")
    assert frame is not None and (frame.first, frame.last) == (D(2026, 7, 1), D(2026, 9, 30))
