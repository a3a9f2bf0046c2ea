"""ISO 9001:2015 clauses in the scope of the coverage matrix (``qms coverage``).

Titles follow TCVN ISO 9001:2015 (Vietnamese) and ISO 9001:2015 (English).
"""

from __future__ import annotations

from qms.i18n import Message, _

# Clause number -> title; the clauses an agency's process set is expected to evidence.
ISO9001_CLAUSES: dict[str, Message] = {
    "4.4": _("Hệ thống quản lý chất lượng và các quá trình"),
    "5.3": _("Vai trò, trách nhiệm và quyền hạn trong tổ chức"),
    "6.1": _("Hành động giải quyết rủi ro và cơ hội"),
    "6.2": _("Mục tiêu chất lượng và hoạch định để đạt được mục tiêu"),
    "7.1": _("Nguồn lực"),
    "7.2": _("Năng lực"),
    "7.3": _("Nhận thức"),
    "7.4": _("Trao đổi thông tin"),
    "7.5": _("Thông tin dạng văn bản"),
    "8.1": _("Hoạch định và kiểm soát việc thực hiện"),
    "8.2": _("Yêu cầu đối với sản phẩm và dịch vụ"),
    "8.3": _("Thiết kế và phát triển sản phẩm và dịch vụ"),
    "8.4": _("Kiểm soát quá trình, sản phẩm và dịch vụ do bên ngoài cung cấp"),
    "8.5": _("Sản xuất và cung cấp dịch vụ"),
    "8.6": _("Thông qua sản phẩm và dịch vụ"),
    "8.7": _("Kiểm soát đầu ra không phù hợp"),
    "9.1": _("Theo dõi, đo lường, phân tích và đánh giá"),
    "9.2": _("Đánh giá nội bộ"),
    "9.3": _("Xem xét của lãnh đạo"),
    "10.2": _("Sự không phù hợp và hành động khắc phục"),
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
