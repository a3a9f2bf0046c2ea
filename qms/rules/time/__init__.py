"""Time rules (QMS3xx): statutory deadlines in working days (ISO 9001:2015 8.1, 4.4.1 c).

Vietnamese administrative procedures are promised in working days from the
receipt of a complete dossier; the graph counts each step's working
minutes (480 to a working day) and leaves out steps that stop the clock.
"""

from __future__ import annotations

from qms.domain import working_days_figure
from qms.i18n import Message
from qms.model import Duration


def working_days(minutes: int) -> Message:
    """Working minutes as working days, written the way each language writes decimals ("2,5" / "2.5")."""
    figure = working_days_figure(minutes)
    if figure.en == "1":
        return Message("{days} ngày làm việc", "{days} working day").format(days=figure)
    return Message("{days} ngày làm việc", "{days} working days").format(days=figure)


def duration_in_days(duration: Duration) -> Message:
    """A written duration in working days, saying when it was converted from calendar days."""
    days = working_days(duration.minutes)
    if not duration.approximate:
        return days
    return Message(f"{days.vi} (quy đổi gần đúng từ «{duration.text}»)", f"{days.en} (roughly, from «{duration.text}»)")
