from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.citizen import StatedServiceField
from qms.rules.example_files import read_example


class CitizenFees(StatedServiceField):
    code = "QMS705"
    name = "citizen-fees"
    severity = Severity.WARNING
    iso18091 = ("integrity",)
    field = "fees"
    title = Message(
        "Quy trình phục vụ người dân nêu rõ phí, lệ phí (kể cả khi không thu)",
        "A citizen-facing process states its fees (including when there are none)",
    )
    message = Message(
        "quy trình phục vụ người dân chưa nêu phí, lệ phí («citizen_service.fees»)",
        "the citizen-facing process does not state its fees («citizen_service.fees»)",
    )
    rationale = Message(
        "Người dân chỉ nộp đúng khoản phí, lệ phí đã công bố; nêu rõ mức thu (hoặc «không thu») và cách nộp trong quy trình "
        "là cơ sở để phát hiện khoản thu ngoài quy định, một biểu hiện thiếu liêm chính mà ISO 18091 hướng chính quyền địa "
        "phương phòng ngừa (nhóm «liêm chính» là cách bộ công cụ nhóm các chủ đề của tiêu chuẩn [chưa xác minh / unconfirmed]).",
        "Citizens pay only the published fees; stating the amount (or «no fee») and how to pay in the process is what lets "
        "anyone spot a charge outside the rules, a lapse of integrity ISO 18091 helps local government prevent (the "
        "«integrity» area is the toolkit's grouping of the standard's themes [chưa xác minh / unconfirmed]).",
    )
    fix = Message(
        "ghi «citizen_service.fees»: mức phí, lệ phí theo quyết định công bố TTHC, hoặc «Không thu phí, lệ phí»",
        "fill in «citizen_service.fees»: the fees set by the published procedure, or «No fee»",
    )
    example = read_example(__file__, "QMS705")
