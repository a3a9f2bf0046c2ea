"""The codes of findings about audit records (family ``REC``): independence, corrective action, programme coverage.

:data:`RECORD_CODES` is the table :mod:`qms.codes` gathers (family ``"REC"``);
:func:`qms.records.findings.record_findings` reports them. A file that cannot be read at all is reported with the
loader's codes (``QMS001``–``QMS021``). Each explanation names what it enforces: ISO 9001:2015 9.2 (internal audit)
and 10.2 (nonconformity and corrective action), ISO 19011:2018 (principles of auditing, the audit programme).
"""

from __future__ import annotations

from enum import StrEnum

from qms.diagnostics import CodeInfo, Severity
from qms.i18n import Message, _


class RecCode(StrEnum):
    NOT_INDEPENDENT = "REC001"  # an auditor holds a role in a process the audit covers
    NC_INCOMPLETE = "REC002"  # a nonconformity without owner, due date or root cause
    OVERDUE = "REC003"  # a corrective action past its due date and not closed, as of a date (warning)
    CLOSED_UNVERIFIED = "REC004"  # closed without an effectiveness check, or closed as not effective
    REPEATED = "REC005"  # same clause and process as a finding of an earlier audit
    NOT_COVERED = "REC006"  # a process or clause of the QMS that the year's programme does not audit


def _code(code: RecCode, title: Message, explanation: Message, fix: Message, severity: Severity) -> CodeInfo:
    return CodeInfo.preview(code.value, "records", title, explanation, fix, severity)


RECORD_CODES: tuple[CodeInfo, ...] = (
    _code(
        RecCode.NOT_INDEPENDENT,
        _("đánh giá viên đánh giá quá trình mà mình đang đảm nhiệm vai trò"),
        _(
            "Đánh giá viên không đánh giá công việc của chính mình: người giữ một vai trò trong quy trình thuộc phạm vi cuộc "
            "đánh giá thì không nên ở trong đoàn đánh giá cuộc đó. Căn cứ: ISO 9001:2015 điều 9.2.2 c (lựa chọn đánh giá viên "
            "bảo đảm tính khách quan, công bằng); ISO 19011:2018 điều 4 (tính độc lập)."
        ),
        _("chọn đánh giá viên khác cho quy trình này, hoặc bỏ quy trình khỏi phạm vi cuộc đánh giá"),
        Severity.ERROR,
    ),
    _code(
        RecCode.NC_INCOMPLETE,
        _("điểm không phù hợp thiếu người chịu trách nhiệm, hạn hoặc nguyên nhân gốc"),
        _(
            "Mỗi điểm không phù hợp (major, minor) cần người hoặc đơn vị chịu trách nhiệm khắc phục, hạn hoàn thành và nguyên "
            "nhân gốc đã phân tích: không có thì hành động khắc phục không theo dõi được. Căn cứ: ISO 9001:2015 điều 10.2.1 "
            "(xử lý sự không phù hợp, xác định nguyên nhân, thực hiện hành động cần thiết)."
        ),
        _("thêm «owner:», «due:» và «root_cause:» cho phát hiện"),
        Severity.ERROR,
    ),
    _code(
        RecCode.OVERDUE,
        _("hành động khắc phục quá hạn chưa đóng"),
        _(
            "Vào ngày xét, hạn hoàn thành của hành động khắc phục đã qua mà điểm không phù hợp chưa đóng. Căn cứ: ISO 9001:2015 "
            "điều 9.2.2 e (hành động khắc phục không chậm trễ) và 10.2.1."
        ),
        _("hoàn thành hành động khắc phục và ghi «status: closed», hoặc gia hạn «due:» có lý do"),
        Severity.WARNING,
    ),
    _code(
        RecCode.CLOSED_UNVERIFIED,
        _("điểm không phù hợp đã đóng nhưng chưa xác minh hiệu lực, hoặc xác minh là không hiệu lực"),
        _(
            "Chỉ đóng một điểm không phù hợp khi đã xem xét hiệu lực của hành động khắc phục và thấy có hiệu lực. Căn cứ: "
            "ISO 9001:2015 điều 10.2.1 d (xem xét hiệu lực của hành động khắc phục đã thực hiện)."
        ),
        _("thêm «effectiveness: {date, result: effective, evidence}», hoặc mở lại («status: in_progress») khi không hiệu lực"),
        Severity.ERROR,
    ),
    _code(
        RecCode.REPEATED,
        _("phát hiện lặp lại: cùng điều khoản và quy trình với một phát hiện của cuộc đánh giá trước"),
        _(
            "Một phát hiện cùng điều khoản, cùng quy trình với phát hiện của một cuộc đánh giá trước cho thấy nguyên nhân có thể "
            "chưa được loại bỏ. Là cảnh báo khi cả hai là điểm không phù hợp, thông tin trong các trường hợp khác. Căn cứ: ISO "
            "9001:2015 điều 10.2.1 b 3 (xác định sự không phù hợp tương tự có tồn tại hay không) và 9.2.2 a (kết quả các cuộc đánh giá trước)."
        ),
        _("xem lại nguyên nhân gốc và hiệu lực hành động khắc phục của phát hiện trước; tăng tần suất đánh giá quy trình này"),
        Severity.WARNING,
    ),
    _code(
        RecCode.NOT_COVERED,
        _("quy trình hoặc điều khoản của hệ thống không được đánh giá trong năm"),
        _(
            "Chương trình đánh giá của năm phải bao gồm mọi quy trình trong phạm vi hệ thống quản lý chất lượng và các điều khoản "
            "chúng đáp ứng (một cuộc đánh giá không liệt kê điều khoản thì bao gồm các điều khoản mà quy trình của nó đáp ứng). "
            "Quy trình thuộc hệ thống trong năm là quy trình đã phê duyệt, hoặc đã có ngày hiệu lực và đang được sửa đổi; dự thảo "
            "chưa từng phê duyệt, quy trình hiệu lực sau năm đó và quy trình hết hiệu lực thì không tính. "
            "Căn cứ: ISO 9001:2015 điều 9.2.2 a (chương trình đánh giá); ISO 19011:2018 điều 5."
        ),
        _("thêm một cuộc đánh giá có quy trình hoặc điều khoản này trong «scope» của chương trình"),
        Severity.WARNING,
    ),
)


__all__ = ["RECORD_CODES", "RecCode"]
