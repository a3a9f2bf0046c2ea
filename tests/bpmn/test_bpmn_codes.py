"""Every error and note of the BPMN import has a registered ``BPM`` code, and each code is emitted by a real fixture.

``tests/bpmn/fixtures/codes/BPMnnn.bpmn`` is a small diagram that makes the import report ``BPMnnn`` (and, for the
errors, stop); ``qms import bpmn`` prints it in the one line format, ``path:line:column: BPMnnn severity: message``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import pytest
from bpmn_helpers import CAMUNDA, FIXTURES, ROOT
from typer.testing import CliRunner

import qms.bpmn
from qms.bpmn import BPMN_CODES, BpmnCode, BpmnError, ImportNote, bpmn_to_process_yaml, import_file
from qms.cli.app import app
from qms.codes import all_codes, code_info
from qms.diagnostics import Diagnostic, Severity, Status
from qms.i18n import Message
from qms.report import code_page

CODES = FIXTURES / "codes"
PACKAGE = Path(qms.bpmn.__file__).parent
# What a fixture needs besides the file: BPM007 is the second import into one folder, BPM008 a wrong --code.
EXTRA = {"BPM008": ["--code", "qt 01"]}
runner = CliRunner()


@pytest.fixture(autouse=True)
def _at_project_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # paths are given, and printed, relative to the project


def import_bpmn(source: Path, out: Path, *extra: str, lang: str = "en"):  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["--lang", lang, "import", "bpmn", str(source.relative_to(ROOT)), "--out", str(out), *extra])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result


def test_the_bpm_family_is_the_table_and_the_table_is_every_code() -> None:
    assert [info.code for info in BPMN_CODES] == [code.value for code in BpmnCode]
    registered = [info for info in all_codes() if info.family == "BPM"]
    assert registered == sorted(BPMN_CODES, key=lambda info: info.code)
    for info in registered:
        assert info.kind == "bpmn" and info.status is Status.PREVIEW and info.doc == f"rules/{info.code}.md"
        assert info.explanation is not None and info.fix is not None
        assert (ROOT / "docs" / info.doc).is_file(), f"run qms rules --docs docs/rules ({info.code})"
    errors = {info.code for info in registered if info.severity is Severity.ERROR}
    assert errors == {f"BPM00{n}" for n in range(1, 9)}


def test_qms_rules_explains_a_bpm_code() -> None:
    info = code_info("bpm001")
    assert info is not None and "BPM001" in code_page(info, "en") and info.title.en in code_page(info, "en")
    shown = runner.invoke(app, ["--lang", "en", "rules", "BPM001"])
    assert shown.exit_code == 0 and "BPM001" in shown.stdout and info.title.en in shown.stdout


@pytest.mark.parametrize("info", BPMN_CODES, ids=lambda info: info.code)
def test_each_code_is_emitted_by_its_fixture(info, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fixture = CODES / f"{info.code}.bpmn"
    assert fixture.is_file(), f"no fixture {fixture.relative_to(ROOT)} for {info.code}"
    if info.code == "BPM007":
        assert import_bpmn(fixture, tmp_path).exit_code == 0
    result = import_bpmn(fixture, tmp_path, *EXTRA.get(info.code, []))
    printed = result.stdout + result.stderr
    line = re.compile(rf"^{re.escape(str(fixture.relative_to(ROOT)))}:\d+:\d+: {info.code} {info.severity.label('en')}: \S", re.M)
    assert line.search(printed), printed
    expected = 2 if info.code == "BPM008" else 1 if info.severity is Severity.ERROR else 0
    assert result.exit_code == expected, printed  # a note never makes the written file fail to load
    # The errors go to standard error and stop the import: nothing is written (but the first import of BPM007).
    if info.severity is Severity.ERROR:
        assert line.search(result.stderr) and len(list(tmp_path.iterdir())) == (info.code == "BPM007")


@pytest.mark.parametrize("info", [i for i in BPMN_CODES if i.severity is not Severity.ERROR], ids=lambda info: info.code)
def test_each_note_is_a_diagnostic_placed_in_the_file(info, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    fixture = CODES / f"{info.code}.bpmn"
    written, diagnostics = import_file(fixture, tmp_path)
    assert written.parent == tmp_path and all(isinstance(d, Diagnostic) for d in diagnostics)
    mine = [d for d in diagnostics if d.code == info.code]
    assert mine and all(d.severity is info.severity and d.location.path == fixture for d in mine)
    assert all(d.message.vi and d.message.en and d.message.vi != d.message.en for d in mine)
    # The YAML's comments on top name the code too, for whoever reviews the file.
    assert f"#   - {info.code} " in written.read_text(encoding="utf-8").split("\ncode:")[0]


def test_an_error_is_a_diagnostic_placed_in_the_file(tmp_path: Path) -> None:
    fixture = CODES / "BPM002.bpmn"
    with pytest.raises(BpmnError) as refused:
        import_file(fixture, tmp_path)
    error = refused.value.diagnostic()
    assert (error.code, error.severity, error.location.path) == ("BPM002", Severity.ERROR, fixture)
    assert error.location.line > 1 and error.hint is not None


def test_the_json_format_gives_the_notes_and_the_load_check(tmp_path: Path) -> None:
    result = import_bpmn(CODES / "BPM013.bpmn", tmp_path, "--format", "json")
    payload = json.loads(result.stdout)
    assert payload["ok"] is True and payload["written"] == str(tmp_path / "QT-MA-01.yaml")
    note = next(d for d in payload["diagnostics"] if d["code"] == "BPM013")
    assert note["severity"] == "warning" and note["file"].endswith("BPM013.bpmn") and note["data"] == {"element": "Split_1"}
    refused = import_bpmn(CODES / "BPM005.bpmn", tmp_path, "--format", "json")
    assert refused.exit_code == 1 and json.loads(refused.stdout)["diagnostics"][0]["code"] == "BPM005"


def test_the_full_format_shows_the_bpmn_line_under_the_note(tmp_path: Path) -> None:
    result = import_bpmn(CODES / "BPM013.bpmn", tmp_path, "--format", "full")
    assert "BPM013 warning: " in result.stdout and '<bpmn:parallelGateway id="Split_1"' in result.stdout and "^" in result.stdout


# --- no note without a registered code ------------------------------------------------------------------


def _creations(tree: ast.Module) -> list[ast.Call]:
    """Calls that make a note or an error: ``ImportNote(...)``, ``BpmnError(...)``, ``_Refused(...)``, and
    ``notes.note(...)`` / ``notes.add(...)`` on anything named ``notes``."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Name) and func.id in ("ImportNote", "BpmnError", "_Refused"):
            found.append(node)
        elif isinstance(func, ast.Attribute) and func.attr in ("note", "add"):
            receiver = func.value
            name = receiver.attr if isinstance(receiver, ast.Attribute) else receiver.id if isinstance(receiver, ast.Name) else ""
            if name == "notes":
                found.append(node)
    return found


def _codes_named(node: ast.expr) -> set[str]:
    """The BpmnCode members an argument names: ``BpmnCode.X``, or either side of ``BpmnCode.X if ... else BpmnCode.Y``."""
    if isinstance(node, ast.IfExp):
        return _codes_named(node.body) | _codes_named(node.orelse)
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id == "BpmnCode":
        return {node.attr}
    if isinstance(node, ast.Attribute) and node.attr == "code":  # raise BpmnError(exc.code, ...): passing one on
        return set()
    raise AssertionError(f"line {node.lineno}: a note or an error made without a BpmnCode: {ast.unparse(node)}")


def test_every_note_and_error_is_made_with_a_code_and_every_code_is_made_somewhere() -> None:
    used: set[str] = set()
    for path in sorted(PACKAGE.glob("*.py")):
        if path.stem in ("codes", "common"):  # the definitions themselves
            continue
        for call in _creations(ast.parse(path.read_text(encoding="utf-8"))):
            assert call.args, f"{path.name}:{call.lineno}: no code given"
            used |= _codes_named(call.args[0])
    assert used == {code.name for code in BpmnCode}


def test_a_note_cannot_be_made_without_a_registered_code() -> None:
    with pytest.raises(TypeError, match="registered BPM code"):
        ImportNote("BPM999", Message("x", "y"))  # type: ignore[arg-type]
    note = ImportNote(BpmnCode.JOIN, Message("x", "y"), "Gateway_1", 3, 5)
    assert note.severity is Severity.INFO and note.diagnostic("a.bpmn").render("en") == "a.bpmn:3:5: BPM023 info: y"


def test_every_note_of_every_fixture_has_a_registered_code() -> None:
    registered = {info.code for info in all_codes()}
    sources = [CAMUNDA, *sorted((FIXTURES / "hostile").glob("*.bpmn")), *sorted(CODES.glob("*.bpmn"))]
    seen: set[str] = set()
    for source in sources:
        try:
            _text, notes = bpmn_to_process_yaml(source.read_bytes())
        except BpmnError as exc:
            seen.add(exc.code)
            continue
        seen |= {note.code for note in notes}
        assert all(note.diagnostic(source).code in registered for note in notes)
    # Only writing the file reports BPM007 (it exists) and BPM028 (renamed); BPM008 needs a code given.
    assert seen <= registered and seen == {code for code in BpmnCode} - {BpmnCode.OUTPUT, BpmnCode.BAD_CODE, BpmnCode.FILE_RENAMED}
