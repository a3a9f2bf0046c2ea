"""The mapping file's optional ``activities`` table: an export's own step labels -> step ids (qms.conformance)."""

from pathlib import Path

from qms.logs import LogCode, read_mapping


def _read(tmp_path: Path, text: str):
    path = tmp_path / "mapping.yaml"
    path.write_text(text, encoding="utf-8")
    return read_mapping(path)


def test_the_labels_and_where_each_is_written(tmp_path: Path) -> None:
    mapping, problems = _read(tmp_path, 'shape: event\nactivities:\n  "Thụ lý hồ sơ": phan-cong\n  Trả KQ: " tra-ket-qua "\n')
    assert not problems and mapping is not None
    assert mapping.activities == {"Thụ lý hồ sơ": "phan-cong", "Trả KQ": "tra-ket-qua"}
    assert (mapping.location["activities.Trả KQ"].line, mapping.location["activities.Trả KQ"].column) == (4, 11)


def test_without_the_table_there_are_no_aliases(tmp_path: Path) -> None:
    mapping, problems = _read(tmp_path, "shape: event\n")
    assert not problems and mapping is not None and mapping.activities == {}


def test_a_table_that_is_not_one_or_a_label_without_a_step_is_LOG003_at_its_line(tmp_path: Path) -> None:
    mapping, problems = _read(tmp_path, "shape: event\nactivities: [phan-cong]\n")
    assert mapping is None and [(p.code, p.location.line) for p in problems] == [(LogCode.MAPPING, 2)]
    mapping, problems = _read(tmp_path, "shape: event\nactivities:\n  Thụ lý: {id: phan-cong}\n  Trả: ''\n")
    assert mapping is None
    assert [(p.location.line, p.message.vi) for p in problems] == [
        (3, "mã bước của nhãn «Thụ lý» phải là một văn bản"),
        (4, "mã bước của nhãn «Trả» phải là một văn bản"),
    ]
