from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.model import StepType
from qms.model.values import fold
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class DecisionBranches(Rule):
    code = "QMS104"
    name = "decision-branches"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 c", "8.7.1")
    title = Message("Bước quyết định có ít nhất hai nhánh với nhãn khác nhau", "A decision has at least two branches with distinct labels")
    message = Message("bước quyết định «{step_id}»: {problem}", "decision «{step_id}»: {problem}")
    rationale = Message(
        "Một quyết định chỉ có ý nghĩa khi có ít nhất hai kết cục, mỗi kết cục được gọi tên rõ ràng (ví dụ «Đủ» / «Chưa đủ»). "
        "Nhánh «không đạt» là nơi đầu ra không phù hợp được kiểm soát (ISO 9001 8.7).",
        "A decision means something only with at least two named outcomes (e.g. «Complete» / «Incomplete»); the failing "
        "branch is where nonconforming outputs are controlled (ISO 9001 8.7).",
    )
    fix = Message(
        "liệt kê mỗi kết cục một nhánh với nhãn «when» khác nhau; nếu chỉ có một kết cục, đổi bước thành «task»",
        "list one branch per outcome with distinct «when» labels; with a single outcome, make the step a «task»",
    )
    example = read_example(__file__, "QMS104")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            if step.type is not StepType.DECISION or not step.branches:
                continue
            if len(step.branches) < 2:
                problem = Message("chỉ có một nhánh", "it has only one branch")
                yield self._report(ctx, step.id, problem, "branches")
                continue
            seen: dict[str, int] = {}
            for index, branch in enumerate(step.branches):
                label = fold(branch.when.vi).strip()
                if label in seen:
                    problem = Message(f"nhãn «{branch.when.vi}» bị lặp", f"label «{branch.when.vi}» is repeated")
                    yield self._report(ctx, step.id, problem, "branches", index, "when")
                seen.setdefault(label, index)
            targets = [b.to for b in step.branches]
            if len(set(targets)) == 1:
                problem = Message("mọi nhánh đều dẫn tới cùng một bước", "every branch leads to the same step")
                yield self._report(ctx, step.id, problem, "branches")

    def _report(self, ctx: RuleContext, step_id: str, problem: Message, *field: str | int) -> Finding:
        return self.at_step(ctx, step_id, *field, problem=problem)
