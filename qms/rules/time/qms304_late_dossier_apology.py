from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import apology_records, steps_producing
from qms.i18n import Message, pgettext
from qms.rules.base import Finding, Rule, RuleContext
from qms.rules.example_files import read_example


class LateDossierApology(Rule):
    code = "QMS304"
    name = "late-dossier-apology"
    severity = Severity.ERROR
    iso9001 = ("8.7.1", "8.1")
    legal = (
        "Nghị định 118/2025/NĐ-CP; Thông tư 03/2025/TT-VPCP, Mẫu số 04 (văn bản xin lỗi và đề nghị gia hạn)",
        "trước 01/7/2025 / before 1 July 2025: Nghị định 61/2018/NĐ-CP; Thông tư 01/2018/TT-VPCP, Mẫu số 04",
    )
    title = pgettext(
        "QMS304",
        "Quy trình phục vụ người dân có bước lập văn bản xin lỗi khi trễ hạn",
    )
    message = pgettext(
        "QMS304",
        "quy trình phục vụ người dân nhưng không bước nào trên luồng từ bước bắt đầu lập văn bản xin lỗi "
        "và hẹn lại ngày trả kết quả khi hồ sơ trễ hạn{detail}",
    )
    rationale = pgettext(
        "QMS304",
        "Khi hồ sơ quá hạn, cơ quan phải gửi người dân văn bản xin lỗi, nêu lý do và hẹn lại ngày trả kết quả: trước "
        "01/7/2025 là Mẫu số 04 Thông tư 01/2018/TT-VPCP (Nghị định 61/2018/NĐ-CP), từ 01/7/2025 là Mẫu số 04 «Văn bản xin "
        "lỗi và đề nghị gia hạn thời gian giải quyết» Thông tư 03/2025/TT-VPCP theo Nghị định 118/2025/NĐ-CP [chưa xác minh "
        "/ unconfirmed]. Đây là cách kiểm soát đầu ra không phù hợp và thông báo cho khách hàng (ISO 9001 8.7.1). Quy tắc "
        "nhận ra phiếu xin lỗi qua tên hoặc mẫu của hồ sơ (bỏ dấu, chữ thường) có chứa «xin loi» hoặc «apolog»; "
        "đặt tên khác thì quy tắc không nhận ra.",
    )
    fix = pgettext(
        "QMS304",
        "thêm bước xử lý hồ sơ trễ hạn tạo hồ sơ «Phiếu xin lỗi và hẹn lại ngày trả kết quả» (ghi mẫu theo quy định) "
        "và nối bước đó vào luồng",
    )
    example = read_example(__file__, "QMS304")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if not ctx.citizen_facing:
            return
        # Without a start every step would count as unreachable; QMS101 reports that.
        reached = ctx.graph.reachable_from_start if ctx.graph.starts else set(process.steps_by_id)
        apologies = sorted({r.code for r in apology_records(process)})
        if any(step.id in reached for code in apologies for step in steps_producing(process, code)):
            return
        detail = Message("", "")
        if apologies:  # drawn but never issued: say which record, so the officer links its step
            detail = pgettext("QMS304", " (đã khai báo {codes} nhưng không bước nào đi tới được tạo ra)")
            detail = detail.format(codes=", ".join(apologies))
        yield self.finding(ctx, ctx.citizen_facing_location(), detail=detail)
