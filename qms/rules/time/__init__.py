"""Time rules (QMS3xx): statutory deadlines in working days (ISO 9001:2015 8.1, 4.4.1 c).

Vietnamese administrative procedures are promised in working days from the
receipt of a complete dossier; the graph counts each step's working
minutes (480 to a working day) and leaves out steps that stop the clock.
"""

from __future__ import annotations

from qms.domain import working_days_figure
from qms.i18n import Message, _, ngettext
from qms.model import Duration


def working_days(minutes: int) -> Message:
    """Working minutes as working days, written the way each language writes decimals ("2,5" / "2.5")."""
    figure = working_days_figure(minutes)
    # One working day, 2,5 working days: English says «day» for exactly one.
    count = 1 if figure.en == "1" else 2
    return ngettext("{days} ngày làm việc", "{days} ngày làm việc", count).format(days=figure)


def duration_in_days(duration: Duration) -> Message:
    """A written duration in working days, saying when it was converted from calendar days."""
    days = working_days(duration.minutes)
    if not duration.approximate:
        return days
    return _("{days} (quy đổi gần đúng từ «{duration}»)").format(days=days, duration=duration.text)
