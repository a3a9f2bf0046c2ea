"""The codes of problems found in an agency's ``calendar.yaml`` (family ``CAL``).

:data:`CALENDAR_CODES` is the table :mod:`qms.codes` gathers (family ``"CAL"``). A file that cannot be read as
YAML at all (missing, not UTF-8, a syntax error) is reported by the process loader's reader with its own codes
(``QMS001``–``QMS005``); these codes are about what the file says.
"""

from __future__ import annotations

from enum import StrEnum

from qms.diagnostics import CodeInfo, Severity
from qms.i18n import Message, _


class CalendarCode(StrEnum):
    SCHEMA = "CAL001"  # not a mapping, unknown field, wrong type, an entry that is not a mapping
    DATE = "CAL002"  # not a date, no such day, outside the supported years
    KIND = "CAL003"  # kind is neither "working" nor "off"
    MISSING = "CAL004"  # an entry without date, kind, reason or document
    DUPLICATE = "CAL005"  # the same date twice
    HOURS = "CAL006"  # office hours unreadable, ending before they start, overlapping
    CUTOFF = "CAL007"  # cut-off time unreadable
    NO_EFFECT = "CAL008"  # an entry that changes nothing (warning)


def _code(code: CalendarCode, title: Message, explanation: Message, fix: Message, severity: Severity = Severity.ERROR) -> CodeInfo:
    return CodeInfo.preview(code.value, "calendar", title, explanation, fix, severity)


CALENDAR_CODES: tuple[CodeInfo, ...] = (
    _code(
        CalendarCode.SCHEMA,
        _("sai định dạng lịch làm việc: trường lạ, sai kiểu"),
        _(
            "Tệp calendar.yaml chỉ có các trường «office_hours», «cutoff» và «days»; «days» là danh sách các mục, mỗi mục có "
            "«date», «kind», «reason», «document»."
        ),
        _("xem mẫu trong docs/calendar.md"),
    ),
    _code(
        CalendarCode.DATE,
        _("ngày không hợp lệ hoặc không có thật"),
        _("Ngày được viết dạng 2025-04-26 hoặc 26/04/2025, phải là một ngày có thật (không có 30/02) và nằm trong các năm lịch hỗ trợ."),
        _("sửa ngày theo văn bản thông báo"),
    ),
    _code(
        CalendarCode.KIND,
        _("loại ngày không rõ (working hoặc off)"),
        _("«kind: working» biến một ngày nghỉ thành ngày làm việc (thứ Bảy làm bù); «kind: off» biến một ngày làm việc thành ngày nghỉ."),
        _("viết «working» hoặc «off»"),
    ),
    _code(
        CalendarCode.MISSING,
        _("mục thiếu ngày, loại, lý do hoặc văn bản thông báo"),
        _(
            "Mỗi ngày nghỉ hay làm bù phải nêu lý do và văn bản đã thông báo (số, ký hiệu), để người đánh giá kiểm tra được vì sao thời hạn bị tính khác đi."
        ),
        _('thêm trường còn thiếu, ví dụ document: "Thông báo số .../TB-VPCP"'),
    ),
    _code(
        CalendarCode.DUPLICATE,
        _("một ngày được khai báo hai lần"),
        _("Hai mục cùng một ngày: không rõ mục nào đúng, nhất là khi một mục là ngày nghỉ và mục kia là ngày làm việc."),
        _("giữ một mục và xoá mục còn lại"),
    ),
    _code(
        CalendarCode.HOURS,
        _("giờ làm việc không hợp lệ"),
        _(
            "Giờ làm việc là danh sách các khoảng «07:30-11:30», theo thứ tự trong ngày, không chồng lên nhau, mỗi khoảng kết thúc sau khi bắt đầu."
        ),
        _('ví dụ: office_hours: ["07:30-11:30", "13:30-17:00"]'),
    ),
    _code(
        CalendarCode.CUTOFF,
        _("giờ chốt tiếp nhận không hợp lệ"),
        _("Hồ sơ nhận sau giờ chốt (mặc định 15:00) được tính từ ngày làm việc tiếp theo; «cutoff: null» bỏ giờ chốt."),
        _("viết giờ dạng 15:00, hoặc null"),
    ),
    _code(
        CalendarCode.NO_EFFECT,
        _("mục không thay đổi gì so với lịch nghỉ quốc gia"),
        _(
            "Ngày được khai báo đã là ngày làm việc (hoặc ngày nghỉ) theo lịch quốc gia: có thể ngày bị gõ nhầm, hoặc lịch quốc gia đã có sẵn thông báo đó."
        ),
        _("kiểm tra lại ngày; xoá mục nếu lịch quốc gia đã có"),
        Severity.WARNING,
    ),
)

__all__ = ["CALENDAR_CODES", "CalendarCode"]
