"""The codes of findings about an ISO 18091 self-assessment (family ``ASM``).

:data:`ASSESSMENT_CODES` is the table :mod:`qms.codes` gathers (family ``"ASM"``);
:func:`qms.assessment.findings.assessment_findings` reports them. A file that cannot be read at all is reported with
the loader's codes (``QMS001``–``QMS021``). Each explanation names its basis: the self-assessment of ISO 18091:2019
(TCVN ISO 18091:2020) Annex A, and the clauses of ISO 18091 that follow ISO 9001's numbering (9.1 monitoring and
evaluation, 7.5 documented information, 5.3 roles and responsibilities, 10 improvement).
"""

from __future__ import annotations

from enum import StrEnum

from qms.diagnostics import CodeInfo, Severity
from qms.i18n import Message, _


class AsmCode(StrEnum):
    NOT_SCORED = "ASM001"  # an indicator of the catalogue with no entry (error)
    UNKNOWN = "ASM002"  # an entry whose id is no indicator (error, did-you-mean)
    GREEN_UNPROVEN = "ASM003"  # green without evidence (warning)
    NO_REASON = "ASM004"  # not_applicable without a reason (warning)
    TWICE = "ASM005"  # the same indicator scored twice (error)
    NO_RESPONSIBLE = "ASM006"  # red or yellow without a responsible unit (info)
    PREVIOUS = "ASM007"  # last year's file missing, unreadable, or not of an earlier year (warning)


def _code(code: AsmCode, title: Message, explanation: Message, fix: Message, severity: Severity) -> CodeInfo:
    return CodeInfo.preview(code.value, "assessment", title, explanation, fix, severity)


ASSESSMENT_CODES: tuple[CodeInfo, ...] = (
    _code(
        AsmCode.NOT_SCORED,
        _("chỉ số chưa được đánh giá"),
        _(
            "Bản tự đánh giá xét đủ 39 chỉ số của bốn nhóm; chỉ số không áp dụng vẫn được ghi, với «score: not_applicable» và "
            "lý do. Thiếu một chỉ số thì bức tranh của nhóm sai lệch và không so sánh được với năm trước. Căn cứ: ISO "
            "18091:2019 Phụ lục A (tự đánh giá theo bộ chỉ số); ISO 18091:2019 điều 9.1 (theo dõi, đo lường, đánh giá)."
        ),
        _("thêm một mục «- id: \"...\"» với «score:» cho chỉ số đó"),
        Severity.ERROR,
    ),
    _code(
        AsmCode.UNKNOWN,
        _("mã chỉ số không có trong bộ chỉ số"),
        _(
            "Mã chỉ số phải là một trong 39 mã của bộ chỉ số (1.1 đến 1.10, 2.1 đến 2.8, 3.1 đến 3.12, 4.1 đến 4.9); một mã "
            "gõ nhầm thì chỉ số thật bị coi là chưa đánh giá. Căn cứ: ISO 18091:2019 Phụ lục A."
        ),
        _("sửa mã theo bộ chỉ số (docs/assessment.md), ví dụ 1.10"),
        Severity.ERROR,
    ),
    _code(
        AsmCode.GREEN_UNPROVEN,
        _("mức xanh không có minh chứng"),
        _(
            "Mức xanh khẳng định cơ quan đã làm có hệ thống và có kết quả; khẳng định đó cần minh chứng (số, ngày văn bản, báo "
            "cáo, đường dẫn) để người đánh giá kiểm tra lại được. Căn cứ: ISO 18091:2019 Phụ lục A; ISO 18091:2019 điều 7.5 "
            "(thông tin dạng văn bản) và 9.1."
        ),
        _("thêm «evidence:» nêu văn bản, báo cáo chứng minh mức xanh"),
        Severity.WARNING,
    ),
    _code(
        AsmCode.NO_REASON,
        _("chỉ số không áp dụng nhưng không nêu lý do"),
        _(
            "Một chỉ số chỉ được coi là không áp dụng khi nêu lý do (ví dụ nhiệm vụ thuộc cơ quan khác), để người đọc và "
            "người đánh giá xem xét được. Căn cứ: ISO 18091:2019 Phụ lục A; ISO 18091:2019 điều 4.3 (phạm vi áp dụng)."
        ),
        _("thêm «reason:» nêu vì sao chỉ số không áp dụng cho cơ quan"),
        Severity.WARNING,
    ),
    _code(
        AsmCode.TWICE,
        _("một chỉ số được đánh giá hai lần"),
        _(
            "Mỗi chỉ số có một mục duy nhất; hai mục cho một chỉ số thì không biết mức nào là kết quả. Căn cứ: ISO 18091:2019 "
            "Phụ lục A."
        ),
        _("gộp hai mục thành một, giữ mức và minh chứng đúng"),
        Severity.ERROR,
    ),
    _code(
        AsmCode.NO_RESPONSIBLE,
        _("chỉ số mức đỏ hoặc vàng chưa có đơn vị chịu trách nhiệm"),
        _(
            "Chỉ số ở mức đỏ hoặc vàng là việc cần cải tiến; giao một đơn vị chịu trách nhiệm (có thể là mã đơn vị của kế "
            "hoạch) để việc cải tiến có người theo dõi. Căn cứ: ISO 18091:2019 điều 5.3 (vai trò, trách nhiệm) và điều 10 (cải tiến)."
        ),
        _("thêm «responsible:» với mã một đơn vị trong «units»"),
        Severity.INFO,
    ),
    _code(
        AsmCode.PREVIOUS,
        _("không so sánh được với tệp đánh giá năm trước"),
        _(
            "«previous» chỉ đến tệp đánh giá năm trước để so sánh từng chỉ số (tốt lên, giữ nguyên, kém đi); tệp đó không có, "
            "có lỗi, hoặc không phải của một năm trước. Căn cứ: ISO 18091:2019 điều 9.1 và 10.3 (cải tiến thường xuyên)."
        ),
        _("sửa đường dẫn «previous» (tính từ thư mục của tệp này) hoặc sửa lỗi trong tệp năm trước"),
        Severity.WARNING,
    ),
)


__all__ = ["ASSESSMENT_CODES", "AsmCode"]
