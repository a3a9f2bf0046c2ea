from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example
from qms.rules.responsibility import roles_in_use


class RoleUsed(Rule):
    code = "QMS202"
    name = "role-used"
    severity = Severity.WARNING
    iso9001 = ("5.3",)
    title = pgettext("QMS202", "Mỗi vai trò khai báo đều có việc trong quy trình")
    message = pgettext(
        "QMS202",
        "vai trò «{role}» được khai báo nhưng không thực hiện bước nào, không chủ trì, không ký, không lưu hồ sơ, "
        "không theo dõi KPI hay rủi ro",
    )
    rationale = pgettext(
        "QMS202",
        "Danh sách vai trò là bảng phân công trách nhiệm (ISO 9001 5.3). Một vai trò không được giao việc gì thường là "
        "dấu vết của lần sửa trước (bước đã xoá, đơn vị đã sáp nhập) hoặc một bước quên ghi vai trò; nó làm lưu đồ có "
        "làn rỗng và khiến người đọc tưởng đơn vị đó có trách nhiệm.",
    )
    fix = pgettext(
        "QMS202",
        "ghi vai trò này vào các bước họ thực hiện («role») hoặc giao lưu hồ sơ, theo dõi KPI, rủi ro; "
        "nếu không còn tham gia, xoá khỏi «roles»",
    )
    example = read_example(__file__, "QMS202")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        used = roles_in_use(ctx.process)
        for role in ctx.process.roles:
            if role not in used:
                yield self.finding(ctx, ctx.location("roles", role), role=role)
