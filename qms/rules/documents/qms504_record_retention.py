from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# The two facts 7.5.3.2 asks of every record, in the order they are reported.
_FIELDS = {
    "retention": Message("thời hạn lưu trữ («retention»)", "how long it is kept («retention»)"),
    "location": Message("nơi lưu («location»)", "where it is kept («location»)"),
}


class RecordRetention(Rule):
    code = "QMS504"
    name = "record-retention"
    severity = Severity.WARNING
    iso9001 = ("7.5.3.2",)
    title = Message("Mỗi hồ sơ ghi nơi lưu và thời hạn lưu trữ", "Every record states where it is kept and for how long")
    message = Message("hồ sơ «{record}» chưa ghi {what}", "record «{record}» does not state {what}")
    rationale = Message(
        "ISO 9001 7.5.3.2 yêu cầu xác định cách lưu trữ, bảo quản, thời hạn lưu giữ và hủy bỏ hồ sơ. Khi chuyên gia đánh giá "
        "hay người dân yêu cầu xem lại một hồ sơ đã giải quyết, đơn vị phải biết hồ sơ nằm ở đâu (hệ thống một cửa điện tử, "
        "kho lưu trữ của văn thư...) và còn phải giữ đến khi nào.",
        "ISO 9001 7.5.3.2 requires storage, preservation, retention and disposition of records to be determined. When an "
        "auditor or a citizen asks to see a closed case, the unit must know where the record is (the electronic one-stop "
        "system, the records office archive...) and until when it must be kept.",
    )
    fix = Message(
        "ghi «location» (hệ thống hoặc nơi lưu) và «retention» (ví dụ «5 năm», «vĩnh viễn») theo danh mục hồ sơ của đơn vị",
        "add «location» (system or place) and «retention» (e.g. «5 năm», «vĩnh viễn») from the unit's list of records",
    )
    example = read_example(__file__, "QMS504")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for i, record in enumerate(ctx.process.records):
            for field, what in _FIELDS.items():
                if getattr(record, field) is None:
                    yield self.finding(ctx, ctx.location("records", i), record=record.code, what=what)
