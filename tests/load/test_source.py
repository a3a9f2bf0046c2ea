"""Reading YAML: values kept as written, positions, and every refusal at its exact place."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
import unicodedata
from pathlib import Path

import pytest

from conftest import INVALID, VALID, position, text_at, write
from qms.diagnostics import LoadCode
from qms.load.source import MAX_DEPTH, SourceError, read_document


def refusal(path: Path, **kwargs: object) -> SourceError:
    with pytest.raises(SourceError) as caught:
        read_document(path, **kwargs)
    return caught.value


def doc(tmp_path: Path, text: str | bytes):
    return read_document(write(tmp_path, "f.yaml", text))


# --- values as written ------------------------------------------------------------


def test_scalars_stay_the_text_the_author_wrote(tmp_path: Path) -> None:
    data = doc(tmp_path, "version: 1.10\ndate: 2025-07-01\nvn_date: 01/07/2025\nanswer: yes\nflag: off\nn: 007\nf: 1e3\n").data
    assert data == {"version": "1.10", "date": "2025-07-01", "vn_date": "01/07/2025", "answer": "yes", "flag": "off", "n": "007", "f": "1e3"}


def test_only_unquoted_null_words_and_empty_values_are_none(tmp_path: Path) -> None:
    data = doc(tmp_path, "a:\nb: ~\nc: null\nd: NULL\ne: 'null'\nf: \"\"\ng: !!str null\nh: nil\n").data
    assert data == {"a": None, "b": None, "c": None, "d": None, "e": "null", "f": "", "g": "null", "h": "nil"}


def test_keys_are_text_even_when_they_look_like_numbers(tmp_path: Path) -> None:
    assert doc(tmp_path, "1: a\n2.0: b\ntrue: c\n").data == {"1": "a", "2.0": "b", "true": "c"}


def test_source_map_records_key_and_value_positions(tmp_path: Path) -> None:
    text = textwrap.dedent(
        """\
        code: QT-A
        steps:
          - id: tiep-nhan
            role: mot-cua
          - {id: tra-ket-qua, role: van-thu}
        """
    )
    source = doc(tmp_path, text).source
    assert (source.value(("code",)).line, source.value(("code",)).column) == (1, 7)
    assert (source.key(("steps",)).line, source.key(("steps",)).column) == (2, 1)
    # A list item is where its "- " content starts; fields are where their values start.
    assert (source.value(("steps", 0)).line, source.value(("steps", 0)).column) == (3, 5)
    assert (source.key(("steps", 0, "role")).line, source.key(("steps", 0, "role")).column) == (4, 5)
    assert (source.value(("steps", 0, "role")).line, source.value(("steps", 0, "role")).column) == (4, 11)
    assert (source.value(("steps", 1, "role")).line, source.value(("steps", 1, "role")).column) == (5, 29)
    # A place that was not written falls back to its nearest written ancestor.
    assert (source.value(("steps", 1, "duration")).line, source.value(("steps", 1, "duration")).column) == (5, 5)
    assert source.value(("nothing", "here")).line == 1
    assert source.key(("steps", 1, "duration")) == source.value(("steps", 1))


def test_columns_count_characters_not_bytes(tmp_path: Path) -> None:
    source = doc(tmp_path, "tên: Tiếp nhận\nbước: «x»\n").source
    assert source.value(("tên",)).column == 6
    assert source.value(("bước",)).column == 7


# --- syntax ---------------------------------------------------------------------------


def test_syntax_error_points_at_the_offending_colon() -> None:
    path = INVALID / "syntax_error.yaml"
    d = refusal(path).diagnostic
    assert d.code == LoadCode.SYNTAX
    assert position(d) == (3, 27)
    assert text_at(path, 3, 27).startswith(": hồ sơ")
    assert d.message.vi == "lỗi cú pháp YAML: không được đặt «trường: giá trị» ở đây (văn bản có dấu «: » phải đặt trong ngoặc kép)"
    assert d.message.en == "YAML syntax error: a «field: value» is not allowed here (text containing «: » must be quoted)"
    assert "ngoặc kép" in d.hint.vi


def test_tab_indentation_is_explained(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "tab.yaml", "steps:\n\t- id: a\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (2, 1))
    assert "Tab" in d.message.vi and "Tab" in d.message.en


def test_unclosed_quote_is_explained(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", "a: 'abc\nb: c\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (3, 1))
    assert d.message.en == "YAML syntax error: the file ends too early (an unclosed quote or bracket)"


def test_untranslated_libyaml_problem_is_shown_as_libyaml_wrote_it(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", "%YAML 1.1\n%YAML 1.1\n---\na: b\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (2, 1))
    assert d.message.vi == "lỗi cú pháp YAML: found duplicate %YAML directive"
    assert d.message.en == "YAML syntax error: found duplicate %YAML directive"


def test_control_character_is_located_and_named() -> None:
    path = INVALID / "control_character.yaml"
    d = refusal(path).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (3, 17))
    assert text_at(path, 3, 17).startswith("\x07")
    assert d.message.vi == "ký tự điều khiển U+0007 không được phép trong tệp YAML"
    assert d.message.en == "control character U+0007 is not allowed in a YAML file"


def test_control_character_column_after_multibyte_text(tmp_path: Path) -> None:
    # libyaml reports a byte offset; the column must count characters.
    d = refusal(write(tmp_path, "f.yaml", "a: b\ntên: Trưởng\x1bphòng\n")).diagnostic
    assert position(d) == (2, 12)
    assert "U+001B" in d.message.en


# --- duplicate keys ---------------------------------------------------------------------


def test_duplicate_key_is_refused_at_the_second_occurrence() -> None:
    path = INVALID / "duplicate_key.yaml"
    d = refusal(path).diagnostic
    assert (d.code, position(d)) == (LoadCode.DUPLICATE_KEY, (7, 1))
    assert text_at(path, 7, 1) == "status: approved"
    assert d.message.vi == "trường «status» bị khai báo lặp (lần đầu ở dòng 5)"
    assert d.message.en == "field «status» is declared twice (first at line 5)"
    assert "âm thầm" in d.hint.vi


def test_nfc_and_nfd_spellings_of_a_key_are_duplicates() -> None:
    path = INVALID / "nfd_duplicate.yaml"
    lines = path.read_bytes().decode("utf-8").splitlines()
    assert lines[5].startswith('  "Trưởng phòng":')  # composed on line 6...
    assert lines[6].startswith(f'  "{unicodedata.normalize("NFD", "Trưởng phòng")}":')  # ...decomposed on line 7
    d = refusal(path).diagnostic
    assert (d.code, position(d)) == (LoadCode.DUPLICATE_KEY, (7, 3))
    assert d.message.vi == "trường «Trưởng phòng» bị khai báo lặp (lần đầu ở dòng 6)"
    assert unicodedata.is_normalized("NFC", d.message.vi)  # ...and the message shows the composed form


def test_duplicate_key_in_a_flow_mapping(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", "steps:\n  - {id: a, name: A, id: b}\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.DUPLICATE_KEY, (2, 22))
    assert "«id»" in d.message.vi


def test_same_key_in_different_mappings_is_fine(tmp_path: Path) -> None:
    assert doc(tmp_path, "a: {id: 1}\nb: {id: 2}\n").data == {"a": {"id": "1"}, "b": {"id": "2"}}


# --- NFC ---------------------------------------------------------------------------------


def test_nfd_text_is_normalised_to_nfc() -> None:
    path = VALID / "nfd_text.yaml"
    raw = path.read_bytes().decode("utf-8")
    assert unicodedata.normalize("NFD", "Tiếp nhận hồ sơ") in raw
    data = read_document(path).data
    assert data["title"] == "Quy trình tiếp nhận hồ sơ"  # NFC literal in this source file
    assert unicodedata.is_normalized("NFC", data["title"])
    assert data["steps"][0]["name"] == "Tiếp nhận hồ sơ"
    assert data["roles"]["mot-cua"] == "Công chức Bộ phận Một cửa"


def test_nfd_keys_are_normalised_too(tmp_path: Path) -> None:
    nfd_key = unicodedata.normalize("NFD", "bước")
    assert list(doc(tmp_path, f"{nfd_key}: 1\n").data) == ["bước"]


# --- aliases ------------------------------------------------------------------------------


def test_alias_bomb_is_refused_where_the_budget_runs_out() -> None:
    path = INVALID / "alias_bomb.yaml"
    started = time.perf_counter()
    d = refusal(path).diagnostic
    assert time.perf_counter() - started < 1
    assert d.code == LoadCode.UNSAFE_YAML
    # 1 + 11 + 111 + 1111 nodes before line 6; each *c there adds 1111: the 10th passes the limit.
    assert position(d) == (6, 52)
    assert text_at(path, 6, 52) == "*c]"
    assert d.message.vi.startswith("các bí danh YAML (*tên) mở rộng thành hơn ")
    assert d.message.en.endswith("nodes: file refused to avoid exhausting memory")


def test_honest_anchors_and_aliases_are_expanded(tmp_path: Path) -> None:
    data = doc(tmp_path, "a: &r {role: mot-cua}\nb: [*r, *r]\nc: &t Tiếp nhận\nd: *t\n").data
    assert data["b"] == [{"role": "mot-cua"}, {"role": "mot-cua"}]
    assert data["d"] == "Tiếp nhận"


def test_recursive_alias_is_refused(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", "a: &x [b, *x]\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.UNSAFE_YAML, (1, 11))
    assert d.message.en == "alias *x refers to itself"


def test_undefined_alias_is_refused(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", "a: 1\nb: *missing\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (2, 4))
    assert d.message.vi == "bí danh *missing chưa được định nghĩa bằng &missing"


def test_a_mapping_as_a_key_is_refused(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", "? [a, b]\n: c\n")).diagnostic
    assert d.code == LoadCode.SYNTAX
    assert d.message.en == "a field name must be a plain string"


# --- nesting depth ------------------------------------------------------------------------


def test_deep_nesting_fixture_is_refused_at_the_first_level_too_many() -> None:
    path = INVALID / "deep_nesting.yaml"
    d = refusal(path).diagnostic
    assert (d.code, position(d)) == (LoadCode.UNSAFE_YAML, (3, 75))
    # The root mapping is level 1, so the 64th "[" opens level 65.
    assert text_at(path, 3, 75) == "[" * 7 + "]" * 70
    assert d.message.vi == f"cấu trúc lồng nhau quá sâu (hơn {MAX_DEPTH} mức)"


def test_nesting_up_to_the_limit_is_accepted(tmp_path: Path) -> None:
    depth = MAX_DEPTH - 1  # plus the root mapping
    node = doc(tmp_path, "a: " + "[" * depth + "]" * depth + "\n").data["a"]
    for _ in range(depth - 1):
        assert len(node) == 1
        node = node[0]
    assert node == []


def test_hundred_thousand_brackets_are_refused_quickly_without_crashing(tmp_path: Path) -> None:
    # yaml.compose with libyaml recurses and kills the interpreter (SIGSEGV) on this
    # input, so run it in a separate interpreter: a crash fails the test, not the suite.
    path = write(tmp_path, "deep.yaml", "[" * 100_000)
    code = (
        "import sys, time; from pathlib import Path; from qms.load.source import read_document, SourceError\n"
        "t = time.perf_counter()\n"
        "try:\n    read_document(Path(sys.argv[1]))\nexcept SourceError as e:\n"
        "    print(e.diagnostic.code, e.diagnostic.location.line, e.diagnostic.location.column, round(time.perf_counter() - t, 3))\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr  # a segfault gives -11
    code_, line, column, seconds = result.stdout.split()
    # Our limit, at the bracket that crosses it, whatever libyaml's own limit (1,000 since 0.2.6, none before).
    assert (code_, line, column) == ("QMS005", "1", str(MAX_DEPTH + 1))
    assert float(seconds) < 10  # bounded: refused, not hung (speed is measured in benchmarks/)


def test_nesting_past_libyamls_own_limit_gets_our_limit_and_position(tmp_path: Path) -> None:
    # Block nesting 1,100 deep: libyaml >= 0.2.6 refuses it at level 1,000 while scanning ahead.
    body = "".join(" " * i + "-\n" for i in range(1_100))
    d = refusal(write(tmp_path, "deep-block.yaml", "a:\n" + body)).diagnostic
    assert (d.code, position(d)) == (LoadCode.UNSAFE_YAML, (MAX_DEPTH + 1, MAX_DEPTH))
    assert f"{MAX_DEPTH}" in d.message.vi and d.hint is not None
    d = refusal(write(tmp_path, "deep-flow.yaml", "{a: " * 5_000)).diagnostic
    assert (d.code, position(d)) == (LoadCode.UNSAFE_YAML, (1, 4 * MAX_DEPTH + 1))


# --- documents ------------------------------------------------------------------------------


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, "big.yaml", "a: " + "x" * 200 + "\n")
    d = refusal(path, max_bytes=100).diagnostic
    assert (d.code, position(d)) == (LoadCode.FILE, (1, 1))
    assert d.message.vi == "tệp quá lớn (204 byte; tối đa 100 byte)"
    assert read_document(path, max_bytes=204).data == {"a": "x" * 200}


@pytest.mark.parametrize("text", ["", "\n\n", "# chỉ có chú thích\n", "---\n", "~\n"])
def test_empty_file_is_refused(tmp_path: Path, text: str) -> None:
    d = refusal(write(tmp_path, "empty.yaml", text)).diagnostic
    assert (d.code, position(d)) == (LoadCode.FILE, (1, 1))
    assert d.message.vi == "tệp rỗng"
    assert "qms new process" in d.hint.en


def test_empty_fixture_is_refused() -> None:
    assert refusal(INVALID / "empty.yaml").diagnostic.message.en == "the file is empty"


def test_multi_document_file_is_refused_at_the_second_document() -> None:
    path = INVALID / "multi_document.yaml"
    d = refusal(path).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (4, 1))
    assert text_at(path, 4, 1) == "---"
    assert d.message.en == "the file holds several YAML documents (---); one file describes one process"


def test_explicit_start_and_end_markers_of_one_document_are_fine(tmp_path: Path) -> None:
    assert doc(tmp_path, "---\na: 1\n...\n").data == {"a": "1"}


def test_python_tag_is_refused_and_nothing_is_executed() -> None:
    path = INVALID / "python_tag.yaml"
    d = refusal(path).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (3, 8))
    assert text_at(path, 3, 8).startswith("!!python/object/apply")
    assert d.message.en == "YAML tag «tag:yaml.org,2002:python/object/apply:os.system» is not supported"


@pytest.mark.parametrize("value", ["!!int 3", "!!binary aGVsbG8=", "!custom x", "!!map {a: 1}", "!!timestamp 2025-07-01"])
def test_other_tags_are_refused(tmp_path: Path, value: str) -> None:
    d = refusal(write(tmp_path, "f.yaml", f"a: {value}\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (1, 4))


def test_str_and_non_specific_tags_are_allowed(tmp_path: Path) -> None:
    assert doc(tmp_path, "a: !!str 1.10\nb: ! yes\n").data == {"a": "1.10", "b": "yes"}


# --- merge keys --------------------------------------------------------------------------------


def test_merge_key_fixture_inherits_and_overrides() -> None:
    steps = read_document(VALID / "merge_keys.yaml").data["steps"]
    assert steps[1] == {"id": "xu-ly", "type": "task", "name": "Xử lý hồ sơ", "role": "chuyen-vien", "duration": "4 giờ", "next": "tra-ket-qua"}
    assert steps[2]["role"] == "mot-cua"  # inherited
    assert steps[2]["next"] is None  # explicitly overridden with null
    assert "<<" not in steps[1]


def test_merge_keys_explicit_keys_win_and_earlier_merges_win(tmp_path: Path) -> None:
    data = doc(tmp_path, "a: &a {x: 1, y: 1}\nb: &b {y: 2, z: 2}\nc:\n  <<: [*a, *b]\n  x: 3\n").data
    assert data["c"] == {"x": "3", "y": "1", "z": "2"}


def test_merge_of_a_scalar_is_refused(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", "a: &a 5\nb:\n  <<: *a\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.SYNTAX, (3, 7))
    assert d.message.en == "merge key «<<» must point to a mapping or a list of mappings"


def test_quoted_merge_key_is_an_ordinary_key(tmp_path: Path) -> None:
    assert doc(tmp_path, "'<<': x\n").data == {"<<": "x"}


def test_merged_keys_duplicating_an_explicit_key_are_not_duplicates(tmp_path: Path) -> None:
    assert doc(tmp_path, "a: &a {x: 1}\nb: {<<: *a, x: 2}\n").data["b"] == {"x": "2"}


# --- encodings ---------------------------------------------------------------------------------


def test_cp1258_file_is_refused_at_the_first_bad_byte() -> None:
    path = INVALID / "not_utf8.yaml"
    raw = path.read_bytes()
    assert raw.decode("cp1258")  # a real Windows-1258 file...
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # ...that is not UTF-8
    d = refusal(path).diagnostic
    assert (d.code, position(d)) == (LoadCode.ENCODING, (3, 15))
    assert raw.splitlines()[2][:15] == b"title: Quy tri\xcc"
    assert d.message.vi == "tệp không phải UTF-8: byte 0xCC không hợp lệ"
    assert d.message.en == "file is not UTF-8: invalid byte 0xCC"
    assert "Windows-1258" in d.hint.vi and "UTF-8" in d.hint.en


def test_encoding_column_counts_characters_before_the_bad_byte(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", "a: b\ntên: đ\xe9\n".encode("utf-8").replace(b"\xc3\xa9", b"\xe9"))).diagnostic
    assert position(d) == (2, 7)
    assert "0xE9" in d.message.en


def test_utf8_bom_is_accepted() -> None:
    path = VALID / "utf8_bom.yaml"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    data = read_document(path).data
    assert data["code"] == "QT-BOM-01"
    assert "\ufeff" not in "".join(data)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_accepted(tmp_path: Path, codec: str) -> None:
    bom = b"\xff\xfe" if codec.endswith("le") else b"\xfe\xff"
    assert doc(tmp_path, bom + "tên: Trưởng phòng\n".encode(codec)).data == {"tên": "Trưởng phòng"}


def test_nul_bytes_mean_not_a_text_file(tmp_path: Path) -> None:
    d = refusal(write(tmp_path, "f.yaml", b"a: b\nc: \x00\n")).diagnostic
    assert (d.code, position(d)) == (LoadCode.FILE, (2, 1))
    assert d.message.en == "file contains NUL bytes: not a YAML text file"


# --- files ---------------------------------------------------------------------------------------


def test_missing_file_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    d = refusal(tmp_path / "absent.yaml").diagnostic
    assert d.code == LoadCode.FILE
    assert d.message.vi.startswith("không đọc được tệp: ")


def test_a_folder_is_a_diagnostic_not_an_exception(tmp_path: Path) -> None:
    assert refusal(tmp_path).diagnostic.code == LoadCode.FILE


@pytest.mark.parametrize(
    "text",
    ["a: [", "a: {b", "- a\nb: c", "&a", "*", "a: |\n  x\n b: c", "? a", "a: b: c", "[a, b]]", "!!", "%YAML 1.1\n%YAML 1.1\n---\na", "a: 'x''"],
)
def test_broken_inputs_only_ever_raise_source_error(tmp_path: Path, text: str) -> None:
    path = write(tmp_path, "f.yaml", text)
    try:
        read_document(path)
    except SourceError as exc:
        assert exc.diagnostic.location.path == path
        assert exc.diagnostic.message.vi and exc.diagnostic.message.en
