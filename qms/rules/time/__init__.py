"""Time rules (QMS3xx): statutory deadlines in working days (ISO 9001:2015 8.1, 4.4.1 c).

Vietnamese administrative procedures are promised in working days from the
receipt of a complete dossier; the graph counts each step's working
minutes (480 to a working day) and leaves out steps that stop the clock.
"""

from __future__ import annotations

from qms.i18n import Message
from qms.model import MINUTES_PER_WORKING_DAY, Duration


def working_days(minutes: int) -> Message:
    """Working minutes as working days, written the way each language writes decimals ("2,5" / "2.5")."""
    number = f"{minutes / MINUTES_PER_WORKING_DAY:.2f}".rstrip("0").rstrip(".")
    unit = "working day" if number == "1" else "working days"
    return Message(f"{number.replace('.', ',')} ngày làm việc", f"{number} {unit}")


def duration_in_days(duration: Duration) -> Message:
    """A written duration in working days, saying when it was converted from calendar days."""
    days = working_days(duration.minutes)
    if not duration.approximate:
        return days
    return Message(f"{days.vi} (quy đổi gần đúng từ «{duration.text}»)", f"{days.en} (roughly, from «{duration.text}»)")
