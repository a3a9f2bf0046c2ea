"""qms.domain.work: roles and authority, decisions, risks, the apology for a late dossier, working days."""

from __future__ import annotations

from typing import Any

import pytest
from conftest import make_process, step

from qms.domain import (
    AUTHORITY_NAMES,
    apology_records,
    decisions_without_criteria,
    holds_authority,
    is_apology,
    needs_control,
    steps_producing,
    steps_without_role,
    unauthorised_steps,
    uncontrolled_risks,
    working_days_figure,
)
from qms.model import Authority, Record, Risk

ROLES = {"mot-cua": "Công chức Bộ phận Một cửa", "chuyen-vien": "Chuyên viên", "lanh-dao": {"name": "Lãnh đạo", "authority": ["approve"]}}


def test_steps_without_role() -> None:
    steps = [step("nhan", "start", role="mot-cua", next="xu-ly"), step("xu-ly", next="xong"), step("xong", "end")]
    assert [s.id for s in steps_without_role(make_process(steps))] == ["xu-ly", "xong"]
    assert steps_without_role(make_process()) == []


def test_every_authority_has_a_name() -> None:
    assert set(AUTHORITY_NAMES) == set(Authority)
    assert AUTHORITY_NAMES[Authority.SIGN] == ("ký ban hành", "sign")


def test_holds_authority() -> None:
    process = make_process(roles=ROLES)
    assert holds_authority(process, "lanh-dao", Authority.APPROVE)
    assert not holds_authority(process, "lanh-dao", Authority.SIGN)
    assert not holds_authority(process, "chuyen-vien", Authority.APPROVE)
    assert not holds_authority(process, None, Authority.APPROVE)
    assert not holds_authority(process, "khong-co", Authority.APPROVE)


def test_unauthorised_steps_include_those_without_a_role() -> None:
    steps = [
        step("nhan", "start", role="mot-cua", next="duyet"),
        step("duyet", role="lanh-dao", authority="approve", next="ky"),
        step("ky", role="lanh-dao", authority="sign", next="trinh"),
        step("trinh", authority="approve", next="xong"),
        step("xong", "end", role="mot-cua"),
    ]
    assert [s.id for s in unauthorised_steps(make_process(steps, roles=ROLES))] == ["ky", "trinh"]


def test_decisions_without_criteria() -> None:
    branches = [{"when": "Đủ", "to": "xong"}, {"when": "Chưa đủ", "to": "xong"}]
    steps = [
        step("nhan", "start", next="kiem-tra"),
        step("kiem-tra", "decision", branches=branches),
        step("xet", "decision", criteria="Đủ thành phần theo Quyết định công bố", branches=branches),
        step("xong", "end"),
    ]
    assert [s.id for s in decisions_without_criteria(make_process(steps))] == ["kiem-tra"]


def risk(**fields: Any) -> Risk:
    return Risk.model_validate({"code": "RR-01", "description": "Hồ sơ trễ hạn", **fields})


def test_an_opportunity_needs_no_control() -> None:
    assert needs_control(risk())
    assert not needs_control(risk(kind="opportunity"))


def test_uncontrolled_risks_with_their_index() -> None:
    risks = [
        {"code": "RR-01", "description": "Trễ hạn", "controls": ["bat-dau"]},
        {"code": "RR-02", "description": "Thất lạc hồ sơ"},
        {"code": "CH-01", "kind": "opportunity", "description": "Nộp trực tuyến"},
    ]
    found = uncontrolled_risks(make_process(risks=risks))
    assert [(i, r.code) for i, r in found] == [(1, "RR-02")]


@pytest.mark.parametrize(
    ("record", "apology"),
    [
        ({"name": "Văn bản xin lỗi và hẹn lại ngày trả kết quả"}, True),
        ({"name": "VĂN BẢN XIN LỖI"}, True),
        ({"name": {"vi": "Phiếu hẹn lại", "en": "Letter of apology"}}, True),
        ({"name": "Phiếu hẹn lại", "form": "Mẫu số 04 (xin lỗi), Thông tư 03/2025/TT-VPCP"}, True),
        ({"name": "Phiếu hẹn lại", "form": {"vi": "Mẫu số 04", "en": "Apologies form"}}, True),
        ({"name": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả"}, False),
        ({"name": "Phiếu từ chối", "form": "Mẫu số 03"}, False),
    ],
)
def test_is_apology_reads_name_and_form_in_both_languages(record: dict[str, Any], apology: bool) -> None:
    assert is_apology(Record.model_validate({"code": "BM-04", **record})) is apology


def test_apology_records_in_file_order() -> None:
    records = [
        {"code": "BM-01", "name": "Giấy tiếp nhận"},
        {"code": "BM-05", "name": "Thư xin lỗi"},
        {"code": "BM-04", "name": "Văn bản xin lỗi"},
    ]
    assert [r.code for r in apology_records(make_process(records=records))] == ["BM-05", "BM-04"]


@pytest.mark.parametrize(
    ("minutes", "vi", "en"), [(480, "1", "1"), (1200, "2,5", "2.5"), (1230, "2,56", "2.56"), (240, "0,5", "0.5"), (0, "0", "0")]
)
def test_working_days_figure(minutes: int, vi: str, en: str) -> None:
    assert working_days_figure(minutes) == (vi, en)


def test_steps_producing_a_record() -> None:
    steps = [
        step("nhan", "start", records=["BM-01"], next="xu-ly"),
        step("xu-ly", records=["BM-02", "BM-01"], next="xong"),
        step("xong", "end"),
    ]
    process = make_process(steps, records=[{"code": "BM-01", "name": "Giấy tiếp nhận"}, {"code": "BM-02", "name": "Phiếu kiểm soát"}])
    assert [s.id for s in steps_producing(process, "BM-01")] == ["nhan", "xu-ly"]
    assert steps_producing(process, "BM-09") == []
