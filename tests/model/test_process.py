"""The process models: short forms, defaults, look-ups, and values kept as written."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest
from pydantic import ValidationError

import qms
from conftest import VALID, make_process, process_data, step
from qms.i18n import Lang
from qms.model import Process, Role, Status, StepType, Text


def test_text_from_a_plain_string_or_vi_en() -> None:
    assert Text.model_validate("Tiếp nhận") == Text(vi="Tiếp nhận")
    both = Text.model_validate({"vi": "Tiếp nhận", "en": "Receive"})
    assert both.get() == "Tiếp nhận" and both.get(Lang.EN) == "Receive" and both.get("en") == "Receive"
    assert Text(vi="Chỉ tiếng Việt").get("en") == "Chỉ tiếng Việt"  # falls back to Vietnamese
    assert str(both) == "Tiếp nhận"


def test_text_is_stripped_and_must_not_be_empty() -> None:
    assert Text.model_validate("  Tiếp nhận  ").vi == "Tiếp nhận"
    with pytest.raises(ValidationError):
        Text.model_validate("   ")


def test_role_short_forms() -> None:
    assert Role.model_validate("Văn thư").name.vi == "Văn thư"
    assert Role.model_validate({"vi": "Văn thư", "en": "Clerk"}).name.get("en") == "Clerk"
    full = Role.model_validate({"name": "Lãnh đạo", "authority": ["approve", "sign"]})
    assert [a.value for a in full.authority] == ["approve", "sign"]


def test_step_defaults_and_successors() -> None:
    process = make_process(
        [
            step("a", "start", next="b"),
            step("b", "decision", branches=[{"when": "Có", "to": "c"}, {"when": "Không", "to": "a"}]),
            {"id": "c", "name": "Kết thúc", "type": "end"},
            {"id": "d", "name": "Không loại"},
        ]
    )
    assert process.step("d").type is StepType.TASK and process.step("d").stops_clock is False
    assert process.step("a").successors == ["b"]
    assert process.step("b").successors == ["c", "a"]
    assert process.step("c").successors == []


def test_lookups_by_id_and_code() -> None:
    process = make_process(records=[{"code": "BM-01", "name": "Sổ", "retention": "5 năm"}])
    assert process.step("ket-thuc").type is StepType.END
    assert process.record("BM-01").retention.months == 60
    with pytest.raises(KeyError):
        process.step("khong-co")


def test_unknown_fields_are_refused() -> None:
    with pytest.raises(ValidationError) as caught:
        Process.model_validate(process_data(nxt="x"))
    assert caught.value.errors()[0]["type"] == "extra_forbidden"


def test_version_stays_as_written() -> None:
    assert qms.load(VALID / "scalars_as_written.yaml").version == "1.10"
    assert make_process(version="2.1").version == "2.1"
    for bad in ("v1", "1.", "1.2.3.4.5", ""):
        with pytest.raises(ValidationError):
            make_process(version=bad)


def test_values_written_in_the_scalars_fixture() -> None:
    process = qms.load(VALID / "scalars_as_written.yaml")
    assert process.title.vi == "yes"  # not True
    assert process.purpose.vi == "no" and process.scope.vi == "on"
    assert process.revisions[0].changes.vi == "off"
    assert process.revisions[0].version == "1.10"
    assert process.effective_date == date(2025, 7, 1)  # written 01/07/2025
    assert process.revisions[0].date == date(2025, 7, 1)  # written 2025-07-01
    assert process.iso_clauses == ["8.5", "7.5.3"]
    assert process.roles["van-thu"].name.vi == "null word"
    assert process.steps[0].name.vi == "1.0"


def test_yes_in_a_boolean_field_is_true_but_in_text_stays_yes() -> None:
    process = make_process(title="yes", citizen_facing="yes")
    assert process.title.vi == "yes" and process.citizen_facing is True


def test_nfd_input_becomes_nfc_text() -> None:
    process = qms.load(VALID / "nfd_text.yaml")
    for text in (process.title.vi, process.steps[0].name.vi, process.roles["mot-cua"].name.vi):
        assert unicodedata.is_normalized("NFC", text)
    assert process.title.vi == "Quy trình tiếp nhận hồ sơ"
    assert process.steps[1].name.vi == "Trả kết quả"


def test_full_fixture_reads_every_section() -> None:
    process = qms.load(VALID / "full.yaml")
    assert process.status is Status.APPROVED and process.citizen_facing is True
    assert process.title.get("en") == "Handling dossiers at the one-stop shop"
    assert process.deadline.minutes == 5 * 480
    assert process.approval.reviewed.date == date(2025, 6, 10)
    assert list(process.roles) == ["mot-cua", "chuyen-vien", "truong-phong", "lanh-dao"]
    assert process.roles["lanh-dao"].name.get("en") == "Department director"
    assert [r.retention.months for r in process.records] == [60, 18, None]
    assert process.step("yeu-cau-bo-sung").stops_clock is True
    assert process.step("yeu-cau-bo-sung").duration.approximate is True
    assert process.step("phat-hanh").calls == "QT-MIN-01"
    assert process.kpis[1].target.comparison.value == "<="
    assert process.risks[0].level == 12 and process.risks[0].review_date == date(2025, 12, 31)
    assert process.legal_basis[0].in_force_on(date(2025, 7, 1))
    assert not process.legal_basis[0].in_force_on(date(2025, 6, 30))
    assert [c.value for c in process.citizen_service.channels] == ["direct", "online_full"]


def test_legal_document_validity_window() -> None:
    process = make_process(legal_basis=[{"id": "tt-01", "number": "01/2020/TT", "title": "Thông tư", "in_force_until": "2025-06-30"}])
    document = process.legal_basis[0]
    assert document.in_force_on(date(2025, 6, 30)) and not document.in_force_on(date(2025, 7, 1))


def test_risk_level_needs_both_factors() -> None:
    process = make_process(risks=[{"code": "RR-01", "description": "X", "likelihood": 2}])
    assert process.risks[0].level is None


def test_process_without_origin_when_built_in_memory() -> None:
    assert make_process().origin is None
