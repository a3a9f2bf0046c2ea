"""One file alone: the processes it calls are found beside it or in its project's ``processes/`` folder.

Fixtures in ``fixtures/one_file``: ``same_folder`` (a call to the file beside, a call to nothing), ``project``
(a ``qms.toml``, a ``processes/`` folder with a good and two broken processes, and drafts outside it calling them).
"""

from __future__ import annotations

from pathlib import Path

import pytest

import qms
from conftest import only, position, text_at
from qms.diagnostics import LoadCode
from qms.load import LoadError, load_paths
from qms.load.schema_errors import closest
from qms.rules import RuleConfig, check_paths

ONE_FILE = Path(__file__).parent / "fixtures" / "one_file"
SAME_FOLDER = ONE_FILE / "same_folder"
PROJECT = ONE_FILE / "project"


def test_a_call_to_the_file_beside_validates_alone() -> None:
    named = SAME_FOLDER / "QT-GOI-01.yaml"
    result = load_paths([named])
    assert result.ok, [d.render("en") for d in result.diagnostics]
    assert result.files == [named] and [p.code for p in result.processes] == ["QT-GOI-01"]
    # Read to resolve the call (its file is not named after its code), not loaded as a result.
    assert [p.code for p in result.called] == ["QT-DUOC-GOI-01"]
    assert qms.load(named).code == "QT-GOI-01"


def test_a_call_to_nothing_never_suggests_the_calling_process_itself() -> None:
    path = SAME_FOLDER / "QT-LAP-01.yaml"
    assert closest("QT-LAP-02", ["QT-LAP-01", "QT-GOI-01"]) == "QT-LAP-01"  # what a did-you-mean would pick
    d = only(load_paths([path]).diagnostics)
    assert (d.code, position(d), text_at(path, *position(d))) == (LoadCode.REFERENCE, (11, 76), "QT-LAP-02, next: xong}")
    assert d.message.vi == "quy trình «QT-LAP-02» không tồn tại"
    assert d.hint is not None and "QT-LAP-01" not in d.hint.vi
    assert d.hint.vi == "quy trình đã khai báo: QT-DUOC-GOI-01, QT-GOI-01"  # the other codes found, for the author to pick
    with pytest.raises(LoadError) as raised:
        qms.load(path)
    assert [x.data["name"] for x in raised.value.diagnostics] == ["QT-LAP-02"]


def test_the_same_call_to_nothing_in_the_whole_folder_does_not_suggest_itself_either() -> None:
    d = only(load_paths([SAME_FOLDER]).diagnostics)
    assert d.data["name"] == "QT-LAP-02" and d.hint is not None and "QT-LAP-01" not in d.hint.vi


def test_a_draft_elsewhere_finds_the_called_process_in_the_project_processes_folder() -> None:
    named = PROJECT / "drafts" / "QT-NHAP-01.yaml"
    result = load_paths([named])
    assert result.ok, [d.render("en") for d in result.diagnostics]
    assert [p.code for p in result.processes] == ["QT-NHAP-01"] and [p.code for p in result.called] == ["QT-VB-01"]
    # The broken files of processes/ are not the draft's problems: QT-NHAP-01 calls neither.
    assert result.diagnostics == []
    assert qms.load(named).code == "QT-NHAP-01"


def test_without_a_project_only_the_folder_is_searched(tmp_path: Path) -> None:
    (tmp_path / "processes").mkdir()
    (tmp_path / "processes" / "QT-VB-01.yaml").write_bytes((PROJECT / "processes" / "van-ban" / "QT-VB-01.yaml").read_bytes())
    draft = tmp_path / "drafts" / "QT-NHAP-01.yaml"
    draft.parent.mkdir()
    draft.write_bytes((PROJECT / "drafts" / "QT-NHAP-01.yaml").read_bytes())
    assert [d.data["name"] for d in load_paths([draft]).diagnostics] == ["QT-VB-01"]  # no qms.toml: no project
    (tmp_path / "qms.toml").write_text("", encoding="utf-8")
    assert load_paths([draft]).ok


def test_a_call_to_a_broken_file_says_which_file_and_why() -> None:
    path = PROJECT / "drafts" / "QT-NHAP-02.yaml"
    result = load_paths([path])
    assert result.processes == [] and result.called == []
    unreadable, incomplete = result.diagnostics  # one at each call, none of the broken files' own
    assert {d.location.path for d in result.diagnostics} == {path}
    assert (unreadable.code, position(unreadable), unreadable.data["name"]) == (LoadCode.REFERENCE, (11, 70), "QT-HONG-01")
    broken = PROJECT / "processes" / "QT-HONG-01.yaml"
    assert unreadable.message.vi.startswith(
        f"quy trình được gọi «QT-HONG-01» không kiểm tra được vì tệp của nó có lỗi: {broken.relative_to(Path.cwd())}:3:21: lỗi cú pháp YAML"
    )
    assert position(incomplete) == (12, 74)
    assert "thieu-buoc.yaml:2:1: thiếu trường bắt buộc «steps»" in incomplete.message.vi
    assert incomplete.hint is not None and "qms validate" in incomplete.hint.vi


def test_the_rules_see_the_called_process_when_one_file_is_checked() -> None:
    # QMS505: an approved process calls a draft. The draft is known only because it was found in processes/.
    report = check_paths([PROJECT / "drafts" / "QT-NHAP-01.yaml"], RuleConfig(select=["QMS505"]))
    assert [(f.code, f.process, f.step) for f in report.findings] == [("QMS505", "QT-NHAP-01", "ban-hanh")]
    assert [p.code for p in report.processes] == ["QT-NHAP-01"]  # the called process is looked at, never checked
