"""Identifier errors name the kind of identifier the author was writing, and ``qms.load`` refuses folders clearly."""

from __future__ import annotations

from pathlib import Path

import pytest

import qms
from conftest import write
from qms.load import load_paths

BASE = """code: QT-K-01
title: Thử
version: "1.0"
status: draft
owner: a
roles: {a: A}
steps:
  - {id: s, type: start, name: S, role: a, next: e}
  - {id: e, type: end, name: E, role: a}
"""


@pytest.mark.parametrize(
    ("extra", "what_vi", "suggestion"),
    [
        ("legal_basis:\n  - {id: Nghị định 118, number: 118/2025/NĐ-CP, title: X}\n", "mã tham chiếu văn bản pháp lý", "nghi-dinh-118"),
        ("kpis:\n  - {code: Tỷ lệ đúng hạn, name: X, target: 95%}\n", "mã chỉ số KPI", "ty-le-dung-han"),
        ("risks:\n  - {code: Rủi ro 1, description: X}\n", "mã rủi ro", "rui-ro-1"),
    ],
)
def test_pattern_errors_name_the_identifier_kind(tmp_path: Path, extra: str, what_vi: str, suggestion: str) -> None:
    path = write(tmp_path, "p.yaml", BASE + extra)
    [diagnostic] = load_paths([path]).diagnostics
    assert what_vi in diagnostic.message.vi
    assert diagnostic.location.line == 11  # the list item, after 9 lines of BASE and the section key
    assert suggestion in diagnostic.hint.vi  # type: ignore[union-attr]


def test_load_of_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    write(tmp_path, "p.yaml", BASE)
    with pytest.raises(qms.LoadError) as caught:
        qms.load(tmp_path)
    assert caught.value.diagnostics and "load_paths" in caught.value.diagnostics[0].message.en
