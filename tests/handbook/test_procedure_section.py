"""A procedure's published facts on its process page, and the steps table naming the next steps."""

from __future__ import annotations

from pathlib import Path

from qms.handbook.pages.procedure import procedure_section
from qms.handbook.pages.process import process_page
from qms.i18n import Lang
from qms.load import load_paths
from tests.conftest import ROOT, diagnostics_of, only, write

FIXTURE = ROOT / "tests" / "rules" / "fixtures" / "QMS704" / "valid_partial_with_reason.yaml"


def test_the_published_facts_are_shown_as_written() -> None:
    process = load_paths([FIXTURE]).processes[0]
    page = "\n".join(procedure_section(process, Lang.VI))
    for shown in ("1.005092", "Cấp tỉnh", "1150/QĐ-UBND (15/08/2026)", "trực tiếp, bưu chính công ích, trực tuyến một phần"):
        assert shown in page, shown
    assert "bản giấy có đóng dấu" in page and "Không thu" in page and "Bưu điện tỉnh" in page
    english = "\n".join(procedure_section(process, Lang.EN))
    assert "1150/QĐ-UBND (2026-08-15)" in english


def test_an_internal_process_has_no_such_section() -> None:
    process = load_paths([ROOT / "processes" / "QT-VB-01.yaml"]).processes[0]
    assert procedure_section(process, Lang.VI) == []


def test_amounts_are_grouped_and_text_is_escaped(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace(
        "    - {name: Phí cấp bản sao, kind: fee, amount: 0, exemptions: Không thu}",
        '    - {name: "Lệ phí <b>bản sao</b>", amount: 15000, per: bản, exemptions: "Người có công & thân nhân"}',
    )
    process = load_paths([write(tmp_path, "p.yaml", text)]).processes[0]
    page = "\n".join(procedure_section(process, Lang.VI))
    assert "15.000" in page and "Lệ phí" in page
    assert "&lt;b&gt;bản sao&lt;/b&gt;" in page and "<b>" not in page and "Người có công &amp; thân nhân" in page


def test_next_steps_are_named_by_number_and_linked_to_their_row() -> None:
    process = load_paths([ROOT / "processes" / "QT-VB-01.yaml"]).processes[0]
    page = process_page(process, "quy-trinh/QT-VB-01.md", Lang.VI, False, [])
    first, second = process.steps[0], process.steps[1]
    assert first.next == second.id
    assert f'<a href="#step-{second.id}">2. {second.name.vi}</a>' in page
    assert f'<span id="step-{second.id}">2</span>' in page


def test_a_district_level_is_refused_with_the_reason(tmp_path: Path) -> None:
    text = FIXTURE.read_text(encoding="utf-8").replace("level: province", "level: district")
    problem = only(diagnostics_of(write(tmp_path, "p.yaml", text)))
    assert problem.code == "QMS010" and "không còn cấp huyện" in problem.render("vi")
