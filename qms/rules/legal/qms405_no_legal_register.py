from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class NoLegalRegister(Rule):
    """Said once per run, not once per process: on the first process (by code) of the run that has a legal basis.

    Every process of a project without a register is judged on the same default, so one finding says all there is
    to say; repeating it on each process would bury the findings that differ between them.
    """

    code = "QMS405"
    name = "no-legal-register"
    severity = Severity.INFO
    iso9001 = ("7.5.3.2",)
    legal = ("Sổ theo dõi văn bản pháp luật của cơ quan / the agency's register of external documents",)
    title = pgettext("QMS405", "Dự án có sổ văn bản pháp luật riêng")
    message = pgettext(
        "QMS405",
        "dự án chưa có sổ văn bản pháp luật (legal/register.yaml): các quy trình được đối chiếu với sổ có sẵn của công cụ, "
        "chỉ gồm các thay đổi đã biết khi phát hành",
    )
    rationale = pgettext(
        "QMS405",
        "Tài liệu có nguồn gốc bên ngoài (văn bản pháp luật) phải được nhận biết và kiểm soát (ISO 9001 7.5.3.2). Các quy "
        "tắc QMS4xx biết một văn bản đã bị thay thế nhờ sổ văn bản pháp luật của dự án; khi dự án chưa có sổ, công cụ dùng "
        "sổ có sẵn, không biết các văn bản địa phương và các thay đổi sau ngày phát hành. Phát hiện này chỉ báo một lần "
        "cho cả lần kiểm tra (ở quy trình đầu tiên theo mã có căn cứ pháp lý), không lặp lại ở từng quy trình.",
    )
    fix = pgettext(
        "QMS405",
        "tạo tệp legal/register.yaml cạnh thư mục processes/ (hoặc cạnh qms.toml), mỗi văn bản một mục, xem docs/legal.md; "
        "có thể bắt đầu từ sổ có sẵn qms/legal/data/default_register.yaml",
    )
    example = read_example(__file__, "QMS405")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.legal.is_project or not ctx.process.legal_basis:
            return
        citing = ctx.catalogue.citing
        if citing and citing[0] == ctx.process.code:
            yield self.finding(ctx, ctx.location("legal_basis"))
