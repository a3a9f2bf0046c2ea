"""The procedure's fields (code, level, announcement, channels with reason, fees, linked procedures) through BPMN.

fixtures/procedure/QT-TTHC-GD-02.yaml: the shipped copy-from-register procedure with every field filled in, some
texts holding «<», «&» and «>» to be escaped.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from bpmn_helpers import ROOT

from qms.bpmn import bpmn_to_process_yaml, process_to_bpmn
from qms.bpmn.common import BPMN, q
from qms.load import load_paths

FIXTURE = Path(__file__).parent / "fixtures" / "procedure" / "QT-TTHC-GD-02.yaml"
FIELDS = ("procedure_code", "level", "announcement", "linked_procedures", "citizen_service")


def test_export_then_import_gives_back_every_procedure_field(tmp_path: Path) -> None:
    original = load_paths([FIXTURE]).processes[0]
    for lang in ("vi", "en"):
        text, notes = bpmn_to_process_yaml(process_to_bpmn(original, lang))
        assert notes == [], [n.render("en") for n in notes]
        (tmp_path / f"{lang}.yaml").write_text(text, encoding="utf-8")
        loaded = load_paths([tmp_path / f"{lang}.yaml"])
        assert loaded.diagnostics == [], [d.render("en") for d in loaded.diagnostics]
        back = loaded.processes[0]
        assert {f: getattr(back, f) for f in FIELDS} == {f: getattr(original, f) for f in FIELDS}
        assert back.citizen_service is not None and back.citizen_service.charges[0].name.vi == "Lệ phí cấp bản sao «<&>»"


def test_the_process_documentation_shows_the_procedure_to_modeler_users() -> None:
    original = load_paths([FIXTURE]).processes[0]
    xml = process_to_bpmn(original, "vi")
    assert b"<&" not in xml  # escaped, and the file parses
    process = ET.fromstring(xml).find(q(BPMN, "process"))
    assert process is not None
    assert process[0].tag == q(BPMN, "documentation")  # the schema puts it first
    lines = (process[0].text or "").splitlines()
    assert lines[:3] == ["Mã thủ tục hành chính: 2.002482", "Cấp giải quyết: commune", "Quyết định công bố: 1150/QĐ-UBND (2025-07-01)"]
    assert "Phí, lệ phí: Lệ phí cấp bản sao «<&>»: 3,000 đồng" in lines
    assert "Liên thông: Công an xã <A&B>: Xác nhận thông tin cư trú" in lines
    assert any(line.startswith("Lý do không trực tuyến toàn trình: Bản sao từ sổ gốc") for line in lines)


def test_a_process_that_is_not_a_procedure_gets_no_process_documentation() -> None:
    internal = next(p for p in load_paths([ROOT / "processes"]).processes if p.citizen_service is None and not p.procedure_code)
    process = ET.fromstring(process_to_bpmn(internal, "vi")).find(q(BPMN, "process"))
    assert process is not None and process.find(q(BPMN, "documentation")) is None
