"""The codes of what the BPMN import reports (family ``BPM``): files it cannot read, and notes on what it changed.

:data:`BPMN_CODES` is the table :mod:`qms.codes` gathers (family ``"BPM"``).
Every :class:`~qms.bpmn.common.BpmnError` and every
:class:`~qms.bpmn.common.ImportNote` carries one :class:`BpmnCode`, and its
severity is the code's: a note cannot be made without a registered code.

* ``BPM001``–``BPM008``: errors, nothing is written (the file cannot be read
  as BPMN, is unsafe, or the target cannot be written);
* ``BPM010``–``BPM017``: warnings, the result needs review (what did not map,
  what was dropped, a placeholder given);
* ``BPM020``–``BPM029``: information, a harmless adjustment or guess;
* ``BPM030``–``BPM032``: warnings about the qms data that an export stores in
  the file (``<qms:meta>``, ``<qms:step>``).
"""

from __future__ import annotations

from enum import StrEnum

from qms.diagnostics import CodeInfo, Severity
from qms.i18n import Message, _


class BpmnCode(StrEnum):
    # The file cannot be imported (errors).
    FILE = "BPM001"  # cannot be read, empty
    XML = "BPM002"  # not well-formed XML, a character XML does not allow, an unknown encoding
    DOCTYPE = "BPM003"  # a DOCTYPE or entity declaration (billion laughs, XXE)
    LIMIT = "BPM004"  # too large, nested too deeply, an attribute or a text too long
    NOT_BPMN = "BPM005"  # the root is not BPMN 2.0 definitions
    NO_PROCESS = "BPM006"  # no process with flow nodes
    OUTPUT = "BPM007"  # the target file exists or cannot be written
    BAD_CODE = "BPM008"  # the process code given is not one
    # What did not map (warnings).
    LEFT_OUT = "BPM010"  # boundary events, message flows, an expanded sub-process's content, unknown elements
    AS_TASK = "BPM011"  # intermediate events, calls without a process code
    FLOW_DROPPED = "BPM012"  # flows to nothing, out of an end, beyond the first out of a task
    GATEWAY = "BPM013"  # parallel, inclusive... gateways become decisions
    END_ADDED = "BPM014"  # an end step added after a step without a way out, a gateway turned into an end
    PLACEHOLDER = "BPM015"  # a process, lane, task, gateway or branch without a name
    NO_ROLE = "BPM016"  # a step in no lane
    CHARACTERS = "BPM017"  # characters YAML cannot hold removed or replaced
    # Harmless adjustments and guesses (information).
    OTHER_PROCESS = "BPM020"  # other pools and processes left out
    ARTIFACT = "BPM021"  # data objects, stores, annotations, groups
    EVENT_TYPE = "BPM022"  # a timer or message start, an error end...: its type ignored
    JOIN = "BPM023"  # a gateway that only joins, dropped
    CODE_DERIVED = "BPM024"  # the process code derived from the file
    ROLES_GUESSED = "BPM025"  # nested lanes, no lanes, a step placed in a lane by where it is drawn
    NO_START_END = "BPM026"  # no start event, or no end event
    TRANSLATION = "BPM027"  # a name edited in the modeler; the other language's text kept
    FILE_RENAMED = "BPM028"  # the YAML file not named CODE.yaml
    EVENT_NAMED = "BPM029"  # a start or end event without a name, named «Bắt đầu» / «Kết thúc»
    # The qms data stored in the file (warnings).
    META_UNREADABLE = "BPM030"  # not JSON, too deep, not a mapping, or not fitting the diagram: all of it dropped
    META_INVALID = "BPM031"  # one part of it dropped or replaced by a default
    META_VANISHED = "BPM032"  # a reference to a step or record that is gone


def _code(code: BpmnCode, severity: Severity, title: Message, explanation: Message, fix: Message) -> CodeInfo:
    return CodeInfo.preview(code.value, "bpmn", title, explanation, fix, severity)


_META_FIX = _("dữ liệu này do qms ghi khi xuất BPMN; nếu đã sửa tay phần <qms:meta>, hãy xuất lại từ tệp YAML gốc")
_ERROR, _WARNING, _INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_ERRORS: tuple[CodeInfo, ...] = (
    _code(
        BpmnCode.FILE,
        _ERROR,
        _("tệp BPMN không đọc được hoặc rỗng"),
        _("Tệp được chỉ ra không mở được (không có quyền đọc, lỗi ổ đĩa) hoặc không có nội dung: không có gì để nhập."),
        _("kiểm tra đường dẫn và quyền đọc; lưu lại sơ đồ từ Camunda Modeler hoặc bpmn.io"),
    ),
    _code(
        BpmnCode.XML,
        _ERROR,
        _("tệp BPMN không phải XML hợp lệ"),
        _(
            "Trình đọc XML dừng ở vị trí được chỉ ra: thẻ chưa đóng, thiếu dấu ngoặc kép, ký tự XML 1.0 không cho phép (ký tự "
            "điều khiển) hoặc bảng mã không đọc được. Tệp do Camunda Modeler hay bpmn.io lưu luôn là XML hợp lệ; lỗi thường do "
            "sửa tay hoặc tệp bị cắt cụt."
        ),
        _("mở tệp bằng Camunda Modeler hoặc bpmn.io và lưu lại; nếu sửa tay, sửa ở dòng và cột được chỉ ra"),
    ),
    _code(
        BpmnCode.DOCTYPE,
        _ERROR,
        _("tệp BPMN có khai báo DOCTYPE hoặc thực thể XML"),
        _(
            "Khai báo <!DOCTYPE> và thực thể XML là cách tấn công thường gặp vào trình đọc XML (billion laughs: thực thể mở rộng "
            "thành hàng tỷ ký tự; XXE: thực thể đọc tệp trên máy). BPMN không dùng chúng và công cụ vẽ BPMN không bao giờ ghi "
            "chúng, nên tệp bị từ chối trước khi bất kỳ thực thể nào được đọc."
        ),
        _("xoá khai báo <!DOCTYPE ...> ở đầu tệp, hoặc mở tệp bằng Camunda Modeler/bpmn.io và lưu lại"),
    ),
    _code(
        BpmnCode.LIMIT,
        _ERROR,
        _("tệp BPMN vượt giới hạn an toàn: quá lớn, lồng quá sâu, thuộc tính hoặc văn bản quá dài"),
        _(
            "Để một tệp từ bên ngoài không làm cạn bộ nhớ hay treo máy, trình đọc giới hạn kích thước tệp, độ lồng nhau của XML, "
            "độ dài một giá trị thuộc tính và văn bản của một phần tử; thông báo nêu giới hạn bị vượt. Sơ đồ thật không bao giờ "
            "chạm tới các giới hạn này."
        ),
        _("xuất lại sơ đồ từ công cụ vẽ; không nhập tệp không rõ nguồn gốc"),
    ),
    _code(
        BpmnCode.NOT_BPMN,
        _ERROR,
        _("tệp không phải BPMN 2.0"),
        _(
            "Tệp là XML nhưng phần tử gốc không phải «definitions» thuộc không gian tên của BPMN 2.0 "
            "(http://www.omg.org/spec/BPMN/20100524/MODEL): có thể là một tệp XML khác, hoặc BPMN 1.x, XPDL."
        ),
        _("lưu sơ đồ dưới dạng BPMN 2.0 (.bpmn) từ Camunda Modeler, bpmn.io hoặc công cụ vẽ khác"),
    ),
    _code(
        BpmnCode.NO_PROCESS,
        _ERROR,
        _("tệp BPMN không có quy trình (process) nào có bước"),
        _(
            "Không có «process» nào chứa sự kiện, công việc hay cổng (chỉ có bể rỗng, chỉ có cộng tác, hoặc không phần tử nào "
            "nhập được), nên không có bước nào để ghi."
        ),
        _("vẽ ít nhất một sự kiện bắt đầu, một công việc và một sự kiện kết thúc trong bể (pool) của quy trình"),
    ),
    _code(
        BpmnCode.OUTPUT,
        _ERROR,
        _("tệp quy trình đích đã có hoặc không ghi được"),
        _(
            "Lệnh nhập không bao giờ ghi đè: nếu MÃ.yaml (hoặc MÃ.yml) đã có trong thư mục đích thì không có gì được ghi. "
            "Lỗi khi ghi (thư mục chỉ đọc, hết chỗ trống) cũng được báo bằng mã này."
        ),
        _("chọn thư mục khác bằng --out, đặt mã khác bằng --code, hoặc xoá tệp cũ nếu muốn nhập lại"),
    ),
    _code(
        BpmnCode.BAD_CODE,
        _ERROR,
        _("mã quy trình được chỉ định không hợp lệ"),
        _(
            "Mã quy trình đưa cho lệnh nhập (--code, hoặc tham số code của hàm nhập) chỉ gồm chữ in hoa không dấu, chữ số, "
            "«-» và «.»; nó cũng là tên tệp được ghi."
        ),
        _("dùng mã dạng QT-TTHC-01"),
    ),
)

_MAPPING: tuple[CodeInfo, ...] = (
    _code(
        BpmnCode.LEFT_OUT,
        _WARNING,
        _("phần tử BPMN không có chỗ trong định dạng quy trình nên bị bỏ qua"),
        _(
            "Sự kiện biên (hết giờ, lỗi gắn vào một công việc), luồng thông điệp giữa các bể, nội dung bên trong một quy trình con "
            "mở rộng và các phần tử BPMN không được hỗ trợ không có trong định dạng quy trình; chúng không được nhập, nên quy "
            "trình đã nhập có thể thiếu một đường xử lý."
        ),
        _("diễn đạt điều phần tử đó muốn nói bằng bước, nhánh quyết định hoặc một quy trình riêng, hoặc ghi vào mô tả bước"),
    ),
    _code(
        BpmnCode.AS_TASK,
        _WARNING,
        _("phần tử BPMN được chuyển thành bước công việc"),
        _(
            "Sự kiện trung gian (chờ, hẹn giờ, gửi hay nhận thông điệp), hoạt động gọi không chỉ ra mã quy trình hợp lệ và quy "
            "trình con không gọi quy trình nào trở thành bước công việc thường: luồng được giữ, ý nghĩa riêng (chờ, gọi quy "
            "trình khác) thì mất."
        ),
        _("kiểm tra bước trong tệp YAML: đặt thời hạn cho bước chờ, hoặc «type: subprocess» với «calls: MÃ» cho bước gọi quy trình khác"),
    ),
    _code(
        BpmnCode.FLOW_DROPPED,
        _WARNING,
        _("luồng tuần tự bị bỏ"),
        _(
            "Luồng nối tới phần tử không được nhập hoặc không có, luồng đi ra từ sự kiện kết thúc và các luồng đi ra thêm từ một "
            "bước không phải cổng quyết định (bước thường chỉ có một bước sau) bị bỏ; một đường đi trên sơ đồ có thể không còn."
        ),
        _("vẽ cổng quyết định (exclusive gateway) ở chỗ quy trình rẽ nhánh, nối lại các luồng trên sơ đồ rồi nhập lại"),
    ),
    _code(
        BpmnCode.GATEWAY,
        _WARNING,
        _("cổng song song, bao hàm hoặc cổng khác trở thành bước quyết định chọn một nhánh"),
        _(
            "Định dạng quy trình chỉ có bước quyết định chọn đúng một nhánh: cổng song song, bao hàm, theo sự kiện hay phức hợp "
            "tách nhánh được chuyển thành bước quyết định, nên các nhánh vốn làm đồng thời nay là những lựa chọn."
        ),
        _("viết các việc song song thành các bước nối tiếp hoặc một quy trình con, và đặt nhãn cho các nhánh của quyết định"),
    ),
    _code(
        BpmnCode.END_ADDED,
        _WARNING,
        _("bước không có lối ra được nối tới một bước kết thúc"),
        _(
            "Mỗi bước phải dẫn tới bước sau hoặc là bước kết thúc: một bước không có luồng đi ra được nối tới một bước kết thúc "
            "mới, một cổng không có luồng đi ra trở thành bước kết thúc, để quy trình hợp lệ."
        ),
        _("nối luồng đi ra cho bước trên sơ đồ, hoặc giữ bước kết thúc nếu quy trình đúng là dừng ở đó"),
    ),
    _code(
        BpmnCode.PLACEHOLDER,
        _WARNING,
        _("thiếu tên hoặc nhãn nên được đặt tên tạm"),
        _(
            "Quy trình, làn, công việc, cổng hoặc nhánh của một quyết định không có tên trên sơ đồ; định dạng quy trình cần tên, "
            "nên một tên tạm (mã quy trình, «Người thực hiện 1», «Công việc», «Nhánh 1») được đặt."
        ),
        _("đặt tên trên sơ đồ rồi nhập lại, hoặc sửa tên trong tệp YAML"),
    ),
    _code(
        BpmnCode.NO_ROLE,
        _WARNING,
        _("bước không thuộc làn nào nên chưa có vai trò"),
        _(
            "Vai trò của một bước lấy từ làn (lane) chứa nó; bước không được liệt kê trong làn nào và không nằm trong làn nào "
            "trên hình vẽ thì không có vai trò."
        ),
        _("kéo bước vào một làn trên sơ đồ, hoặc thêm «role:» cho bước trong tệp YAML"),
    ),
    _code(
        BpmnCode.CHARACTERS,
        _WARNING,
        _("ký tự tệp YAML không chứa được đã bị bỏ hoặc thay"),
        _(
            "Ký tự điều khiển (trừ tab và xuống dòng), nửa cặp thay thế (surrogate) và U+FFFE, U+FFFF bị bỏ; ký tự ngắt dòng "
            "U+0085, U+2028, U+2029 thành dấu cách trong tên và xuống dòng thường trong văn bản."
        ),
        _("kiểm tra lại tên, mô tả trong tệp YAML; các ký tự này thường do dán từ tài liệu khác"),
    ),
)

_ADJUSTMENTS: tuple[CodeInfo, ...] = (
    _code(
        BpmnCode.OTHER_PROCESS,
        _INFO,
        _("chỉ nhập một quy trình; các bể và quy trình khác bị bỏ qua"),
        _(
            "Một tệp quy trình mô tả một quy trình: quy trình của bể đầu tiên có bước được nhập; các bể khác (người dân, cơ "
            "quan khác) và quy trình khác trong cộng tác thì không."
        ),
        _("nếu cần, nhập mỗi quy trình từ một tệp BPMN riêng"),
    ),
    _code(
        BpmnCode.ARTIFACT,
        _INFO,
        _("đối tượng dữ liệu, kho dữ liệu, chú thích hoặc nhóm không được nhập"),
        _("Những phần tử này không phải bước; điều chúng nói (giấy tờ, hồ sơ, ghi chú) thuộc về các trường của bước."),
        _("ghi nội dung vào đầu vào, đầu ra, hồ sơ hoặc mô tả bước nếu cần"),
    ),
    _code(
        BpmnCode.EVENT_TYPE,
        _INFO,
        _("kiểu của sự kiện bắt đầu hoặc kết thúc bị bỏ qua"),
        _(
            "Sự kiện bắt đầu theo thông điệp hay hẹn giờ, sự kiện kết thúc có lỗi hay chấm dứt: định dạng quy trình chỉ có bước "
            "bắt đầu và bước kết thúc thường."
        ),
        _("ghi điều kiện bắt đầu hay kết thúc vào mô tả bước nếu nó quan trọng"),
    ),
    _code(
        BpmnCode.JOIN,
        _INFO,
        _("cổng chỉ dùng để hợp nhánh được bỏ"),
        _("Một cổng chỉ có một luồng đi ra chỉ gộp các nhánh lại: các luồng vào nó đi thẳng tới bước sau, không mất gì."),
        _("không cần sửa; kiểm tra các nhánh dẫn tới đúng bước sau"),
    ),
    _code(
        BpmnCode.CODE_DERIVED,
        _INFO,
        _("mã quy trình được suy ra từ tệp BPMN"),
        _(
            "Tệp không có mã do qms lưu và lệnh không được cho --code: mã lấy từ id của quy trình (bỏ «Process_»), hoặc từ tên "
            "bể hay quy trình, hoặc là QT-BPMN."
        ),
        _("đặt mã bằng --code khi nhập, hoặc sửa «code:» và tên tệp sau khi nhập"),
    ),
    _code(
        BpmnCode.ROLES_GUESSED,
        _INFO,
        _("vai trò được suy ra từ các làn hoặc từ hình vẽ"),
        _(
            "Làn lồng nhau cho mỗi làn con một vai trò; sơ đồ không có làn giao mọi bước cho một vai trò (tên bể hoặc quy "
            "trình); bước không được liệt kê trong làn nào được xếp vào làn chứa nó trên hình vẽ."
        ),
        _("kiểm tra «roles:» và «role:» của các bước trong tệp YAML"),
    ),
    _code(
        BpmnCode.NO_START_END,
        _INFO,
        _("quy trình không có sự kiện bắt đầu hoặc không có sự kiện kết thúc"),
        _(
            "Sơ đồ không vẽ sự kiện bắt đầu (hoặc kết thúc); các quy tắc của qms check báo nếu quy trình đã nhập thiếu bước "
            "bắt đầu hay bước kết thúc."
        ),
        _("vẽ sự kiện bắt đầu và kết thúc trên sơ đồ, hoặc đặt «type: start» / «type: end» cho bước trong tệp YAML"),
    ),
    _code(
        BpmnCode.TRANSLATION,
        _INFO,
        _("tên đã sửa trong BPMN; bản dịch cũ được giữ lại"),
        _(
            "Khi xuất, qms lưu tên bằng cả hai ngôn ngữ; sơ đồ chỉ hiện một. Khi tên trên sơ đồ được sửa, bản bằng ngôn ngữ kia "
            "được giữ nguyên và có thể không còn khớp."
        ),
        _("cập nhật bản dịch trong tệp YAML"),
    ),
    _code(
        BpmnCode.FILE_RENAMED,
        _INFO,
        _("tệp được đặt tên khác với mã quy trình"),
        _(
            "Tên tệp lấy từ mã quy trình; khi mã có ký tự không dùng được trong tên tệp, hoặc là tên Windows dành cho thiết bị "
            "(CON, NUL, COM1...), tên tệp được sửa còn mã quy trình giữ nguyên."
        ),
        _("đặt mã khác bằng --code nếu muốn tên tệp trùng với mã"),
    ),
    _code(
        BpmnCode.EVENT_NAMED,
        _INFO,
        _("sự kiện bắt đầu hoặc kết thúc không tên được đặt tên mặc định"),
        _("Sự kiện bắt đầu hay kết thúc không có tên trên sơ đồ được gọi là «Bắt đầu» hoặc «Kết thúc»."),
        _("đặt tên cho sự kiện trên sơ đồ nếu muốn tên rõ hơn (ví dụ «Nhận hồ sơ»)"),
    ),
)

_META: tuple[CodeInfo, ...] = (
    _code(
        BpmnCode.META_UNREADABLE,
        _WARNING,
        _("dữ liệu qms trong tệp BPMN không dùng được; chỉ dùng phần BPMN"),
        _(
            "Khi xuất, qms ghi dữ liệu của quy trình (hai ngôn ngữ, thời hạn, hồ sơ, kiểm soát tài liệu) vào <qms:meta>. Khi dữ "
            "liệu này không phải JSON, lồng quá sâu, không phải một ánh xạ, hoặc các bước và vai trò nó cho không hợp với sơ "
            "đồ, nó bị bỏ toàn bộ: quy trình được nhập từ sơ đồ và mất những gì sơ đồ không vẽ."
        ),
        _META_FIX,
    ),
    _code(
        BpmnCode.META_INVALID,
        _WARNING,
        _("một phần dữ liệu qms không hợp lệ nên bị bỏ hoặc thay bằng giá trị mặc định"),
        _(
            "Một trường trong dữ liệu qms của quy trình hay của một bước có dạng sai (danh sách ở chỗ cần văn bản), giá trị "
            "không dùng được, hoặc không đọc được như qms validate đọc: phần nhỏ nhất quanh nó bị bỏ (trường bắt buộc nhận giá "
            "trị mặc định), phần còn lại vẫn được nhập."
        ),
        _META_FIX,
    ),
    _code(
        BpmnCode.META_VANISHED,
        _WARNING,
        _("dữ liệu qms tham chiếu bước hoặc hồ sơ không còn; đã bỏ tham chiếu"),
        _(
            "Sơ đồ đã được sửa sau khi xuất (một bước bị xoá): rủi ro, đồng hồ thời hạn, trường hợp thời hạn, miễn áp dụng còn "
            "nhắc tới bước đó, hoặc một bước ghi hồ sơ chưa được khai báo; các tham chiếu này bị bỏ."
        ),
        _("kiểm tra «risks», «clock», «deadline_cases», «waivers» và «records» trong tệp YAML; gắn lại vào bước mới nếu cần"),
    ),
)

BPMN_CODES: tuple[CodeInfo, ...] = (*_ERRORS, *_MAPPING, *_ADJUSTMENTS, *_META)

SEVERITY: dict[BpmnCode, Severity] = {BpmnCode(info.code): info.severity for info in BPMN_CODES}

__all__ = ["BPMN_CODES", "SEVERITY", "BpmnCode"]
