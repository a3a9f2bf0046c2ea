"""The clock after a supplement (resume or restart), the same-day deadline and a complex case after the cut-off.

Default calendar: office hours 07:30-11:30 and 13:30-17:00, cut-off 15:00. March 2026 has no holiday (Monday 2,
9, 16 March); Tết 2026 is Monday 16 to Friday 20 February, Friday 13 February is worked. Every due moment below was
counted by hand on a calendar.
"""

from __future__ import annotations

from datetime import datetime

from qms.calendar import ZONE, TimeLimit, default_calendar
from qms.model import Duration

CAL = default_calendar()
RECEIVED = datetime(2026, 3, 2, 9, 0)  # Monday
FIVE_DAYS = TimeLimit(days=5)
SAME_DAY = TimeLimit.from_duration(Duration.parse("trong ngày"))
COMPLEX = TimeLimit.from_duration(Duration.parse("2 ngày làm việc"))  # «không quá 02 ngày làm việc» for a complex case


def vn(year: int, month: int, day: int, hour: int = 17, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=ZONE)


def test_restart_counts_the_whole_limit_again_from_the_receipt_of_the_supplement() -> None:
    pause = (datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 6, 15, 0))  # asked Wed 4/3, back Fri 6/3 15:00
    # resume: the 1,080 office minutes paused move Mon 9/3 17:00 on to Thu 12/3 10:30 (test_deadlines)
    assert CAL.due_date(RECEIVED, FIVE_DAYS, [pause]).at == vn(2026, 3, 12, 10, 30)
    # restart: back on Friday by the cut-off, Friday is the start day: 9, 10, 11, 12, 13 -> Fri 13/3 17:00
    restarted = CAL.due_date(RECEIVED, FIVE_DAYS, [pause], restart=True)
    assert restarted.at == vn(2026, 3, 13)
    assert restarted.start == vn(2026, 3, 2, 9, 0)  # the first receipt is still the dossier's clock start
    # back Fri 6/3 15:30, after the cut-off: counted from Monday 9/3: 10, 11, 12, 13, 16 -> Mon 16/3 17:00
    after_cutoff = (datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 6, 15, 30))
    assert CAL.due_date(RECEIVED, FIVE_DAYS, [after_cutoff], restart=True).at == vn(2026, 3, 16)


def test_restart_only_by_a_supplement_asked_before_the_due_moment() -> None:
    # asked Tue 10/3, after the due moment Mon 9/3 17:00: nothing restarts
    late = (datetime(2026, 3, 10, 8, 0), datetime(2026, 3, 11, 8, 0))
    assert CAL.due_date(RECEIVED, FIVE_DAYS, [late], restart=True).at == vn(2026, 3, 9)
    # a first supplement back Thu 5/3 09:00 gives Thu 12/3 (6, 9, 10, 11, 12); a second one asked Wed 11/3, before
    # that, back Thu 12/3 10:00, gives 13, 16, 17, 18, 19 -> Thu 19/3 17:00
    two = [(datetime(2026, 3, 4, 10, 0), datetime(2026, 3, 5, 9, 0)), (datetime(2026, 3, 11, 10, 0), datetime(2026, 3, 12, 10, 0))]
    assert CAL.due_date(RECEIVED, FIVE_DAYS, two[:1], restart=True).at == vn(2026, 3, 12)
    assert CAL.due_date(RECEIVED, FIVE_DAYS, two, restart=True).at == vn(2026, 3, 19)


def test_a_same_day_deadline_before_and_after_the_cut_off() -> None:
    assert CAL.due_date(datetime(2026, 3, 2, 10, 0), SAME_DAY).at == vn(2026, 3, 2)  # Monday 10:00: that day's close
    assert CAL.due_date(datetime(2026, 3, 2, 15, 0), SAME_DAY).at == vn(2026, 3, 2)  # at 15:00 sharp: still that day
    assert CAL.due_date(datetime(2026, 3, 2, 15, 30), SAME_DAY).at == vn(2026, 3, 3)  # after 15:00: Tuesday's close
    assert CAL.due_date(datetime(2026, 3, 6, 16, 0), SAME_DAY).at == vn(2026, 3, 9)  # Friday after 15:00: Monday
    assert CAL.due_date(datetime(2026, 2, 13, 15, 30), SAME_DAY).at == vn(2026, 2, 23)  # the Friday before Tết


def test_a_complex_case_received_after_the_cut_off() -> None:
    # before 15:00 on Monday: Monday is the start day, due its 2nd working day after: Wed 4/3 17:00
    assert CAL.due_date(datetime(2026, 3, 2, 14, 0), COMPLEX).at == vn(2026, 3, 4)
    # after 15:00 on Monday: Tuesday is the start day: Thu 5/3 17:00
    assert CAL.due_date(datetime(2026, 3, 2, 15, 30), COMPLEX).at == vn(2026, 3, 5)
    # after 15:00 on Friday 13/2/2026: start Mon 23/2 after Tết, then 24 and 25 -> Wed 25/2 17:00
    assert CAL.due_date(datetime(2026, 2, 13, 15, 30), COMPLEX).at == vn(2026, 2, 25)
    # a complex case after the cut-off that waits for a supplement and restarts: asked Wed 4/3 09:00 (before the
    # due Thu 5/3 17:00), back Wed 4/3 16:00 (after the cut-off): start Thu 5/3, due Mon 9/3 17:00
    pause = (datetime(2026, 3, 4, 9, 0), datetime(2026, 3, 4, 16, 0))
    assert CAL.due_date(datetime(2026, 3, 2, 15, 30), COMPLEX, [pause], restart=True).at == vn(2026, 3, 9)
