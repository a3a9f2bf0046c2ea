"""Diagnostics for people: the one line, and the full format with the source line and a caret."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest
from rich.cells import cell_len

from qms.diagnostics import Diagnostic, Location, Severity
from qms.i18n import Message
from qms.load import load_paths
from qms.report import SourceLines, TextFormat, diagnostic_line, diagnostics_text, snippet, text_format
from qms.rules import check_paths

ROOT = Path(__file__).resolve().parents[2]
INVALID = ROOT / "tests" / "fixtures" / "invalid"


def some_diagnostics() -> list[Diagnostic]:
    report = check_paths([ROOT / "tests" / "report" / "fixtures", INVALID], today=date(2026, 11, 22))
    assert any(d.waived for d in report.diagnostics) and any(d.hint for d in report.diagnostics)
    return report.diagnostics


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_the_styled_line_reads_as_the_plain_one(lang: str) -> None:
    for d in some_diagnostics():
        assert diagnostic_line(d, lang).plain == d.render(lang)
    text = diagnostics_text(some_diagnostics(), lang, TextFormat.CONCISE, styled=False)
    styled = diagnostics_text(some_diagnostics(), lang, TextFormat.CONCISE)
    assert text is not None and styled is not None and text.plain == styled.plain


def test_concise_or_full_as_asked_else_by_terminal() -> None:
    assert text_format("concise", True) is TextFormat.CONCISE and text_format("full", False) is TextFormat.FULL
    assert text_format("human", True) is TextFormat.FULL and text_format("human", False) is TextFormat.CONCISE
    assert text_format(None, False) is TextFormat.CONCISE


def test_full_format_puts_a_caret_under_the_column() -> None:
    (d,) = load_paths([INVALID / "unknown_next.yaml"]).diagnostics
    lines = diagnostics_text([d], "vi", TextFormat.FULL).plain.splitlines()  # type: ignore[union-attr]
    assert lines[0] == d.render("vi").split(" (gợi ý: ")[0]
    assert lines[1:5] == ["   |", "14 |     next: tham-dihn", "   |           ^", "   |"]
    assert lines[5:] == ["   = gợi ý: có phải ý bạn là «tham-dinh»?"]


def test_the_caret_counts_wide_characters_and_escapes(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text("name: 'Hồ sơ 表\x07 x'\n", encoding="utf-8")
    d = Diagnostic("QMS003", Severity.ERROR, Location(path, 1, 17), Message("x", "x"))  # at the «x»
    _, source, caret, _ = (t.plain for t in snippet(d, SourceLines()))
    assert source == "1 | name: 'Hồ sơ 表\\x07 x'"  # the control character is shown escaped, never sent
    shown_before = "name: 'Hồ sơ 表\\x07 "
    assert caret == "  | " + " " * cell_len(shown_before) + "^" and cell_len(shown_before) == len(shown_before) + 1  # 表 is wide


def test_a_long_line_is_shown_as_a_window_around_the_column(tmp_path: Path) -> None:
    path = tmp_path / "long.yaml"
    path.write_text("x: " + "a" * 500 + "B" + "c" * 500 + "\n", encoding="utf-8")
    d = Diagnostic("QMS010", Severity.ERROR, Location(path, 1, 504), Message("x", "x"))
    _, source, caret, _ = (t.plain for t in snippet(d, SourceLines()))
    assert len(source) < 200 and source.startswith("1 | …") and source.endswith("…")
    assert source[caret.index("^")] == "B"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_no_source_is_read_from_a_pipe_a_folder_or_a_missing_file(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "pipe.yaml")  # opening it for reading would wait for a writer for ever
    sources = SourceLines()
    for name in ("pipe.yaml", ".", "missing.yaml"):
        assert sources.line(tmp_path / name, 1) is None
        d = Diagnostic("QMS001", Severity.ERROR, Location(tmp_path / name), Message("x", "x"), Message("h", "h"))
        assert diagnostics_text([d], "en", TextFormat.FULL, sources).plain.splitlines() == [  # type: ignore[union-attr]
            f"{tmp_path / name}:1:1: QMS001 error: x",
            "  = hint: h",
        ]


def test_a_waived_finding_shows_its_waiver_where_the_hint_goes() -> None:
    waived = [d for d in some_diagnostics() if d.waived]
    text = diagnostics_text(waived, "en", TextFormat.FULL).plain  # type: ignore[union-attr]
    assert ": QMS102 waived: step «xong» is never performed" in text
    assert "= waiver: Bước lưu trữ thực hiện ngoài hệ thống (lanh-dao)" in text
    assert waived[0].render("en").endswith("— Bước lưu trữ thực hiện ngoài hệ thống (lanh-dao)")


def test_nothing_to_print_is_none() -> None:
    assert diagnostics_text([], "vi") is None and diagnostics_text([], "vi", styled=False) is None
    assert diagnostics_text([], "vi", TextFormat.FULL) is None
