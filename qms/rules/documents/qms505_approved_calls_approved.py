from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import status_label
from qms.i18n import pgettext
from qms.model import Status, StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class ApprovedCallsApproved(Rule):
    code = "QMS505"
    name = "approved-calls-approved"
    severity = Severity.ERROR
    iso9001 = ("7.5.3",)
    title = pgettext(
        "QMS505",
        "Quy trình đã phê duyệt chỉ gọi các quy trình con đã phê duyệt",
    )
    message = pgettext(
        "QMS505",
        "bước «{step_id}» gọi quy trình «{called}» đang ở trạng thái {status}; quy trình đã phê duyệt chỉ được dựa vào quy trình đã phê duyệt",
    )
    rationale = pgettext(
        "QMS505",
        "ISO 9001 7.5.3 yêu cầu chỉ dùng tài liệu đang có hiệu lực và ngăn việc vô tình dùng tài liệu lỗi thời. Một quy trình "
        "đang áp dụng mà chuyển hồ sơ sang một quy trình dự thảo, đang xem xét hay đã hết hiệu lực thì phần việc đó được làm "
        "theo một văn bản chưa được phê duyệt hoặc đã bị thay thế.",
    )
    fix = pgettext(
        "QMS505",
        "phê duyệt quy trình được gọi trước, hoặc trỏ «calls» tới quy trình đang có hiệu lực thay thế nó",
    )
    example = read_example(__file__, "QMS505")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.process.status is not Status.APPROVED:
            return
        for step in ctx.process.steps:
            if step.type is not StepType.SUBPROCESS or not step.calls:
                continue
            # A code outside the catalogue is the loader's finding, not this rule's.
            called = ctx.catalogue.get(step.calls)
            if called is not None and called.status is not Status.APPROVED:
                yield self.at_step(ctx, step.id, "calls", called=step.calls, status=status_label(called.status))
