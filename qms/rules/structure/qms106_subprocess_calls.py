from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class SubprocessCalls(Rule):
    code = "QMS106"
    name = "subprocess-no-recursion"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 b",)
    title = pgettext("QMS106", "Lời gọi quy trình con không tạo vòng gọi vô tận")
    message = pgettext("QMS106", "bước «{step_id}» gọi {chain}: vòng gọi quy trình không có điểm dừng")
    rationale = pgettext(
        "QMS106",
        "Sự tương tác giữa các quy trình (ISO 9001 4.4.1 b) phải kết thúc: nếu A gọi B và B lại gọi A, hồ sơ chuyển qua lại mãi.",
    )
    fix = pgettext(
        "QMS106",
        "bỏ một lời gọi trong vòng, hoặc thay bằng một bước «task» chuyển giao kết quả",
    )
    example = read_example(__file__, "QMS106")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            if step.type is StepType.SUBPROCESS and step.calls:
                chain = ctx.catalogue.call_cycle(ctx.process.code, step.calls)
                if chain:
                    yield self.at_step(ctx, step.id, "calls", chain=" → ".join(chain[1:]))
