from collections.abc import Iterator

from qms.diagnostics import Severity
from qms.domain import apology_records, steps_producing
from qms.i18n import Message
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
    title = Message(
        "Quy trình phục vụ người dân có bước lập văn bản xin lỗi khi trễ hạn",
        "A citizen-facing process has a step issuing an apology when a dossier is late",
    )
    message = Message(
        "quy trình phục vụ người dân nhưng không bước nào trên luồng từ bước bắt đầu lập văn bản xin lỗi "
        "và hẹn lại ngày trả kết quả khi hồ sơ trễ hạn{detail}",
        "the process serves citizens but no step reachable from the start issues the apology and new return date "
        "for a late dossier{detail}",
    )
    rationale = Message(
        "Khi hồ sơ quá hạn, cơ quan phải gửi người dân văn bản xin lỗi, nêu lý do và hẹn lại ngày trả kết quả: trước "
        "01/7/2025 là Mẫu số 04 Thông tư 01/2018/TT-VPCP (Nghị định 61/2018/NĐ-CP), từ 01/7/2025 là Mẫu số 04 «Văn bản xin "
        "lỗi và đề nghị gia hạn thời gian giải quyết» Thông tư 03/2025/TT-VPCP theo Nghị định 118/2025/NĐ-CP [chưa xác minh "
        "/ unconfirmed]. Đây là cách kiểm soát đầu ra không phù hợp và thông báo cho khách hàng (ISO 9001 8.7.1). Quy tắc "
        "nhận ra phiếu xin lỗi qua tên hoặc mẫu của hồ sơ (bỏ dấu, chữ thường) có chứa «xin loi» hoặc «apolog»; "
        "đặt tên khác thì quy tắc không nhận ra.",
        "When a dossier is late the agency must give the citizen a written apology stating the reason and a new return date: "
        "before 1 July 2025 form 04 of Circular 01/2018/TT-VPCP (Decree 61/2018/ND-CP), from then form 04 «apology and request "
        "to extend the time» of Circular 03/2025/TT-VPCP under Decree 118/2025/ND-CP [chưa xác minh / unconfirmed]. It is "
        "how a nonconforming output is handled and the customer informed (ISO 9001 8.7.1). The rule recognises the apology "
        "by a record whose name or form, without diacritics and lowercased, contains «xin loi» or «apolog»; under another "
        "name it is not recognised.",
    )
    fix = Message(
        "thêm bước xử lý hồ sơ trễ hạn tạo hồ sơ «Phiếu xin lỗi và hẹn lại ngày trả kết quả» (ghi mẫu theo quy định) "
        "và nối bước đó vào luồng",
        "add a step for late dossiers producing a record named like «Phiếu xin lỗi và hẹn lại ngày trả kết quả» "
        "(with its prescribed form) and link it into the flow",
    )
    example = read_example(__file__, "QMS304")

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        process = ctx.process
        if not process.citizen_facing:
            return
        # Without a start every step would count as unreachable; QMS101 reports that.
        reached = ctx.graph.reachable_from_start if ctx.graph.starts else set(process.steps_by_id)
        apologies = sorted({r.code for r in apology_records(process)})
        if any(step.id in reached for code in apologies for step in steps_producing(process, code)):
            return
        detail = Message("", "")
        if apologies:  # drawn but never issued: say which record, so the officer links its step
            detail = Message(" (đã khai báo {codes} nhưng không bước nào đi tới được tạo ra)", " ({codes} is declared but never produced)")
            detail = detail.format(codes=", ".join(apologies))
        yield self.finding(ctx, ctx.location("citizen_facing"), detail=detail)
