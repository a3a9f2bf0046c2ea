"""The process format, version 1, as pydantic models.

One YAML file describes one process (quy trình). The models forbid unknown
fields, so a misspelt field is an error with a "did you mean" hint rather
than silently ignored data. Field descriptions are bilingual because they
become the JSON Schema that editors show while a QMS officer types.

References between parts (a step's role, the next step, a record code, a
called process) are plain identifiers here; the loader resolves them and
reports the ones that name nothing at the line where they are written.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Annotated, Any

from pydantic import ConfigDict, Field, GetJsonSchemaHandler, PrivateAttr, StringConstraints, model_validator
from pydantic_core import core_schema

from qms.model.base import (  # noqa: F401 - re-exported: the other formats and the loader import these from here
    CLAUSE_PATTERN,
    PROCESS_CODE_PATTERN,
    RECORD_CODE_PATTERN,
    RULE_CODE_PATTERN,
    STEP_ID_PATTERN,
    VERSION_PATTERN,
    Clause,
    LegalId,
    NonEmpty,
    ProcessCode,
    RecordCode,
    RoleId,
    StepId,
    Text,
    Version,
    _Strict,
)
from qms.model.measure import Measure
from qms.model.procedure import Announcement, Channel, CitizenService, Level, LinkedProcedure  # noqa: F401 - Channel re-exported
from qms.model.values import ClockTime, Date, Duration, ProcedureCode, Retention, Target

FORMAT_VERSION = "1"


class Status(StrEnum):
    """Document status (ISO 9001 7.5.2 c: review and approval)."""

    DRAFT = "draft"  # dự thảo
    REVIEW = "review"  # đang xem xét
    APPROVED = "approved"  # đã phê duyệt, đang áp dụng
    OBSOLETE = "obsolete"  # hết hiệu lực, lưu để tra cứu


class DocumentKind(StrEnum):
    """What a cited document is: the law the process implements, or a standard or guideline it follows."""

    LEGAL = "legal"  # văn bản quy phạm pháp luật, văn bản hành chính
    STANDARD = "standard"  # tiêu chuẩn, hướng dẫn (TCVN ISO 9001, ISO 19011)


class Authority(StrEnum):
    """Authority a role holds and a step exercises (ISO 9001 5.3)."""

    APPROVE = "approve"  # phê duyệt
    SIGN = "sign"  # ký ban hành


class StepType(StrEnum):
    START = "start"
    TASK = "task"
    DECISION = "decision"
    SUBPROCESS = "subprocess"
    END = "end"


class Role(_Strict):
    """A role (lane): who does the work, never a named person."""

    name: Text = Field(description="Tên vai trò / role name, e.g. «Công chức Bộ phận Một cửa»")
    authority: list[Authority] = Field(default_factory=list, description="Thẩm quyền: approve (phê duyệt), sign (ký ban hành)")
    competence: Text | None = Field(None, description="Yêu cầu năng lực (ISO 9001 7.2) / competence required")
    description: Text | None = Field(None, description="Nhiệm vụ / duties")

    @model_validator(mode="before")
    @classmethod
    def _from_name_only(cls, value: Any) -> Any:
        # "roles: {mot-cua: Công chức Bộ phận Một cửa}" is the common short form.
        if isinstance(value, str) or (isinstance(value, dict) and "vi" in value and "name" not in value):
            return {"name": value}
        return value

    @classmethod
    def __get_pydantic_json_schema__(cls, schema: core_schema.CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        # The short form «mot-cua: Công chức Bộ phận Một cửa» is the role's name alone; editors must accept it too.
        as_object = handler(schema)
        return {"anyOf": [{"$ref": as_object["properties"]["name"]["$ref"]}, as_object]}


class SignOff(_Strict):
    """One signature of document control: prepared, reviewed or approved."""

    role: RoleId = Field(description="Vai trò ký / role that signs")
    name: NonEmpty | None = Field(None, description="Họ và tên / full name")
    date: Date | None = Field(None, description="Ngày ký / date signed")


class Approval(_Strict):
    """Document control block (ISO 9001 7.5.2 c): Soạn thảo / Xem xét / Phê duyệt."""

    prepared: SignOff | None = Field(None, description="Người soạn thảo / prepared by")
    reviewed: SignOff | None = Field(None, description="Người xem xét / reviewed by")
    approved: SignOff | None = Field(None, description="Người phê duyệt / approved by")


class Revision(_Strict):
    """One line of the revision history (theo dõi sửa đổi)."""

    version: Version = Field(description="Phiên bản sau sửa đổi / version after the change")
    date: Date = Field(description="Ngày sửa đổi / date of the change")
    changes: Text = Field(description="Nội dung sửa đổi / what changed and why")
    by: NonEmpty | None = Field(None, description="Người sửa đổi / changed by")


class LegalDocument(_Strict):
    """A legal document the process implements (căn cứ pháp lý), with its validity."""

    id: LegalId = Field(description="Mã tham chiếu nội bộ / reference id, e.g. nd-118-2025")
    number: NonEmpty = Field(description="Số, ký hiệu / number, e.g. 118/2025/NĐ-CP")
    title: Text = Field(description="Trích yếu / title")
    kind: DocumentKind = Field(
        DocumentKind.LEGAL, description="legal (văn bản pháp luật) | standard (tiêu chuẩn, hướng dẫn như ISO 19011) / what it is"
    )
    issued: Date | None = Field(None, description="Ngày ban hành / date issued")
    in_force_from: Date | None = Field(None, description="Ngày có hiệu lực / in force from")
    in_force_until: Date | None = Field(None, description="Ngày hết hiệu lực (ngày cuối còn hiệu lực) / last day in force")
    replaces: list[NonEmpty] = Field(default_factory=list, description="Văn bản được thay thế / documents it replaces, by number")
    articles: list[NonEmpty] = Field(default_factory=list, description="Điều, khoản áp dụng / articles relied on")
    verified: bool = Field(
        True, description="Đã đối chiếu với văn bản gốc (false: mới biết qua nguồn thứ cấp) / checked against the official text"
    )
    source: NonEmpty | None = Field(None, description="Nơi đã đọc văn bản (công báo, cổng thông tin) / where the text was read")

    def in_force_on(self, day: Any) -> bool:
        if self.in_force_from and day < self.in_force_from:
            return False
        return not (self.in_force_until and day > self.in_force_until)


class Record(_Strict):
    """A record or form (hồ sơ, biểu mẫu) the process produces (ISO 9001 7.5.3)."""

    code: RecordCode = Field(description="Mã biểu mẫu / record code, e.g. BM-01")
    name: Text = Field(description="Tên hồ sơ, biểu mẫu / record name")
    form: Text | None = Field(None, description="Mẫu theo quy định / prescribed form, e.g. «Mẫu số 01, Thông tư 03/2025/TT-VPCP»")
    legal_basis: LegalId | None = Field(
        None, description="Văn bản quy định mẫu (id trong legal_basis) / the legal document prescribing the form"
    )
    kept_by: RoleId | None = Field(None, description="Vai trò lưu giữ / role keeping the record")
    location: Text | None = Field(None, description="Nơi lưu / where kept (system, archive)")
    retention: Retention | None = Field(None, description="Thời hạn lưu trữ / retention period")


class DeadlineCase(_Strict):
    """A case with a deadline of its own (e.g. 08 instead of 05 working days when the pupil comes from another province).

    The case's deadline applies to every path through one of its steps; the process's ``deadline`` applies to the
    paths through none of them.
    """

    when: Text = Field(description="Trường hợp / the case, e.g. «Học sinh từ tỉnh khác»")
    deadline: Duration = Field(description="Thời hạn giải quyết của trường hợp này / its statutory deadline")
    through: list[StepId] = Field(min_length=1, description="Các bước chỉ có ở trường hợp này / steps only this case goes through")


class AfterSupplement(StrEnum):
    """What the clock does once the citizen brings the supplement a request asked for.

    ``resume`` is the default: the clock stood still while the citizen supplemented and runs on with the time already
    used counted (domain brief C1 step 4, C4: stop-clock during supplements [S], not read in Decree 118/2025 itself).
    ``restart`` is for a procedure whose published text says the time limit counts again in full from the receipt of
    the completed dossier [M: no register entry confirms which procedures say so; cite the text that does].
    """

    RESUME = "resume"  # tiếp tục tính: thời gian đã giải quyết vẫn được tính
    RESTART = "restart"  # tính lại từ đầu kể từ khi nhận đủ hồ sơ bổ sung


class Clock(_Strict):
    """Where the statutory deadline starts and stops counting (e.g. from the receipt of a complete dossier)."""

    starts_at: StepId | None = Field(None, description="Bước bắt đầu tính thời hạn (mặc định: bước bắt đầu) / step the clock starts at")
    stops_at: StepId | None = Field(None, description="Bước dừng tính thời hạn (mặc định: bước kết thúc) / step the clock stops at")
    cutoff: ClockTime | None = Field(
        None,
        description="Giờ tiếp nhận cuối trong ngày: hồ sơ nhận sau giờ này tính từ ngày làm việc tiếp theo (mặc định: của lịch "
        "làm việc) / cut-off hour: later receipts count from the next working day (default: the calendar's)",
    )
    after_supplement: AfterSupplement = Field(
        AfterSupplement.RESUME,
        description="Sau khi người nộp bổ sung hồ sơ: resume (tiếp tục tính, thời gian đã dùng vẫn tính; mặc định) | restart "
        "(tính lại đủ thời hạn từ khi nhận hồ sơ bổ sung) / after a supplement: resume (the time used counts; default) | "
        "restart (the full deadline counts again from the receipt of the completed dossier)",
    )


class WaitsFor(StrEnum):
    """Whom a step that stops the clock waits for: only they may stop it (Decree 118/2025 [S])."""

    CITIZEN = "citizen"  # người nộp bổ sung, hoàn thiện hồ sơ
    AGENCY = "agency"  # cơ quan khác cho ý kiến, giải quyết phần liên thông


class CalledPart(_Strict):
    """The part of a called process a sub-process step runs (e.g. only numbering and release of a document)."""

    starts_at: StepId | None = Field(None, description="Bước đầu của phần được gọi (mặc định: bước bắt đầu) / first step run")
    stops_at: StepId | None = Field(None, description="Bước cuối của phần được gọi (mặc định: bước kết thúc) / last step run")


class Branch(_Strict):
    """One outgoing branch of a decision step."""

    when: Text = Field(description="Nhãn nhánh / branch label, e.g. «Đủ», «Chưa đủ»")
    to: StepId = Field(description="Bước tiếp theo / next step id")


class Step(_Strict):
    """A step (bước) of the process graph."""

    id: StepId = Field(description="Mã bước, không dấu / step id, e.g. tiep-nhan")
    type: StepType = Field(StepType.TASK, description="start | task | decision | subprocess | end")
    name: Text = Field(description="Tên bước / step name")
    aliases: list[NonEmpty] = Field(
        default_factory=list,
        description="Nhãn khác của bước trong nhật ký, tệp xuất của phần mềm một cửa (qms conform) / other labels logs use for the step",
    )
    role: RoleId | None = Field(None, description="Vai trò thực hiện (chủ trì) / responsible role (lead)")
    support: list[RoleId] = Field(default_factory=list, description="Vai trò phối hợp / cooperating roles")
    description: Text | None = Field(None, description="Cách thực hiện / how it is done")
    inputs: list[Text] = Field(default_factory=list, description="Đầu vào / inputs")
    outputs: list[Text] = Field(default_factory=list, description="Đầu ra / outputs")
    records: list[RecordCode] = Field(default_factory=list, description="Hồ sơ, biểu mẫu tạo ra / records produced (codes)")
    duration: Duration | None = Field(None, description="Thời gian thực hiện / duration")
    next: StepId | None = Field(None, description="Bước tiếp theo (không dùng cho decision, end) / following step")
    branches: list[Branch] = Field(default_factory=list, description="Các nhánh của bước quyết định / branches of a decision")
    calls: ProcessCode | None = Field(None, description="Mã quy trình được gọi (subprocess) / called process code")
    calls_part: CalledPart | None = Field(
        None, description="Chỉ chạy một phần quy trình được gọi / only part of the called process, between two of its steps"
    )
    authority: Authority | None = Field(None, description="Thẩm quyền thực hiện ở bước này: approve | sign")
    criteria: Text | None = Field(None, description="Tiêu chí chấp nhận / acceptance criteria (ISO 9001 4.4.1 c)")
    stops_clock: bool = Field(
        False, description="Thời gian chờ ở bước này không tính vào thời hạn giải quyết (chờ bổ sung hồ sơ) / time not counted"
    )
    waits_for: WaitsFor | None = Field(
        None, description="Bước chờ ai: citizen (người nộp bổ sung) | agency (cơ quan khác) / whom the step waits for (QMS307)"
    )
    extends_deadline: bool = Field(
        False,
        description="Bước hẹn lại ngày trả (văn bản xin lỗi, Mẫu 04): các đường qua bước này được so với ngày hẹn mới, không với "
        "thời hạn ban đầu (QMS302, QMS308) / the step issues a new due date (apology, form 04): the paths through it are not "
        "held to the original deadline",
    )

    @property
    def successors(self) -> list[str]:
        """Ids of the steps that may follow, in the order written."""
        return [self.next] if self.next else [branch.to for branch in self.branches]


class KPI(_Strict):
    """A performance indicator (ISO 9001 9.1.1)."""

    code: RecordCode = Field(description="Mã chỉ số / KPI code, e.g. KPI-01")
    name: Text = Field(description="Tên chỉ số / KPI name")
    formula: Text | None = Field(None, description="Cách tính / formula in words")
    target: Target = Field(description="Chỉ tiêu / target, e.g. «>= 95%»")
    frequency: Text | None = Field(None, description="Tần suất đo / how often measured")
    data_source: Text | None = Field(None, description="Nguồn dữ liệu / data source")
    owner: RoleId | None = Field(None, description="Vai trò theo dõi / role that monitors it")
    measure: Measure | None = Field(
        None, description="Số đo trên nhật ký hồ sơ (qms analyze) / what qms analyze measures for it: in_time_rate, early_rate..."
    )


class RiskKind(StrEnum):
    RISK = "risk"
    OPPORTUNITY = "opportunity"


class Risk(_Strict):
    """A risk or opportunity (ISO 9001 6.1) and the steps that control it."""

    code: RecordCode = Field(description="Mã rủi ro / risk code, e.g. RR-01")
    kind: RiskKind = Field(RiskKind.RISK, description="risk (rủi ro) | opportunity (cơ hội)")
    description: Text = Field(description="Mô tả / description")
    cause: Text | None = Field(None, description="Nguyên nhân / cause")
    effect: Text | None = Field(None, description="Hậu quả / effect")
    likelihood: int | None = Field(None, ge=1, le=5, description="Khả năng xảy ra 1–5 / likelihood")
    impact: int | None = Field(None, ge=1, le=5, description="Mức độ ảnh hưởng 1–5 / impact")
    treatment: Text | None = Field(None, description="Biện pháp xử lý / treatment")
    controls: list[StepId] = Field(default_factory=list, description="Các bước kiểm soát / controlling steps")
    owner: RoleId | None = Field(None, description="Vai trò chịu trách nhiệm / risk owner role")
    review_date: Date | None = Field(None, description="Ngày xem xét lại / next review date")

    @property
    def level(self) -> int | None:
        return self.likelihood * self.impact if self.likelihood and self.impact else None


class Waiver(_Strict):
    """A reasoned exemption from one conformity rule, shown to auditors."""

    rule: Annotated[str, StringConstraints(pattern=RULE_CODE_PATTERN)] = Field(description="Mã quy tắc / rule code, e.g. QMS104")
    reason: Text = Field(description="Lý do / reason")
    approved_by: RoleId = Field(description="Vai trò chấp thuận / role that approved the waiver")
    step: StepId | None = Field(None, description="Chỉ miễn cho bước này / only for this step")
    date: Date | None = Field(None, description="Ngày chấp thuận / date approved")


class Process(_Strict):
    """A process (quy trình) of the quality management system."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        str_strip_whitespace=True,
        title="QMS process (quy trình ISO)",
        json_schema_extra={"$comment": "qms process format v" + FORMAT_VERSION},
    )

    code: ProcessCode = Field(description="Mã quy trình / process code, e.g. QT-TTHC-01")
    title: Text = Field(description="Tên quy trình / title")
    version: Version = Field(description="Lần ban hành / version, e.g. 1.0 or 2.1")
    status: Status = Field(description="draft | review | approved | obsolete")
    effective_date: Date | None = Field(None, description="Ngày hiệu lực / effective date")
    owner: RoleId = Field(description="Vai trò chủ trì quy trình / process owner role")
    approval: Approval | None = Field(None, description="Soạn thảo, xem xét, phê duyệt / document control")
    revisions: list[Revision] = Field(default_factory=list, description="Theo dõi sửa đổi / revision history")
    purpose: Text | None = Field(None, description="Mục đích / purpose")
    scope: Text | None = Field(None, description="Phạm vi áp dụng / scope")
    legal_basis: list[LegalDocument] = Field(default_factory=list, description="Căn cứ pháp lý / legal basis")
    iso_clauses: list[Clause] = Field(default_factory=list, description="Điều khoản ISO 9001 được đáp ứng / ISO 9001 clauses evidenced")
    deadline: Duration | None = Field(None, description="Thời hạn giải quyết theo quy định / statutory deadline")
    clock: Clock | None = Field(
        None, description="Thời hạn tính từ bước nào đến bước nào / which steps the deadline is counted between (default: start to end)"
    )
    deadline_cases: list[DeadlineCase] = Field(
        default_factory=list,
        description="Trường hợp có thời hạn riêng / cases with a deadline of their own (e.g. when verification is needed)",
    )
    procedure_code: ProcedureCode | None = Field(
        None, description="Mã thủ tục hành chính trên Cơ sở dữ liệu quốc gia / national administrative procedure code, e.g. 1.005092"
    )
    citizen_facing: bool = Field(
        False,
        description=(
            "Phục vụ trực tiếp người dân, tổ chức (TTHC); có mã TTHC, «citizen_service» hay giấy tiếp nhận và hẹn trả kết quả "
            "thì luôn là có / serves citizens directly; always so with a procedure code, «citizen_service» or a one-stop receipt"
        ),
    )
    level: Level | None = Field(None, description="Cấp giải quyết / level that handles it: central | province | commune")
    announcement: Announcement | None = Field(None, description="Quyết định công bố thủ tục của tỉnh / the province's announcing decision")
    linked_procedures: list[LinkedProcedure] = Field(
        default_factory=list, description="Thủ tục liên thông với cơ quan khác / linked procedures in other agencies (liên thông)"
    )
    citizen_service: CitizenService | None = Field(None, description="Công khai, phí, phản ánh, hài lòng / citizen service (ISO 18091)")
    roles: dict[RoleId, Role] = Field(description="Các vai trò / roles (lanes), in display order")
    records: list[Record] = Field(default_factory=list, description="Hồ sơ, biểu mẫu / records and forms")
    steps: list[Step] = Field(min_length=1, description="Các bước / steps")
    kpis: list[KPI] = Field(default_factory=list, description="Chỉ số đo lường / KPIs")
    risks: list[Risk] = Field(default_factory=list, description="Rủi ro và cơ hội / risks and opportunities")
    resources: list[Text] = Field(default_factory=list, description="Nguồn lực: hệ thống, thiết bị / resources")
    waivers: list[Waiver] = Field(default_factory=list, description="Miễn áp dụng quy tắc kiểm tra, có lý do / rule waivers")

    _origin: Any = PrivateAttr(default=None)

    # --- look-ups used by every later stage --------------------------------
    def step(self, step_id: str) -> Step:
        return self.steps_by_id[step_id]

    def record(self, code: str) -> Record:
        return self.records_by_code[code]

    @cached_property
    def steps_by_id(self) -> dict[str, Step]:
        return {step.id: step for step in self.steps}

    @cached_property
    def records_by_code(self) -> dict[str, Record]:
        return {record.code: record for record in self.records}

    @property
    def origin(self) -> Any:
        """Where the process was read from (a :class:`qms.load.Origin`), if loaded from a file."""
        return self._origin
