from collections.abc import Iterator

from qms.diagnostics import Location, Severity
from qms.i18n import pgettext
from qms.legal.citing import free_text_citations
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example
from qms.rules.legal.validity import cited_keys


class CitationNotInRegister(Rule):
    code = "QMS406"
    name = "citation-not-in-register"
    severity = Severity.INFO
    iso9001 = ("7.5.3.2",)
    legal = ("Sổ theo dõi văn bản pháp luật của cơ quan / the agency's register of external documents",)
    title = pgettext("QMS406", "Mọi văn bản được viện dẫn đều có trong sổ văn bản pháp luật")
    message = pgettext("QMS406", "văn bản «{number}» được viện dẫn nhưng chưa có trong sổ văn bản pháp luật")
    rationale = pgettext(
        "QMS406",
        "Một văn bản chỉ được theo dõi hiệu lực khi có trong sổ văn bản pháp luật của dự án (ISO 9001 7.5.3.2): văn bản "
        "không có trong sổ bị thay thế thì không quy tắc nào biết. Số văn bản được nhận ra ở căn cứ pháp lý và ở mọi phần "
        "chữ của quy trình (mô tả, tiêu chí, tên hồ sơ, ghi chú), theo dạng «số/năm/ký hiệu», không phân biệt «số», dấu cách, "
        "Đ/D. Mỗi văn bản chỉ báo một lần trong một quy trình, ở chỗ viện dẫn đầu tiên. Chỉ áp dụng khi dự án có sổ "
        "(chưa có sổ thì QMS405 báo một lần).",
    )
    fix = pgettext(
        "QMS406",
        "thêm văn bản vào legal/register.yaml (số, loại, trích yếu, ngày hiệu lực, nguồn, verified), hoặc sửa số nếu viết nhầm",
    )
    example = read_example(__file__, "QMS406")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if not ctx.legal.is_project:
            return  # judged on the default register: QMS405 says to start one, once
        cited: dict[str, tuple[Location, str]] = {}  # the first place each text is cited
        for index, document in enumerate(ctx.process.legal_basis):
            keys = cited_keys(document)
            if len(keys) == 1 and ctx.legal.text(document.number) is None:
                cited.setdefault(next(iter(keys)), (ctx.location("legal_basis", index, "number"), document.number))
        for mention in free_text_citations(ctx.process):
            if ctx.legal.text(mention.citation.number) is None:
                cited.setdefault(mention.citation.key, (ctx.location(*mention.path), mention.citation.number))
        for where, number in cited.values():
            yield self.finding(ctx, where, number=number)
