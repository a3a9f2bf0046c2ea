from collections.abc import Iterator

from qms.diagnostics import Location, Severity
from qms.i18n import Message, pgettext
from qms.legal.citing import free_text_citations
from qms.legal.register import Replacement
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example
from qms.rules.legal.validity import check_days, cited_keys, day_text

_UNCONFIRMED = pgettext("QMS402", " [nguồn thứ cấp, cần đối chiếu văn bản gốc]")


class SupersededLegalBasis(Rule):
    code = "QMS402"
    name = "superseded-legal-basis"
    severity = Severity.ERROR
    iso9001 = ("7.5.3",)
    legal = (
        "Nghị định 118/2025/NĐ-CP thay Nghị định 61/2018/NĐ-CP, 107/2021/NĐ-CP; Thông tư 03/2025/TT-VPCP thay Thông tư 01/2018/TT-VPCP",
        "Nghị định 30/2020/NĐ-CP thay Nghị định 110/2004/NĐ-CP, 09/2010/NĐ-CP",
    )
    title = pgettext("QMS402", "Không viện dẫn văn bản đã bị thay thế")
    message = pgettext(
        "QMS402",
        "căn cứ «{number}» đã được thay bằng {replacement} từ ngày {since}{confidence}",
    )
    rationale = pgettext(
        "QMS402",
        "Quy định thay đổi dưới chân quy trình: từ 01/7/2025 cơ chế một cửa theo Nghị định 118/2025/NĐ-CP và biểu mẫu theo "
        "Thông tư 03/2025/TT-VPCP thay cho Nghị định 61/2018/NĐ-CP (đã sửa bởi 107/2021/NĐ-CP) và Thông tư 01/2018/TT-VPCP "
        "[chưa xác minh / unconfirmed]; từ 05/3/2020 Nghị định 30/2020/NĐ-CP về công tác văn thư thay Nghị định 110/2004 và "
        "09/2010. Quy tắc này dùng sổ văn bản pháp luật của dự án (legal/register.yaml, xem docs/legal.md; chưa có thì dùng "
        "sổ có sẵn của công cụ), không cần người soạn khai báo ngày hết hiệu lực: quy trình chưa «obsolete» mà còn áp dụng "
        "vào hoặc sau ngày văn bản mới có hiệu lực thì bị báo, dù văn bản cũ được viện dẫn trong căn cứ pháp lý hay chỉ "
        "trong mô tả, tiêu chí, tên hồ sơ, ghi chú (lịch sử sửa đổi thì không). Khi pháp luật đổi, chỉ cần thêm một mục "
        "vào sổ (ISO 9001 7.5.3: kiểm soát tài liệu bên ngoài, thay đổi).",
    )
    fix = pgettext(
        "QMS402",
        "thay căn cứ bằng văn bản mới (số, trích yếu, ngày hiệu lực) và rà lại các bước, biểu mẫu theo văn bản mới",
    )
    example = read_example(__file__, "QMS402")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        days = check_days(ctx)
        if not days:
            return  # obsolete: kept as it was
        latest = max(check.day for check in days)  # the process still applies then
        for index, document in enumerate(ctx.process.legal_basis):
            for key in sorted(cited_keys(document)):
                change = ctx.legal.replacement_of(key)
                if change is not None and latest >= change.effective:
                    yield self._replaced(ctx, ctx.location("legal_basis", index, "number"), document.number, change)
        for cited in free_text_citations(ctx.process):
            change = ctx.legal.replacement_of(cited.citation.key)
            if change is not None and latest >= change.effective:
                yield self._replaced(ctx, ctx.location(*cited.path), cited.citation.number, change)

    def _replaced(self, ctx: RuleContext, where: Location, number: str, change: Replacement) -> Finding:
        since = day_text(change.effective)
        confidence = Message("", "") if change.verified else _UNCONFIRMED
        hint = pgettext(
            "QMS402",
            "viện dẫn {replacement} (có hiệu lực từ {since}) thay cho {replaced}, rồi rà lại các bước, biểu mẫu theo văn bản mới",
        ).format(replacement=change.replacement, since=since, replaced=change.replaced)
        return self.finding(ctx, where, hint=hint, number=number, replacement=change.replacement, since=since, confidence=confidence)
