"""Report writers: the shipped criteria pass; hostile text is escaped; JUnit is well-formed."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest

from qms.audit import AuditReport, CriterionResult, Kind, Outcome, report_html, report_junit, report_markdown, report_text, run_audit
from qms.i18n import Message

from .conftest import FEATURES, HOSTILE, SHORTFALLS


def test_shipped_criteria_all_pass_on_shipped_processes(shipped: AuditReport) -> None:
    not_passed = [(r.scenario, r.message) for r in shipped.results if r.outcome is not Outcome.PASSED]
    assert not not_passed and not shipped.errors and shipped.ok
    assert len(shipped.results) >= 70


def test_markdown_of_shipped_criteria_lists_pass_for_all(shipped: AuditReport) -> None:
    text = report_markdown(shipped)
    total = len(shipped.results)
    assert f"**{total} tiêu chí: {total} đạt, 0 điểm không phù hợp, 0 khuyến nghị, 0 lỗi**" in text
    rows = [line for line in text.splitlines() if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == total and all(row.endswith("| Đạt |") for row in rows)
    assert "Không có phát hiện nào." in text
    assert "## Tiêu chí không chạy được" not in text


def test_shipped_criteria_cover_the_required_clauses_and_rules(shipped: AuditReport) -> None:
    tags = {t for r in shipped.results for t in r.tags}
    for required in (
        "iso9001-4.4",
        "iso9001-5.3",
        "iso9001-7.5",
        "iso9001-8.5.1",
        "iso9001-9.1",
        "iso9001-9.2",
        "iso9001-10.2",
        "nd30-2020",
        "nd118-2025",
    ):
        assert required in tags, required
    assert {"QT-TTHC-01", "QT-TTHC-GD-01", "QT-VB-01", "QT-DGNB-01"} <= {p for r in shipped.results for p in r.subjects}
    # Every criterion names its basis and its process.
    assert all(r.basis and r.process_tags for r in shipped.results)
    # The English translation of the criteria is left out of the Vietnamese report, and named.
    assert any(path.parent.name == "en" for path in shipped.left_out)
    assert not any(r.file.parent.name == "en" for r in shipped.results)


def _tags(page: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    found: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found.append((tag, attrs))

    Collect().feed(page)
    return found


@pytest.fixture(scope="module")
def hostile() -> AuditReport:
    return run_audit(FEATURES / "hostile", HOSTILE)


def test_html_report_escapes_a_hostile_process(hostile: AuditReport) -> None:
    page = report_html(hostile)
    assert hostile.failed, "the hostile process must produce a finding to show"
    assert "&lt;script&gt;alert(&#x27;tiêu đề&#x27;)&lt;/script&gt; &amp; &lt;b&gt;đậm&lt;/b&gt;" in page  # the title
    assert "&lt;img src=x onerror=alert(1)&gt;" in page  # a step name inside a finding
    assert "Kịch bản &lt;i&gt;nguy hiểm&lt;/i&gt; | &amp; &quot;x&quot;" in page  # the scenario name
    assert "<script" not in page and "<img" not in page and "<i>" not in page and "<b>" not in page
    # Self-contained: no element loads anything, no script at all.
    tags = _tags(page)
    assert not [t for t in tags if t[0] in ("script", "link", "img", "iframe", "object", "embed")]
    assert not [t for t in tags if any(name in ("src", "href", "srcset") or name.startswith("on") for name, _ in t[1])]
    assert "url(" not in page and "@import" not in page


def test_markdown_report_escapes_a_hostile_process(hostile: AuditReport) -> None:
    text = report_markdown(hostile)
    assert "<script" not in text and "<img" not in text
    row = next(line for line in text.splitlines() if line.startswith("| 1 |"))
    assert len(re.split(r"(?<!\\)\|", row)) == 7  # # + 4 columns: the «|» in the scenario name adds none


def test_the_terminal_report_shows_text_as_written(hostile: AuditReport) -> None:
    text = report_text(hostile)
    assert "<script>alert('tiêu đề')</script> & <b>đậm</b>" in text  # the title, as the officer wrote it
    assert "&lt;" not in text and "&amp;" not in text and "\\_" not in text and "\\(" not in text
    assert "\x1b" not in text  # what a terminal would act on is shown as an escape
    assert "&lt;" in report_markdown(hostile)  # the Markdown file stays escaped for its renderers


def test_markdown_report_escapes_process_text_in_its_tables_and_headings() -> None:
    """A «|» or a backslash in process text cannot split a row of the results table; no Markdown in it is read.

    Rendered as the handbook renders the report (the extensions of mkdocs.yml).
    """
    text = r"a | b \| c *d* [e](javascript:f) `g` <h> #i _j_ {: onclick=k }"
    code = r"QT-A-01|x\|y"
    result = CriterionResult(
        feature="F",
        file=Path("features/x.feature"),
        line=3,
        scenario=text,
        tags=("iso9001-4.4",),
        processes=(code,),
        outcome=Outcome.FAILED,
        kind=Kind.NONCONFORMITY,
        message=Message(text, text),
    )
    report = AuditReport(Path("features"), Path("processes"), results=[result], process_titles={code: Message(text, text)})
    page = markdown.markdown(report_markdown(report), extensions=["admonition", "attr_list", "tables"])
    rows = re.findall(r"<tr>(.*?)</tr>", page, re.S)
    cells = [html.unescape(c) for c in re.findall(r"<td>(.*?)</td>", rows[1], re.S)]
    assert cells == ["1", f"{text} (features/x.feature:3)", "ISO 9001:2015 4.4", code, "Điểm không phù hợp, mục 1"]
    heading = html.unescape(re.search(r"<h3>(.*?)</h3>", page).group(1))  # type: ignore[union-attr]
    assert heading == f"1. Điểm không phù hợp — ISO 9001:2015 4.4 — {code} ({text})"
    # The finding after its code: a result made by hand without one is a finding, AUD001.
    assert html.unescape(re.search(r"<h3>.*?</h3>\s*<p>(.*?)</p>", page, re.S).group(1)) == f"AUD001: {text}"  # type: ignore[union-attr]
    assert not re.search(r"<(a|em|code|h)\b", page) and page.count("<strong>") == 1  # the summary's
    assert 'onclick="' not in page


def test_junit_report(shortfalls_vi: AuditReport, hostile: AuditReport) -> None:
    root = ET.fromstring(report_junit(shortfalls_vi))
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("38", "38", "0")
    kinds = [f.get("type") for f in root.iter("failure")]
    assert kinds.count("observation") == 1 and kinds.count("nonconformity") == 37
    case = next(c for c in root.iter("testcase") if c.get("name") == "chủ trì")
    assert "QT-LOI-01.yaml:9" in case.find("failure").text
    assert {p.get("value") for p in case.iter("property") if p.get("name") == "tag"} == {"iso9001-4.4", "QT-LOI-01"}
    ET.fromstring(report_junit(hostile))  # hostile text is still well-formed XML


def test_junit_report_of_unreadable_criteria() -> None:
    report = run_audit(FEATURES / "broken", SHORTFALLS)
    root = ET.fromstring(report_junit(report))
    assert root.get("errors") == "3" and {e.get("type") for e in root.iter("error")} == {"criteria-file"}


def test_reports_in_english(shortfalls_en: AuditReport) -> None:
    text = report_markdown(shortfalls_en, "en")
    assert (
        "# Audit report against criteria" in text
        # The process title is Markdown-escaped: its parentheses too.
        and r"### 1. Nonconformity — ISO 9001:2015 5.3 — QT-LOI-01 \(A process with shortfalls\)" in text
    )
    assert "closest phrases" in text
    assert '<html lang="en">' in report_html(shortfalls_en, "en")
