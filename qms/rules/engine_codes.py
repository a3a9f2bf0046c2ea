"""The rule engine's own codes: ``QMS090`` (a waiver that covers nothing) and ``QMS099`` (a rule crashed).

They sit below both the engine, which reports them, and the configuration, which accepts them in ``select``,
``ignore`` and ``severity``; :mod:`qms.codes` lists them with the loader's and the rules' codes.
"""

from __future__ import annotations

from qms.diagnostics import CodeInfo, Severity
from qms.i18n import Message

UNUSED_WAIVER = "QMS090"
RULE_CRASHED = "QMS099"
ENGINE_CODES = frozenset({UNUSED_WAIVER, RULE_CRASHED})

# The engine's own codes in the code registry (qms.codes).
ENGINE_CODE_TABLE: tuple[CodeInfo, ...] = (
    CodeInfo(
        UNUSED_WAIVER,
        Message("Miễn áp dụng không còn che phát hiện nào", "A waiver that no longer covers any finding"),
        Severity.WARNING,
        f"rules/{UNUSED_WAIVER}.md",
        "engine",
        explanation=Message(
            "Một mục «waivers» miễn áp dụng một quy tắc đã chạy nhưng không che phát hiện nào của quy tắc đó: quy trình đã "
            "được sửa, hoặc mục miễn nhắm sai bước. Miễn trừ cũ còn để lại khiến chuyên gia đánh giá tưởng còn một điểm được chấp nhận sai lệch.",
            "A «waivers» entry exempts the process from a rule that ran, but covers none of its findings: the process was fixed, "
            "or the entry names the wrong step. A stale exemption makes an auditor believe a deviation is still accepted.",
        ),
        fix=Message("xoá mục miễn áp dụng này khỏi «waivers»", "remove this entry from «waivers»"),
    ),
    CodeInfo(
        RULE_CRASHED,
        Message("Quy tắc gặp lỗi khi chạy", "A rule crashed"),
        Severity.ERROR,
        f"rules/{RULE_CRASHED}.md",
        "engine",
        explanation=Message(
            "Một quy tắc gặp lỗi khi kiểm tra quy trình này: đó là lỗi của công cụ, không phải của quy trình. Các quy tắc khác "
            "vẫn chạy; quy tắc gặp lỗi không kết luận được gì về quy trình.",
            "A rule failed while checking this process: a bug of the toolkit, not of the process. The other rules still ran; "
            "the crashed one says nothing about the process.",
        ),
        fix=Message("vui lòng báo lỗi này kèm tệp quy trình", "please report this with the process file"),
    ),
)
