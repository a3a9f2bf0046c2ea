"""The codes of what an audit against criteria reports (family ``AUD``).

:data:`AUDIT_CODES` is the table :mod:`qms.codes` gathers. A code says what the auditor has to do next: a
finding (``AUD001``) goes into the audit report; a process file that does not load (``AUD005``) goes back to
its owner; everything else is about the criteria or the run, and says nothing about the processes. The
process files' own load errors keep the loader's codes (``QMS0xx``).
"""

from __future__ import annotations

from enum import StrEnum

from qms.diagnostics import CodeInfo
from qms.i18n import Message, _


class AuditCode(StrEnum):
    NOT_MET = "AUD001"  # a finding: the process falls short of the criterion (a nonconformity or an observation)
    UNKNOWN_STEP = "AUD002"  # a step whose text matches no phrase of the step library
    CRITERION = "AUD003"  # a criterion that cannot be evaluated as written: bad value, unknown rule, no process chosen, no steps
    NO_PROCESS = "AUD004"  # the process a criterion names is not in the folder under audit
    PROCESS_FILE = "AUD005"  # the file of the process a criterion names has errors and did not load
    CRITERIA_FILE = "AUD006"  # a criteria file that is missing, unreadable, empty or not Gherkin
    DUPLICATE_SCENARIO = "AUD007"  # two scenarios of one file share a name: only the last runs
    CODE_REFUSED = "AUD008"  # Python files come with the criteria and were not run
    STEP_CRASHED = "AUD009"  # a step's code, or code beside the criteria, failed with an unexpected error
    RUN_FAILED = "AUD010"  # the run itself failed: pytest stopped (a wrong --tags expression), a wrong rule configuration


def _code(code: AuditCode, title: Message, explanation: Message, fix: Message) -> CodeInfo:
    return CodeInfo.preview(code.value, "audit", title, explanation, fix)


AUDIT_CODES: tuple[CodeInfo, ...] = (
    _code(
        AuditCode.NOT_MET,
        _("quy trình không đáp ứng tiêu chí đánh giá"),
        _(
            "Một bước của tiêu chí không đạt trên quy trình được đánh giá: đây là phát hiện, ghi vào báo cáo kèm bằng chứng "
            "(tệp và dòng của quy trình). Là điểm không phù hợp (mức lỗi), hoặc khuyến nghị (mức cảnh báo) khi tiêu chí "
            "có thẻ @khuyen-nghi / @observation."
        ),
        _("sửa quy trình tại dòng được chỉ ra (hoặc lập hành động khắc phục), rồi đánh giá lại"),
    ),
    _code(
        AuditCode.UNKNOWN_STEP,
        _("bước của tiêu chí không khớp với câu nào của thư viện bước"),
        _(
            "Câu sau từ khoá (Biết, Khi, Thì, Và…) không trùng với câu nào của thư viện bước trong ngôn ngữ của tệp, nên tiêu "
            "chí không đánh giá được; báo cáo nêu các câu gần nhất. Không nói gì về quy trình."
        ),
        _("viết lại bước theo một câu của thư viện (danh sách trong features/README.md); kiểm tra dấu tiếng Việt và ngoặc kép"),
    ),
    _code(
        AuditCode.CRITERION,
        _("tiêu chí không đánh giá được như đã viết"),
        _(
            "Tiêu chí viết sai: giá trị không đọc được (thời lượng «5 ngay», trạng thái hay mức không có), mã quy tắc không "
            "tồn tại, kịch bản chưa chọn quy trình, hoặc kịch bản không có bước nào. Không nói gì về quy trình."
        ),
        _('sửa tiêu chí theo gợi ý; mỗi kịch bản bắt đầu bằng «Biết quy trình "MÃ"»'),
    ),
    _code(
        AuditCode.NO_PROCESS,
        _("quy trình được tiêu chí nêu tên không có trong thư mục đánh giá"),
        _("Không có quy trình nào mang mã đó trong thư mục quy trình đang đánh giá: mã viết sai, hoặc chọn nhầm thư mục."),
        _("sửa mã quy trình trong tiêu chí, hoặc chọn thư mục bằng --processes (--qms-processes, biến môi trường QMS_PROCESSES)"),
    ),
    _code(
        AuditCode.PROCESS_FILE,
        _("tệp của quy trình được đánh giá có lỗi nên chưa đánh giá được"),
        _(
            "Quy trình được tiêu chí nêu tên có trong thư mục nhưng tệp của nó không đọc được (lỗi QMS0xx): tiêu chí không "
            "đạt vì quy trình chưa được lập thành văn bản hợp lệ; lỗi đọc tệp được liệt kê trong báo cáo."
        ),
        _("sửa lỗi của tệp quy trình bằng «qms validate» rồi đánh giá lại"),
    ),
    _code(
        AuditCode.CRITERIA_FILE,
        _("tệp tiêu chí không có, không đọc được hoặc không đúng cú pháp Gherkin"),
        _(
            "Tệp .feature không có, không mở được, rỗng, hoặc không đọc được như Gherkin (thiếu dòng «# language: vi», dùng "
            "«Ví dụ:» thay cho «Dữ liệu:»…): các tiêu chí của nó không chạy, các tệp khác vẫn chạy."
        ),
        _(
            "tệp tiếng Việt bắt đầu bằng «# language: vi»; từ khoá: Tính năng, Bối cảnh, Kịch bản (Tình huống), "
            "Khung kịch bản, Dữ liệu, Biết (Cho), Khi, Thì, Và, Nhưng"
        ),
    ),
    _code(
        AuditCode.DUPLICATE_SCENARIO,
        _("hai kịch bản cùng tên trong một tệp tiêu chí"),
        _("Hai kịch bản của một tệp có cùng tên: chỉ kịch bản sau được chạy, kịch bản trước bị bỏ qua mà không ai biết."),
        _("đặt tên riêng cho mỗi kịch bản"),
    ),
    _code(
        AuditCode.CODE_REFUSED,
        _("tệp mã Python đi kèm tiêu chí nên tiêu chí không được chạy"),
        _(
            "Thư mục tiêu chí có tệp .py (conftest.py, __init__.py…) mà pytest sẽ tự chạy. Tiêu chí có thể đến từ bên ngoài "
            "và chỉ gồm tệp .feature, nên «qms audit» không chạy tiêu chí nào thay vì chạy mã đó."
        ),
        _(
            "tiêu chí chỉ gồm tệp .feature: xoá tệp đó hoặc chuyển ra khỏi thư mục tiêu chí. Nếu đó là câu riêng do chính "
            "đơn vị viết và đã xem xét, chạy lại với --allow-code: mã đó sẽ chạy với quyền của người chạy lệnh"
        ),
    ),
    _code(
        AuditCode.STEP_CRASHED,
        _("mã của một bước hoặc mã đi kèm tiêu chí gặp lỗi bất ngờ"),
        _(
            "Một bước dừng vì lỗi lập trình (không phải vì quy trình thiếu sót), hoặc mã đi kèm tiêu chí (conftest.py, chạy "
            "với --allow-code) không nạp được: tiêu chí không đánh giá được và không nói gì về quy trình."
        ),
        _("sửa mã của câu riêng (conftest.py); nếu lỗi ở câu của thư viện bước, báo lỗi cho người phát triển qms"),
    ),
    _code(
        AuditCode.RUN_FAILED,
        _("lần đánh giá không chạy được"),
        _(
            "Không chạy được các tiêu chí: pytest dừng trước khi chạy (biểu thức --tags sai, tuỳ chọn sai), hoặc cấu hình "
            "quy tắc của dự án ([tool.qms] trong pyproject.toml, qms.toml) sai."
        ),
        _("sửa lệnh hoặc cấu hình theo dòng lỗi pytest in ra, rồi chạy lại"),
    ),
)

__all__ = ["AUDIT_CODES", "AuditCode"]
