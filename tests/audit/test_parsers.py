"""Typed phrase values and the phrase catalogue."""

from __future__ import annotations

import pytest
from pytest_bdd.steps import step_function_context_registry

from qms.audit import CriterionError
from qms.audit.parsers import TYPES, Invalid, require
from qms.audit.steps import phrases
from qms.audit.suggest import suggest
from qms.diagnostics import Severity
from qms.model import Status

from .conftest import ROOT


def _parsers() -> list:
    return [c.parser for c in step_function_context_registry.values() if c.parser.name != "trace"]


@pytest.mark.parametrize("phrase", phrases(), ids=lambda p: p.template)
def test_each_phrase_example_matches_exactly_one_step(phrase) -> None:
    example = phrase.example()
    matching = [p.name for p in _parsers() if p.is_matching(example)]
    assert matching == [phrase.template]


def test_both_languages_have_the_same_checks() -> None:
    assert len(phrases("vi")) == len(phrases("en")) == 38


def test_typed_values() -> None:
    duration = TYPES["ThoiLuong"]("5 ngày làm việc")
    assert duration.minutes == 5 * 8 * 60
    assert TYPES["Duration"]("4 hours").minutes == 240
    assert TYPES["PhanTram"]("95,5%") == 95.5
    assert TYPES["So"]("10") == 10
    assert TYPES["TrangThai"]("Đã phê duyệt") is Status.APPROVED
    assert TYPES["Status"]("in review") is Status.REVIEW
    assert TYPES["MucDo"]("cảnh báo") is Severity.WARNING
    assert TYPES["Severity"]("info") is Severity.INFO


@pytest.mark.parametrize(("kind", "text"), [("ThoiLuong", "5 ngay"), ("ThoiLuong", "3 ngày"), ("TrangThai", "xong"), ("MucDo", "nặng")])
def test_invalid_values_become_criterion_errors(kind: str, text: str) -> None:
    value = TYPES[kind](text)
    assert isinstance(value, Invalid)
    with pytest.raises(CriterionError) as caught:
        require(value)
    assert f"«{text}» không phải" in caught.value.message.vi and caught.value.hint is not None


def test_a_value_of_the_wrong_shape_is_an_unknown_step() -> None:
    # A duration must start with a digit: «năm ngày» does not match the phrase at all.
    assert not any(p.is_matching("đường đi dài nhất không vượt quá năm ngày") for p in _parsers() if "{duration" in p.name)


def test_phrases_match_whatever_the_case_and_unicode_form() -> None:
    import unicodedata

    decomposed = unicodedata.normalize("NFD", 'Quy trình có bước "tiep-nhan"')
    assert any(p.is_matching('Quy trình có bước "tiep-nhan"') for p in _parsers())
    assert unicodedata.normalize("NFC", decomposed) == 'Quy trình có bước "tiep-nhan"'


def test_suggestions_prefer_the_file_language() -> None:
    assert suggest('Quy trinh do vai tro "lanh-dao" lam chu tri', "vi")[0] == 'quy trình do vai trò "<vai trò>" chủ trì'
    assert suggest('the process owner is role "lanh-dao"', "en")[0] == 'the process is owned by role "<role>"'
    assert suggest("hoàn toàn không liên quan gì cả xyz", "vi") == []


def test_readme_lists_every_phrase() -> None:
    readme = (ROOT / "features" / "README.md").read_text(encoding="utf-8")
    missing = [p.display() for p in phrases() if f"`{p.display()}`" not in readme]
    assert not missing, "regenerate the phrase tables of features/README.md with qms.audit.steps.catalogue_markdown"
