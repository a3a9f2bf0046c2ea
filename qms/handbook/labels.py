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
    # The register of external documents (qms.handbook.pages.legal): the project's legal register.
    "legal_register": _("Sổ theo dõi văn bản pháp luật (tài liệu có nguồn gốc bên ngoài)"),
    "kind": _("Loại"),
    "replaced_by": _("Thay thế bởi"),
    "verified": _("Đã xác minh"),
    "cited_by": _("Quy trình viện dẫn"),
    "legal_default": _("Dự án chưa có sổ văn bản pháp luật (legal/register.yaml); bảng dưới đây là sổ có sẵn của công cụ."),
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
    # The plans' pages (the plugin's «plans», qms.handbook.plans).
    "plans": _("Kế hoạch"),
    "plan_document": _("Văn bản ban hành"),
    "plan_no_document": _("Kế hoạch không ghi văn bản ban hành."),
    "plan_doc_date": _("Ngày ban hành"),
    "plan_issuer": _("Cơ quan ban hành"),
    "plan_signer": _("Người ký"),
    "plan_period": _("Kỳ kế hoạch"),
    "plan_from_to": _("từ {first} đến {last}"),
    "plan_as_of": _("Tình hình thực hiện tính đến ngày {day}, theo tệp kế hoạch {file}."),
    "plan_targets": _("Tiến độ theo chỉ tiêu"),
    "plan_no_targets": _("Kế hoạch không đặt chỉ tiêu."),
    "plan_target_name": _("Tên chỉ tiêu"),
    "plan_actual": _("Giá trị đo được"),
    "plan_result": _("Kết quả"),
    "plan_source": _("Nguồn số liệu"),
    "plan_met": _("đạt"),
    "plan_missed": _("không đạt"),
    "plan_not_measured": _("chưa đo được"),
    "plan_from_log": _("đo trên nhật ký hồ sơ {logs} theo quy trình {process}, từ {first} đến {last}"),
    "plan_from_value": _("nhập tay; minh chứng: {evidence}"),
    "plan_from_value_bare": _("nhập tay, chưa có minh chứng"),
    "plan_units": _("Tiến độ theo đơn vị chủ trì"),
    "plan_no_tasks": _("Kế hoạch không có nhiệm vụ."),
    "plan_unit": _("Đơn vị chủ trì"),
    "plan_task_count": _("Số nhiệm vụ"),
    "plan_in_time": _("Hoàn thành đúng hạn"),
    "plan_late": _("Hoàn thành trễ hạn"),
    "plan_overdue": _("Quá hạn"),
    "plan_open": _("Đang thực hiện"),
    "plan_total": _("Cộng"),
    "plan_no_lead": _("(chưa giao đơn vị chủ trì)"),
    "plan_units_note": _(
        "«Đang thực hiện»: chưa hoàn thành, chưa quá hạn, kể cả nhiệm vụ thường xuyên, theo yêu cầu (không có thời hạn); "
        "nhiệm vụ không có thời hạn đã hoàn thành được tính là đúng hạn."
    ),
    "plan_cancelled": _("Nhiệm vụ không thực hiện (không tính ở trên): {n}."),
    "plan_overdue_tasks": _("Nhiệm vụ quá hạn"),
    "plan_none_overdue": _("Không có nhiệm vụ quá hạn."),
    "plan_due_soon": _("Nhiệm vụ đến hạn trong {days} ngày tới"),
    "plan_none_due_soon": _("Không có nhiệm vụ đến hạn trong {days} ngày tới."),
    "plan_task_id": _("Số"),
    "plan_task": _("Nội dung nhiệm vụ"),
    "plan_deadline": _("Hạn"),
    "plan_days_overdue": _("Số ngày quá hạn"),
    "plan_days_left": _("Số ngày còn lại"),
    "plan_reports": _("Báo cáo định kỳ"),
    "plan_no_reports": _("Kế hoạch không có báo cáo định kỳ."),
    "plan_report": _("Nội dung báo cáo"),
    "plan_report_period": _("Kỳ báo cáo"),
    "plan_due": _("Hạn gửi"),
    "plan_sent": _("Ngày gửi"),
    "plan_state": _("Tình trạng"),
    "plan_past": _("Báo cáo các kỳ đã qua"),
    "plan_past_note": _(
        "Báo cáo tiến độ của từng quý đã kết thúc, lập như lệnh «qms plan report --period»: tình hình kế hoạch tại ngày chốt số liệu của quý."
    ),
    "plan_past_none": _("Chưa có quý nào của kỳ kế hoạch kết thúc trước ngày {day}."),
    "plan_reports_section": _("Báo cáo các kỳ: {code}"),
    "plan_report_title": _("Báo cáo {period}"),
    "plan_back": _("Tình hình hiện nay của kế hoạch: {plan}."),
    "plan_missing": _("plans: không có tệp kế hoạch «{plan}» (đường dẫn tính từ thư mục của mkdocs.yml)"),
    "plan_invalid": _("plans: kế hoạch «{plan}» có lỗi, không có trang: {problems}"),
    "plan_more": _("và {n} lỗi khác (qms plan validate)"),
    "plan_twice": _("plans: kế hoạch mã {code} đã có trang; «{plan}» bị bỏ qua"),
    "plan_failed": _("plans: không lập được trang của kế hoạch «{plan}»: {reason}"),
    "as_of_bad": _("as_of: «{value}» không phải là ngày dạng YYYY-MM-DD"),
    # The staff's home page (qms.handbook.pages.staff_home) and the menu (qms.handbook.menu).
    "staff_home": _("Trang chủ"),
    "staff_intro": _(
        "Sổ tay này là các quy trình cơ quan đang áp dụng theo hệ thống quản lý chất lượng TCVN ISO 9001:2015: mỗi quy "
        "trình cho biết ai làm việc gì, theo thứ tự nào, trong bao lâu, căn cứ văn bản nào và lưu hồ sơ, biểu mẫu nào. "
        "Làm theo phiên bản đang có hiệu lực dưới đây; bản in hoặc bản lưu trên máy có thể đã cũ."
    ),
    "in_force_on": _("Quy trình đang áp dụng ngày {day}"),
    "citizen_procedures": _("Giải quyết thủ tục hành chính cho người dân, tổ chức"),
    "internal_processes": _("Quy trình nội bộ"),
    "none_in_force": _("Chưa có quy trình nào đã phê duyệt và đến ngày hiệu lực."),
    "upcoming": _("Sắp áp dụng hoặc đang soạn thảo"),
    "which_process": _("Cần làm việc gì thì theo quy trình nào?"),
    "need": _("Khi cần"),
    "follow": _("Theo quy trình"),
    "all_processes": _("Danh mục đầy đủ các quy trình, kể cả quy trình đã hết hiệu lực: {link}."),
    "officers": _("Dành cho cán bộ ISO và chuyên gia đánh giá"),
}


def label(key: str, lang: Lang, **args: object) -> str:
    """The word ``key`` of :data:`W` in ``lang``, with ``args`` filled in."""
    return W[key].get(lang).format(**args)
