from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.model import StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class SubprocessCalls(Rule):
    code = "QMS106"
    name = "subprocess-no-recursion"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 b",)
    title = Message("Lời gọi quy trình con không tạo vòng gọi vô tận", "Sub-process calls do not recurse without end")
    message = Message("bước «{step_id}» gọi {chain}: vòng gọi quy trình không có điểm dừng", "step «{step_id}» calls {chain}: a cycle of process calls with no end")
    rationale = Message(
        "Sự tương tác giữa các quy trình (ISO 9001 4.4.1 b) phải kết thúc: nếu A gọi B và B lại gọi A, hồ sơ chuyển qua lại mãi.",
        "Interactions between processes (ISO 9001 4.4.1 b) must terminate: if A calls B and B calls A, the case bounces forever.",
    )
    fix = Message(
        "bỏ một lời gọi trong vòng, hoặc thay bằng một bước «task» chuyển giao kết quả",
        "remove one call of the cycle, or replace it by a «task» that hands the result over",
    )
    example = read_example(__file__, "QMS106")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            if step.type is StepType.SUBPROCESS and step.calls:
                chain = ctx.catalogue.call_cycle(ctx.process.code, step.calls)
                if chain:
                    yield self.at_step(ctx, step.id, "calls", chain=" → ".join(chain[1:]))
