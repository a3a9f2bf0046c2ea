"""Activity labels to steps (qms.conformance.activities): by id, by name without case or diacritics, by alias (of the
process file or of the log mapping)."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from qms.conformance import Resolved, activity_map
from qms.load import load_paths
from qms.logs import Mapping


def test_a_label_names_a_step_by_id_or_by_name_whatever_its_case_accents_and_normal_form(process):
    found = activity_map(process)
    for label in ("tham-dinh", "Thẩm định", "tham dinh", "THẨM ĐỊNH", unicodedata.normalize("NFD", "Thẩm định"), "  thẩm   định "):
        assert found.resolve(label) == Resolved("tham-dinh"), label
    assert found.resolve("Receive the dossier") == Resolved("nhan")  # the English name too
    assert found.resolve("Thẩm định lại") == Resolved(None)


def test_an_alias_of_the_mapping_file_wins_over_a_step_name(process):
    mapping = Mapping("event", activities={"Thẩm định": "duyet", "Giao kết quả": "tra"})
    found = activity_map(process, mapping)
    assert found.resolve("tham dinh") == Resolved("duyet")
    assert found.resolve("GIAO KẾT QUẢ") == Resolved("tra")
    assert not found.problems


def test_the_steps_of_a_called_process_are_recorded_for_the_call(process, processes):
    found = activity_map(process, called=processes)
    assert found.resolve("Ký số") == Resolved("ban-hanh", inside_call=True)
    assert found.resolve("phat-hanh") == Resolved("ban-hanh", inside_call=True)
    assert found.resolve("Xong") == Resolved(None)  # the called process's end step is not work of the call
    assert found.resolve("Ban hành kết quả") == Resolved("ban-hanh")


ALIASES = Path(__file__).parent / "fixtures" / "aliases"


def test_aliases_declared_in_the_process_file_name_their_step():
    loaded = load_paths([ALIASES / "QT-AL-01.yaml"])
    assert not loaded.diagnostics  # the passing fixture; the failing one is tests/fixtures/invalid/alias_names_two_steps.yaml
    found = activity_map(loaded.processes[0])
    assert found.resolve("TN_HS") == found.resolve("tiếp nhận  HỒ SƠ") == Resolved("nhan")
    assert found.resolve("xl_hs") == found.resolve("Xử lý hồ sơ") == Resolved("tham-dinh")
    assert found.resolve("Thẩm định") == Resolved("tham-dinh")  # the step's own name still counts


def test_the_log_mappings_alias_wins_over_the_process_files():
    process = load_paths([ALIASES / "QT-AL-01.yaml"]).processes[0]
    found = activity_map(process, Mapping("event", activities={"TKQ": "tham-dinh"}))
    assert found.resolve("TKQ") == Resolved("tham-dinh")  # the process file says tra: the export's own mapping wins
    assert found.resolve("tra") == Resolved("tra")
