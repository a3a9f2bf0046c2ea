"""BPMN drawn elsewhere -> process YAML: Camunda Modeler style, what cannot map, hostile and broken input."""

from __future__ import annotations

import random
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bpmn_helpers import BPMN, CAMUNDA, ROOT, shipped

import qms
from qms.bpmn import BpmnError, ImportNote, bpmn_to_process_yaml, import_file, process_to_bpmn
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
