"""The handbook's pages of measured dossier logs (the qms plugin's ``logs`` option, qms.handbook.measures)."""

from __future__ import annotations

import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import markdown
import pytest
from conftest import Markup, handbook_project, mkdocs_build

from qms.handbook.html_blocks import GeneratedHtml
from qms.handbook.links import href, process_paths
from qms.handbook.measures import LogEntry, MeasureCache, measured_logs
from qms.handbook.safe_html import safe_html
from qms.i18n import Lang, _
from qms.load import load_paths
from qms.model import Process

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = ROOT / "processes"
SAMPLE = LogEntry(("processes/logs/QT-TTHC-01-2026.csv",), "QT-TTHC-01")
PAGE = "do-luong/QT-TTHC-01.md"
TITLE = "Kết quả giải quyết hồ sơ — Giải quyết hồ sơ thủ tục hành chính tại Bộ phận Một cửa"


@pytest.fixture(scope="module")
def processes() -> list[Process]:
    return load_paths([PROCESSES]).processes


def test_a_page_and_its_charts_for_the_shipped_sample(processes: list[Process]) -> None:
    found = measured_logs([SAMPLE], ROOT, PROCESSES, processes, process_paths(processes))
    assert found.problems == []
    assert set(found.pages) == {PAGE, *(f"do-luong/QT-TTHC-01-{key}.svg" for key in ("months", "time", "late"))}
    assert found.titles == {PAGE: TITLE}
    page = found.pages[PAGE]
    assert page.startswith(f'---\ntitle: "{TITLE}"\n---\n\n# {TITLE}\n')
    assert "- Nhật ký hồ sơ: đọc 400 dòng, dùng 400, loại 0." in page
    assert "| trước và đúng hạn | 88.7% | 100% | KPI-TTHC-01 — Tỷ lệ hồ sơ giải quyết trước và đúng hạn | không đạt |" in page
    for key in ("months", "time", "late"):
        assert f'<object class="qms-chart" type="image/svg+xml" data="{href(PAGE, f"do-luong/QT-TTHC-01-{key}.svg")}">' in page
        svg = found.pages[f"do-luong/QT-TTHC-01-{key}.svg"]
        assert svg.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<svg ') and ET.fromstring(svg.encode("utf-8")).get("role") == "img"
    assert 'data="../QT-TTHC-01-months.svg"' in page  # beside the page, as the site serves it (do-luong/QT-TTHC-01/)
    assert (
        '|\n\nĐo theo quy trình <a href="../../quy-trinh/QT-TTHC-01/">QT-TTHC-01</a>, trên nhật ký hồ sơ processes/logs/QT-TTHC-01-2026.csv.\n'
        in page  # a paragraph of its own after the last table
    )


def test_the_page_keeps_all_its_markup_through_the_allow_list(processes: list[Process]) -> None:
    page = measured_logs([SAMPLE], ROOT, PROCESSES, processes, process_paths(processes)).pages[PAGE]
    extension = GeneratedHtml()
    extension.active = True
    rendered = markdown.Markdown(extensions=["admonition", "attr_list", "tables", "toc", "meta", extension]).convert(page)
    before, after = Markup(rendered), Markup(safe_html(rendered))
    assert after.tags == before.tags and "".join(after.text) == "".join(before.text)
    assert [tag for tag, _attrs in after.tags].count("object") == 3 and "<table>" in rendered
    assert rendered.endswith(
        '</table>\n<p>Đo theo quy trình <a href="../../quy-trinh/QT-TTHC-01/">QT-TTHC-01</a>, trên nhật ký hồ sơ processes/logs/QT-TTHC-01-2026.csv.</p>'
    )


def test_english_page(processes: list[Process]) -> None:
    if _("Kết quả giải quyết hồ sơ").en == "Kết quả giải quyết hồ sơ":
        pytest.skip("the English catalogue does not have the report's messages yet (scripts/i18n.sh)")
    found = measured_logs([SAMPLE], ROOT, PROCESSES, processes, process_paths(processes), Lang.EN)
    title = "Dossier results — " + next(p for p in processes if p.code == "QT-TTHC-01").title.get(Lang.EN)
    assert found.titles == {PAGE: title} and f"# {title}" in found.pages[PAGE]
    assert "Measured against process <a href=" in found.pages[PAGE] and "## Late dossiers by unit" in found.pages[PAGE]


def test_bad_entries_give_one_sentence_each_and_no_page(processes: list[Process], tmp_path: Path) -> None:
    (tmp_path / "empty.csv").write_text("x,y\n1,2\n", encoding="utf-8")
    shutil.copy(ROOT / SAMPLE.logs[0], tmp_path / "log.csv")
    entries = [
        LogEntry(("missing.csv",), "QT-TTHC-01"),
        LogEntry(("log.csv",), "QT-KHONG-CO"),
        LogEntry(("empty.csv",), "QT-TTHC-01"),
        LogEntry(("log.csv",), "QT-TTHC-01", mapping="no-mapping.yaml"),
        LogEntry(("log.csv",), "QT-TTHC-01"),
        LogEntry(("log.csv", "log.csv"), "QT-TTHC-01"),  # a second entry for the same process
    ]
    found = measured_logs(entries, tmp_path, PROCESSES, processes, process_paths(processes))
    assert set(found.titles) == {PAGE}
    missing, unknown, empty, no_mapping, twice = found.problems
    assert missing == "logs: không có tệp nhật ký hồ sơ «missing.csv» (đường dẫn tính từ thư mục của mkdocs.yml)"
    assert unknown.startswith("logs: không đo được nhật ký hồ sơ «log.csv» theo quy trình QT-KHONG-CO: không có quy trình mã «QT-KHONG-CO»")
    assert "QT-TTHC-01" in unknown.split("(có:")[1]  # the codes there are
    assert empty.startswith("logs: không đo được nhật ký hồ sơ «empty.csv» theo quy trình QT-TTHC-01: ")
    assert no_mapping == "logs: không có tệp nhật ký hồ sơ «no-mapping.yaml» (đường dẫn tính từ thư mục của mkdocs.yml)"
    assert twice.startswith("logs: quy trình QT-TTHC-01 đã có trang kết quả; nhật ký «log.csv, log.csv» bị bỏ qua")
    assert not [p for p in found.problems if "Traceback" in p or "\n" in p]


def test_an_unchanged_log_is_not_measured_again(processes: list[Process], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qms.handbook.measures as measures

    shutil.copy(ROOT / SAMPLE.logs[0], tmp_path / "log.csv")
    entry, paths = LogEntry(("log.csv",), "QT-TTHC-01"), process_paths(processes)
    cache: MeasureCache = {}
    first = measured_logs([entry], tmp_path, PROCESSES, processes, paths, cache=cache)
    calls: list[LogEntry] = []
    real = measures._measure
    monkeypatch.setattr(measures, "_measure", lambda e, *a: calls.append(e) or real(e, *a))
    assert measured_logs([entry], tmp_path, PROCESSES, processes, paths, cache=cache).pages == first.pages and calls == []
    with (tmp_path / "log.csv").open("a", encoding="utf-8") as f:
        f.write("\n")  # a changed file (size) is measured again
    measured_logs([entry], tmp_path, PROCESSES, processes, paths, cache=cache)
    assert calls == [entry]


def _project(tmp_path: Path, logs: str) -> Path:
    return handbook_project(tmp_path, f"logs: {logs}")


_mkdocs = mkdocs_build


def test_strict_build_publishes_the_page_in_the_menu(tmp_path: Path) -> None:
    project = _project(tmp_path, "[{log: processes/logs/QT-TTHC-01-2026.csv, process: QT-TTHC-01}]")
    done = _mkdocs(project, "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    folder = project / "site" / "so-tay" / "do-luong"
    page = (folder / "QT-TTHC-01" / "index.html").read_text(encoding="utf-8")
    assert f"<title>{TITLE} - Thử</title>" in page and page.count('<object class="qms-chart"') == 3
    assert "Kết quả đo lường" in page  # the menu's section
    for key in ("months", "time", "late"):
        ET.fromstring((folder / f"QT-TTHC-01-{key}.svg").read_bytes())
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="so-tay/do-luong/QT-TTHC-01/"' in home  # in every page's menu


def test_bad_entries_warn_without_a_traceback(tmp_path: Path) -> None:
    project = _project(tmp_path, "[{log: nhat-ky.csv, process: QT-TTHC-01}, {log: processes/logs/QT-TTHC-01-2026.csv, process: QT-X}]")
    done = _mkdocs(project)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "WARNING -  qms: logs: không có tệp nhật ký hồ sơ «nhat-ky.csv»" in output
    assert "WARNING -  qms: logs: không đo được nhật ký hồ sơ «processes/logs/QT-TTHC-01-2026.csv» theo quy trình QT-X: " in output
    assert "Traceback" not in output and not (project / "site" / "so-tay" / "do-luong").exists()
    strict = _mkdocs(project, "--strict")
    assert strict.returncode != 0 and "Traceback" not in strict.stdout + strict.stderr
    missing_process = _project(tmp_path / "other", "[{log: processes/logs/QT-TTHC-01-2026.csv}]")
    done = _mkdocs(missing_process)
    assert done.returncode != 0 and "process" in done.stdout + done.stderr and "Traceback" not in done.stdout + done.stderr
