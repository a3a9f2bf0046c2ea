from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class ResourcesDeclared(Rule):
    code = "QMS604"
    name = "resources-declared"
    severity = Severity.INFO
    iso9001 = ("7.1", "4.4.1 d")
    title = pgettext("QMS604", "Quy trình liệt kê nguồn lực cần thiết")
    message = pgettext(
        "QMS604",
        "quy trình chưa liệt kê nguồn lực («resources»): hệ thống phần mềm, cơ sở dữ liệu, thiết bị dùng để thực hiện",
    )
    rationale = pgettext(
        "QMS604",
        "ISO 9001 4.4.1 d yêu cầu xác định và bảo đảm sẵn có các nguồn lực cần cho quá trình (điều 7.1). Con người đã được "
        "nêu qua vai trò; phần còn lại là hệ thống một cửa điện tử, Cổng Dịch vụ công, chữ ký số, máy quét để số hóa... "
        "Ghi rõ giúp đơn vị lập kế hoạch khi một hệ thống ngừng hoạt động hoặc thay đổi.",
    )
    fix = pgettext(
        "QMS604",
        "thêm mục «resources» liệt kê hệ thống, thiết bị, cơ sở dữ liệu mà các bước sử dụng",
    )
    example = read_example(__file__, "QMS604")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.process.resources:
            yield self.finding(ctx, ctx.location("resources"))
