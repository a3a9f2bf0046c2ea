"""LOG003: a malformed mapping file stops the import, each problem at its line:column in the mapping file."""

from pathlib import Path

import pytest

from qms.logs import LogCode, read_log

LOG = "Số hồ sơ,Ngày nhận\nA1,02-01-2025\n"


def _problems(tmp_path: Path, mapping: str) -> list[tuple[int, int, str, str | None]]:
    log = tmp_path / "log.csv"
    log.write_text(LOG, encoding="utf-8")
    path = tmp_path / "mapping.yaml"
    path.write_text(mapping, encoding="utf-8")
    result = read_log(log, mapping=path)
    assert not result.ok and result.rows_read == 0 and result.dossiers is None  # nothing is read
    assert all(d.code == LogCode.MAPPING and d.location.path == path for d in result.diagnostics)
    return sorted((d.location.line, d.location.column, d.message.vi, d.hint.vi if d.hint else None) for d in result.diagnostics)


def test_unknown_fields_at_the_top_and_inside_columns_with_a_did_you_mean(tmp_path: Path) -> None:
    found = _problems(
        tmp_path,
        'shape: dossier\ncolumns:\n  dossier: "Số hồ sơ"\n  recieved: "Ngày nhận"\ncolour: red\n',
    )
    assert [(line, message, hint) for line, _column, message, hint in found] == [
        (4, "trường lạ «recieved» trong «columns»", "có phải «received»?"),
        (5, "trường lạ «colour»", "có phải «columns»?"),
    ]


def test_an_unknown_field_without_a_close_name_lists_the_known_ones(tmp_path: Path) -> None:
    ((line, _column, message, hint),) = _problems(tmp_path, "shape: event\ncolumns:\n  xyz: Cột\n")
    assert (line, message) == (3, "trường lạ «xyz» trong «columns»")
    assert hint == "các tên có: dossier, procedure, step, resource, department, occurred, channel"


def test_an_unknown_field_is_reported_at_its_key(tmp_path: Path) -> None:
    found = _problems(tmp_path, 'columns:\n  recieved: "Ngày nhận"\ncolour: red\n')
    assert [(line, column) for line, column, _m, _h in found] == [(2, 3), (3, 1)]


def test_a_shape_other_than_dossier_or_event(tmp_path: Path) -> None:
    found = _problems(tmp_path, "# ánh xạ\nshape: process\n")
    assert found == [(2, 8, "«shape» phải là «dossier» hoặc «event», không phải «process»", None)]


def test_a_mapping_file_that_is_not_a_table(tmp_path: Path) -> None:
    found = _problems(tmp_path, "- shape\n- columns\n")
    assert found == [(1, 1, "tệp ánh xạ phải là một bảng có shape, columns, date_formats", None)]


def test_columns_not_a_table(tmp_path: Path) -> None:
    # a single date format written as text is accepted; «columns» as text is not
    found = _problems(tmp_path, 'date_formats: "%d-%m-%Y"\ncolumns: "Số hồ sơ"\n')
    assert found == [(2, 10, "«columns» phải là một bảng: tên trường → tên cột", None)]


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("shape: dossier\ndate_formats: 5\n", (2, 15)),
        ("date_formats:\n  first: '%d-%m-%Y'\n", (2, 3)),
        ("date_formats: ['%d-%m-%Y', 'dd/mm']\n", (1, 15)),
    ],
    ids=["number", "table", "a-format-without-%"],
)
def test_date_formats_not_a_list_of_formats(tmp_path: Path, text: str, where: tuple[int, int]) -> None:
    ((line, column, message, _hint),) = _problems(tmp_path, text)
    assert ((line, column), message) == (where, "«date_formats» phải là danh sách định dạng như «%d-%m-%Y»")


def test_every_problem_of_the_file_is_reported_at_once(tmp_path: Path) -> None:
    found = _problems(tmp_path, "colums: {}\ncolumns: [MaHoSo]\ndate_formats: 3\n")
    assert [(line, column) for line, column, _m, _h in found] == [(1, 1), (2, 10), (3, 15)]  # an unknown name at its key
