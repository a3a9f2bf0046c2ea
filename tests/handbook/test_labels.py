"""The handbook's word table and the escaping its pages use."""

from __future__ import annotations

import string
from datetime import date
from pathlib import Path

import markdown
import pytest

import qms
from qms.handbook.labels import STATUS, STEP_TYPE, W, label
from qms.handbook.pages.common import md, text
from qms.handbook.pages.home import home_page
from qms.i18n import Lang, Message
from qms.model import Status, StepType, Text

ROOT = Path(__file__).resolve().parents[2]


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("key", sorted(W))
def test_both_languages_fill_in_the_same_values(key: str) -> None:
    assert isinstance(W[key], Message)
    assert _fields(W[key].vi) == _fields(W[key].en), key


def test_every_status_and_step_type_has_a_word() -> None:
    assert set(STATUS) == set(Status) and set(STEP_TYPE) == set(StepType)
    assert label("process", Lang.EN) == "Process" and label("processes", Lang.EN) == "Processes"


def test_the_home_page_counts_process_files_in_the_singular_and_plural() -> None:
    process = qms.load(ROOT / "processes" / "QT-VB-01.yaml")
    paths, day = {process.code: "QT-VB-01.md"}, date(2025, 1, 2)
    assert "*Built on 2025-01-02 from 1 process file.*" in home_page([process], paths, Lang.EN, day)
    assert "*Built on 2025-01-02 from 2 process files.*" in home_page([process, process], paths, Lang.EN, day)
    assert "*Tạo ngày 02/01/2025 từ 1 tệp quy trình.*" in home_page([process], paths, Lang.VI, day)


def test_values_stay_on_their_line_and_make_no_markup() -> None:
    assert text("a\r\nb\rc\nd") == "a b c d" and md("a\r\nb") == "a b"
    assert md("{: onclick=x} ~~s~~ | # h") == r"\{: onclick=x\} ~~s~~ \| \# h"
    # «~» means nothing to the handbook's Markdown, so it is left alone: an escape would show as «\~».
    shown = markdown.markdown(md("a ~~s~~ *b*"), extensions=["admonition", "attr_list", "tables"])
    assert shown == "<p>a ~~s~~ *b*</p>"
    assert md("it's \"q\"") == "it's \"q\"" and text("it's") == "it&#x27;s"
    assert text(None) == md(None) == ""
    assert text(Text(vi="<b>", en="<i>"), Lang.EN) == "&lt;i&gt;"
    assert text("a\x00b") == "a\ufffdb"
