"""What the law says about an administrative procedure beyond its steps: level, announcement, channels, fees, links.

A one-stop procedure (thủ tục hành chính) is published with its national code, the level of government that handles
it, the province's decision announcing it, the ways to submit it (online fully, partly, or not, and why), its fees and
charges with their exemptions, and the procedures of other agencies it is linked with (liên thông). Written here, they
are checked by rules and shown in the handbook instead of being hidden in free text. Since 1 July 2025 there is no
district level (two-tier local government [S]): ``level`` has no such value.
"""

from __future__ import annotations

from enum import StrEnum

from pydantic import Field

from qms.model.base import LegalId, RecordCode, Text, _Strict
from qms.model.values import Date, ProcedureCode


class Level(StrEnum):
    """The level of government that handles a procedure."""

    CENTRAL = "central"  # bộ, ngành trung ương
    PROVINCE = "province"  # cấp tỉnh: sở, UBND tỉnh
    COMMUNE = "commune"  # cấp xã, phường, đặc khu


class Announcement(_Strict):
    """The province's decision announcing the procedure (quyết định công bố thủ tục hành chính)."""

    decision: str = Field(description="Số quyết định / decision number, e.g. 1150/QĐ-UBND")
    date: Date | None = Field(None, description="Ngày ký / date signed")
    legal_basis: LegalId | None = Field(None, description="Mã văn bản trong legal_basis, nếu có / the legal_basis entry, if any")


class LinkedProcedure(_Strict):
    """A procedure of another agency this one is linked with (thủ tục liên thông)."""

    agency: Text = Field(description="Cơ quan / agency, e.g. «Công an xã»")
    name: Text = Field(description="Tên thủ tục / procedure name")
    procedure_code: ProcedureCode | None = Field(None, description="Mã TTHC của thủ tục đó / its national code")


class Channel(StrEnum):
    DIRECT = "direct"  # trực tiếp
    POSTAL = "postal"  # bưu chính công ích
    ONLINE_PARTIAL = "online_partial"  # trực tuyến một phần
    ONLINE_FULL = "online_full"  # trực tuyến toàn trình


class ChargeKind(StrEnum):
    FEE = "fee"  # phí: bù đắp chi phí dịch vụ
    CHARGE = "charge"  # lệ phí: cho việc cơ quan nhà nước thực hiện dịch vụ công


class Charge(_Strict):
    """One fee or charge as the announcement sets it (amount in đồng; 0 for a procedure that is free)."""

    name: Text = Field(description="Tên khoản thu / what it is for, e.g. «Lệ phí cấp bản sao»")
    kind: ChargeKind = Field(ChargeKind.CHARGE, description="fee (phí) | charge (lệ phí)")
    amount: int = Field(ge=0, description="Mức thu, đồng / amount in VND")
    per: Text | None = Field(None, description="Tính trên / per what, e.g. «bản sao»")
    exemptions: Text | None = Field(None, description="Đối tượng miễn, giảm / who is exempt or pays less")
    legal_basis: LegalId | None = Field(None, description="Văn bản quy định mức thu (mã trong legal_basis) / the legal_basis entry")


class CitizenService(_Strict):
    """How a citizen-facing process is made public and heard (ISO 18091, NQ 76/NQ-CP)."""

    channels: list[Channel] = Field(default_factory=list, description="Cách thức nộp hồ sơ / submission channels")
    online_reason: Text | None = Field(
        None,
        description="Vì sao không trực tuyến toàn trình (kết quả phải là bản giấy có đóng dấu, phải có mặt…) / why the "
        "procedure is not fully online (QMS704)",
    )
    charges: list[Charge] = Field(default_factory=list, description="Phí, lệ phí theo quyết định công bố / fees and charges")
    fees: Text | None = Field(None, description="Phí, lệ phí (ghi chú) / fees, in words")
    publication: Text | None = Field(None, description="Công khai thủ tục, kết quả / how the procedure and results are published")
    feedback: Text | None = Field(None, description="Tiếp nhận phản ánh, kiến nghị / how citizens give feedback")
    satisfaction_kpi: RecordCode | None = Field(None, description="Mã KPI đo mức độ hài lòng / KPI measuring satisfaction")


__all__ = ["Announcement", "Channel", "Charge", "ChargeKind", "CitizenService", "Level", "LinkedProcedure"]
