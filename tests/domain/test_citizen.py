"""Whether a process serves citizens is decided by what it shows, in one place every rule and report asks."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import make_process
from qms.domain.citizen import citizen_evidence, denies_serving_citizens, is_one_stop_receipt, serves_citizens
from qms.graph import ProcessGraph
from qms.model import Record
from qms.report.coverage import coverage_matrix
from qms.rules.base import RuleContext
from qms.rules.registry import rule_by_code

QMS = Path(__file__).resolve().parents[2] / "qms"
RECEIPT = {"code": "BM-01", "name": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "form": "Mẫu số 01"}


def test_a_procedure_code_a_service_block_or_a_receipt_each_make_a_process_citizen_facing() -> None:
    assert not serves_citizens(make_process())
    assert serves_citizens(make_process(citizen_facing=True))  # marked so, showing nothing yet
    for shown in ({"procedure_code": "1.005092"}, {"citizen_service": {"fees": "Không thu"}}, {"records": [RECEIPT]}):
        assert serves_citizens(make_process(**shown)), shown
        assert serves_citizens(make_process(citizen_facing=False, **shown)), shown  # whatever the flag says


def test_the_evidence_says_what_and_where() -> None:
    process = make_process(
        procedure_code="1.005092", citizen_service={"fees": "Không thu"}, records=[{"code": "BL", "name": "Biên lai"}, RECEIPT]
    )
    found = citizen_evidence(process)
    assert [e.path for e in found] == [("procedure_code",), ("citizen_service",), ("records", 1)]
    assert [e.what.vi for e in found] == [
        "có mã thủ tục hành chính 1.005092",
        "có mục «citizen_service»",
        "cấp giấy tiếp nhận và hẹn trả kết quả (BM-01)",
    ]


def test_receipts_are_recognised_in_the_words_agencies_use_and_a_fee_receipt_is_not_one() -> None:
    def record(name: str, form: str | None = None) -> Record:
        return Record.model_validate({"code": "BM", "name": name, "form": form})

    assert is_one_stop_receipt(record("GIẤY TIẾP NHẬN ĐƠN VÀ HẸN NGÀY TRẢ LỜI"))
    assert is_one_stop_receipt(record("Phiếu hẹn", "Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Mẫu số 01)"))
    assert is_one_stop_receipt(Record.model_validate({"code": "BM", "name": {"vi": "Phiếu hẹn", "en": "Receipt and appointment slip"}}))
    assert not is_one_stop_receipt(record("Biên lai thu phí, lệ phí", "Biên lai điện tử"))
    assert not is_one_stop_receipt(record("Sổ đăng ký văn bản đến"))


def test_only_a_written_false_is_a_denial() -> None:
    assert denies_serving_citizens(make_process(citizen_facing=False))
    assert not denies_serving_citizens(make_process())
    assert not denies_serving_citizens(make_process(citizen_facing=True))


def test_the_rule_context_asks_the_same_question() -> None:
    process = make_process(procedure_code="1.005092")
    assert RuleContext(process, ProcessGraph(process)).citizen_facing is True
    assert RuleContext(make_process(), ProcessGraph(make_process())).citizen_facing is False


def test_no_rule_reads_the_flag_itself() -> None:
    """Every rule asks ``ctx.citizen_facing``: a rule reading ``process.citizen_facing`` would switch off by omission."""
    readers = [
        path.relative_to(QMS).as_posix()
        for path in QMS.rglob("*.py")
        if path.parts[-2] != "model"
        and path.name != "citizen.py"
        and re.search(r"process\.citizen_facing\b", path.read_text(encoding="utf-8"))
    ]
    assert readers == []


def test_the_coverage_matrix_counts_a_procedure_that_left_the_flag_out() -> None:
    rules = [rule_by_code("QMS701")]
    procedure = make_process(code="QT-TTHC-01", procedure_code="1.005092")
    rows = {r.key: r for r in coverage_matrix([procedure, make_process(code="QT-NB-01")], rules)}  # type: ignore[list-item]
    assert rows["transparency"].processes == ("QT-TTHC-01",)
