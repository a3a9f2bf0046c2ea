"""The handbook's register of external documents: the project's legal register with the processes citing each text."""

from __future__ import annotations

from pathlib import Path

from qms.handbook.book import build_handbook
from qms.handbook.links import LEGAL
from qms.legal.read import default_register, read_register
from qms.load import load_paths

ROOT = Path(__file__).resolve().parents[2]


def test_each_text_with_its_replacement_and_the_processes_citing_it() -> None:
    processes = load_paths([ROOT / "processes"]).processes
    book = build_handbook(processes, register=read_register([ROOT / "legal" / "register.yaml"]))
    page = book.pages[LEGAL]
    assert book.titles[LEGAL].startswith("Sổ theo dõi văn bản pháp luật")
    row = next(line for line in page.splitlines() if "<td>30/2020/NĐ-CP</td>" in line)
    assert "QT-TTHC-01" in row and "QT-VB-01" in row  # cited in the legal basis of both
    replaced = next(line for line in page.splitlines() if "<td>21/2019/TT-BGDĐT</td>" in line)
    assert "10/2026/TT-BGDĐT (15/04/2026)" in replaced and "chưa đối chiếu văn bản gốc" in replaced
    assert "sổ có sẵn" not in page


def test_without_a_project_register_the_page_says_it_shows_the_default() -> None:
    book = build_handbook(load_paths([ROOT / "processes"]).processes, register=default_register())
    assert "legal/register.yaml" in book.pages[LEGAL]
    assert LEGAL not in build_handbook(load_paths([ROOT / "processes"]).processes).pages  # no register given: no page
