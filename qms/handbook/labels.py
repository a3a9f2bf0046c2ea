"""The handbook's words: every label, heading and sentence the generated pages and the plugin show, in both languages.

One table of :class:`~qms.i18n.Message` values (Vietnamese, English), looked up by key with :func:`label`; a later
step moves them to gettext catalogues. Values filled in (``{status}``, ``{day}``...) are escaped by the caller.
"""

from __future__ import annotations

from qms.i18n import Lang, Message
from qms.model import Status, StepType

STATUS = {
    Status.DRAFT: Message("Dự thảo", "Draft"),
    Status.REVIEW: Message("Đang xem xét", "In review"),
    Status.APPROVED: Message("Đã phê duyệt", "Approved"),
    Status.OBSOLETE: Message("Hết hiệu lực", "Obsolete"),
}
STEP_TYPE = {
    StepType.START: Message("Bắt đầu", "Start"),
    StepType.TASK: Message("Công việc", "Task"),
    StepType.DECISION: Message("Quyết định", "Decision"),
    StepType.SUBPROCESS: Message("Quy trình con", "Sub-process"),
    StepType.END: Message("Kết thúc", "End"),
}
W: dict[str, Message] = {
    "home": Message("Sổ tay quy trình ISO", "ISO process handbook"),
    "list": Message("Danh mục quy trình", "Process list"),
    "code": Message("Mã", "Code"),
    "title": Message("Tên quy trình", "Title"),
    "version": Message("Phiên bản", "Version"),
    "status": Message("Trạng thái", "Status"),
    "owner": Message("Chủ trì", "Owner"),
    "effective": Message("Ngày hiệu lực", "Effective"),
    "recent": Message("Thay đổi gần đây", "Recent changes"),
    "date": Message("Ngày", "Date"),
    "changes": Message("Nội dung sửa đổi", "Changes"),
    "purpose": Message("Mục đích", "Purpose"),
    "scope": Message("Phạm vi áp dụng", "Scope"),
    "legal": Message("Căn cứ pháp lý", "Legal basis"),
    "standards": Message("Tiêu chuẩn, hướng dẫn viện dẫn", "Standards and guidelines"),
    "doc_title": Message("Trích yếu", "Title"),
    "number": Message("Số, ký hiệu", "Number"),
    "in_force": Message("Hiệu lực", "In force"),
    "flowchart": Message("Lưu đồ", "Flowchart"),
    "steps": Message("Các bước thực hiện", "Steps"),
    "step": Message("Bước", "Step"),
    "step_name": Message("Nội dung công việc", "What is done"),
    "who": Message("Người thực hiện", "Responsible"),
    "time": Message("Thời gian", "Time"),
    "support": Message("Phối hợp", "With"),
    "unverified": Message("chưa đối chiếu văn bản gốc", "not yet checked against the official text"),
    "records": Message("Hồ sơ, biểu mẫu", "Records and forms"),
    "next": Message("Tiếp theo", "Next"),
    "record": Message("Hồ sơ", "Record"),
    "form": Message("Mẫu", "Form"),
    "kept_by": Message("Lưu giữ", "Kept by"),
    "location": Message("Nơi lưu", "Location"),
    "retention": Message("Thời hạn lưu", "Retention"),
    "kpis": Message("Chỉ số đo lường", "Indicators"),
    "formula": Message("Cách tính", "Formula"),
    "target": Message("Chỉ tiêu", "Target"),
    "frequency": Message("Tần suất", "Frequency"),
    "risks": Message("Rủi ro và cơ hội", "Risks and opportunities"),
    "risk": Message("Rủi ro / cơ hội", "Risk / opportunity"),
    "level": Message("Mức", "Level"),
    "treatment": Message("Biện pháp", "Treatment"),
    "controls": Message("Bước kiểm soát", "Controlling steps"),
    "revisions": Message("Theo dõi sửa đổi", "Revision history"),
    "approval": Message("Phê duyệt tài liệu", "Document approval"),
    "prepared": Message("Soạn thảo", "Prepared"),
    "reviewed": Message("Xem xét", "Reviewed"),
    "approved": Message("Phê duyệt", "Approved"),
    "deadline": Message("Thời hạn giải quyết", "Statutory deadline"),
    "clock": Message("Tính thời hạn", "Deadline counted"),
    "rules_section": Message("Quy tắc kiểm tra", "Conformity rules"),
    "reference_section": Message("Định dạng tệp quy trình", "Process file format"),
    "clock_between": Message("từ bước «{start}» đến bước «{stop}»", "from step «{start}» to step «{stop}»"),
    "clock_start": Message("bắt đầu", "start"),
    "clock_stop": Message("kết thúc", "end"),
    "draft_banner": Message(
        "Quy trình này đang ở trạng thái «{status}»: chưa được áp dụng chính thức.",
        "This process is «{status}»: not yet in force.",
    ),
    "obsolete_banner": Message("Quy trình này đã hết hiệu lực; chỉ lưu để tra cứu.", "This process is obsolete; kept for reference only."),
    "register": Message("Sổ đăng ký hồ sơ, biểu mẫu", "Records register"),
    "process": Message("Quy trình", "Process"),
    "roles": Message("Vai trò và trách nhiệm", "Roles and responsibilities"),
    "role": Message("Vai trò", "Role"),
    "archive": Message("Lưu trữ (hết hiệu lực)", "Archive (obsolete)"),
    "processes": Message("Quy trình", "Processes"),
    "findings": Message("Kết quả kiểm tra sự phù hợp", "Conformity check results"),
    "no_findings": Message("Không có phát hiện nào.", "No findings."),
    "audit": Message("Báo cáo đánh giá theo tiêu chí", "Audit report"),
    "rule": Message("Quy tắc", "Rule"),
    "where": Message("Vị trí", "Where"),
    "message": Message("Nội dung", "Finding"),
    "built": Message("Tạo ngày {day} từ {n} tệp quy trình.", "Built on {day} from {n} process files."),
    "clauses": Message("Điều khoản ISO 9001", "ISO 9001 clauses"),
    "matrix": Message("Ma trận điều khoản ISO", "ISO clause matrix"),
    "standard": Message("Tiêu chuẩn", "Standard"),
    "clause": Message("Điều khoản / lĩnh vực", "Clause / area"),
    "requirement": Message("Yêu cầu", "Requirement"),
    "evidenced_by": Message("Quy trình đáp ứng", "Evidenced by"),
    "checked_by": Message("Quy tắc kiểm tra", "Checked by rules"),
    "none": Message("— chưa có —", "— none —"),
    "preview": Message(
        "Xem thử nhanh: mỗi lần lưu tệp quy trình, chỉ dựng lại các trang thay đổi (menu và tìm kiếm của sổ tay vẫn đầy đủ). "
        "Khi sửa trang trong docs/, chạy lại với «qms handbook serve --full».",
        "Fast preview: each time a process file is saved, only the changed pages are rebuilt (the handbook's menus and "
        "search stay complete). When editing pages in docs/, run «qms handbook serve --full».",
    ),
    "not_applicable": Message("không áp dụng: {reason}", "not applicable: {reason}"),
    "excluded": Message("Không áp dụng (ISO 9001 4.3): {keys}.", "Not applicable (ISO 9001 4.3): {keys}."),
    "gaps": Message(
        "Chưa có quy trình đáp ứng hoặc quy tắc kiểm tra: {gaps}. Một điều khoản không có quy tắc kiểm tra chỉ được "
        "đánh giá bằng con người.",
        "No process evidences or no rule checks: {gaps}. A clause no rule checks is assessed by people only.",
    ),
    "no_gaps": Message("Mọi điều khoản và lĩnh vực đều có quy trình đáp ứng và quy tắc kiểm tra.", "Every clause and area is evidenced and checked."),
}


def label(key: str, lang: Lang, **args: object) -> str:
    """The word ``key`` of :data:`W` in ``lang``, with ``args`` filled in."""
    return W[key].get(lang).format(**args)
