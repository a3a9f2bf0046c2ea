"""The handbook's words: every label, heading and sentence the generated pages and the plugin show, in both languages.

One table of :class:`~qms.i18n.Message` values, written in Vietnamese and translated through the gettext catalogue
(docs/translating.md), looked up by key with :func:`label`. Values filled in (``{status}``, ``{day}``...) are escaped by
the caller. A sentence whose English changes with a count («from 1 process file») is no entry here: the page that knows
the count writes it with ``ngettext``.
"""

from __future__ import annotations

from qms.i18n import Lang, Message, _, pgettext
from qms.model import Status, StepType

STATUS = {
    Status.DRAFT: _("Dự thảo"),
    Status.REVIEW: _("Đang xem xét"),
    Status.APPROVED: _("Đã phê duyệt"),
    Status.OBSOLETE: _("Hết hiệu lực"),
}
STEP_TYPE = {
    StepType.START: _("Bắt đầu"),
    StepType.TASK: _("Công việc"),
    StepType.DECISION: _("Quyết định"),
    StepType.SUBPROCESS: _("Quy trình con"),
    StepType.END: _("Kết thúc"),
}
W: dict[str, Message] = {
    "home": _("Sổ tay quy trình ISO"),
    "list": _("Danh mục quy trình"),
    "code": _("Mã"),
    "title": _("Tên quy trình"),
    "version": _("Phiên bản"),
    "status": _("Trạng thái"),
    "owner": _("Chủ trì"),
    "effective": _("Ngày hiệu lực"),
    "recent": _("Thay đổi gần đây"),
    "date": _("Ngày"),
    "changes": _("Nội dung sửa đổi"),
    "purpose": _("Mục đích"),
    "scope": _("Phạm vi áp dụng"),
    "legal": _("Căn cứ pháp lý"),
    "standards": _("Tiêu chuẩn, hướng dẫn viện dẫn"),
    "doc_title": _("Trích yếu"),
    "number": _("Số, ký hiệu"),
    "in_force": _("Hiệu lực"),
    "flowchart": _("Lưu đồ"),
    "steps": _("Các bước thực hiện"),
    "step": _("Bước"),
    "step_name": _("Nội dung công việc"),
    "who": pgettext("qms.handbook.labels", "Người thực hiện"),
    "time": _("Thời gian"),
    "support": _("Phối hợp"),
    "unverified": _("chưa đối chiếu văn bản gốc"),
    "records": _("Hồ sơ, biểu mẫu"),
    "next": _("Tiếp theo"),
    "record": _("Hồ sơ"),
    "form": _("Mẫu"),
    "kept_by": _("Lưu giữ"),
    "location": _("Nơi lưu"),
    "retention": _("Thời hạn lưu"),
    "kpis": _("Chỉ số đo lường"),
    "formula": _("Cách tính"),
    "target": _("Chỉ tiêu"),
    "frequency": _("Tần suất"),
    "risks": _("Rủi ro và cơ hội"),
    "risk": _("Rủi ro / cơ hội"),
    "level": pgettext("qms.handbook.labels", "Mức"),
    "treatment": _("Biện pháp"),
    "controls": _("Bước kiểm soát"),
    "revisions": _("Theo dõi sửa đổi"),
    "approval": _("Phê duyệt tài liệu"),
    "prepared": _("Soạn thảo"),
    "reviewed": _("Xem xét"),
    "approved": _("Phê duyệt"),
    "deadline": _("Thời hạn giải quyết"),
    "clock": _("Tính thời hạn"),
    "rules_section": pgettext("qms.handbook.labels:rules_section", "Quy tắc kiểm tra"),
    "reference_section": _("Định dạng tệp quy trình"),
    "clock_between": _("từ bước «{start}» đến bước «{stop}»"),
    "clock_start": _("bắt đầu"),
    "clock_stop": _("kết thúc"),
    "draft_banner": _("Quy trình này đang ở trạng thái «{status}»: chưa được áp dụng chính thức."),
    "obsolete_banner": _("Quy trình này đã hết hiệu lực; chỉ lưu để tra cứu."),
    "register": _("Sổ đăng ký hồ sơ, biểu mẫu"),
    "process": pgettext("qms.handbook.labels:process", "Quy trình"),
    "roles": _("Vai trò và trách nhiệm"),
    "role": _("Vai trò"),
    "archive": _("Lưu trữ (hết hiệu lực)"),
    "processes": pgettext("qms.handbook.labels:processes", "Quy trình"),
    "findings": _("Kết quả kiểm tra sự phù hợp"),
    "no_findings": _("Không có phát hiện nào."),
    "audit": pgettext("qms.handbook.labels", "Báo cáo đánh giá theo tiêu chí"),
    "rule": _("Quy tắc"),
    "where": _("Vị trí"),
    "message": _("Nội dung"),
    "clauses": _("Điều khoản ISO 9001"),
    "matrix": pgettext("qms.handbook.labels", "Ma trận điều khoản ISO"),
    "standard": _("Tiêu chuẩn"),
    "clause": _("Điều khoản / lĩnh vực"),
    "requirement": _("Yêu cầu"),
    "evidenced_by": _("Quy trình đáp ứng"),
    "checked_by": pgettext("qms.handbook.labels:checked_by", "Quy tắc kiểm tra"),
    "none": _("— chưa có —"),
    "preview": _(
        "Xem thử nhanh: mỗi lần lưu tệp quy trình, chỉ dựng lại các trang thay đổi (menu và tìm kiếm của sổ tay vẫn đầy đủ). "
        "Khi sửa trang trong docs/, chạy lại với «qms handbook serve --full»."
    ),
    "not_applicable": _("không áp dụng: {reason}"),
    "excluded": _("Không áp dụng (ISO 9001 4.3): {keys}."),
    "gaps": _(
        "Chưa có quy trình đáp ứng hoặc quy tắc kiểm tra: {gaps}. Một điều khoản không có quy tắc kiểm tra chỉ được "
        "đánh giá bằng con người."
    ),
    "no_gaps": _("Mọi điều khoản và lĩnh vực đều có quy trình đáp ứng và quy tắc kiểm tra."),
    "measures": _("Kết quả đo lường"),
    "measured_from": _("Đo theo quy trình {process}, trên nhật ký hồ sơ {log}."),
    "log_missing": _("logs: không có tệp nhật ký hồ sơ «{log}» (đường dẫn tính từ thư mục của mkdocs.yml)"),
    "log_twice": _(
        "logs: quy trình {process} đã có trang kết quả; nhật ký «{log}» bị bỏ qua (các nhật ký của một quy trình ghi chung một mục: log: [a.csv, b.csv])"
    ),
    "log_failed": _("logs: không đo được nhật ký hồ sơ «{log}» theo quy trình {process}: {reason}"),
}


def label(key: str, lang: Lang, **args: object) -> str:
    """The word ``key`` of :data:`W` in ``lang``, with ``args`` filled in."""
    return W[key].get(lang).format(**args)
