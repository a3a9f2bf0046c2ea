from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class DeadlineDeclared(Rule):
    code = "QMS303"
    name = "deadline-declared"
    severity = Severity.ERROR
    iso9001 = ("8.1", "8.2.2")
    legal = ("Thời hạn giải quyết là một bộ phận của thủ tục hành chính được công bố / the deadline is part of every published procedure",)
    title = pgettext("QMS303", "Quy trình phục vụ người dân ghi thời hạn giải quyết")
    message = pgettext(
        "QMS303",
        "quy trình giải quyết thủ tục cho người dân (citizen_facing) nhưng chưa ghi thời hạn giải quyết (deadline)",
    )
    rationale = pgettext(
        "QMS303",
        "Mỗi thủ tục hành chính được công bố kèm thời hạn giải quyết tính bằng ngày làm việc (Nghị định 63/2010/NĐ-CP, "
        "Điều 8 [chưa xác minh / unconfirmed]); đó là yêu cầu luật định đối với dịch vụ (ISO 9001 8.2.2) và là chuẩn để "
        "hoạch định thời gian các bước (8.1). Thiếu thời hạn thì không kiểm tra được quy trình có kịp hạn (QMS302) "
        "và không đo được tỷ lệ hồ sơ đúng hạn.",
    )
    fix = pgettext(
        "QMS303",
        "thêm «deadline» đúng như quyết định công bố thủ tục, ví dụ «deadline: 5 ngày làm việc»",
    )
    example = read_example(__file__, "QMS303")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.citizen_facing and ctx.process.deadline is None:
            yield self.finding(ctx, ctx.citizen_facing_location())
