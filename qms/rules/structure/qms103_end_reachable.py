from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class EndReachable(Rule):
    code = "QMS103"
    name = "end-reachable"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 b", "8.1")
    title = pgettext("QMS103", "Từ mọi bước đều đi tới được một bước kết thúc")
    message = pgettext(
        "QMS103",
        "từ bước «{step_id}» không thể đi tới bước kết thúc nào (ngõ cụt hoặc vòng lặp không lối ra)",
    )
    rationale = pgettext(
        "QMS103",
        "Mỗi hồ sơ, mỗi việc phải có kết cục xác định (trả kết quả, từ chối, lưu trữ). Ngõ cụt hay vòng lặp không lối ra "
        "là nơi hồ sơ bị bỏ quên và quá hạn.",
    )
    fix = pgettext(
        "QMS103",
        "thêm nhánh hoặc «next» dẫn tới một bước «type: end», hoặc đổi bước cuối thành «type: end»",
    )
    example = read_example(__file__, "QMS103")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.graph.ends:
            yield self.finding(ctx, ctx.location("steps"), step_id=ctx.process.steps[-1].id)
            return
        for step in ctx.process.steps:
            if step.type is not StepType.END and step.id not in ctx.graph.reaching_an_end:
                yield self.at_step(ctx, step.id, "id")
