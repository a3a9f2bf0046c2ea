from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message, pgettext
from qms.model import StepType
from qms.model.values import fold
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class DecisionBranches(Rule):
    code = "QMS104"
    name = "decision-branches"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 c", "8.7.1")
    title = pgettext("QMS104", "Bước quyết định có ít nhất hai nhánh với nhãn khác nhau")
    message = pgettext("QMS104", "bước quyết định «{step_id}»: {problem}")
    rationale = pgettext(
        "QMS104",
        "Một quyết định chỉ có ý nghĩa khi có ít nhất hai kết cục, mỗi kết cục được gọi tên rõ ràng (ví dụ «Đủ» / «Chưa đủ»). "
        "Nhánh «không đạt» là nơi đầu ra không phù hợp được kiểm soát (ISO 9001 8.7).",
    )
    fix = pgettext(
        "QMS104",
        "liệt kê mỗi kết cục một nhánh với nhãn «when» khác nhau; nếu chỉ có một kết cục, đổi bước thành «task»",
    )
    example = read_example(__file__, "QMS104")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            if step.type is not StepType.DECISION or not step.branches:
                continue
            if len(step.branches) < 2:
                problem = pgettext("QMS104", "chỉ có một nhánh")
                yield self._report(ctx, step.id, problem, "branches")
                continue
            seen: dict[str, int] = {}
            for index, branch in enumerate(step.branches):
                label = fold(branch.when.vi).strip()
                if label in seen:
                    problem = pgettext("QMS104", "nhãn «{when}» bị lặp").format(when=branch.when.vi)
                    yield self._report(ctx, step.id, problem, "branches", index, "when")
                seen.setdefault(label, index)
            targets = [b.to for b in step.branches]
            if len(set(targets)) == 1:
                problem = pgettext("QMS104", "mọi nhánh đều dẫn tới cùng một bước")
                yield self._report(ctx, step.id, problem, "branches")

    def _report(self, ctx: RuleContext, step_id: str, problem: Message, *field: str | int) -> Finding:
        return self.at_step(ctx, step_id, *field, problem=problem)
