from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import claimed_clauses
from qms.i18n import Message
from qms.model import Status, StepType
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class CorrectiveActionReviewed(Rule):
    code = "QMS802"
    name = "corrective-action-reviewed"
    severity = Severity.WARNING
    iso9001 = ("10.2.1 d", "10.2.1 b")
    title = Message(
        "Quy trình nhận đáp ứng điều khoản 10.2 xem xét hiệu lực của hành động khắc phục",
        "A process claiming clause 10.2 reviews whether corrective action worked",
    )
    message = Message(
        "quy trình nhận đáp ứng điều khoản {clauses} nhưng không có bước quyết định nào quay lại xử lý khi chưa đạt",
        "the process claims clause {clauses} but no decision sends the work back when it is not yet effective",
    )
    rationale = Message(
        "ISO 9001 10.2.1 d yêu cầu xem xét hiệu lực của mọi hành động khắc phục đã thực hiện, và 10.2.1 b yêu cầu đánh giá "
        "nhu cầu hành động để loại bỏ nguyên nhân. Trên lưu đồ, việc xem xét đó là một bước quyết định («Hành động khắc phục "
        "có hiệu lực?») có nhánh quay lại bước khắc phục khi chưa đạt. Quy trình nhận đáp ứng 10.2 mà chỉ có đường đi một "
        "chiều thì đóng sự không phù hợp mà không kiểm tra kết quả. Quy tắc chỉ xem cấu trúc lưu đồ (có quyết định với nhánh "
        "quay lại), không đọc nội dung của bước.",
        "ISO 9001 10.2.1 d requires reviewing the effectiveness of any corrective action taken, and 10.2.1 b evaluating the "
        "need for action to eliminate causes. On a flowchart that review is a decision («Is the corrective action "
        "effective?») with a branch back to the corrective action when it is not. A process claiming 10.2 that only runs one "
        "way closes nonconformities without checking the result. The rule looks at the flowchart's structure (a decision "
        "with a branch going back), not at what the steps say.",
    )
    fix = Message(
        "thêm bước quyết định xác minh hiệu lực sau bước khắc phục, với một nhánh quay lại bước khắc phục (ví dụ «Chưa hiệu "
        "lực»: khac-phuc); hoặc bỏ 10.2 khỏi «iso_clauses» nếu quy trình không xử lý sự không phù hợp",
        "add a decision verifying effectiveness after the corrective action, with a branch back to it (e.g. «Not effective»: "
        "corrective-action); or remove 10.2 from «iso_clauses» if the process does not handle nonconformities",
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
