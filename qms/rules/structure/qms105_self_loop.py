from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class SelfLoop(Rule):
    code = "QMS105"
    name = "no-self-loop-without-exit"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 b",)
    title = Message("Không có bước tự quay về chính nó mà không có lối ra", "No step loops back to itself without an exit")
    message = Message("bước «{step_id}» chỉ dẫn về chính nó: công việc lặp mãi", "step «{step_id}» only leads back to itself: the work never ends")
    rationale = Message(
        "Một bước trỏ về chính nó và không có nhánh nào khác khiến hồ sơ bị giữ mãi ở một chỗ.",
        "A step that points back to itself with no other way out holds the case there forever.",
    )
    fix = Message(
        "trỏ «next» tới bước tiếp theo; nếu cần làm lại, dùng một bước quyết định với nhánh «Đạt» đi tiếp",
        "point «next» at the following step; for rework, use a decision with a «pass» branch that moves on",
    )
    example = read_example(__file__, "QMS105")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            successors = step.successors
            if successors and all(target == step.id for target in successors):
                field = "next" if step.next else "branches"
                yield self.at_step(ctx, step.id, field)
