"""ISO 9001:2015 clauses in the scope of the coverage matrix (``qms coverage``).

Titles follow TCVN ISO 9001:2015 (Vietnamese) and ISO 9001:2015 (English).
"""

from __future__ import annotations

from qms.i18n import Message

# Clause number -> title; the clauses an agency's process set is expected to evidence.
ISO9001_CLAUSES: dict[str, Message] = {
    "4.4": Message("Hệ thống quản lý chất lượng và các quá trình", "Quality management system and its processes"),
    "5.3": Message("Vai trò, trách nhiệm và quyền hạn trong tổ chức", "Organizational roles, responsibilities and authorities"),
    "6.1": Message("Hành động giải quyết rủi ro và cơ hội", "Actions to address risks and opportunities"),
    "6.2": Message("Mục tiêu chất lượng và hoạch định để đạt được mục tiêu", "Quality objectives and planning to achieve them"),
    "7.1": Message("Nguồn lực", "Resources"),
    "7.2": Message("Năng lực", "Competence"),
    "7.3": Message("Nhận thức", "Awareness"),
    "7.4": Message("Trao đổi thông tin", "Communication"),
    "7.5": Message("Thông tin dạng văn bản", "Documented information"),
    "8.1": Message("Hoạch định và kiểm soát việc thực hiện", "Operational planning and control"),
    "8.2": Message("Yêu cầu đối với sản phẩm và dịch vụ", "Requirements for products and services"),
    "8.3": Message("Thiết kế và phát triển sản phẩm và dịch vụ", "Design and development of products and services"),
    "8.4": Message(
        "Kiểm soát quá trình, sản phẩm và dịch vụ do bên ngoài cung cấp", "Control of externally provided processes, products and services"
    ),
    "8.5": Message("Sản xuất và cung cấp dịch vụ", "Production and service provision"),
    "8.6": Message("Thông qua sản phẩm và dịch vụ", "Release of products and services"),
    "8.7": Message("Kiểm soát đầu ra không phù hợp", "Control of nonconforming outputs"),
    "9.1": Message("Theo dõi, đo lường, phân tích và đánh giá", "Monitoring, measurement, analysis and evaluation"),
    "9.2": Message("Đánh giá nội bộ", "Internal audit"),
    "9.3": Message("Xem xét của lãnh đạo", "Management review"),
    "10.2": Message("Sự không phù hợp và hành động khắc phục", "Nonconformity and corrective action"),
}


def clause_in_scope(clause: str) -> str | None:
    """The in-scope clause a (sub)clause falls under: "8.5.1" -> "8.5", "4.4.1 b" -> "4.4"."""
    number = clause.split()[0].rstrip(")")
    parts = number.split(".")
    for size in range(len(parts), 0, -1):
        candidate = ".".join(parts[:size])
        if candidate in ISO9001_CLAUSES:
            return candidate
    return None
