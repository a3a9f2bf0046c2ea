"""The two ways of counting a dossier early, on time or late, each rule written once, in SQL, with where it comes from.

*Official* is the counting of the national portal's index (Decision 766/QĐ-TTg, as its formula description is
published): the end of processing is the first of processed, returned, refused or stopped; a dossier is late when
that end is after its due moment, or when it was asked for a supplement more than once; a dossier still open is
judged at the end of the period; the citizen's supplement time is not counted (the log's due date after a
supplement, or the waits added to the limit). *Dates* is what many provincial systems show: the day of the end
against the due day, nothing else. ``docs/analyze.md`` lists each rule and which are unverified [M].

The SQL works on the columns of ``judged`` (:mod:`qms.measure.judge`): ``resolved``, ``awaiting``, ``end_at``,
``due_at``, ``supplements``, ``period_stop``.
"""

from __future__ import annotations

from enum import StrEnum

from qms.i18n import Lang, _

EARLY, ON_TIME, LATE, OPEN, OPEN_OVERDUE, UNJUDGED = "early", "on_time", "late", "open", "open_overdue", "unjudged"
STATUSES = (EARLY, ON_TIME, LATE, OPEN_OVERDUE, OPEN, UNJUDGED)


class GroupBy(StrEnum):  # here, not in qms.measure.analysis (DuckDB), because «qms analyze --by» is declared with it
    PROCEDURE = "procedure"
    UNIT = "unit"
    MONTH = "month"
    CHANNEL = "channel"


class Counting(StrEnum):
    OFFICIAL = "official"  # Decision 766/QĐ-TTg, as published for the national portal
    DATES = "dates"  # by calendar day only, as many local systems count

    def label(self, lang: Lang | str = Lang.VI) -> str:
        return _LABELS[self].get(lang)

    def status_sql(self) -> str:
        more_than_one = "WHEN supplements > 1 THEN '{status}' " if self is Counting.OFFICIAL else ""
        if self is Counting.OFFICIAL:
            resolved = f"WHEN due_at IS NULL THEN '{UNJUDGED}' WHEN end_at > due_at THEN '{LATE}' "
        else:
            resolved = f"WHEN due_at IS NULL THEN '{UNJUDGED}' WHEN CAST(end_at AS DATE) > CAST(due_at AS DATE) THEN '{LATE}' "
        past_due = "due_at < period_stop" if self is Counting.OFFICIAL else "CAST(due_at AS DATE) < CAST(period_stop AS DATE)"
        return (
            f"CASE WHEN resolved THEN CASE {more_than_one.format(status=LATE)}{resolved}"
            f"WHEN CAST(end_at AS DATE) < CAST(due_at AS DATE) THEN '{EARLY}' ELSE '{ON_TIME}' END "
            f"ELSE CASE {more_than_one.format(status=OPEN_OVERDUE)}WHEN awaiting THEN '{OPEN}' "
            f"WHEN due_at IS NOT NULL AND {past_due} THEN '{OPEN_OVERDUE}' ELSE '{OPEN}' END END"
        )

    def past_due_sql(self) -> str:
        """Whether the dossier went past its due moment (due day, by dates): the ones that owe an apology."""
        if self is Counting.OFFICIAL:
            return "CASE WHEN resolved THEN end_at > due_at ELSE NOT awaiting AND due_at < period_stop END"
        return "CASE WHEN resolved THEN CAST(end_at AS DATE) > CAST(due_at AS DATE) ELSE NOT awaiting AND CAST(due_at AS DATE) < CAST(period_stop AS DATE) END"

    def reason_sql(self) -> str:
        supplements = (
            f"WHEN status IN ('{LATE}', '{OPEN_OVERDUE}') AND supplements > 1 THEN 'supplements' " if self is Counting.OFFICIAL else ""
        )
        return (
            f"CASE {supplements}WHEN status = '{LATE}' THEN 'after_due' WHEN status = '{OPEN_OVERDUE}' THEN 'open_past_due' "
            f"WHEN status = '{UNJUDGED}' THEN 'no_due' WHEN status = '{OPEN}' AND awaiting THEN 'awaiting_supplement' END"
        )


_LABELS = {
    Counting.OFFICIAL: _("cách tính chính thức (Quyết định 766/QĐ-TTg)"),
    Counting.DATES: _("cách tính theo ngày (so ngày trả với ngày hẹn)"),
}

STATUS_LABELS = {
    EARLY: _("trước hạn"),
    ON_TIME: _("đúng hạn"),
    LATE: _("quá hạn"),
    OPEN_OVERDUE: _("chưa giải quyết, đã quá hạn"),
    OPEN: _("đang giải quyết, trong hạn"),
    UNJUDGED: _("không xét được (không có ngày hẹn, thời hạn)"),
}

REASON_LABELS = {
    "supplements": _("yêu cầu bổ sung quá một lần"),
    "after_due": _("kết thúc sau thời điểm hẹn trả"),
    "open_past_due": _("chưa kết thúc khi đã quá hạn"),
    "no_due": _("không có ngày hẹn trả và không biết thời hạn của thủ tục"),
    "awaiting_supplement": _("đang chờ công dân bổ sung (dừng tính thời gian)"),
}

__all__ = ["REASON_LABELS", "STATUSES", "STATUS_LABELS", "Counting"]
