from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example
from qms.rules.legal.validity import check_days, cited_keys, number_key, numbers_in, out_of_force


class FormBasis(Rule):
    code = "QMS403"
    name = "form-basis"
    severity = Severity.ERROR
    iso9001 = ("7.5.3",)
    legal = ("Văn bản quy định biểu mẫu của từng hồ sơ / the document prescribing each record's form",)
    title = pgettext(
        "QMS403",
        "Biểu mẫu viện dẫn văn bản có trong căn cứ pháp lý và đang có hiệu lực",
    )
    message = pgettext("QMS403", "hồ sơ «{record}»: {problem}")
    rationale = pgettext(
        "QMS403",
        "Biểu mẫu theo quy định (ví dụ «Mẫu số 01, Thông tư 03/2025/TT-VPCP») là tài liệu có nguồn gốc bên ngoài (ISO 9001 "
        "7.5.3): văn bản quy định mẫu phải có trong căn cứ pháp lý để được theo dõi hiệu lực, nếu không khi văn bản bị thay "
        "thế, mẫu cũ vẫn được dùng mà không ai biết. Số văn bản được nhận ra trong «form» theo dạng «số/năm/ký hiệu» và so "
        "sánh không phân biệt hoa thường, dấu cách, Đ/D. Hồ sơ ghi «legal_basis» thì văn bản đó phải có hiệu lực vào cùng các "
        "ngày như ở QMS401.",
    )
    fix = pgettext(
        "QMS403",
        "thêm văn bản quy định mẫu vào «legal_basis» (hoặc sửa số văn bản trong «form»); "
        "nếu văn bản hết hiệu lực, dùng mẫu của văn bản thay thế",
    )
    example = read_example(__file__, "QMS403")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        days = check_days(ctx)
        if not days:
            return  # obsolete: kept as it was
        cited = {key for document in process.legal_basis for key in cited_keys(document)}
        documents = {document.id: document for document in process.legal_basis}
        for index, record in enumerate(process.records):
            if record.form:
                written = [n for text in (record.form.vi, record.form.en) if text for n in numbers_in(text)]
                missing: dict[str, str] = {}  # one mention per document, however it is spelt
                for number in written:
                    if number_key(number) not in cited:
                        missing.setdefault(number_key(number), number)
                if missing:
                    numbers = ", ".join(missing.values())
                    problem = pgettext(
                        "QMS403",
                        "mẫu viện dẫn {numbers} nhưng văn bản này không có trong căn cứ pháp lý (legal_basis)",
                    ).format(numbers=numbers)
                    yield self.finding(ctx, ctx.location("records", index, "form"), record=record.code, problem=problem)
            document = documents.get(record.legal_basis or "")  # an unknown id is the loader's finding
            expired = out_of_force(document, days) if document else None
            if document and expired:
                check, why = expired
                problem = pgettext(
                    "QMS403",
                    "tại {label}, văn bản quy định mẫu «{number}» {why}",
                ).format(label=check.label, number=document.number, why=why)
                yield self.finding(ctx, ctx.location("records", index, "legal_basis"), record=record.code, problem=problem)
