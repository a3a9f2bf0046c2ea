"""``qms review``: the management review input (ISO 9001 9.3.2) for the shipped samples, checked against figures
worked out by hand from audits/, plans/ and assessments/ (as of 2026-12-07), its placeholders, the Word file and the
exit codes of bad input."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import docx
import pytest
import yaml
from typer.testing import CliRunner

from qms.cli.app import app
from qms.report.review import collect_review, review_markdown

ROOT = Path(__file__).resolve().parents[2]
PLAN = ROOT / "plans" / "KH-CCHC-2026.yaml"
ASSESSMENT = ROOT / "assessments" / "18091-2026.yaml"
AUDITS = ROOT / "audits"
PLACEHOLDER = "chưa có dữ liệu — bổ sung"
runner = CliRunner()


def _review(out: list[Path], audits: Path = AUDITS) -> None:
    args = ["review", "--as-of", "2026-12-07", "--audits", str(audits), "--plan", str(PLAN), "--assessment", str(ASSESSMENT)]
    result = runner.invoke(app, [*args, *(a for path in out for a in ("--out", str(path)))])
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("review")
    _review([folder / "review.md", folder / "review.docx", folder / "review.html"])
    return folder


@pytest.fixture(scope="module")
def markdown(written: Path) -> str:
    return (written / "review.md").read_text(encoding="utf-8")


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end, text.index(start))]


def test_the_sources_read_are_named(markdown: str) -> None:
    for name in (
        "DGNB-2025-01.yaml",
        "DGNB-2026-01.yaml",
        "programme-2026.yaml",
        "KH-CCHC-2026.yaml",
        "QT-TTHC-01-2026.csv",
        "18091-2025.yaml",
    ):
        assert name in markdown
    assert "số liệu tính đến ngày 07/12/2026" in markdown


def test_nonconformities_by_hand(markdown: str) -> None:
    # DGNB-2025-01 NC-01 closed; DGNB-2026-01 NC-01 in progress, due 10/12/2026 (3 days left); NC-02 closed. Both
    # closed ones have an effective effectiveness check.
    text = _section(markdown, "### 4\\)", "### 5\\)")
    assert "3 điểm không phù hợp trong hồ sơ đánh giá; đang mở 1, quá hạn 0, đã đóng 2 \\(đã xác minh có hiệu lực 2\\)" in text
    assert "| QT-TTHC-01 | 1 | 0 | 1 |" in text and "| QT-TTHC-GD-01 | 0 | 0 | 1 |" in text
    assert "| DGNB-2026-01 | NC-01 | không phù hợp nhẹ | QT-TTHC-01 | Phòng Quản lý chất lượng | 10/12/2026 | 3 |" in text


def _scores(path: Path) -> dict[str, str]:
    return {entry["id"]: entry.get("score") for entry in yaml.safe_load(path.read_text(encoding="utf-8"))["indicators"]}


def test_self_assessment_counts_by_hand(markdown: str) -> None:
    now, before = _scores(ASSESSMENT), _scores(ASSESSMENT.with_name("18091-2025.yaml"))
    colours = Counter(now.values())
    assert (colours["green"], colours["yellow"], colours["red"], colours["not_applicable"]) == (12, 14, 1, 12)
    rank = {"red": 0, "yellow": 1, "green": 2}
    moved = Counter(
        "improved" if rank[s] > rank[before[i]] else "worse" if rank[s] < rank[before[i]] else "same"
        for i, s in now.items()
        if s in rank and before.get(i) in rank
    )
    text = _section(markdown, "### 5\\)", "### 6\\)")
    assert "xanh 12, vàng 14, đỏ 1, không áp dụng 12, chưa chấm 0." in text
    assert f"So với năm 2025: tốt lên {moved['improved']}, giữ nguyên {moved['same']}, kém đi {moved['worse']}" in text
    assert (moved["improved"], moved["same"], moved["worse"]) == (13, 14, 0)


def test_audits_of_the_year_and_opportunities(markdown: str) -> None:
    text = _section(markdown, "### 6\\)", "### 7\\)")
    assert "Chương trình CT-DGNB-2026 dự kiến 3 cuộc đánh giá; có hồ sơ 1; chưa có hồ sơ: DGNB-2026-02, DGNB-2026-03." in text
    assert "| DGNB-2026-01 | 17/03/2026 – 19/03/2026 | QT-TTHC-01, QT-TTHC-GD-01 | 0 | 2 | 0 | 1 |" in text
    assert "DGNB-2025-01" not in text  # an audit of last year
    improvements = markdown[markdown.index("## f\\)") :]
    assert "OFI-01 \\(DGNB-2026-01; QT-TTHC-01; điều 9.1.2\\): Có thể mời người nộp" in improvements


def test_targets_satisfaction_and_process_performance(markdown: str) -> None:
    satisfaction = _section(markdown, "### 1\\)", "### 2\\)")
    assert "| CT-04 | Mức độ hài lòng của người dân, tổ chức | &gt;= 95% | 96.2% | đạt |" in satisfaction
    objectives = _section(markdown, "### 2\\)", "### 3\\)")
    assert "Đạt 1/5 chỉ tiêu; không đạt 3; không đo được 1." in objectives
    in_time = objectives.split("| CT-01 |")[1].split("|")[2].strip()
    performance = _section(markdown, "### 3\\)", "### 4\\)")
    assert "| QT-TTHC-01-2026.csv | QT-TTHC-01 | CT-01, CT-02, CT-03 |" in performance and f"| {in_time} |" in performance


def test_placeholders_where_there_is_no_data(markdown: str) -> None:
    for start, end in (
        ("## a\\)", "## b\\)"),
        ("## b\\)", "## c\\)"),
        ("### 7\\)", "## d\\)"),
        ("## d\\)", "## e\\)"),
        ("## e\\)", "## f\\)"),
    ):
        assert PLACEHOLDER in _section(markdown, start, end), start


def test_nothing_read_gives_placeholders_everywhere() -> None:
    text = review_markdown(collect_review(date(2026, 12, 7)))
    assert "Không đọc nguồn dữ liệu nào." in text
    assert text.count(PLACEHOLDER) == 12  # a, b, c 1–7, d, e, f


def test_the_word_file_has_the_section_headings(written: Path) -> None:
    texts = [p.text for p in docx.Document(str(written / "review.docx")).paragraphs]
    assert "Đầu vào xem xét của lãnh đạo năm 2026" in texts
    for head in ("a) ", "b) ", "c) ", "1) ", "2) ", "3) ", "4) ", "5) ", "6) ", "7) ", "d) ", "e) ", "f) "):
        assert any(text.startswith(head) for text in texts), head
    assert any(PLACEHOLDER in text for text in texts)


def test_html_escapes_the_records(tmp_path: Path) -> None:
    audits = tmp_path / "audits"
    audits.mkdir()
    for source in AUDITS.glob("*.yaml"):
        (audits / source.name).write_text(source.read_text(encoding="utf-8").replace("Có thể mời", "<b>Có thể</b> mời"), encoding="utf-8")
    _review([tmp_path / "review.html"], audits)
    page = (tmp_path / "review.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Có thể&lt;/b&gt; mời" in page and "<b>" not in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--audits", "no-such-folder", "--out", "x.md"], "no-such-folder"),
        (["--plan", "plans/none.yaml", "--out", "x.md"], "plans/none.yaml"),
        (["--assessment", "assessments/none.yaml", "--out", "x.md"], "assessments/none.yaml"),
        (["--out", "x.pdf"], "x.pdf"),
        ([], "--out"),
        (["--as-of", "2026-13-01", "--out", "x.md"], "2026-13-01"),
    ],
)
def test_bad_input_exits_2(args: list[str], message: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["review", *args])
    assert result.exit_code == 2, result.output
    assert message in result.stderr
    assert not (tmp_path / "x.md").exists()
