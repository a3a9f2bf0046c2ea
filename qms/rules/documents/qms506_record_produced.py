from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class RecordProduced(Rule):
    code = "QMS506"
    name = "record-produced"
    severity = Severity.WARNING
    iso9001 = ("7.5.3",)
    title = pgettext("QMS506", "Mỗi hồ sơ được khai báo đều do một bước tạo ra")
    message = pgettext(
        "QMS506",
        "hồ sơ «{record}» được khai báo nhưng không bước nào tạo ra (không có trong «records» của bước nào)",
    )
    rationale = pgettext(
        "QMS506",
        "Hồ sơ là bằng chứng một việc đã được làm (ISO 9001 7.5.3). Một biểu mẫu có trong danh mục mà không gắn với bước nào "
        "thì người thực hiện không biết lập nó khi nào, và chuyên gia đánh giá không đối chiếu được hồ sơ với quy trình; "
        "thường đó là biểu mẫu đã bỏ nhưng quên xoá, hoặc bước quên khai báo hồ sơ.",
    )
    fix = pgettext(
        "QMS506",
        "thêm mã hồ sơ vào «records» của bước lập ra nó, hoặc xoá hồ sơ khỏi danh mục nếu không còn dùng",
    )
    example = read_example(__file__, "QMS506")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        produced = {code for step in ctx.process.steps for code in step.records}
        for i, record in enumerate(ctx.process.records):
            if record.code not in produced:
                yield self.finding(ctx, ctx.location("records", i, "code"), record=record.code)
