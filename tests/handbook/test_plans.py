"""The handbook's pages of plans (the qms plugin's ``plans`` and ``as_of`` options, qms.handbook.plans)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from conftest import Markup, handbook_project, mkdocs_build

from qms.diagnostics import display_path
from qms.handbook.html_blocks import GeneratedHtml
from qms.handbook.labels import W
from qms.handbook.plans import PlanCache, past_quarters, planned
from qms.handbook.safe_html import safe_html
from qms.i18n import Lang
from qms.load import load_paths
from qms.model import Process
from qms.plan import read_plan
from qms.plan.periods import quarter_period
from qms.plan.status import plan_status
from qms.report.plan_report import plan_report_markdown

ROOT = Path(__file__).resolve().parents[2]
PROCESSES = ROOT / "processes"
SAMPLE = "plans/KH-CCHC-2026.yaml"
PAGE = "ke-hoach/KH-CCHC-2026.md"
TITLE = "Kế hoạch cải cách hành chính năm 2026 của Sở Giáo dục và Đào tạo"
AS_OF = date(2026, 10, 15)
HOSTILE = "<script>alert(1)</script> a | b *c* [x](javascript:alert(1))"


@pytest.fixture(scope="module")
def processes() -> list[Process]:
    return load_paths([PROCESSES]).processes


@pytest.fixture(scope="module")
def shipped(processes: list[Process]) -> Any:
    return planned([SAMPLE], ROOT, PROCESSES, processes, AS_OF)


def test_the_page_of_the_shipped_plan_on_a_date(shipped: Any) -> None:
    assert shipped.problems == []
    reports = [f"ke-hoach/KH-CCHC-2026/2026-Q{n}.md" for n in (1, 2, 3)]  # Q4 has not ended on 15/10/2026
    assert set(shipped.pages) == {PAGE, *reports}
    assert shipped.titles == {
        PAGE: TITLE,
        **{path: f"Báo cáo quý {q} năm 2026" for path, q in zip(reports, ("I", "II", "III"), strict=True)},
    }
    assert shipped.sections == {"ke-hoach/KH-CCHC-2026": "Báo cáo các kỳ: KH-CCHC-2026"}
    page = shipped.pages[PAGE]
    assert page.startswith(
        f'---\ntitle: "{TITLE}"\n---\n\n# {TITLE}\n\nTình hình thực hiện tính đến ngày 15/10/2026, theo tệp kế hoạch {SAMPLE}.\n'
    )
    # The issuing document.
    for line in ("- Số, ký hiệu: 15/KH-SGDĐT", "- Ngày ban hành: 09/01/2026", "- Cơ quan ban hành: Sở Giáo dục và Đào tạo",
                 "- Người ký: Giám đốc Nguyễn Văn An", "- Kỳ kế hoạch: từ 01/01/2026 đến 31/12/2026"):  # fmt: skip
        assert line + "\n" in page
    # Targets: measured from the log over 01/01–15/10 (the figure «qms plan status --as-of 2026-10-15» shows), by hand, none.
    source = "đo trên nhật ký hồ sơ ../processes/logs/QT-TTHC-01-2026.csv theo quy trình QT-TTHC-01, từ 01/01/2026 đến 15/10/2026"
    assert (
        f"<td>CT-01</td><td>Tỷ lệ hồ sơ TTHC giải quyết trước và đúng hạn</td><td>&gt;= 95%</td><td>88.9%</td><td>không đạt</td><td>{source}</td>"
        in page
    )
    assert "<td>96.2%</td><td>đạt</td><td>nhập tay; minh chứng: Kết quả đánh giá trên Cổng Dịch vụ công quốc gia, quý III/2026</td>" in page
    assert "<td>CT-05</td><td>Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC</td><td>&gt;= 80%</td><td>-</td><td>chưa đo được</td>" in page
    # By lead unit: Văn phòng leads 1 (Jan, done 09/01), 7 (H1, done 20/05): in time; 4 (Q2, done 03/07): late;
    # 2 (on request), 8 (Oct), 9 (Dec): open. Thanh tra: 3 (Q3), not done: overdue. Một cửa: 5, 6, 10: open.
    assert "<tr><td>Văn phòng Sở</td><td>6</td><td>2</td><td>1</td><td>0</td><td>3</td></tr>" in page
    assert "<tr><td>Thanh tra Sở</td><td>1</td><td>0</td><td>0</td><td>1</td><td>0</td></tr>" in page
    assert (
        "<tr><td>Bộ phận Một cửa của Sở tại Trung tâm Phục vụ hành chính công</td><td>3</td><td>0</td><td>0</td><td>0</td><td>3</td></tr>"
        in page
    )
    assert "<tr><td>Cộng</td><td>10</td><td>2</td><td>1</td><td>1</td><td>6</td></tr>" in page
    # Task 3 (Quý III: deadline 30/09) is 15 days overdue; nothing is due within 7 days (task 8: 31/10, 16 days).
    overdue = page.split("## Nhiệm vụ quá hạn\n")[1].split("## ")[0]
    assert (
        "<tr><td>3</td><td>Kiểm tra công tác CCHC tại các phòng thuộc Sở và đơn vị trực thuộc</td><td>Thanh tra Sở</td><td>30/09/2026</td><td>15</td></tr>"
        in overdue
    )
    assert overdue.count("<tr>") == 2  # the head and task 3
    assert "## Nhiệm vụ đến hạn trong 7 ngày tới\n\nKhông có nhiệm vụ đến hạn trong 7 ngày tới.\n" in page
    # Periodic reports: Q1 and Q2 sent in time, Q3 sent on 10/09 after its due day 08/09, Q4 and the year not due.
    assert "<td>Quý III năm 2026</td><td>08/09/2026</td><td>10/09/2026</td><td>đã gửi trễ hạn</td>" in page
    assert (
        "<td>BC-NAM</td><td>Báo cáo kết quả thực hiện công tác CCHC năm</td><td>Năm 2026</td><td>08/12/2026</td><td></td><td>chưa đến hạn</td>"
        in page
    )
    # Reports of past periods: links beside the page (served at ke-hoach/KH-CCHC-2026/).
    assert (
        '- <a href="2026-Q1/">Báo cáo quý I năm 2026</a>\n- <a href="2026-Q2/">Báo cáo quý II năm 2026</a>\n- <a href="2026-Q3/">' in page
    )
    assert "2026-Q4" not in page


def test_due_within_seven_days(processes: list[Process]) -> None:
    page = planned([SAMPLE], ROOT, PROCESSES, processes, date(2026, 10, 25)).pages[PAGE]
    soon = page.split("## Nhiệm vụ đến hạn trong 7 ngày tới\n")[1].split("## ")[0]
    assert (
        "<tr><td>8</td><td>Đánh giá nội bộ Hệ thống quản lý chất lượng</td><td>Văn phòng Sở</td><td>31/10/2026</td><td>6</td></tr>" in soon
    )
    assert soon.count("<tr>") == 2


def test_a_past_quarters_report_is_the_period_report_on_its_cut_off_day(shipped: Any) -> None:
    plan_file, _problems = read_plan(ROOT / SAMPLE)
    assert plan_file is not None
    q1 = quarter_period(2026, 1)
    report = plan_report_markdown(plan_status(plan_file, date(2026, 3, 14), processes=PROCESSES), q1, Lang.VI)
    page = shipped.pages["ke-hoach/KH-CCHC-2026/2026-Q1.md"]
    assert page == '---\ntitle: "Báo cáo quý I năm 2026"\n---\n\n' + report.rstrip("\n") + (
        '\n\nTình hình hiện nay của kế hoạch: <a href="../">KH-CCHC-2026</a>.\n'
    )
    assert [q.key for q in past_quarters(plan_file.plan, date(2026, 4, 1))] == ["2026-Q1"]
    assert past_quarters(plan_file.plan, date(2026, 3, 31)) == []  # a quarter ends with its last day


def _render(page: str) -> tuple[str, Markup, Markup]:
    extension = GeneratedHtml()
    extension.active = True
    rendered = markdown.Markdown(extensions=["admonition", "attr_list", "tables", "toc", "meta", extension]).convert(page)
    return rendered, Markup(rendered), Markup(safe_html(rendered))


def _hostile_plan(folder: Path) -> Path:
    data = yaml.safe_load((ROOT / SAMPLE).read_text(encoding="utf-8"))
    data["title"] = "Kế hoạch <img src=x onerror=alert(1)> *đậm*"
    data["units"] = [{**u, "name": "Thanh tra <b>Sở</b> | x"} if u["id"] == "thanh-tra" else u for u in data["units"]]
    data["tasks"] = [{**t, "content": HOSTILE} if t["id"] == "3" else t for t in data["tasks"]]
    for target in data["targets"]:
        target["logs"] = [str(ROOT / "processes" / "logs" / Path(log).name) for log in target.get("logs", [])]
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "hostile.yaml").write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return folder / "hostile.yaml"


def test_plan_text_is_escaped_and_keeps_all_its_markup_through_the_allow_list(processes: list[Process], tmp_path: Path) -> None:
    _hostile_plan(tmp_path)
    found = planned(["hostile.yaml"], tmp_path, PROCESSES, processes, AS_OF)
    assert found.problems == []
    page = found.pages[PAGE]
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert "# Kế hoạch &lt;img src=x onerror=alert\\(1\\)&gt; \\*đậm\\*\n" in page
    assert 'title: "Kế hoạch &lt;img src=x onerror=alert(1)&gt; *đậm*"' in page  # the menu's title, escaped
    assert (
        "<td>&lt;script&gt;alert(1)&lt;/script&gt; a | b *c* [x](javascript:alert(1))</td><td>Thanh tra &lt;b&gt;Sở&lt;/b&gt; | x</td>"
        in page
    )
    # The plan's page and the report of Q3 (task 3 open in time on 14/09), rendered as the site renders them.
    for path in (PAGE, "ke-hoach/KH-CCHC-2026/2026-Q3.md"):
        rendered, before, after = _render(found.pages[path])
        assert after.tags == before.tags and "".join(after.text) == "".join(before.text), path  # nothing left to remove
        tags = {tag for tag, _attrs in after.tags}
        assert not tags & {"script", "img", "b", "em"}, path
        assert all((dict(attrs).get("href") or "").startswith(("2026-Q", "../")) for tag, attrs in after.tags if tag == "a"), path
        shown = "".join(after.text)
        assert HOSTILE in shown and "Thanh tra <b>Sở</b> | x" in shown, path
        assert "<table" in rendered
    # In the report's Markdown table «|» is escaped: the task's row keeps its cells.
    _rendered, _before, after = _render(found.pages["ke-hoach/KH-CCHC-2026/2026-Q3.md"])
    assert any(part == HOSTILE for part in after.text)


def test_bad_entries_give_one_sentence_each_and_no_page(processes: list[Process], tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text(
        "code: KH-X\ntittle: Kế hoạch\nperiod: {start: 2026-01-01, end: 2026-12-31}\n"
        "units: [{id: a, name: A}]\ntasks:\n  - {id: '1', content: Việc, lead: b}\n",
        encoding="utf-8",
    )
    (tmp_path / "same.yaml").write_text("code: KH-X\ntitle: Một\nperiod: {start: 2026-01-01, end: 2026-12-31}\n", encoding="utf-8")
    (tmp_path / "again.yaml").write_text("code: KH-X\ntitle: Hai\nperiod: {start: 2026-01-01, end: 2026-12-31}\n", encoding="utf-8")
    found = planned(["khong-co.yaml", "bad.yaml", "same.yaml", "again.yaml"], tmp_path, PROCESSES, processes, AS_OF)
    assert {path for path in found.pages if not path.startswith("ke-hoach/KH-X/")} == {"ke-hoach/KH-X.md"}
    assert found.titles["ke-hoach/KH-X.md"] == "Một"  # the first plan of that code
    missing, bad, twice = found.problems
    assert missing == "plans: không có tệp kế hoạch «khong-co.yaml» (đường dẫn tính từ thư mục của mkdocs.yml)"
    where = display_path(tmp_path / "bad.yaml")
    assert bad.startswith(f"plans: kế hoạch «bad.yaml» có lỗi, không có trang: {where}:1:1: QMS010 ")  # no «title»
    assert f"; {where}:2:1: QMS010 lỗi: trường «tittle» không có trong định dạng kế hoạch (gợi ý: có phải ý bạn là «title»?)" in bad
    assert twice == "plans: kế hoạch mã KH-X đã có trang; «again.yaml» bị bỏ qua"
    assert not [p for p in found.problems if "Traceback" in p or "\n" in p]


def test_an_unchanged_plan_is_not_followed_again(processes: list[Process], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import qms.handbook.plans as plans

    plan = tmp_path / "plan.yaml"
    plan.write_text("code: KH-Y\ntitle: Y\nperiod: {start: 2026-01-01, end: 2026-12-31}\n", encoding="utf-8")
    cache: PlanCache = {}
    first = planned(["plan.yaml"], tmp_path, PROCESSES, processes, AS_OF, cache=cache)
    calls: list[str] = []
    real = plans._make

    def counted(name: str, *args: Any) -> Any:
        calls.append(name)
        return real(name, *args)

    monkeypatch.setattr(plans, "_make", counted)
    assert planned(["plan.yaml"], tmp_path, PROCESSES, processes, AS_OF, cache=cache).pages == first.pages and calls == []
    planned(["plan.yaml"], tmp_path, PROCESSES, processes, date(2026, 10, 16), cache=cache)  # another day
    with plan.open("a", encoding="utf-8") as f:
        f.write("\n")  # a changed file (size)
    planned(["plan.yaml"], tmp_path, PROCESSES, processes, AS_OF, cache=cache)
    assert calls == ["plan.yaml", "plan.yaml"]


def test_english_page(processes: list[Process]) -> None:
    if W["plan_targets"].en == W["plan_targets"].vi:
        pytest.skip("the English catalogue does not have the plans' page messages yet (scripts/i18n.sh)")
    found = planned([SAMPLE], ROOT, PROCESSES, processes, AS_OF, Lang.EN)
    page = found.pages[PAGE]
    assert "## Progress by target" in page and "## Overdue tasks" in page and "<td>2026-09-30</td><td>15</td>" in page


def _project(tmp_path: Path, plans: str, as_of: str = "2026-10-15") -> Path:
    return handbook_project(tmp_path, f"plans: {plans}, as_of: {as_of}", copies=[str(SAMPLE)])


_mkdocs = mkdocs_build


def test_strict_build_publishes_the_plan_and_its_reports_in_the_menu(tmp_path: Path) -> None:
    project = _project(tmp_path, f"[{SAMPLE}]")
    done = _mkdocs(project, "--strict")
    assert done.returncode == 0, done.stdout + done.stderr
    folder = project / "site" / "so-tay" / "ke-hoach" / "KH-CCHC-2026"
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert f"<title>{TITLE} - Thử</title>" in page and "Thanh tra Sở" in page and "<script>alert" not in page
    assert '<a href="2026-Q1/">Báo cáo quý I năm 2026</a>' in page
    report = (folder / "2026-Q3" / "index.html").read_text(encoding="utf-8")
    assert "<title>Báo cáo quý III năm 2026 - Thử</title>" in report and '<a href="../">KH-CCHC-2026</a>' in report
    home = (project / "site" / "index.html").read_text(encoding="utf-8")
    assert 'href="so-tay/ke-hoach/KH-CCHC-2026/"' in home and 'href="so-tay/ke-hoach/KH-CCHC-2026/2026-Q2/"' in home  # every page's menu
    assert "Kế hoạch" in home and "Báo cáo các kỳ: KH-CCHC-2026" in home  # the menu's sections


def test_bad_entries_warn_without_a_traceback(tmp_path: Path) -> None:
    project = _project(tmp_path, "[khong-co.yaml, plans/bad.yaml]")
    (project / "plans" / "bad.yaml").write_text("code: KH-X\ntitle: X\nperiod: {start: 2026-01-01}\n", encoding="utf-8")
    done = _mkdocs(project)
    output = done.stdout + done.stderr
    assert done.returncode == 0, output
    assert "WARNING -  qms: plans: không có tệp kế hoạch «khong-co.yaml»" in output
    assert "WARNING -  qms: plans: kế hoạch «plans/bad.yaml» có lỗi, không có trang: " in output and "bad.yaml:3:" in output
    assert "Traceback" not in output and not (project / "site" / "so-tay" / "ke-hoach").exists()
    strict = _mkdocs(project, "--strict")
    assert strict.returncode != 0 and "Traceback" not in strict.stdout + strict.stderr


def test_a_bad_as_of_stops_the_build_with_one_line(tmp_path: Path) -> None:
    done = _mkdocs(_project(tmp_path, "[]", as_of="'2026-02-30'"))
    output = done.stdout + done.stderr
    assert done.returncode != 0 and "as_of: «2026-02-30» không phải là ngày dạng YYYY-MM-DD" in output and "Traceback" not in output
