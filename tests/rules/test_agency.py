"""The [agency] table of qms.toml: read into an Agency, and every mistake a ConfigError at its line with a hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from qms.rules.agency import Agency
from qms.rules.config import ConfigError, load_config

FIXTURES = Path(__file__).parent / "agency_fixtures"

# Fixture folder -> line, column, start of the Vietnamese message, words of the Vietnamese hint.
MISTAKES: dict[str, tuple[int, int, str, str]] = {
    "key_typo": (3, 1, "khoá không biết «agency.adress»", "có phải ý bạn là «address»?"),
    "blank_name": (2, 1, "«agency.name» không được để trống", "bỏ dòng đó"),
    "not_a_table": (1, 1, '«agency» phải là một bảng TOML, không phải chuỗi "Sở Giáo dục và Đào tạo"', "[agency] rồi name ="),
    "parent_a_number": (3, 1, "«agency.parent» phải là một chuỗi, không phải «5»", 'parent = "…"'),
    "no_name": (1, 2, "bảng «agency» cần tên cơ quan (name)", "[agency] rồi name ="),
}


def test_the_agency_is_read_from_qms_toml_and_from_tool_qms() -> None:
    agency = load_config(FIXTURES / "good" / "qms.toml").agency
    assert agency == Agency(
        "Sở Giáo dục và Đào tạo tỉnh Điện Biên", "Ủy ban nhân dân tỉnh Điện Biên", "Số 1, đường Võ Nguyên Giáp, tỉnh Điện Biên"
    )
    assert load_config(FIXTURES / "pyproject" / "pyproject.toml").agency == Agency("Sở Giáo dục và Đào tạo")
    assert load_config(None).agency is None  # no table: no agency, a dotted line on the covers


@pytest.mark.parametrize("case", list(MISTAKES))
def test_each_mistake_in_agency_is_an_error_at_its_line_with_a_hint(case: str) -> None:
    line, column, message, hint = MISTAKES[case]
    path = FIXTURES / case / "qms.toml"
    with pytest.raises(ConfigError) as raised:
        load_config(path)
    [problem] = raised.value.problems
    assert (problem.path, problem.line, problem.column) == (path, line, column)
    assert problem.message.vi.startswith(message), problem.message.vi
    assert problem.hint is not None and hint in problem.hint.vi, problem.hint


def test_every_agency_fixture_is_checked() -> None:
    assert set(MISTAKES) | {"good", "pyproject"} == {p.name for p in FIXTURES.iterdir() if p.is_dir()}


def test_qms_init_writes_the_agency_table_commented_and_it_reads_once_filled_in(tmp_path: Path) -> None:
    template = Path(__file__).parents[2] / "qms" / "templates" / "project" / "qms.toml"
    text = template.read_text(encoding="utf-8")
    assert "# [agency]" in text and load_config(template).agency is None  # commented: nothing configured
    filled = "\n".join(
        line.removeprefix("# ") if line.startswith(("# [agency]", "# name", "# parent", "# address")) else line
        for line in text.splitlines()
    )
    (tmp_path / "qms.toml").write_text(filled, encoding="utf-8")
    agency = load_config(tmp_path / "qms.toml").agency
    assert agency is not None and agency.name.startswith("Sở Giáo dục") and agency.parent.startswith("Ủy ban nhân dân")
