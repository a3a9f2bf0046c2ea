from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import claimed_clauses
from qms.i18n import pgettext
from qms.model import Status, StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class CorrectiveActionReviewed(Rule):
    code = "QMS802"
    name = "corrective-action-reviewed"
    severity = Severity.WARNING
    iso9001 = ("10.2.1 d", "10.2.1 b")
    title = pgettext(
        "QMS802",
        "Quy trình nhận đáp ứng điều khoản 10.2 xem xét hiệu lực của hành động khắc phục",
    )
    message = pgettext(
        "QMS802",
        "quy trình nhận đáp ứng điều khoản {clauses} nhưng không có bước quyết định nào quay lại xử lý khi chưa đạt",
    )
    rationale = pgettext(
        "QMS802",
        "ISO 9001 10.2.1 d yêu cầu xem xét hiệu lực của mọi hành động khắc phục đã thực hiện, và 10.2.1 b yêu cầu đánh giá "
        "nhu cầu hành động để loại bỏ nguyên nhân. Trên lưu đồ, việc xem xét đó là một bước quyết định («Hành động khắc phục "
        "có hiệu lực?») có nhánh quay lại bước khắc phục khi chưa đạt. Quy trình nhận đáp ứng 10.2 mà chỉ có đường đi một "
        "chiều thì đóng sự không phù hợp mà không kiểm tra kết quả. Quy tắc chỉ xem cấu trúc lưu đồ (có quyết định với nhánh "
        "quay lại), không đọc nội dung của bước.",
    )
    fix = pgettext(
        "QMS802",
        "thêm bước quyết định xác minh hiệu lực sau bước khắc phục, với một nhánh quay lại bước khắc phục (ví dụ «Chưa hiệu "
        "lực»: khac-phuc); hoặc bỏ 10.2 khỏi «iso_clauses» nếu quy trình không xử lý sự không phù hợp",
    )
    example = read_example(__file__, "QMS802")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        clauses = claimed_clauses(process, "10.2")
        if not clauses or process.status is Status.DRAFT:
            return
        if any(ctx.graph.step(source).type is StepType.DECISION for source, _ in ctx.graph.back_edges):
            return
        yield self.finding(ctx, ctx.location("iso_clauses"), clauses=", ".join(clauses))
