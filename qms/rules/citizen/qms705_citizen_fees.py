from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.citizen import StatedServiceField
from qms.rules.example_files import read_example


class CitizenFees(StatedServiceField):
    code = "QMS705"
    name = "citizen-fees"
    severity = Severity.WARNING
    iso18091 = ("integrity",)
    field = "fees"
    title = pgettext(
        "QMS705",
        "Quy trình phục vụ người dân nêu rõ phí, lệ phí (kể cả khi không thu)",
    )
    message = pgettext(
        "QMS705",
        "quy trình phục vụ người dân chưa nêu phí, lệ phí («citizen_service.fees»)",
    )
    rationale = pgettext(
        "QMS705",
        "Người dân chỉ nộp đúng khoản phí, lệ phí đã công bố; nêu rõ mức thu (hoặc «không thu») và cách nộp trong quy trình "
        "là cơ sở để phát hiện khoản thu ngoài quy định, một biểu hiện thiếu liêm chính mà ISO 18091 hướng chính quyền địa "
        "phương phòng ngừa (nhóm «liêm chính» là cách bộ công cụ nhóm các chủ đề của tiêu chuẩn [chưa xác minh / unconfirmed]).",
    )
    fix = pgettext(
        "QMS705",
        "ghi «citizen_service.fees»: mức phí, lệ phí theo quyết định công bố TTHC, hoặc «Không thu phí, lệ phí»",
    )
    example = read_example(__file__, "QMS705")
