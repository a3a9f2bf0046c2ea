from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class Reachable(Rule):
    code = "QMS102"
    name = "reachable-from-start"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 b",)
    title = pgettext("QMS102", "Mọi bước đều đi tới được từ bước bắt đầu")
    message = pgettext("QMS102", "bước «{step_id}» không bao giờ được thực hiện: không có đường đi từ bước bắt đầu")
    rationale = pgettext(
        "QMS102",
        "Một bước không có đường đi tới là bước chết: người thực hiện không biết khi nào làm, và lưu đồ đang mô tả sai thực tế.",
    )
    fix = pgettext(
        "QMS102",
        "cho một bước trước đó trỏ tới bước này bằng «next» hoặc một nhánh, hoặc xoá bước nếu không còn dùng",
    )
    example = read_example(__file__, "QMS102")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.graph.starts:  # QMS101 reports that; every step would be "unreachable"
            return
        for step in ctx.process.steps:
            if step.id not in ctx.graph.reachable_from_start:
                yield self.at_step(ctx, step.id, "id")
