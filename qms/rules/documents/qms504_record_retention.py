from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# The two facts 7.5.3.2 asks of every record, in the order they are reported.
_FIELDS = {
    "retention": pgettext("QMS504", "thời hạn lưu trữ («retention»)"),
    "location": pgettext("QMS504", "nơi lưu («location»)"),
}


class RecordRetention(Rule):
    code = "QMS504"
    name = "record-retention"
    severity = Severity.WARNING
    iso9001 = ("7.5.3.2",)
    title = pgettext("QMS504", "Mỗi hồ sơ ghi nơi lưu và thời hạn lưu trữ")
    message = pgettext("QMS504", "hồ sơ «{record}» chưa ghi {what}")
    rationale = pgettext(
        "QMS504",
        "ISO 9001 7.5.3.2 yêu cầu xác định cách lưu trữ, bảo quản, thời hạn lưu giữ và hủy bỏ hồ sơ. Khi chuyên gia đánh giá "
        "hay người dân yêu cầu xem lại một hồ sơ đã giải quyết, đơn vị phải biết hồ sơ nằm ở đâu (hệ thống một cửa điện tử, "
        "kho lưu trữ của văn thư...) và còn phải giữ đến khi nào.",
    )
    fix = pgettext(
        "QMS504",
        "ghi «location» (hệ thống hoặc nơi lưu) và «retention» (ví dụ «5 năm», «vĩnh viễn») theo danh mục hồ sơ của đơn vị",
    )
    example = read_example(__file__, "QMS504")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for i, record in enumerate(ctx.process.records):
            for field, what in _FIELDS.items():
                if getattr(record, field) is None:
                    yield self.finding(ctx, ctx.location("records", i), record=record.code, what=what)
