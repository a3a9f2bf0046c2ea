from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class RecordProduced(Rule):
    code = "QMS506"
    name = "record-produced"
    severity = Severity.WARNING
    iso9001 = ("7.5.3",)
    title = Message("Mỗi hồ sơ được khai báo đều do một bước tạo ra", "Every declared record is produced by a step")
    message = Message(
        "hồ sơ «{record}» được khai báo nhưng không bước nào tạo ra (không có trong «records» của bước nào)",
        "record «{record}» is declared but no step produces it (no step lists it under «records»)",
    )
    rationale = Message(
        "Hồ sơ là bằng chứng một việc đã được làm (ISO 9001 7.5.3). Một biểu mẫu có trong danh mục mà không gắn với bước nào "
        "thì người thực hiện không biết lập nó khi nào, và chuyên gia đánh giá không đối chiếu được hồ sơ với quy trình; "
        "thường đó là biểu mẫu đã bỏ nhưng quên xoá, hoặc bước quên khai báo hồ sơ.",
        "A record is evidence that work was done (ISO 9001 7.5.3). A form in the list that no step is linked to leaves "
        "staff not knowing when to fill it in and auditors unable to match records to the process; usually the form was "
        "dropped but not deleted, or a step forgot to list it.",
    )
    fix = Message(
        "thêm mã hồ sơ vào «records» của bước lập ra nó, hoặc xoá hồ sơ khỏi danh mục nếu không còn dùng",
        "add the record code to «records» of the step that produces it, or delete the record if it is no longer used",
    )
    example = read_example(__file__, "QMS506")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        produced = {code for step in ctx.process.steps for code in step.records}
        for i, record in enumerate(ctx.process.records):
            if record.code not in produced:
                yield self.finding(ctx, ctx.location("records", i, "code"), record=record.code)
