"""Report periods (kỳ báo cáo) and the window of days whose figures each periodic report counts.

A periodic report covers a calendar period (a month, a quarter, a half-year, a year) but its statistics are cut off
earlier, so that the report can be written and sent on time. Decree 09/2019/NĐ-CP on the reporting regime of state
administrative bodies, article 12 (thời gian chốt số liệu), as read here [M: from memory of the decree; the shared
domain brief does not summarise it, and one seed plan only cites the decree by number and date]:

* a monthly report: from the 15th of the previous month to the 14th of the reporting month;
* a quarterly report: from the 15th of the month before the quarter to the 14th of the quarter's last month;
* a 6-month report: the first half from 15 December of the previous year to 14 June; the second half from 15 June
  to 14 December;
* an annual report: from 15 December of the previous year to 14 December.

:func:`parse_period` reads the keys the command line and :mod:`qms.plan.status` use (``2026-03``, ``2026-Q1``,
``2026-H1``, ``2026``); :func:`reporting_calendar` lists the reports a plan's recurring tasks make due in a year.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from qms.i18n import Message, _
from qms.plan.model import Frequency, Plan, Recurring
from qms.plan.status import month_end, recurring_due_dates

CUT_OFF_DAY = 14  # the window ends on the 14th and the next one starts on the 15th (Decree 09/2019, art. 12)
ROMAN = ("I", "II", "III", "IV")
PERIOD_HINT = _("viết kỳ báo cáo theo dạng 2026-03 (tháng), 2026-Q1 (quý), 2026-H1 (6 tháng), 2026 (năm)")

_KEY = re.compile(r"^(\d{4})(?:-(?:(\d{1,2})|Q([1-4])|H([12])))?$", re.IGNORECASE)


@dataclass(frozen=True)
class ReportPeriod:
    """A report period: its key (``2026-Q1``), its name (``Quý I năm 2026``), its calendar days ``first`` to ``last``
    and the days ``window_first`` to ``window_last`` its figures are counted over (Decree 09/2019, art. 12)."""

    key: str
    label: Message
    first: date
    last: date
    window_first: date
    window_last: date

    @property
    def every(self) -> Frequency:
        """How often a report of this kind is due: month, quarter, half or year."""
        if "-Q" in self.key:
            return Frequency.QUARTER
        if "-H" in self.key:
            return Frequency.HALF
        return Frequency.MONTH if "-" in self.key else Frequency.YEAR

    @property
    def phrase(self) -> Message:
        """The name inside a sentence, in lower case: «quý I năm 2026»."""
        vi, en = self.label
        return Message(vi[:1].lower() + vi[1:], en[:1].lower() + en[1:])

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.first <= day <= self.last


class PeriodError(ValueError):
    """A period key that cannot be read; ``message`` says why (both languages), ``hint`` how to write one."""

    def __init__(self, message: Message) -> None:
        super().__init__(message)
        self.message = message
        self.hint = PERIOD_HINT

    def __str__(self) -> str:
        return self.message.vi


def _cut_off(year: int, month: int) -> date:
    """The 15th of the month before ``month`` of ``year``: the first day of a window ending in ``month``."""
    return date(year - 1, 12, CUT_OFF_DAY + 1) if month == 1 else date(year, month - 1, CUT_OFF_DAY + 1)


def month_period(year: int, month: int) -> ReportPeriod:
    label = _("Tháng {month} năm {year}").format(month=month, year=year)
    last = month_end(year, month)
    return ReportPeriod(f"{year}-{month:02d}", label, date(year, month, 1), last, _cut_off(year, month), date(year, month, CUT_OFF_DAY))


def quarter_period(year: int, quarter: int) -> ReportPeriod:
    label = _("Quý {roman} năm {year}").format(roman=ROMAN[quarter - 1], year=year)
    start, end = 3 * quarter - 2, 3 * quarter
    window = (_cut_off(year, start), date(year, end, CUT_OFF_DAY))
    return ReportPeriod(f"{year}-Q{quarter}", label, date(year, start, 1), month_end(year, end), *window)


def half_period(year: int, half: int) -> ReportPeriod:
    if half == 1:
        label = _("6 tháng đầu năm {year}").format(year=year)
        return ReportPeriod(f"{year}-H1", label, date(year, 1, 1), date(year, 6, 30), _cut_off(year, 1), date(year, 6, CUT_OFF_DAY))
    label = _("6 tháng cuối năm {year}").format(year=year)
    return ReportPeriod(f"{year}-H2", label, date(year, 7, 1), date(year, 12, 31), _cut_off(year, 7), date(year, 12, CUT_OFF_DAY))


def year_period(year: int) -> ReportPeriod:
    label = _("Năm {year}").format(year=year)
    return ReportPeriod(str(year), label, date(year, 1, 1), date(year, 12, 31), _cut_off(year, 1), date(year, 12, CUT_OFF_DAY))


def parse_period(text: str) -> ReportPeriod:
    """The period ``text`` names: ``2026-03`` (a month), ``2026-Q1``, ``2026-H1``, ``2026``; :class:`PeriodError`
    (a ValueError) otherwise."""
    raw = str(text).strip()
    found = _KEY.match(raw)
    if found is None:
        raise PeriodError(_("«{value}» không phải là kỳ báo cáo").format(value=raw))
    year = int(found[1])
    if not 1900 <= year <= 9998:  # the window of January starts in the year before; date() stops at 9999
        raise PeriodError(_("«{value}»: năm {year} nằm ngoài khoảng đọc được").format(value=raw, year=found[1]))
    if found[2] is not None:
        if not 1 <= int(found[2]) <= 12:
            raise PeriodError(_("«{value}»: không có tháng {month}").format(value=raw, month=found[2]))
        return month_period(year, int(found[2]))
    if found[3] is not None:
        return quarter_period(year, int(found[3]))
    if found[4] is not None:
        return half_period(year, int(found[4]))
    return year_period(year)


def periods_of_year(year: int, every: Frequency) -> list[ReportPeriod]:
    """The report periods of ``every`` kind in ``year``, in order."""
    if every is Frequency.MONTH:
        return [month_period(year, month) for month in range(1, 13)]
    if every is Frequency.QUARTER:
        return [quarter_period(year, quarter) for quarter in range(1, 5)]
    if every is Frequency.HALF:
        return [half_period(year, 1), half_period(year, 2)]
    return [year_period(year)]


def reporting_calendar(plan: Plan, year: int) -> list[tuple[date, Recurring, ReportPeriod]]:
    """Every report the plan's recurring tasks make due for the periods of ``year``: (due date, task, period), by due
    date, then in the order the plan lists the tasks. Due dates are :func:`qms.plan.status.recurring_due_dates`'s."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    rows = [(due, i, task, parse_period(key)) for i, task in enumerate(plan.recurring) for key, due in recurring_due_dates(task, first, last)]
    return [(due, task, period) for due, _i, task, period in sorted(rows, key=lambda row: (row[0], row[1]))]


__all__ = [
    "CUT_OFF_DAY",
    "PERIOD_HINT",
    "PeriodError",
    "ReportPeriod",
    "half_period",
    "month_period",
    "parse_period",
    "periods_of_year",
    "quarter_period",
    "reporting_calendar",
    "year_period",
]
