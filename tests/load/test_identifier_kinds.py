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


def test_x_keys_hold_shared_anchors_and_are_not_fields(tmp_path: Path) -> None:
    text = BASE.replace("steps:\n", "x-step: &buoc {role: a, duration: 1 giờ}\nsteps:\n").replace(
        "- {id: s, type: start, name: S, role: a, next: e}", "- {<<: *buoc, id: s, type: start, name: S, next: e}"
    )
    process = qms.load(write(tmp_path, "p.yaml", text))
    assert process.steps[0].role == "a" and process.steps[0].duration.minutes == 60  # type: ignore[union-attr]


def test_a_call_to_an_invalid_process_is_not_reported_as_missing(tmp_path: Path) -> None:
    caller = BASE.replace("code: QT-K-01", "code: QT-K-02").replace(
        "- {id: s, type: start, name: S, role: a, next: e}", "- {id: s, type: subprocess, name: S, role: a, calls: QT-K-01, next: e}"
    )
    write(tmp_path, "caller.yaml", caller.replace("  - {id: e,", "  - {id: b, type: start, name: B, role: a, next: s}\n  - {id: e,"))
    write(tmp_path, "broken.yaml", BASE.replace("status: draft", "status: sai"))
    diagnostics = load_paths([tmp_path]).diagnostics
    assert [d.location.path.name for d in diagnostics] == ["broken.yaml"]


def test_cooperating_roles_must_exist(tmp_path: Path) -> None:
    text = BASE.replace("- {id: s, type: start, name: S, role: a, next: e}", "- {id: s, type: start, name: S, role: a, support: [a, b-typo], next: e}")
    [diagnostic] = load_paths([write(tmp_path, "p.yaml", text)]).diagnostics
    assert diagnostic.code == "QMS020" and "b-typo" in diagnostic.message.vi
    assert diagnostic.data == {"kind": "role", "name": "b-typo"}
