"""BPMN drawn elsewhere -> process YAML: Camunda Modeler style, what cannot map, hostile and broken input."""

from __future__ import annotations

import json
import random
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bpmn_helpers import BPMN, CAMUNDA, QMS, ROOT, shipped
from conftest import qms_ok

import qms
from qms.bpmn import BpmnCode, BpmnError, ImportNote, bpmn_to_process_yaml, convert, dump_yaml, import_file, process_to_bpmn
from qms.bpmn.import_ import file_name
from qms.i18n import Message
from qms.load import load_paths
from qms.model import Process, StepType

HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" '
    'xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC" '
    'id="Definitions_1" targetNamespace="http://bpmn.io/schema/bpmn">\n'
)


def bpmn(body: str) -> bytes:
    return (HEAD + body + "\n</bpmn:definitions>\n").encode("utf-8")


def load_yaml(text: str, folder: Path, *beside: str) -> Process:
    """Load imported YAML as `qms validate` would, with the named shipped processes beside it."""
    folder.mkdir(parents=True, exist_ok=True)
    for code in beside:
        shutil.copy(ROOT / "processes" / f"{code}.yaml", folder)
    path = folder / "imported.yaml"
    path.write_text(text, encoding="utf-8")
    result = load_paths([path])
    assert result.diagnostics == [], "\n".join(d.render("en") for d in result.diagnostics)
    return qms.load(path)


def notes_about(notes: list[ImportNote], element: str) -> list[str]:
    return [n.message.en for n in notes if n.element == element]


# --- a diagram drawn in Camunda Modeler ---------------------------------------------------------


def test_camunda_modeler_diagram_becomes_a_valid_process(tmp_path: Path) -> None:
    text, notes = bpmn_to_process_yaml(CAMUNDA.read_bytes(), code="QT-BS-01")
    process = load_yaml(text, tmp_path, "QT-VB-01")
    assert process.code == "QT-BS-01"
    assert process.title.vi == "Cấp bản sao văn bằng, chứng chỉ từ sổ gốc"
    assert process.status.value == "draft" and process.version == "1.0"

    # Lanes -> roles, ids from the names, in the diagram's order.
    assert list(process.roles) == ["cong-chuc-bo-phan-mot-cua", "chuyen-vien-phong-khao-thi", "lanh-dao-so"]
    assert process.roles["lanh-dao-so"].name.vi == "Lãnh đạo Sở"
    assert process.owner == "cong-chuc-bo-phan-mot-cua"

    steps = process.steps_by_id
    assert steps["nhan-yeu-cau-cap-ban-sao"].type is StepType.START
    assert steps["nhan-yeu-cau-cap-ban-sao"].next == "tiep-nhan-kiem-tra-ho-so"
    # userTask, serviceTask, manualTask, sendTask -> tasks; documentation -> description.
    for step_id in ("tiep-nhan-kiem-tra-ho-so", "thu-phi-cap-ban-sao", "tra-ban-sao-cho-nguoi-yeu-cau", "nhac-lanh-dao-ky"):
        assert steps[step_id].type is StepType.TASK
    assert steps["tiep-nhan-kiem-tra-ho-so"].description.vi.startswith("Kiểm tra đơn đề nghị")  # type: ignore[union-attr]
    assert steps["tiep-nhan-kiem-tra-ho-so"].role == "cong-chuc-bo-phan-mot-cua"

    # The exclusive gateway and its named flows -> a decision with labelled branches.
    decision = steps["ho-so-hop-le"]
    assert decision.type is StepType.DECISION and decision.name.vi == "Hồ sơ hợp lệ?"
    assert [(b.when.vi, b.to) for b in decision.branches] == [("Hợp lệ", "quyet-dinh"), ("Chưa hợp lệ", "huong-dan-bo-sung-ho-so")]

    # The parallel split cannot be expressed: kept as a decision, with a note naming the element.
    split = steps["quyet-dinh"]
    assert split.type is StepType.DECISION
    assert [(b.when.vi, b.to) for b in split.branches] == [("Nhánh 1", "tra-cuu-so-goc"), ("Nhánh 2", "thu-phi-cap-ban-sao")]
    assert any("parallelGateway" in m for m in notes_about(notes, "Gateway_1song"))
    # The parallel join is dropped: both branches lead straight on.
    assert steps["tra-cuu-so-goc"].next == steps["thu-phi-cap-ban-sao"].next == "lap-ban-sao"
    assert notes_about(notes, "Gateway_0hop")

    # callActivity -> sub-process step calling the process named by calledElement.
    call = steps["cap-so-phat-hanh"]
    assert call.type is StepType.SUBPROCESS and call.calls == "QT-VB-01" and call.role == "lanh-dao-so"
    assert steps["ky-ban-sao"].next == "cap-so-phat-hanh"

    # Boundary timer, data object, annotation: not imported, each noted with its element id.
    assert any("boundary event «Quá 4 giờ»" in m for m in notes_about(notes, "Event_0quahan"))
    assert notes_about(notes, "DataObjectReference_0sogoc") and notes_about(notes, "TextAnnotation_1t4r7c2")
    assert all(n.message.vi and n.message.en for n in notes)
    # The notes are also written at the top of the YAML for whoever reviews it.
    assert "# Những điểm cần xem lại" in text and "Gateway_1song" in text.split("\ncode:")[0]


def test_camunda_diagram_without_a_code_gets_one_from_the_process_id(tmp_path: Path) -> None:
    text, notes = bpmn_to_process_yaml(CAMUNDA.read_bytes())
    assert load_yaml(text, tmp_path, "QT-VB-01").code == "CAP-BAN-SAO"
    assert any("CAP-BAN-SAO" in n.message.en for n in notes)


def test_import_file_of_the_camunda_diagram(tmp_path: Path) -> None:
    shutil.copy(ROOT / "processes" / "QT-VB-01.yaml", tmp_path)
    path, notes = import_file(CAMUNDA, tmp_path, code="QT-BS-01")
    assert path.name == "QT-BS-01.yaml" and notes
    assert load_paths([tmp_path]).diagnostics == []


# --- what does not map ------------------------------------------------------------------------------


def test_a_bare_process_without_pool_or_lanes(tmp_path: Path) -> None:
    data = bpmn(
        """<bpmn:process id="Process_0abc123" name="Xử lý đơn thư">
        <bpmn:startEvent id="S"/>
        <bpmn:task id="T1" name="Phân loại đơn"/>
        <bpmn:task id="T2" name="Trả lời"/>
        <bpmn:task id="T3" name="Lưu"/>
        <bpmn:intermediateCatchEvent id="W" name="Chờ 5 ngày"><bpmn:timerEventDefinition/></bpmn:intermediateCatchEvent>
        <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="T1"/>
        <bpmn:sequenceFlow id="F2" sourceRef="T1" targetRef="T2"/>
        <bpmn:sequenceFlow id="F3" sourceRef="T1" targetRef="T3"/>
        <bpmn:sequenceFlow id="F4" sourceRef="T2" targetRef="W"/>
        <bpmn:sequenceFlow id="F5" sourceRef="W" targetRef="Nowhere"/>
      </bpmn:process>"""
    )
    text, notes = bpmn_to_process_yaml(data)
    process = load_yaml(text, tmp_path)
    assert process.code == "XU-LY-DON-THU"  # «Process_» and 7 random characters is no code
    assert list(process.roles) == ["xu-ly-don-thu"] and all(s.role == "xu-ly-don-thu" for s in process.steps)
    steps = process.steps_by_id
    assert steps["bat-dau"].type is StepType.START  # unnamed start: default name and id
    assert steps["phan-loai-don"].next == "tra-loi"  # first flow kept ...
    assert any("only the flow to «Trả lời» is kept" in m for m in notes_about(notes, "T1"))  # ... the other noted
    assert steps["cho-5-ngay"].type is StepType.TASK and notes_about(notes, "W")
    # Tasks leading nowhere get an end step after them, so that the file is valid.
    ends = [s for s in process.steps if s.type is StepType.END]
    assert {s.id for s in ends} == {steps["luu"].next, steps["cho-5-ngay"].next}
    assert notes_about(notes, "F5") and notes_about(notes, "S")


def test_a_collaboration_with_two_pools_lanes_and_messages(tmp_path: Path) -> None:
    data = bpmn(
        """<bpmn:collaboration id="C">
        <bpmn:participant id="P_dan" name="Người dân"/>
        <bpmn:participant id="P_so" name="Sở Tư pháp" processRef="Process_so"/>
        <bpmn:messageFlow id="M1" name="Nộp hồ sơ" sourceRef="P_dan" targetRef="S"/>
      </bpmn:collaboration>
      <bpmn:process id="Process_so">
        <bpmn:laneSet id="LS">
          <bpmn:lane id="L1" name="Bộ phận một cửa">
            <bpmn:childLaneSet id="CLS">
              <bpmn:lane id="L1a" name="Tiếp nhận"><bpmn:flowNodeRef>S</bpmn:flowNodeRef><bpmn:flowNodeRef>G</bpmn:flowNodeRef></bpmn:lane>
              <bpmn:lane id="L1b" name="Tiếp nhận"><bpmn:flowNodeRef>E1</bpmn:flowNodeRef></bpmn:lane>
            </bpmn:childLaneSet>
          </bpmn:lane>
          <bpmn:lane id="L2"><bpmn:flowNodeRef>T</bpmn:flowNodeRef></bpmn:lane>
        </bpmn:laneSet>
        <bpmn:startEvent id="S" name="Nhận hồ sơ"><bpmn:messageEventDefinition/></bpmn:startEvent>
        <bpmn:exclusiveGateway id="G" name="Đủ?"/>
        <bpmn:userTask id="T" name="Thẩm định"/>
        <bpmn:endEvent id="E1" name="Xong"/>
        <bpmn:endEvent id="E2" name="Trả lại"/>
        <bpmn:inclusiveGateway id="J"/>
        <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="G"/>
        <bpmn:sequenceFlow id="F2" sourceRef="G" targetRef="T" name="Đủ"/>
        <bpmn:sequenceFlow id="F3" sourceRef="G" targetRef="E2">
          <bpmn:conditionExpression>${!du}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="F4" sourceRef="T" targetRef="J"/>
        <bpmn:sequenceFlow id="F5" sourceRef="J" targetRef="E1"/>
      </bpmn:process>
      <bpmndi:BPMNDiagram id="D"><bpmndi:BPMNPlane id="PL" bpmnElement="C">
        <bpmndi:BPMNShape id="L2_di" bpmnElement="L2"><dc:Bounds x="30" y="300" width="600" height="100"/></bpmndi:BPMNShape>
        <bpmndi:BPMNShape id="E2_di" bpmnElement="E2"><dc:Bounds x="400" y="330" width="36" height="36"/></bpmndi:BPMNShape>
      </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>"""
    )
    text, notes = bpmn_to_process_yaml(data, code="QT-TP-01")
    process = load_yaml(text, tmp_path)
    # Innermost lanes are the roles; equal names get distinct ids; an unnamed lane is named for now.
    assert list(process.roles) == ["tiep-nhan", "tiep-nhan-2", "nguoi-thuc-hien-3"]
    assert notes_about(notes, "L1") and notes_about(notes, "L2")
    steps = process.steps_by_id
    assert steps["nhan-ho-so"].role == "tiep-nhan" and steps["xong"].role == "tiep-nhan-2"
    assert steps["tham-dinh"].role == "nguoi-thuc-hien-3"
    assert steps["tra-lai"].role == "nguoi-thuc-hien-3"  # listed in no lane: placed by where it is drawn
    assert notes_about(notes, "E2")
    # A flow without a name is labelled with its condition; the inclusive join is dropped.
    assert [(b.when.vi, b.to) for b in steps["du"].branches] == [("Đủ", "tham-dinh"), ("${!du}", "tra-lai")]
    assert steps["tham-dinh"].next == "xong" and notes_about(notes, "J")
    assert notes_about(notes, "M1") and notes_about(notes, "P_dan") and notes_about(notes, "S")


def test_sub_processes_and_call_activities_without_a_called_process(tmp_path: Path) -> None:
    data = bpmn(
        """<bpmn:process id="Process_x" name="Quy trình">
        <bpmn:startEvent id="S" name="Bắt đầu"/>
        <bpmn:subProcess id="SP" name="Thẩm định chuyên môn">
          <bpmn:startEvent id="SP_S"/><bpmn:task id="SP_T" name="Bên trong"/>
        </bpmn:subProcess>
        <bpmn:callActivity id="CA" name="Gọi gì đó" calledElement="some process"/>
        <bpmn:callActivity id="CB" name="Gọi" calledElement="Process_QT-VB-01"/>
        <bpmn:endEvent id="E" name="Kết thúc"/>
        <bpmn:sequenceFlow id="F1" sourceRef="S" targetRef="SP"/>
        <bpmn:sequenceFlow id="F2" sourceRef="SP" targetRef="CA"/>
        <bpmn:sequenceFlow id="F3" sourceRef="CA" targetRef="CB"/>
        <bpmn:sequenceFlow id="F4" sourceRef="CB" targetRef="E"/>
      </bpmn:process>"""
    )
    text, notes = bpmn_to_process_yaml(data, code="QT-X-01")
    process = load_yaml(text, tmp_path, "QT-VB-01")
    steps = process.steps_by_id
    assert steps["tham-dinh-chuyen-mon"].type is StepType.TASK and len(notes_about(notes, "SP")) == 2
    assert steps["goi-gi-do"].type is StepType.TASK and notes_about(notes, "CA")
    assert steps["goi"].type is StepType.SUBPROCESS and steps["goi"].calls == "QT-VB-01"
    assert "ben-trong" not in steps


# --- hostile and broken files -----------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
  <!ENTITY lol "lol">
  <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
  <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
  <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <bpmn:process id="P"><bpmn:task id="T" name="&lol9;"/></bpmn:process>
</bpmn:definitions>
"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE d [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL">
  <bpmn:process id="P"><bpmn:task id="T" name="&secret;"/></bpmn:process>
</bpmn:definitions>
"""
EXTERNAL_DTD = b'<?xml version="1.0"?><!DOCTYPE d SYSTEM "http://127.0.0.1:9/evil.dtd"><d/>'

BROKEN = {
    "billion laughs": (BILLION_LAUGHS, "DOCTYPE"),
    "external entity": (XXE, "DOCTYPE"),
    "external DTD": (EXTERNAL_DTD, "DOCTYPE"),
    "malformed": (HEAD.encode() + b"<bpmn:process id='P'><bpmn:task id='T'></bpmn:process>", "not well-formed XML (line 3"),
    "undefined entity": (bpmn('<bpmn:process id="P"><bpmn:task id="T" name="&nbsp;"/></bpmn:process>'), "undefined entity"),
    "empty": (b"", "empty"),
    "blank": (b"  \n\t", "empty"),
    "not xml": (b"%PDF-1.7 binary \x00\xff", "not well-formed"),
    "not bpmn": (b'<svg xmlns="http://www.w3.org/2000/svg"/>', "not a BPMN 2.0 file"),
    "bpmn without process": (bpmn('<bpmn:collaboration id="C"/>'), "no process"),
    "process without nodes": (bpmn('<bpmn:process id="P"><bpmn:laneSet id="L"/></bpmn:process>'), "no process"),
    "unknown encoding": (b'<?xml version="1.0" encoding="x-klingon"?><a/>', "not well-formed"),
    "too deep": (b"<a>" * 5000 + b"</a>" * 5000, "nested too deeply"),
}


@pytest.mark.parametrize(("data", "expected"), list(BROKEN.values()), ids=list(BROKEN))
def test_unreadable_files_are_refused_with_a_clear_message(data: bytes, expected: str, tmp_path: Path) -> None:
    with pytest.raises(BpmnError) as refused:
        bpmn_to_process_yaml(data)
    assert expected in refused.value.render("en")
    assert refused.value.message.vi and refused.value.render("vi") != refused.value.render("en")
    # Through import_file too, and nothing is written.
    path = tmp_path / "in.bpmn"
    path.write_bytes(data)
    with pytest.raises(BpmnError):
        import_file(path, tmp_path / "out")
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_an_invalid_code_is_refused_before_reading() -> None:
    with pytest.raises(BpmnError, match="QT TTHC"):
        bpmn_to_process_yaml(CAMUNDA.read_bytes(), code="QT TTHC")


def test_damaged_and_edited_exports_never_crash_and_always_give_valid_yaml(tmp_path: Path) -> None:
    """Random edits a modeler (or a careless hand) could make: the import either refuses the file
    with a BpmnError or writes a process file that loads without errors."""
    rnd = random.Random(20260115)
    processes = shipped()
    kinds = ["task", "userTask", "exclusiveGateway", "parallelGateway", "startEvent", "endEvent"]
    kinds += ["callActivity", "subProcess", "boundaryEvent"]
    for case in range(60):
        root = ET.fromstring(process_to_bpmn(rnd.choice(processes), rnd.choice(["vi", "en"])))
        process = root.find(f"{{{BPMN}}}process")
        assert process is not None
        nodes = [e for e in process if e.tag.rpartition("}")[2] not in ("sequenceFlow", "laneSet", "extensionElements")]
        flows = process.findall(f"{{{BPMN}}}sequenceFlow")
        ids = [e.get("id", "") for e in nodes] + ["Nowhere"]
        for _ in range(rnd.randrange(1, 6)):
            edit = rnd.randrange(8)
            if edit == 0:
                rnd.choice(flows).set("targetRef", rnd.choice(ids))
            elif edit == 1:
                rnd.choice(flows).set("sourceRef", rnd.choice(ids))
            elif edit == 2:
                node = rnd.choice(nodes)
                if node in list(process):
                    process.remove(node)
            elif edit == 3:
                rnd.choice(nodes).set("name", rnd.choice(["", "  ", "Tên <mới> & mới"]))
            elif edit == 4:
                node = rnd.choice(nodes)
                for extension in node.findall(f"{{{BPMN}}}extensionElements"):
                    node.remove(extension)
            elif edit == 5:
                rnd.choice(nodes).tag = f"{{{BPMN}}}{rnd.choice(kinds)}"
            elif edit == 6:
                rnd.choice(flows).attrib.pop("name", None)
            else:
                for lane_set in process.findall(f"{{{BPMN}}}laneSet"):
                    process.remove(lane_set)
        data = ET.tostring(root)
        if rnd.random() < 0.2:
            data = data[: rnd.randrange(len(data))]
        try:
            text, _ = bpmn_to_process_yaml(data)
        except BpmnError:
            continue
        folder = tmp_path / f"case-{case}"
        folder.mkdir()
        path = folder / "imported.yaml"
        path.write_text(text, encoding="utf-8")
        problems = [d for d in load_paths([path]).diagnostics if d.data.get("kind") != "process"]  # called processes are not beside it
        assert problems == [], f"case {case}: " + "\n".join(d.render("en") for d in problems)


# --- hostile files: fixtures/hostile/ ------------------------------------------------------------------

HOSTILE_BPMN = Path(__file__).resolve().parent / "fixtures" / "hostile"
# Characters that must never reach a YAML file: C0/C1 controls but tab and newline, line separators, lone surrogates.
UNWRITABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]")


def line_of(path: Path, text: str) -> int:
    """The line of the fixture where ``text`` first appears (1-based), as the notes give it: counted by «\\n» only, as
    XML does (str.splitlines would also break at U+0085 and U+2028)."""
    return next(i for i, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1) if text in line)


def cli_import(source: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return qms_ok("--lang", "en", "import", "bpmn", source, "--out", out, *extra)


def only_yaml(folder: Path) -> Path:
    written = sorted(folder.iterdir())
    assert len(written) == 1, written
    return written[0]


def assert_loads(path: Path) -> Process:
    """The written file loads as `qms validate` reads it, with nothing to report."""
    result = load_paths([path])
    assert result.diagnostics == [], "\n".join(d.render("en") for d in result.diagnostics)
    return qms.load(path)


def test_qms_data_of_the_wrong_shape_is_dropped_key_by_key_and_the_rest_imported(tmp_path: Path) -> None:
    """Lists and mappings where texts, codes and numbers belong used to crash the import (TypeError: unhashable
    type 'list', exit 3); now each bad part is noted by element id and key, and what is sound is kept."""
    source = HOSTILE_BPMN / "meta_wrong_shapes.bpmn"
    text, notes = bpmn_to_process_yaml(source.read_bytes())
    process = load_yaml(text, tmp_path / "library")

    # What is sound is kept ...
    assert process.code == "QT-HONG-01" and process.title.vi == "Tiếp nhận đơn thư"
    assert process.scope is not None and process.scope.vi == "Áp dụng cho Bộ phận Một cửa."
    assert [r.code for r in process.records] == ["BM-02"] and process.records[0].kept_by is None
    assert process.approval is not None and process.approval.prepared is None and process.approval.approved.role == "lanh-dao"  # type: ignore[union-attr]
    risk = process.risks[0]
    assert (risk.code, risk.likelihood, risk.impact, risk.controls) == ("RR-01", None, None, ["tiep-nhan"])
    assert [r.vi for r in process.resources] == ["Phần mềm một cửa"]
    assert list(process.roles) == ["mot-cua", "lanh-dao"] and process.roles["mot-cua"].authority == []
    step = process.steps_by_id["tiep-nhan"]
    assert step.records == ["BM-02"] and step.support == [] and step.duration is not None
    # ... required fields get their default, and the rest is dropped.
    assert (process.version, process.status.value, process.owner) == ("1.0", "draft", "mot-cua")
    assert process.purpose is None and process.kpis == [] and process.clock is None and process.waivers == []

    # Each dropped part is named, with the element it is on and where that element is in the file.
    about_process = notes_about(notes, "Process_QT-HONG-01")
    for key in ("title", "owner", "version", "status", "roles.vai-tro-hong", "roles.mot-cua.authority.0", "records.0",
                "records.1.kept_by", "risks.0.likelihood", "risks.0.impact", "approval.prepared", "purpose", "kpis", "resources.1"):
        assert any(f"«{key}» is not valid" in m for m in about_process), key
    assert any("records.0.code: expected text, not a list" in m for m in about_process)
    assert any("«support.0» is not valid (role «khong-co» does not exist)" in m for m in notes_about(notes, "Step_tiep-nhan"))
    meta_line = line_of(source, "<qms:meta type=")
    dropped = [n for n in notes if "is not valid" in n.message.en and n.element == "Process_QT-HONG-01"]
    assert dropped and all(n.line == meta_line and n.column and n.hint for n in dropped)
    assert all(n.message.vi and n.message.en and n.message.vi != n.message.en for n in notes)

    # The command: exit 0, file:line:column for each note, the file written loads.
    out = tmp_path / "cli"
    done = cli_import(source, out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{source}:{meta_line}:" in done.stdout and "«risks.0.likelihood» is not valid" in done.stdout
    assert "(hint: " in done.stdout
    assert assert_loads(only_yaml(out)).records[0].code == "BM-02"


def test_any_json_value_anywhere_in_the_qms_data_never_crashes_and_always_gives_a_file_that_loads(tmp_path: Path) -> None:
    """Every place of the exported qms data (to three levels) given, in turn, a list, a mapping, a number..."""
    rnd = random.Random(20261203)
    process = shipped()[0]
    root = ET.fromstring(process_to_bpmn(process))
    meta_element = root.find(f".//{{{QMS}}}meta")
    assert meta_element is not None and meta_element.text
    meta = json.loads(meta_element.text)

    def places(value: object, at: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
        found = [at] if at else []
        if len(at) < 3 and isinstance(value, dict):
            found += [p for key, item in value.items() for p in places(item, (*at, key))]
        elif len(at) < 3 and isinstance(value, list):
            found += [p for index, item in enumerate(value[:2]) for p in places(item, (*at, index))]
        return found

    values: list[object] = [["x"], {"vi": ["x"]}, [[{}]], 7, True, None, "", "QT-01\n", {"a": {"b": [1]}}]
    cases = rnd.sample([(place, value) for place in places(meta) for value in values], 40)
    for case, (place, value) in enumerate(cases):
        edited = json.loads(meta_element.text)
        parent = edited
        for part in place[:-1]:
            parent = parent[part]  # type: ignore[index]
        parent[place[-1]] = value  # type: ignore[index]
        copy = ET.fromstring(ET.tostring(root))
        copied = copy.find(f".//{{{QMS}}}meta")
        assert copied is not None
        copied.text = json.dumps(edited, ensure_ascii=False)
        text, _ = bpmn_to_process_yaml(ET.tostring(copy))
        path = tmp_path / f"case-{case}" / "imported.yaml"
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
        problems = [d for d in load_paths([path]).diagnostics if d.data.get("kind") != "process"]  # called processes are not beside it
        assert problems == [], f"{place} = {value!r}: " + "\n".join(d.render("en") for d in problems)


def test_deeply_nested_qms_data_is_not_parsed_and_the_diagram_is_imported(tmp_path: Path) -> None:
    """100,000 nested «[» used to raise RecursionError inside json.loads (exit 3)."""
    source = HOSTILE_BPMN / "meta_deep_json.bpmn"
    text, notes = bpmn_to_process_yaml(source.read_bytes())
    process = load_yaml(text, tmp_path / "library")
    assert process.code == "QT-SAU-01" and [s.name.vi for s in process.steps] == ["Nhận hồ sơ", "Xử lý hồ sơ", "Trả kết quả"]
    deep = [n for n in notes if "nested too deeply" in n.message.en]
    assert len(deep) == 1 and deep[0].element == "Process_QT-SAU-01" and deep[0].line == line_of(source, "<qms:meta type=")
    done = cli_import(source, tmp_path / "cli")
    assert done.returncode == 0 and "nested too deeply (more than 32 levels)" in done.stdout
    assert_loads(only_yaml(tmp_path / "cli"))


def test_brackets_inside_json_strings_do_not_count_as_nesting() -> None:
    root = ET.fromstring(process_to_bpmn(shipped()[0]))
    meta_element = root.find(f".//{{{QMS}}}meta")
    assert meta_element is not None and meta_element.text
    meta = json.loads(meta_element.text)
    meta["purpose"] = {"vi": "[" * 500 + ' \\" {{{{ ' + "]" * 10}
    meta_element.text = json.dumps(meta)
    text, notes = bpmn_to_process_yaml(ET.tostring(root))
    assert not [n for n in notes if "nested too deeply" in n.message.en]
    assert '\\" {{{{' in text and "[" * 500 in text


def generated(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


HUGE_NAME = bpmn(f'<bpmn:process id="P"><bpmn:task id="T" name="{"x" * 70_000}"/></bpmn:process>')
HUGE_TEXT = bpmn(f'<bpmn:process id="P"><bpmn:task id="T"><bpmn:documentation>{"x" * (4 * 1024 * 1024 + 1)}</bpmn:documentation></bpmn:task></bpmn:process>')


@pytest.mark.parametrize(
    ("source", "expected", "line"),
    [
        ("xml_billion_laughs.bpmn", "DOCTYPE", 2),
        ("xml_external_entity.bpmn", "DOCTYPE", 2),
        ("xml_deep.bpmn", "nested too deeply (more than 200 levels)", 6),
        ("huge attribute", "the value of attribute «name» is too long (70000 characters; at most 65536)", 3),
        ("huge text", "the text of element «documentation» is too long (more than 4194304 characters)", 3),
    ],
)
def test_unsafe_xml_is_refused_at_its_place_with_a_hint(source: str, expected: str, line: int, tmp_path: Path) -> None:
    """Entity expansion, external entities, deep nesting, huge attribute values and texts: refused before
    anything is expanded, read or built, with file:line:column, a hint, exit 1 and nothing written."""
    path = {"huge attribute": lambda: generated(tmp_path, "name.bpmn", HUGE_NAME), "huge text": lambda: generated(tmp_path, "text.bpmn", HUGE_TEXT)}.get(
        source, lambda: HOSTILE_BPMN / source
    )()
    with pytest.raises(BpmnError) as refused:
        bpmn_to_process_yaml(path.read_bytes())
    error = refused.value
    assert expected in error.render("en") and error.message.vi != error.message.en
    assert error.line == line and error.column and error.hint is not None and error.hint.vi and error.hint.en
    done = cli_import(path, tmp_path / "out")
    assert done.returncode == 1 and f"{path}:{line}:" in done.stderr and expected in done.stderr and "(hint: " in done.stderr
    assert "root:" not in done.stdout + done.stderr  # nothing of /etc/passwd
    assert not (tmp_path / "out").exists()


def test_control_characters_never_reach_the_yaml_and_are_noted(tmp_path: Path) -> None:
    """U+0001, U+001B, U+FFFE, a lone surrogate (JSON escapes in the qms data), U+007F, U+009B, U+0085, U+2028,
    U+2029 (raw in names and documentation): a YAML file cannot hold some and reads others as line breaks,
    which used to end a comment or a value and write a file that did not load."""
    source = HOSTILE_BPMN / "control_characters.bpmn"
    text, notes = bpmn_to_process_yaml(source.read_bytes())
    assert not UNWRITABLE.search(text)
    header = text.split("\ncode:")[0].splitlines()
    assert header and all(line.startswith("#") for line in header)  # a line break in a note would have started YAML
    process = load_yaml(text, tmp_path / "library")
    steps = process.steps_by_id
    assert process.title.vi == "Xử lý đơn thư" and process.title.en == "Letters"
    assert process.purpose is not None and process.purpose.vi == "Dòng 1\nDòng 2"
    assert steps["nhan-don"].name.vi == "Nhận đơn"  # U+2029 in a name: a space
    task = steps["vao-so2j-theo-doi"]
    assert task.name.vi == "Vào sổ2J theo dõi"  # U+009B (CSI) and U+007F dropped
    assert task.description is not None and task.description.vi == "Ghi số đơn.\nĐóng dấu đến.\nkey: value31m"
    assert process.roles["mot-cua"].name.vi == "Một cửa" and process.roles["mot-cua"].name.en == "One-stop]0;pwned desk"

    task_notes = [n for n in notes if n.element == "Task_nhan" and "U+" in n.message.en]
    assert len(task_notes) == 1 and task_notes[0].line == line_of(source, 'id="Task_nhan"')
    assert all(code in task_notes[0].message.en for code in ("U+007F", "U+009B", "U+0085", "U+2028"))
    meta_notes = [n for n in notes if n.element == "Process_QT-KYTU-01" and "U+" in n.message.en]
    assert len(meta_notes) == 1 and all(code in meta_notes[0].message.en for code in ("U+0001", "U+001B", "U+D800", "U+FFFE"))
    assert notes_about(notes, "Participant_dan") and notes_about(notes, "Flow_1") and notes_about(notes, "Lane_mot-cua")

    done = cli_import(source, tmp_path / "cli")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "U+2028" in done.stdout and not UNWRITABLE.search(done.stdout + done.stderr)  # nothing reaches the terminal either
    assert_loads(only_yaml(tmp_path / "cli"))


def test_the_yaml_writer_escapes_or_drops_what_yaml_cannot_hold_wherever_it_writes(tmp_path: Path) -> None:
    """dump_yaml on its own, given a document and notes full of such characters (as a caller of the library may)."""
    document, _ = convert((HOSTILE_BPMN / "control_characters.bpmn").read_bytes())
    document["title"] = {"vi": "Tên\x85mới\ud800\u2028# code: X\x1b[2J", "en": "A\u2029b"}
    document["steps"][1]["description"] = {"vi": "một\rhai\x0bba\x7fbốn"}
    note = ImportNote(BpmnCode.CHARACTERS, Message("ghi chú\u2028code: QT-X\x85steps: []\r\n# x\x1b[31m", "note"), "Task\u2028\x00x")
    text = dump_yaml(document, [note])
    assert not UNWRITABLE.search(text)
    assert all(line.startswith("#") for line in text.split("\ncode:")[0].splitlines())
    process = load_yaml(text, tmp_path)
    assert process.code == "QT-KYTU-01" and process.title.vi == "Tên\nmới\n# code: X[2J" and process.title.en == "A\nb"
    assert process.steps[1].description is not None and process.steps[1].description.vi == "một\nhaibabốn"


@pytest.mark.parametrize(
    ("source", "name", "code", "said"),
    [
        ("name_windows_reserved.bpmn", "CON_.yaml", "CON", "Windows reserves this name"),
        ("name_unsafe_id.bpmn", "TIEP-NHAN-DON-THU.yaml", "TIEP-NHAN-DON-THU", "was derived from the BPMN file"),
        ("name_unsafe_meta_code.bpmn", "QT-BPMN.yaml", "QT-BPMN", "«QT-01\\n» is no process code"),
    ],
)
def test_the_file_name_is_safe_whatever_the_process_id_name_or_stored_code(source: str, name: str, code: str, said: str, tmp_path: Path) -> None:
    """A process id ending in a newline, a stored code «QT-01\\n» (both accepted by re.match against «...$»),
    «/», «\\», «..», a leading «-», a name Windows reserves: the file is always a plain name in --out."""
    path = HOSTILE_BPMN / source
    written, notes = import_file(path, tmp_path / "library")
    assert written.name == name and written.parent == tmp_path / "library" and only_yaml(tmp_path / "library") == written
    assert assert_loads(written).code == code
    assert any(said in n.message.en for n in notes), [n.message.en for n in notes]
    done = cli_import(path, tmp_path / "cli")
    assert done.returncode == 0, done.stdout + done.stderr
    assert only_yaml(tmp_path / "cli").name == name and said in done.stdout


@pytest.mark.parametrize(
    "code", ["QT-01\n", "a/b", "../../etc/passwd", "..", "\\x\\y", "-rf", "NUL", "nul.txt", "COM1.01", "Lpt9", "A" * 300, "\x00", "", "QT 01", "Ủy-ban"]
)
def test_file_name_of_any_string_stays_a_plain_safe_name(code: str) -> None:
    name, reason = file_name(code)
    stem = name.removesuffix(".yaml")
    assert re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]{0,40}", stem) and ".." not in name and Path(name).name == name
    assert stem.split(".")[0].upper() not in {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(10)), *(f"LPT{n}" for n in range(10))}
    assert reason is not None and reason.vi and reason.en  # none of these is a plain «CODE.yaml»
    assert file_name("QT-TTHC-01") == ("QT-TTHC-01.yaml", None)


def test_a_wrong_code_or_source_on_the_command_line_is_a_usage_error(tmp_path: Path) -> None:
    camunda = ROOT / "tests" / "bpmn" / "fixtures" / "camunda_cap_ban_sao.bpmn"
    for code in ("QT-01\n", "../x", "qt-01"):
        done = cli_import(camunda, tmp_path / "out", "--code", code)
        assert done.returncode == 2 and "is not valid" in done.stderr, done.stderr
    missing = cli_import(tmp_path / "nothing.bpmn", tmp_path / "out")
    assert missing.returncode == 2 and "nothing.bpmn" in missing.stderr and "(hint: " in missing.stderr
    assert not (tmp_path / "out").exists()
    with pytest.raises(BpmnError, match="QT-01"):
        bpmn_to_process_yaml(camunda.read_bytes(), code="QT-01\n")


def long_diagram(tasks: int, lanes: int = 4) -> bytes:
    """A Camunda-Modeler-like diagram: one pool, ``lanes`` lanes, a start event, ``tasks`` user tasks all named
    alike (each one's id then needs a number: the case that was quadratic), an end event, and the shapes."""
    refs: list[list[str]] = [[] for _ in range(lanes)]
    nodes = ['<bpmn:startEvent id="Start" name="Nhận hồ sơ"/>']
    flows: list[str] = []
    refs[0].append("Start")
    previous = "Start"
    for i in range(tasks):
        task = f"Activity_{i}"
        refs[(i // 25) % lanes].append(task)
        nodes.append(f'<bpmn:userTask id="{task}" name="Kiểm tra hồ sơ"><bpmn:documentation>Bước {i}</bpmn:documentation></bpmn:userTask>')
        flows.append(f'<bpmn:sequenceFlow id="Flow_{i}" sourceRef="{previous}" targetRef="{task}"/>')
        previous = task
    nodes.append('<bpmn:endEvent id="End" name="Trả kết quả"/>')
    refs[-1].append("End")
    flows.append(f'<bpmn:sequenceFlow id="Flow_end" sourceRef="{previous}" targetRef="End"/>')
    lane_sets = "".join(
        f'<bpmn:lane id="Lane_{k}" name="Vai trò {k}">' + "".join(f"<bpmn:flowNodeRef>{r}</bpmn:flowNodeRef>" for r in refs[k]) + "</bpmn:lane>"
        for k in range(lanes)
    )
    shapes = "".join(
        f'<bpmndi:BPMNShape id="{r}_di" bpmnElement="{r}"><dc:Bounds x="{100 * j}" y="{120 * k}" width="100" height="80"/></bpmndi:BPMNShape>'
        for k in range(lanes)
        for j, r in enumerate(refs[k])
    )
    return bpmn(
        '<bpmn:collaboration id="C"><bpmn:participant id="Pool" name="Quy trình dài" processRef="Process_QT-DAI-01"/></bpmn:collaboration>\n'
        f'<bpmn:process id="Process_QT-DAI-01"><bpmn:laneSet id="LS">{lane_sets}</bpmn:laneSet>\n'
        + "\n".join(nodes + flows)
        + f'\n</bpmn:process>\n<bpmndi:BPMNDiagram id="DG"><bpmndi:BPMNPlane id="PL" bpmnElement="C">{shapes}</bpmndi:BPMNPlane></bpmndi:BPMNDiagram>'
    )


def test_importing_10000_tasks_completes(tmp_path: Path) -> None:
    """Used to take minutes (ids numbered by trying every number again for each step of the same name).
    The timeout is a guard against a hang, not a speed target: see benchmarks/RESULTS.md for the time."""
    source = generated(tmp_path, "dai.bpmn", long_diagram(10_000))
    done = qms_ok("import", "bpmn", source, "--out", tmp_path / "out", timeout=60)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    written = (tmp_path / "out" / "QT-DAI-01.yaml").read_text(encoding="utf-8")
    ids = re.findall(r"^  - id: (\S+)$", written, re.MULTILINE)
    assert len(ids) == 10_002 and len(set(ids)) == 10_002 and "kiem-tra-ho-so-10000" in ids
