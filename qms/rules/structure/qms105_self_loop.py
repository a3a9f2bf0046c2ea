from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class SelfLoop(Rule):
    code = "QMS105"
    name = "no-self-loop-without-exit"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 b",)
    title = pgettext("QMS105", "Không có bước tự quay về chính nó mà không có lối ra")
    message = pgettext("QMS105", "bước «{step_id}» chỉ dẫn về chính nó: công việc lặp mãi")
    rationale = pgettext(
        "QMS105",
        "Một bước trỏ về chính nó và không có nhánh nào khác khiến hồ sơ bị giữ mãi ở một chỗ.",
    )
    fix = pgettext(
        "QMS105",
        "trỏ «next» tới bước tiếp theo; nếu cần làm lại, dùng một bước quyết định với nhánh «Đạt» đi tiếp",
    )
    example = read_example(__file__, "QMS105")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            successors = step.successors
            if successors and all(target == step.id for target in successors):
                field = "next" if step.next else "branches"
                yield self.at_step(ctx, step.id, field)
