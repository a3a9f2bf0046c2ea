"""The rule engine's own codes: ``QMS090`` (a waiver that covers nothing) and ``QMS099`` (a rule crashed).

They sit below both the engine, which reports them, and the configuration, which accepts them in ``select``,
``ignore`` and ``severity``; :mod:`qms.codes` lists them with the loader's and the rules' codes.
"""

from __future__ import annotations

from qms.diagnostics import CodeInfo, Severity
from qms.i18n import _

UNUSED_WAIVER = "QMS090"
RULE_CRASHED = "QMS099"
ENGINE_CODES = frozenset({UNUSED_WAIVER, RULE_CRASHED})

# The engine's own codes in the code registry (qms.codes).
ENGINE_CODE_TABLE: tuple[CodeInfo, ...] = (
    CodeInfo(
        UNUSED_WAIVER,
        _("Miễn áp dụng không còn che phát hiện nào"),
        Severity.WARNING,
        f"rules/{UNUSED_WAIVER}.md",
        "engine",
        explanation=_(
            "Một mục «waivers» miễn áp dụng một quy tắc đã chạy nhưng không che phát hiện nào của quy tắc đó: quy trình đã "
            "được sửa, hoặc mục miễn nhắm sai bước. Miễn trừ cũ còn để lại khiến chuyên gia đánh giá tưởng còn một điểm được chấp nhận sai lệch."
        ),
        fix=_("xoá mục miễn áp dụng này khỏi «waivers»"),
    ),
    CodeInfo(
        RULE_CRASHED,
        _("Quy tắc gặp lỗi khi chạy"),
        Severity.ERROR,
        f"rules/{RULE_CRASHED}.md",
        "engine",
        explanation=_(
            "Một quy tắc gặp lỗi khi kiểm tra quy trình này: đó là lỗi của công cụ, không phải của quy trình. Các quy tắc khác "
            "vẫn chạy; quy tắc gặp lỗi không kết luận được gì về quy trình."
        ),
        fix=_("vui lòng báo lỗi này kèm tệp quy trình"),
    ),
)
