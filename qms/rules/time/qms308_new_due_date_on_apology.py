from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import apology_records
from qms.i18n import pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class NewDueDateOnApology(Rule):
    code = "QMS308"
    name = "new-due-date-on-apology"
    severity = Severity.ERROR
    iso9001 = ("8.1", "8.7.1")
    legal = (
        "Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, Mẫu số 04 (văn bản xin lỗi và đề nghị gia hạn) [chưa xác minh / unconfirmed]",
    )
    title = pgettext("QMS308", "Chỉ bước lập văn bản xin lỗi mới hẹn lại ngày trả kết quả")
    message = pgettext(
        "QMS308",
        "bước «{step_id}» hẹn lại ngày trả (extends_deadline) nhưng không lập văn bản xin lỗi và hẹn lại ngày trả kết quả",
    )
    rationale = pgettext(
        "QMS308",
        "Khi hồ sơ có nguy cơ trễ hạn, cơ quan gửi người dân văn bản xin lỗi nêu ngày hẹn trả mới (Mẫu số 04 Thông tư "
        "03/2025/TT-VPCP [chưa xác minh / unconfirmed]); các bước sau đó được so với ngày hẹn mới nên QMS302 không so đường "
        "qua bước đó với thời hạn ban đầu. Ghi «extends_deadline: true» ở một bước khác (thẩm định, trình ký) là cách dễ "
        "nhất để quy trình trông như kịp hạn; vì vậy bước hẹn lại phải tạo ra hồ sơ xin lỗi (hồ sơ có tên hoặc mẫu chứa "
        "«xin lỗi», như QMS304 nhận ra). Hồ sơ vẫn được tính là quá hạn theo ngày hẹn ban đầu khi đo (Quyết định "
        "766/QĐ-TTg, docs/analyze.md).",
    )
    fix = pgettext(
        "QMS308",
        "ghi mã hồ sơ xin lỗi (ví dụ «Văn bản xin lỗi và đề nghị gia hạn», Mẫu số 04) trong «records» của bước, hoặc bỏ "
        "«extends_deadline» nếu bước không hẹn lại ngày trả",
    )
    example = read_example(__file__, "QMS308")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        apologies = {record.code for record in apology_records(ctx.process)}
        for step in ctx.process.steps:
            if step.extends_deadline and not apologies.intersection(step.records):
                yield self.at_step(ctx, step.id, "extends_deadline")
