"""The codes of findings about a plan (family ``PLN``): the "5 rõ" of its tasks and how it is tracked.

:data:`PLAN_CODES` is the table :mod:`qms.codes` gathers (family ``"PLN"``); :func:`qms.plan.findings.plan_findings`
reports them. A plan file that cannot be read at all is reported with the loader's codes (``QMS001``–``QMS021``).
Each explanation names what it enforces: ISO 9001:2015 6.2.2 (planning how to achieve the quality objectives:
what will be done, what resources, who is responsible, when it will be completed, how results are evaluated) and
the "5 rõ" the seeds ask of a task assigned in an agency: rõ người, rõ việc, rõ thời gian, rõ kết quả, rõ trách nhiệm.
"""

from __future__ import annotations

from enum import StrEnum

from qms.diagnostics import CodeInfo, Severity
from qms.i18n import Message, _


class PlnCode(StrEnum):
    NO_LEAD = "PLN001"  # a task (or recurring report) without a lead unit
    NO_TIME = "PLN002"  # a task without a time frame
    ON_REQUEST = "PLN003"  # a task whose time is "on request", continuous: no deadline (info)
    NO_PRODUCT = "PLN004"  # a task without a product
    DONE_UNPROVEN = "PLN005"  # done without a completion date or without evidence (warning)
    UNMEASURED = "PLN006"  # a target with no measure, KPI or value (warning)
    VALUE_UNPROVEN = "PLN007"  # a value entered by hand without its evidence (warning)
    OVERDUE = "PLN008"  # a task past its deadline and not done, as of a date (warning)
    REPORT_OVERDUE = "PLN009"  # a periodic report past its due date and not sent, as of a date (warning)
    OUTSIDE_PERIOD = "PLN010"  # a deadline outside the plan's period (info)


def _code(code: PlnCode, title: Message, explanation: Message, fix: Message, severity: Severity) -> CodeInfo:
    return CodeInfo.preview(code.value, "plan", title, explanation, fix, severity)


PLAN_CODES: tuple[CodeInfo, ...] = (
    _code(
        PlnCode.NO_LEAD,
        _("nhiệm vụ không có đơn vị chủ trì"),
        _(
            "Mỗi nhiệm vụ của kế hoạch, kể cả báo cáo định kỳ, nêu đơn vị chủ trì: không có đơn vị chủ trì thì không ai phải "
            "báo cáo kết quả. Căn cứ: ISO 9001:2015 điều 6.2.2 c (ai chịu trách nhiệm); «rõ người, rõ trách nhiệm» trong «5 rõ»."
        ),
        _("thêm «lead:» với mã một đơn vị trong «units»"),
        Severity.ERROR,
    ),
    _code(
        PlnCode.NO_TIME,
        _("nhiệm vụ không có thời gian thực hiện"),
        _(
            "Mỗi nhiệm vụ nêu thời gian hoàn thành (một ngày, tháng, quý, 6 tháng, năm, một khoảng) hoặc ghi rõ «Theo yêu cầu», "
            "«Thường xuyên». Căn cứ: ISO 9001:2015 điều 6.2.2 d (khi nào hoàn thành); «rõ thời gian» trong «5 rõ»."
        ),
        _("thêm «time:», ví dụ «Quý II/2026», «Tháng 10/2026», «Trước ngày 15/3/2026» hoặc «Theo yêu cầu»"),
        Severity.ERROR,
    ),
    _code(
        PlnCode.ON_REQUEST,
        _("nhiệm vụ theo yêu cầu hoặc thường xuyên: không có hạn để theo dõi"),
        _(
            "Thời gian «Theo yêu cầu», «Thường xuyên», «Khi có yêu cầu» được chấp nhận, nhưng nhiệm vụ không có hạn hoàn thành "
            "nên không bao giờ quá hạn trong theo dõi. Căn cứ: ISO 9001:2015 điều 6.2.2 d; «rõ thời gian» trong «5 rõ»."
        ),
        _("nếu biết kỳ báo cáo, ghi thời gian cụ thể (ví dụ «Tháng 01/2026»), hoặc đưa vào «recurring»"),
        Severity.INFO,
    ),
    _code(
        PlnCode.NO_PRODUCT,
        _("nhiệm vụ không có sản phẩm"),
        _(
            "Mỗi nhiệm vụ nêu sản phẩm đầu ra (kế hoạch, báo cáo, quyết định...) để biết khi nào đã xong và đánh giá được kết "
            "quả. Căn cứ: ISO 9001:2015 điều 6.2.2 a và e (làm gì, đánh giá kết quả thế nào); «rõ việc, rõ kết quả» trong «5 rõ»."
        ),
        _("thêm «product:», ví dụ «Báo cáo», «Quyết định ban hành»"),
        Severity.ERROR,
    ),
    _code(
        PlnCode.DONE_UNPROVEN,
        _("nhiệm vụ đã hoàn thành nhưng thiếu ngày hoàn thành hoặc minh chứng"),
        _(
            "Nhiệm vụ ghi «done» cần ngày hoàn thành (để biết đúng hạn hay trễ hạn; không có ngày thì được tính là đúng hạn) và "
            "minh chứng (số văn bản, đường dẫn). Căn cứ: ISO 9001:2015 điều 7.5 và 9.1.1 (lưu giữ thông tin dạng văn bản làm bằng chứng kết quả)."
        ),
        _("thêm «completed:» (ngày hoàn thành) và «evidence:» (số, ngày văn bản)"),
        Severity.WARNING,
    ),
    _code(
        PlnCode.UNMEASURED,
        _("chỉ tiêu không có cách đo"),
        _(
            "Chỉ tiêu phải đo được: một số đo trên nhật ký hồ sơ («measure» và «logs»), một KPI của quy trình («kpi»), hoặc giá "
            "trị nhập tay có minh chứng («value», «evidence»). Căn cứ: ISO 9001:2015 điều 6.2.1 b (đo được) và 6.2.2 e."
        ),
        _("thêm «measure:» và «logs:», «kpi:», hoặc «value:» với «evidence:»"),
        Severity.WARNING,
    ),
    _code(
        PlnCode.VALUE_UNPROVEN,
        _("giá trị chỉ tiêu nhập tay không có minh chứng"),
        _(
            "Giá trị đạt được nhập tay («value») cần minh chứng (kết quả khảo sát, báo cáo, đường dẫn) để kiểm tra lại được. "
            "Căn cứ: ISO 9001:2015 điều 9.1.1 (lưu giữ thông tin dạng văn bản làm bằng chứng kết quả)."
        ),
        _("thêm «evidence:» nêu nguồn của giá trị"),
        Severity.WARNING,
    ),
    _code(
        PlnCode.OVERDUE,
        _("nhiệm vụ quá hạn chưa hoàn thành"),
        _(
            "Vào ngày xét, hạn hoàn thành của nhiệm vụ (ngày cuối của thời gian thực hiện) đã qua mà nhiệm vụ chưa hoàn thành. "
            "Căn cứ: ISO 9001:2015 điều 6.2.2 d và 9.1.1 (theo dõi việc thực hiện)."
        ),
        _("hoàn thành và ghi «status: done», «completed:», hoặc ghi lý do chậm ở «notes»"),
        Severity.WARNING,
    ),
    _code(
        PlnCode.REPORT_OVERDUE,
        _("báo cáo định kỳ quá hạn chưa gửi"),
        _(
            "Vào ngày xét, hạn gửi báo cáo của một kỳ đã qua mà trong «done» không có ngày gửi nào cho kỳ đó. Căn cứ: ISO "
            "9001:2015 điều 9.1.1; chế độ báo cáo của cơ quan hành chính nhà nước (Nghị định 09/2019/NĐ-CP)."
        ),
        _("gửi báo cáo và thêm ngày gửi vào «done»"),
        Severity.WARNING,
    ),
    _code(
        PlnCode.OUTSIDE_PERIOD,
        _("hạn hoàn thành nằm ngoài thời gian của kế hoạch"),
        _(
            "Hạn hoàn thành của nhiệm vụ trước ngày bắt đầu hoặc sau ngày kết thúc của kế hoạch: thường là gõ nhầm năm. "
            "Căn cứ: ISO 9001:2015 điều 6.2.2 d."
        ),
        _("kiểm tra năm trong «time», hoặc «period» của kế hoạch"),
        Severity.INFO,
    ),
)


__all__ = ["PLAN_CODES", "PlnCode"]
