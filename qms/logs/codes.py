"""The codes of problems found while importing a dossier log (family ``LOG``).

:data:`LOG_CODES` is the table :mod:`qms.codes` gathers (family ``"LOG"``). ``LOG001``–``LOG005`` stop a file
from being read at all; ``LOG010`` and up are about one row, which is then rejected (or, for ``LOG013``, kept
with a warning), so that every row read is either used or listed.
"""

from __future__ import annotations

from enum import StrEnum

from qms.diagnostics import CodeInfo, Severity
from qms.i18n import Message, _


class LogCode(StrEnum):
    FILE = "LOG001"  # missing, unreadable, empty, unsupported format, a malformed xlsx
    ENCODING = "LOG002"  # a CSV not saved as UTF-8
    MAPPING = "LOG003"  # the mapping file: unknown field, wrong type, bad shape
    COLUMN = "LOG004"  # a column the mapping (or the default names) needs is not in the file
    XML = "LOG005"  # an XES file that is not well-formed XML, or declares a DTD/entities
    ROW = "LOG006"  # a CSV row with too many or too few fields
    DATE = "LOG010"  # a date that no known format reads, or a required date that is empty
    MISSING_ID = "LOG011"  # no dossier id
    PROCEDURE = "LOG012"  # a procedure code not among the known ones
    ORDER = "LOG013"  # an event earlier than an event before it of the same dossier (warning)
    DUPLICATE = "LOG014"  # the same row again, or the same dossier twice with other values
    RETURNED_BEFORE = "LOG015"  # returned (or ended) before received
    CHANNEL = "LOG016"  # HinhThuc other than 1, 2, 3
    SUPPLEMENT = "LOG017"  # a supplement entry for a dossier the log does not have
    VALUE = "LOG018"  # a count that is not a whole number, a yes/no column that is neither


def _code(code: LogCode, title: Message, explanation: Message, fix: Message, severity: Severity = Severity.ERROR) -> CodeInfo:
    return CodeInfo.preview(code.value, "log", title, explanation, fix, severity)


LOG_CODES: tuple[CodeInfo, ...] = (
    _code(
        LogCode.FILE,
        _("tệp nhật ký không có, không đọc được, rỗng hoặc không phải CSV, XLSX, XES"),
        _("Nhật ký hồ sơ được đọc từ tệp CSV, Excel (.xlsx) hoặc XES; tệp khác, tệp rỗng hoặc hỏng không được đọc."),
        _("xuất lại nhật ký từ hệ thống một cửa dưới dạng CSV hoặc XLSX"),
    ),
    _code(
        LogCode.ENCODING,
        _("tệp CSV không được lưu bằng UTF-8"),
        _("Tệp CSV phải mã hoá UTF-8 (có hoặc không có BOM); tệp lưu bằng bảng mã cũ (Windows-1258, TCVN3, VNI) hiển thị sai dấu tiếng Việt."),
        _("mở tệp bằng Excel hoặc LibreOffice và lưu lại dạng «CSV UTF-8»"),
    ),
    _code(
        LogCode.MAPPING,
        _("tệp ánh xạ cột sai định dạng"),
        _("Tệp ánh xạ có các trường «shape» (dossier hoặc event), «columns» (tên trường → tên cột trong tệp) và «date_formats»."),
        _("xem mẫu trong docs/logs.md"),
    ),
    _code(
        LogCode.COLUMN,
        _("tệp nhật ký thiếu cột cần đọc"),
        _("Một cột mà tệp ánh xạ (hoặc tên cột mặc định) nêu ra không có trong dòng tiêu đề của tệp nhật ký."),
        _("sửa tên cột trong tệp ánh xạ cho khớp dòng tiêu đề"),
    ),
    _code(
        LogCode.XML,
        _("tệp XES không phải XML hợp lệ hoặc có khai báo DOCTYPE"),
        _("Tệp XES được đọc như XML thuần; khai báo DOCTYPE hoặc thực thể bị từ chối để tránh tấn công (billion laughs, XXE)."),
        _("xuất lại tệp XES từ công cụ khai phá quy trình"),
    ),
    _code(
        LogCode.ROW,
        _("dòng CSV có số trường khác dòng tiêu đề"),
        _("Dòng có nhiều hoặc ít trường hơn dòng tiêu đề, thường do dấu phân cách nằm trong giá trị mà không có ngoặc kép."),
        _("đặt giá trị có dấu phân cách trong ngoặc kép, hoặc xuất lại tệp"),
    ),
    _code(
        LogCode.DATE,
        _("ngày giờ không đọc được hoặc bị bỏ trống"),
        _("Ngày giờ được viết dạng yyyyMMddHHmmss, dd/mm/yyyy HH:MM[:SS], dd/mm/yyyy, ISO 8601 hoặc số ngày kiểu Excel."),
        _("sửa giá trị, hoặc khai báo định dạng trong «date_formats» của tệp ánh xạ"),
    ),
    _code(
        LogCode.MISSING_ID,
        _("dòng không có mã hồ sơ"),
        _("Mỗi dòng phải nêu mã hồ sơ (MaHoSo) để được gắn với một hồ sơ."),
        _("điền mã hồ sơ hoặc xoá dòng trong bản xuất"),
    ),
    _code(
        LogCode.PROCEDURE,
        _("mã thủ tục hành chính không có trong danh mục"),
        _("Mã thủ tục (MaTTHC) của hồ sơ không thuộc danh sách mã thủ tục đã biết."),
        _("kiểm tra mã thủ tục so với Cơ sở dữ liệu quốc gia về TTHC"),
    ),
    _code(
        LogCode.ORDER,
        _("bước xử lý có thời điểm sớm hơn bước ghi trước nó của cùng hồ sơ"),
        _("Các bước của một hồ sơ được ghi theo thứ tự thời gian; một bước sớm hơn bước trước đó vẫn được dùng (sắp xếp lại theo thời điểm)."),
        _("kiểm tra đồng hồ của hệ thống hoặc thời điểm xử lý đã ghi"),
        Severity.WARNING,
    ),
    _code(
        LogCode.DUPLICATE,
        _("dòng trùng lặp hoặc hồ sơ xuất hiện hai lần"),
        _("Một dòng giống hệt một dòng trước đó, hoặc cùng mã hồ sơ có hai dòng với giá trị khác nhau; chỉ dòng đầu tiên được dùng."),
        _("xoá dòng trùng trong bản xuất, hoặc kiểm tra hồ sơ nào đúng"),
    ),
    _code(
        LogCode.RETURNED_BEFORE,
        _("một mốc thời gian sớm hơn mốc phải có trước nó"),
        _(
            "Hồ sơ không thể được trả kết quả, kết thúc xử lý, từ chối hay xin lỗi trước khi được tiếp nhận, "
            "và bổ sung không thể được nhận lại trước khi được yêu cầu."
        ),
        _("kiểm tra hai mốc thời gian của hồ sơ"),
    ),
    _code(
        LogCode.CHANNEL,
        _("hình thức tiếp nhận không phải 1, 2 hoặc 3"),
        _("HinhThuc là 1 (trực tiếp), 2 (trực tuyến) hoặc 3 (bưu chính)."),
        _("sửa giá trị thành 1, 2 hoặc 3"),
    ),
    _code(
        LogCode.SUPPLEMENT,
        _("mục bổ sung hồ sơ cho một hồ sơ không có trong nhật ký"),
        _("Mục bổ sung (NgayHenTraTruoc, NgayHenTraMoi) phải thuộc một hồ sơ có dòng riêng trong nhật ký."),
        _("xuất cả dòng hồ sơ, hoặc kiểm tra mã hồ sơ của mục bổ sung"),
    ),
    _code(
        LogCode.VALUE,
        _("giá trị không đúng kiểu của cột"),
        _("SoLanBoSung là một số nguyên từ 0; CoThuXinLoi và KetQuaDienTu là 1 hoặc 0 (có/không, true/false)."),
        _("sửa giá trị trong bản xuất, hoặc để trống nếu không có"),
    ),
)
