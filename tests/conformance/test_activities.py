"""Activity labels to steps (qms.conformance.activities): by id, by name without case or diacritics, by alias."""

from __future__ import annotations

import unicodedata

from qms.conformance import Resolved, activity_map
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
