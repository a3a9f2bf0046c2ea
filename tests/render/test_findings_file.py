"""``qms render --findings FILE``: a findings file of the wrong shape is an error at file:line, exit 2, never a crash."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import assert_no_traceback, qms_env
from qms.report.findings_file import FindingsFileError, read_findings_file, steps_with_findings

ROOT = Path(__file__).resolve().parents[2]
FINDINGS = ROOT / "tests" / "cli" / "fixtures" / "findings"
HOSTILE = ROOT / "tests" / "render" / "fixtures" / "hostile.yaml"

# Fixture -> line and column ("" when the file has no usable positions), start of the Vietnamese message.
MISTAKES: dict[str, tuple[str, str]] = {
    "list_of_strings.json": (":1:1", "tệp phải là một đối tượng JSON có khoá «findings» (kết quả của «qms check --format json»), không phải một danh sách"),
    "findings_not_a_list.json": (":3:15", "«findings» phải là một danh sách [...], không phải «5»"),
    "line_not_a_number.json": (":24:15", '«findings[1].line» phải là một số nguyên, không phải «"x"»'),
    "missing_process.json": (":4:5", "«findings[1]» thiếu khoá «process»"),
    "sarif_or_other.json": (":1:1", "tệp thiếu khoá «findings»"),
    "trailing_comma.json": (":4:3", "lỗi cú pháp JSON: Expecting value"),
    "not_utf8.json": (":3:44", "tệp không phải UTF-8: byte 0xE1 không hợp lệ"),
    "utf16.json": ("", "tệp được lưu bằng UTF-16, không phải UTF-8"),
}


def test_every_fixture_is_checked() -> None:
    assert set(MISTAKES) == {p.name for p in FINDINGS.iterdir()}


@pytest.mark.parametrize("name", list(MISTAKES))
def test_each_wrong_file_is_an_error_at_its_place_with_a_hint(name: str) -> None:
    position, message = MISTAKES[name]
    with pytest.raises(FindingsFileError) as raised:
        read_findings_file(FINDINGS / name)
    [problem] = raised.value.problems
    assert problem.where == f"{FINDINGS / name}{position}"
    assert problem.message.vi.startswith(message), problem.message.vi
    assert problem.hint is not None and "qms check --format json --out" in problem.hint.en
    assert raised.value.render("en").startswith(f"{FINDINGS / name}{position}: ") and "(hint: " in raised.value.render("en")


def test_a_file_qms_check_wrote_is_read(tmp_path: Path) -> None:
    written = subprocess.run(
        [sys.executable, "-m", "qms", "check", str(HOSTILE), "--select", "QMS2", "--format", "json", "--out", str(tmp_path / "c.json")],
        capture_output=True,
        text=True,
        env=qms_env(),
        timeout=120,
    )
    assert written.returncode in (0, 1), written.stderr
    findings = read_findings_file(tmp_path / "c.json")
    assert findings and {f.process for f in findings} == {"QT-HOSTILE-01"}
    data = json.loads((tmp_path / "c.json").read_text(encoding="utf-8"))
    assert [(f.rule, f.line, f.waived) for f in findings] == [(f["rule"], f["line"], f["waived"]) for f in data["findings"]]


def test_only_active_findings_on_steps_are_marked(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    entries = [
        {"process": "A", "step": "s"},
        {"process": "A", "step": "t", "waived": True},
        {"process": "A", "step": None},
        {"process": "B", "step": "u", "waiver": {"reason": "x"}},  # keys this reader does not use are fine
    ]
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps({"findings": entries}).encode())  # a BOM (Windows Notepad) too
    assert steps_with_findings(path) == {"A": {"s"}, "B": {"u"}}


def test_many_mistakes_are_reported_in_file_order_and_capped(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    entries = [{"process": "A", "step": "s", "line": "x"}] * 30
    path.write_text(json.dumps({"findings": entries}, indent=2), encoding="utf-8")
    with pytest.raises(FindingsFileError) as raised:
        read_findings_file(path)
    problems = raised.value.problems
    assert len(problems) == 11 and problems[-1].message.en == "… and 20 more such problems"
    lines = [int(p.where.split(":")[1]) for p in problems[:-1]]
    assert lines == sorted(lines) and len(set(lines)) == 10


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty"),
        (b"[" * 100_000, "JSON nested too deeply"),
        (b'{"findings": [' + b"1" * 5000 + b"]}", "invalid JSON: Exceeds the limit"),
        (b'{"findings": [{"process": ["A"], "step": {"id": "s"}, "waived": "no", "severity": "fatal"}]}', "«findings[0].process» must be a string, not a list"),
    ],
    ids=["empty", "deep", "huge number", "wrong types"],
)
def test_hostile_content_is_an_error_not_a_crash(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "c.json"
    path.write_bytes(content)
    with pytest.raises(FindingsFileError) as raised:
        read_findings_file(path)
    assert message in raised.value.render("en")


def test_a_file_over_the_size_limit_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "c.json"
    path.write_text(json.dumps({"findings": [{"process": "A"}] * 100}), encoding="utf-8")
    with pytest.raises(FindingsFileError, match="file too large"):
        read_findings_file(path, max_bytes=1000)
    assert read_findings_file(path, max_bytes=10_000)


def test_render_exits_2_on_a_wrong_findings_file(tmp_path: Path) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000, encoding="utf-8")
    cases = [FINDINGS / "line_not_a_number.json", FINDINGS / "list_of_strings.json", FINDINGS / "not_utf8.json", deep, tmp_path / "missing.json"]
    procs = [
        subprocess.Popen(
            [sys.executable, "-m", "qms", "render", str(HOSTILE), "--out", str(tmp_path / "out"), "--findings", str(case)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            env=qms_env(),
        )
        for case in cases
    ]
    for case, proc in zip(cases, procs, strict=True):
        out, err = proc.communicate(timeout=120)
        result = subprocess.CompletedProcess([], proc.returncode, out, err)
        assert_no_traceback(result)
        assert proc.returncode == 2, (case, out, err)
        assert err.startswith(f"{case}"), err
        assert "(gợi ý: " in err
    assert not (tmp_path / "out").exists()  # stopped before drawing anything
