from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class SingleStart(Rule):
    code = "QMS101"
    name = "single-start"
    severity = Severity.ERROR
    iso9001 = ("4.4.1 b",)
    title = pgettext("QMS101", "Quy trình có đúng một bước bắt đầu")
    message = pgettext("QMS101", "quy trình có {count} bước bắt đầu (type: start); cần đúng một")
    rationale = pgettext(
        "QMS101",
        "Trình tự của quy trình (ISO 9001 4.4.1 b) chỉ rõ ràng khi mọi trường hợp đều bắt đầu từ cùng một điểm: "
        "nơi tiếp nhận đầu vào. Không có hoặc có nhiều điểm bắt đầu khiến lưu đồ, thời hạn và nhật ký không thể đối chiếu.",
    )
    fix = pgettext(
        "QMS101",
        "đánh dấu bước tiếp nhận đầu vào bằng «type: start» và đổi các bước bắt đầu khác thành «task»",
    )
    example = read_example(__file__, "QMS101")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        starts = ctx.graph.starts
        if not starts:
            yield self.finding(ctx, ctx.location("steps"), count=0)
        for extra in starts[1:]:
            yield self.at_step(ctx, extra, "type", count=len(starts))
