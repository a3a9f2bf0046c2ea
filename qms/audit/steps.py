"""The audit step library: every step once, with its Vietnamese and its English phrase.

A criterion is written in Vietnamese (``# language: vi``) or in English; each
phrase works after any keyword (Biết, Cho, Khi, Thì, Và, Nhưng / Given, When,
Then, And, But). A value in double quotes is a code (process, step, role,
record, KPI) or a name as written in the process file::

    # language: vi
    Tính năng: Kiểm soát hồ sơ (ISO 9001 7.5.3)
      @iso9001-7.5.3 @QT-TTHC-01
      Kịch bản: Sổ theo dõi hồ sơ được lưu đủ thời hạn
        Biết quy trình "QT-TTHC-01"
        Thì hồ sơ "BM-TTHC-07" được lưu ít nhất 10 năm

    Feature: Control of records (ISO 9001 7.5.3)
      @iso9001-7.5.3 @QT-TTHC-01
      Scenario: The dossier register is kept long enough
        Given the process "QT-TTHC-01"
        Then record "BM-TTHC-07" is kept for at least 10 years

:data:`STEPS` is data: one :class:`AuditStep` per step, naming the check it
runs (:mod:`qms.audit.checks`) and its two phrases, so that no step exists in
one language only. Importing the module declares every phrase to pytest-bdd;
the pytest plugin (:mod:`qms.audit.plugin`) loads it through ``pytest_plugins``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from inspect import Parameter, Signature, signature
from typing import Any

import pytest
from pytest_bdd import step

from qms.audit import checks
from qms.audit.collect import EXAMINED
from qms.audit.library import AuditedProcess, ProcessLibrary
from qms.audit.parsers import Phrase, display_other
from qms.i18n import Lang


def choose_process(library: ProcessLibrary, code: str, request: pytest.FixtureRequest) -> AuditedProcess:
    """The body of «Biết quy trình "…"» / «Given the process "…"»: remember the process, return it."""
    examined = request.node.stash.setdefault(EXAMINED, [])
    if code not in examined:
        examined.append(code)
    return library.get(code)


@dataclass(frozen=True)
class AuditStep:
    """One step of the library: the check it runs and its phrase in each language.

    The fields of both phrases (``{role:Ma}`` / ``{role:Code}``) are parameters
    of ``check``; ``fixtures`` gives the other parameters the pytest fixture
    each one takes (by default the process the scenario chose, as ``a``).
    ``target_fixture`` names the fixture the step's result becomes.
    """

    check: Callable[..., object]
    vi: str
    en: str
    fixtures: tuple[tuple[str, str], ...] = (("a", "qms_process"),)
    target_fixture: str | None = None

    def phrases(self) -> tuple[Phrase, Phrase]:
        return Phrase(self.vi, Lang.VI), Phrase(self.en, Lang.EN)

    def function(self) -> Callable[..., object]:
        """The pytest-bdd step function: ``check``, its parameters renamed to the fixtures they take."""
        check, to_fixture = self.check, dict(self.fixtures)
        to_parameter = {fixture: parameter for parameter, fixture in self.fixtures}
        parameters = [
            p.replace(name=to_fixture.get(p.name, p.name), annotation=Parameter.empty) for p in signature(check).parameters.values()
        ]

        def run(**kwargs: Any) -> object:
            return check(**{to_parameter.get(name, name): value for name, value in kwargs.items()})

        run.__signature__ = Signature(parameters)  # type: ignore[attr-defined]
        run.__name__ = run.__qualname__ = getattr(check, "__name__", "step")
        run.__doc__ = check.__doc__
        return run


STEPS: tuple[AuditStep, ...] = (
    # Choosing the process
    AuditStep(
        choose_process,
        'quy trình "{code:Ma}"',
        'the process "{code:Code}"',
        fixtures=(("library", "qms_library"),),
        target_fixture="qms_process",
    ),
    # Owner and approval (ISO 9001 5.3, 7.5.2)
    AuditStep(checks.owner_is, 'quy trình do vai trò "{role:Ma}" chủ trì', 'the process is owned by role "{role:Code}"'),
    AuditStep(checks.status_is, 'quy trình ở trạng thái "{status:TrangThai}"', 'the process has status "{status:Status}"'),
    AuditStep(checks.approved_by, 'quy trình được phê duyệt bởi vai trò "{role:Ma}"', 'the process is approved by role "{role:Code}"'),
    AuditStep(checks.approver_not_drafter, "người phê duyệt khác người soạn thảo", "the approver is not the drafter"),
    AuditStep(checks.approver_has_authority, "người phê duyệt có thẩm quyền phê duyệt", "the approver holds approval authority"),
    AuditStep(
        checks.effective_not_before_approval,
        "ngày hiệu lực không sớm hơn ngày phê duyệt",
        "the effective date is not before the approval date",
    ),
    AuditStep(
        checks.revision_for_current_version,
        "lịch sử sửa đổi có phiên bản hiện hành",
        "the revision history records the current version",
    ),
    # Steps, roles and records that exist
    AuditStep(checks.has_step, 'quy trình có bước "{step:Ma}"', 'the process has a step "{step:Code}"'),
    AuditStep(checks.has_role, 'quy trình có vai trò "{role:Ma}"', 'the process has a role "{role:Code}"'),
    AuditStep(checks.has_record, 'quy trình có hồ sơ "{record:Ma}"', 'the process has a record "{record:Code}"'),
    AuditStep(checks.every_step_has_role, "mọi bước đều có vai trò thực hiện", "every step has a responsible role"),
    AuditStep(checks.step_done_by, 'bước "{step:Ma}" do vai trò "{role:Ma}" thực hiện', 'step "{step:Code}" is done by role "{role:Code}"'),
    AuditStep(
        checks.authority_steps_by_authorised_roles,
        "mọi bước phê duyệt, ký ban hành đều do vai trò có thẩm quyền thực hiện",
        "every approving or signing step is done by a role holding that authority",
    ),
    # Time
    AuditStep(
        checks.longest_path_within_deadline,
        "đường đi dài nhất không vượt quá thời hạn giải quyết",
        "the longest path fits the statutory deadline",
    ),
    AuditStep(
        checks.longest_path_within,
        "đường đi dài nhất không vượt quá {duration:ThoiLuong}",
        "the longest path takes at most {duration:Duration}",
    ),
    AuditStep(
        checks.deadline_at_most,
        "thời hạn giải quyết không quá {duration:ThoiLuong}",
        "the statutory deadline is at most {duration:Duration}",
    ),
    AuditStep(
        checks.step_within,
        'bước "{step:Ma}" hoàn thành trong {duration:ThoiLuong}',
        'step "{step:Code}" takes at most {duration:Duration}',
    ),
    AuditStep(
        checks.clock_stops_at,
        'thời gian ở bước "{step:Ma}" không tính vào thời hạn giải quyết',
        'time spent in step "{step:Code}" does not count towards the deadline',
    ),
    # Late dossiers
    AuditStep(
        checks.late_branch_produces,
        "có nhánh xử lý hồ sơ trễ hạn lập văn bản xin lỗi",
        "a branch for late dossiers issues an apology",
    ),
    AuditStep(
        checks.late_branch_produces,
        'có nhánh xử lý hồ sơ trễ hạn lập hồ sơ "{record:Ma}"',
        'a branch for late dossiers produces record "{record:Code}"',
    ),
    # Records (ISO 9001 7.5.3)
    AuditStep(
        checks.record_produced_by,
        'hồ sơ "{record:Ma}" được lập ở bước "{step:Ma}"',
        'record "{record:Code}" is produced by step "{step:Code}"',
    ),
    AuditStep(
        checks.record_kept_at_least,
        'hồ sơ "{record:Ma}" được lưu ít nhất {years:So} năm',
        'record "{record:Code}" is kept for at least {years:Number} years',
    ),
    AuditStep(checks.record_kept_permanently, 'hồ sơ "{record:Ma}" được lưu vĩnh viễn', 'record "{record:Code}" is kept permanently'),
    AuditStep(checks.record_follows_form, 'hồ sơ "{record:Ma}" theo mẫu "{form:Ma}"', 'record "{record:Code}" follows form "{form:Code}"'),
    AuditStep(
        checks.records_fully_kept,
        "mọi hồ sơ đều có vai trò lưu giữ, nơi lưu và thời hạn lưu trữ",
        "every record has a keeper, a location and a retention period",
    ),
    # KPIs (ISO 9001 9.1)
    AuditStep(
        checks.kpi_target_at_least,
        'chỉ số "{kpi:Ma}" có chỉ tiêu ít nhất {percent:PhanTram}',
        'KPI "{kpi:Code}" has a target of at least {percent:Percent}',
    ),
    AuditStep(
        checks.satisfaction_kpi_at_least,
        "chỉ số đo mức độ hài lòng có chỉ tiêu ít nhất {percent:PhanTram}",
        "the satisfaction KPI has a target of at least {percent:Percent}",
    ),
    AuditStep(checks.kpi_count_at_least, "quy trình có ít nhất {count:So} chỉ số", "the process has at least {count:Number} KPIs"),
    AuditStep(
        checks.kpis_complete,
        "mọi chỉ số đều có cách tính, tần suất đo, nguồn dữ liệu và vai trò theo dõi",
        "every KPI has a formula, a frequency, a data source and an owner",
    ),
    # Clauses, legal basis, check rules
    AuditStep(
        checks.clause_evidenced,
        "quy trình đáp ứng điều khoản ISO 9001 {clause:DieuKhoan}",
        "the process evidences ISO 9001 clause {clause:Clause}",
    ),
    AuditStep(checks.legal_cited, 'quy trình có căn cứ pháp lý "{number:Ma}"', 'the process cites legal document "{number:Code}"'),
    AuditStep(checks.no_rule_finding, 'quy trình không có phát hiện "{rule:Ma}"', 'the process has no finding "{rule:Code}"'),
    AuditStep(
        checks.no_finding_at_least,
        'quy trình không có phát hiện từ mức "{severity:MucDo}" trở lên',
        'the process has no finding of severity "{severity:Severity}" or above',
    ),
    # Order, branches, control (ISO 9001 4.4, 8.5.1)
    AuditStep(
        checks.step_precedes,
        'bước "{before:Ma}" luôn diễn ra trước bước "{after:Ma}"',
        'step "{before:Code}" always comes before step "{after:Code}"',
    ),
    AuditStep(
        checks.has_branch_to,
        'bước "{step:Ma}" có nhánh dẫn tới bước "{target:Ma}"',
        'step "{step:Code}" has a branch to step "{target:Code}"',
    ),
    AuditStep(
        checks.decisions_have_criteria,
        "mọi bước quyết định đều có tiêu chí chấp nhận",
        "every decision step has acceptance criteria",
    ),
    AuditStep(checks.risks_controlled, "mọi rủi ro đều có bước kiểm soát", "every risk has a controlling step"),
)

# Template -> phrase, Vietnamese and English, in the order of STEPS; the template is the parser's name in pytest-bdd.
PHRASES: dict[str, Phrase] = {phrase.template: phrase for definition in STEPS for phrase in definition.phrases()}


def phrases(lang: Lang | str | None = None) -> list[Phrase]:
    """The phrases of the step library (of one language, or both), in the order of :data:`STEPS`."""
    return [p for p in PHRASES.values() if lang is None or p.lang is Lang(lang)]


def display_template(template: str) -> str:
    """Display form of any registered template, ours or a project's own: its fields as ``<label>``."""
    phrase = PHRASES.get(template)
    return phrase.display() if phrase is not None else display_other(template)


def catalogue_markdown(lang: Lang | str) -> str:
    """The phrase list of one language as a Markdown table (features/README.md shows both)."""
    lang = Lang(lang)
    header = "| Câu | Ví dụ |\n|---|---|" if lang is Lang.VI else "| Phrase | Example |\n|---|---|"
    rows = [f"| `{p.display()}` | " + (f"`{p.example()}`" if p.example() != p.display() else "") + " |" for p in phrases(lang)]
    return "\n".join([header, *rows]) + "\n"


# pytest-bdd finds a step through a fixture it adds to the module that declares the step: so the
# declarations are made here, at module level, one per phrase.
for _definition in STEPS:
    for _phrase in _definition.phrases():
        step(_phrase.parser(), target_fixture=_definition.target_fixture)(_definition.function())
del _definition, _phrase

__all__ = ["PHRASES", "STEPS", "AuditStep", "catalogue_markdown", "choose_process", "display_template", "phrases"]
