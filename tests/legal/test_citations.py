"""The recogniser of Vietnamese legal numbers, on the ways officers write them."""

from __future__ import annotations

import unicodedata

import pytest

from qms.legal.citations import find_citations, number_key


@pytest.mark.parametrize(
    ("text", "number", "key"),
    [
        ("Nghị định số 61/2018/NĐ-CP", "61/2018/NĐ-CP", "61/2018/ND-CP"),
        ("Thông tư 21/2019/TT-BGDĐT", "21/2019/TT-BGDĐT", "21/2019/TT-BGDDT"),
        ("Quyết định 19/2014/QĐ-TTg", "19/2014/QĐ-TTg", "19/2014/QD-TTG"),
        ("61/2018/ND-CP", "61/2018/ND-CP", "61/2018/ND-CP"),
        ("nghị định số 107 / 2021 / nđ-cp", "107/2021/nđ-cp", "107/2021/ND-CP"),
        ("Luật số 33/2024/QH15", "33/2024/QH15", "33/2024/QH15"),
        ("Thông tư 03/2025/TT–VPCP", "03/2025/TT-VPCP", "03/2025/TT-VPCP"),  # an en dash typed for the hyphen
        ("Quyết định 1330/QĐ-UBND", "1330/QĐ-UBND", "1330/QD-UBND"),  # no year, after its kind word
    ],
)
def test_each_way_of_writing_gives_one_number(text: str, number: str, key: str) -> None:
    (citation,) = find_citations(text)
    assert (citation.number, citation.key) == (number, key)
    assert (citation.start, citation.end) == (0, len(text)) and citation.written == text


def test_offsets_point_into_the_text_as_given_nfc_or_nfd() -> None:
    nfc = "Theo Thông tư số 21/2019/TT-BGDĐT và Nghị định 61/2018/ND-CP, ngày 05/3/2020."
    nfd = unicodedata.normalize("NFD", nfc)
    assert len(nfd) > len(nfc)
    for text in (nfc, nfd):
        first, second = find_citations(text)
        assert (
            unicodedata.normalize("NFC", first.written) == "Thông tư số 21/2019/TT-BGDĐT" and text[first.start : first.end] == first.written
        )
        assert first.kind == "thông tư" and first.number == "21/2019/TT-BGDĐT"
        assert unicodedata.normalize("NFC", text[second.start : second.end]) == "Nghị định 61/2018/ND-CP" and second.key == number_key(
            "61/2018/NĐ-CP"
        )


@pytest.mark.parametrize("text", ["ngày 05/3/2020", "15/4/2026", "mẫu BM-01/TTHC", "1/2 ngày", "TCVN ISO 9001:2015", "ND-CP - tham khảo"])
def test_dates_codes_and_prose_are_no_citation(text: str) -> None:
    assert find_citations(text) == []


def test_a_dash_in_prose_ends_the_number() -> None:
    (citation,) = find_citations("Nghị định 30/2020/NĐ-CP - Điều 29")
    assert citation.number == "30/2020/NĐ-CP"
