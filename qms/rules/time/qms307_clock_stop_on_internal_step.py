from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class ClockStopOnInternalStep(Rule):
    code = "QMS307"
    name = "clock-stop-on-internal-step"
    severity = Severity.ERROR
    iso9001 = ("8.1", "8.2.2")
    legal = (
        "Nghị định 118/2025/NĐ-CP: thời gian người nộp bổ sung hồ sơ, thời gian cơ quan khác cho ý kiến không tính vào "
        "thời hạn giải quyết [chưa xác minh / unconfirmed]",
    )
    title = pgettext("QMS307", "Chỉ bước chờ người dân hoặc cơ quan khác mới dừng tính thời hạn")
    message = pgettext(
        "QMS307",
        "bước «{step_id}» dừng tính thời hạn (stops_clock) nhưng không ghi đang chờ người dân hay cơ quan khác (waits_for)",
    )
    rationale = pgettext(
        "QMS307",
        "Thời hạn giải quyết chỉ được ngừng tính khi hồ sơ chờ người nộp bổ sung, hoàn thiện, hoặc chờ cơ quan khác cho ý "
        "kiến, giải quyết phần liên thông. Ghi «stops_clock: true» ở một bước nội bộ (thẩm định, trình ký) là cách dễ nhất "
        "để quy trình trông như kịp hạn trong khi người dân vẫn phải chờ: QMS302 và «qms analyze» sẽ không tính thời gian "
        "của bước đó. Vì vậy bước dừng tính thời hạn phải nói nó chờ ai (waits_for: citizen | agency), để người soát xét và "
        "chuyên gia đánh giá thấy và kiểm tra được (ISO 9001 8.1, 8.2.2).",
    )
    fix = pgettext(
        "QMS307",
        "nếu bước chờ người nộp bổ sung hồ sơ, ghi «waits_for: citizen»; chờ cơ quan khác, ghi «waits_for: agency»; "
        "bước do cơ quan tự làm thì bỏ «stops_clock»",
    )
    example = read_example(__file__, "QMS307")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for step in ctx.process.steps:
            if step.stops_clock and step.waits_for is None:
                yield self.at_step(ctx, step.id, "stops_clock")
