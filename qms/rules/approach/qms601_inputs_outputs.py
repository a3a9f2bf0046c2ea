from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.model import StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# Steps that do work and so hand something on; a decision's output is its branch, an end's is the process's.
_WORKING = (StepType.START, StepType.TASK, StepType.SUBPROCESS)


class InputsOutputs(Rule):
    code = "QMS601"
    name = "inputs-outputs"
    severity = Severity.WARNING
    iso9001 = ("4.4.1 a",)
    title = pgettext(
        "QMS601",
        "Bước bắt đầu nêu đầu vào; mỗi bước công việc nêu đầu ra hoặc hồ sơ tạo ra",
    )
    message = pgettext("QMS601", "bước «{step_id}» {problem}")
    rationale = pgettext(
        "QMS601",
        "ISO 9001 4.4.1 a yêu cầu xác định đầu vào cần thiết và đầu ra mong đợi của quá trình. Đầu vào của bước bắt đầu là "
        "thứ khởi động quy trình (hồ sơ của người dân, văn bản đến, kế hoạch); mỗi bước tiếp nhận, xử lý hay gọi quy trình "
        "con phải giao lại một kết quả (dự thảo, tờ trình, phiếu, kết quả giải quyết) để bước sau và người kiểm tra biết "
        "bước đã xong. Bước quyết định và bước kết thúc không cần nêu đầu ra riêng.",
    )
    fix = pgettext(
        "QMS601",
        "ghi «inputs» cho bước bắt đầu; ghi «outputs» hoặc mã hồ sơ trong «records» cho từng bước còn thiếu",
    )
    example = read_example(__file__, "QMS601")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            if step.type is StepType.START and not step.inputs:
                problem = pgettext(
                    "QMS601",
                    "là bước bắt đầu nhưng chưa nêu đầu vào («inputs»): hồ sơ, yêu cầu hay văn bản nào khởi động quy trình",
                )
                yield self.at_step(ctx, step.id, "id", problem=problem)
            if step.type in _WORKING and not step.outputs and not step.records:
                problem = pgettext(
                    "QMS601",
                    "chưa nêu đầu ra («outputs») hay hồ sơ tạo ra («records»)",
                )
                yield self.at_step(ctx, step.id, "id", problem=problem)
