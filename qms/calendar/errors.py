"""The calendar's exceptions: a bad setting (made into a diagnostic by the reader) and a date outside the calendar."""

from __future__ import annotations

from qms.i18n import Message, _


class ConfigError(ValueError):
    """A setting that cannot be used (office hours ending before they start, a date that does not exist...).

    ``code`` is the calendar code (``CAL006``...) the reader of ``calendar.yaml`` reports it under, with
    ``message`` and ``hint``; built in code (``OfficeHours(...)``), it is raised as it is.
    """

    def __init__(self, code: str, message: Message, hint: Message | None = None):
        super().__init__(message.en)
        self.code = code
        self.message = message
        self.hint = hint


class CalendarRangeError(ValueError):
    """A date outside the years the calendar was built for (``WorkCalendar.build(years=...)``)."""

    def __init__(self, day: object, first_year: int, last_year: int):
        self.message = _("ngày {day} nằm ngoài các năm của lịch ({first}–{last})").format(day=day, first=first_year, last=last_year)
        super().__init__(self.message.en)


__all__ = ["CalendarRangeError", "ConfigError"]
