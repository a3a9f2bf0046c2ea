from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import claimed_clauses
from qms.i18n import pgettext
from qms.model import Status
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example

# Clauses whose text requires documented information to be retained as evidence, and where it says so.
EVIDENCE = {"9.1": "9.1.1", "9.2": "9.2.2 f", "9.3": "9.3.3", "10.2": "10.2.2"}


class EvidenceRetained(Rule):
    code = "QMS801"
    name = "evidence-retained"
    severity = Severity.ERROR
    iso9001 = ("9.1.1", "9.2.2 f", "9.3.3", "10.2.2", "7.5.3")
    title = pgettext(
        "QMS801",
        "Quy trình nhận đáp ứng điều khoản 9.1, 9.2, 9.3 hoặc 10.2 có bước tạo hồ sơ làm bằng chứng",
    )
    message = pgettext(
        "QMS801",
        "quy trình nhận đáp ứng điều khoản {clauses} nhưng không bước nào tạo hồ sơ làm bằng chứng",
    )
    rationale = pgettext(
        "QMS801",
        "Các điều khoản 9.1.1, 9.2.2 f, 9.3.3 và 10.2.2 của ISO 9001 yêu cầu lưu giữ thông tin dạng văn bản làm bằng chứng "
        "(kết quả theo dõi, đo lường; thực hiện chương trình và kết quả đánh giá nội bộ; kết quả xem xét của lãnh đạo; bản "
        "chất sự không phù hợp, hành động đã thực hiện và kết quả). Quy trình nhận đáp ứng các điều khoản này mà không có "
        "bước nào tạo hồ sơ thì khi đánh giá không có gì để xem: chuyên gia đánh giá sẽ ghi điểm không phù hợp. Dự thảo "
        "được miễn.",
    )
    fix = pgettext(
        "QMS801",
        "ghi hồ sơ do bước tạo ra vào «records» của bước đó (ví dụ «records: [BM-DGNB-04]» ở bước lập báo cáo đánh giá) và "
        "khai báo hồ sơ trong «records» của quy trình; hoặc bỏ điều khoản khỏi «iso_clauses» nếu quy trình không đáp ứng nó",
    )
    example = read_example(__file__, "QMS801")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if process.status is Status.DRAFT or any(step.records for step in process.steps):
            return
        clauses = [c for clause in EVIDENCE for c in claimed_clauses(process, clause)]
        if clauses:
            yield self.finding(ctx, ctx.location("iso_clauses"), clauses=", ".join(clauses))
