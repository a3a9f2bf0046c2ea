from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import Message
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class SingleStart(Rule):
    code = "QMS101"
    name = "single-start"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 b",)
    title = Message("Quy trình có đúng một bước bắt đầu", "A process has exactly one start step")
    message = Message("quy trình có {count} bước bắt đầu (type: start); cần đúng một", "the process has {count} start steps; it needs exactly one")
    rationale = Message(
        "Trình tự của quy trình (ISO 9001 4.4.1 b) chỉ rõ ràng khi mọi trường hợp đều bắt đầu từ cùng một điểm: "
        "nơi tiếp nhận đầu vào. Không có hoặc có nhiều điểm bắt đầu khiến lưu đồ, thời hạn và nhật ký không thể đối chiếu.",
        "A process sequence (ISO 9001 4.4.1 b) is only clear when every case begins at one point, where the input is "
        "received; none or several starts make the flowchart, the deadline and the event log impossible to reconcile.",
    )
    fix = Message(
        "đánh dấu bước tiếp nhận đầu vào bằng «type: start» và đổi các bước bắt đầu khác thành «task»",
        "mark the step that receives the input «type: start» and make the other start steps «task»",
    )
    example = read_example(__file__, "QMS101")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        starts = ctx.graph.starts
        if not starts:
            yield self.finding(ctx, ctx.location("steps"), count=0)
        for extra in starts[1:]:
            yield self.at_step(ctx, extra, "type", count=len(starts))
