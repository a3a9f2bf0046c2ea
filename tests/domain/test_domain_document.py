"""qms.domain.document: the status vocabulary, who signed, which clauses a process claims."""

from __future__ import annotations

import pytest
from conftest import make_process

from qms.domain import (
    ISSUED,
    STATUS_NAMES,
    STATUS_WORDS,
    SameSignatory,
    claimed_clauses,
    same_person,
    same_signatory,
    status_label,
    status_named,
)
from qms.model import SignOff, Status
from qms.model.values import fold


def test_every_status_has_a_name_in_both_languages() -> None:
    assert set(STATUS_NAMES) == set(Status)
    for name in STATUS_NAMES.values():
        assert name.vi and name.en and name.vi != name.en


def test_the_names_of_a_status_name_it() -> None:
    for status, name in STATUS_NAMES.items():
        assert status_named(name.vi) is status
        assert status_named(name.en) is status
        assert status_named(status.value) is status


@pytest.mark.parametrize(
    ("text", "status"),
    [("Đã phê duyệt", Status.APPROVED), ("  DỰ THẢO ", Status.DRAFT), ("under   review", Status.REVIEW), ("Hết hiệu lực", Status.OBSOLETE)],
)
def test_status_words_ignore_case_diacritics_and_spaces(text: str, status: Status) -> None:
    assert status_named(text) is status


def test_an_unknown_word_names_no_status() -> None:
    assert status_named("xong") is None
    assert status_named("") is None


def test_status_words_are_folded() -> None:
    assert all(word == " ".join(fold(word).split()) for word in STATUS_WORDS)


def test_issued_statuses_and_label() -> None:
    assert set(ISSUED) == {Status.APPROVED, Status.OBSOLETE}
    assert status_label(Status.APPROVED) == ("«approved» (đã phê duyệt)", "«approved»")
    assert status_label(Status.REVIEW).vi == "«review» (đang xem xét)"


@pytest.mark.parametrize(
    ("drafter", "approver", "expected"),
    [
        # the case QMS204 and the audit step used to disagree on: one position, two people
        ({"role": "lanh-dao", "name": "Lê Văn Cường"}, {"role": "lanh-dao", "name": "Phạm Minh Đức"}, SameSignatory(role=True)),
        ({"role": "chuyen-vien", "name": "Lê Văn Cường"}, {"role": "lanh-dao", "name": "Phạm Minh Đức"}, SameSignatory()),
        ({"role": "truong-phong", "name": "Lê Văn Cường"}, {"role": "lanh-dao", "name": "le van  cuong"}, SameSignatory(person=True)),
        ({"role": "lanh-dao", "name": "Lê Văn Cường"}, {"role": "lanh-dao", "name": "Lê Văn Cường"}, SameSignatory(True, True)),
        ({"role": "lanh-dao"}, {"role": "lanh-dao"}, SameSignatory(role=True)),
        ({"role": "chuyen-vien"}, {"role": "lanh-dao"}, SameSignatory()),
        # a name on one side only says nothing about the person
        ({"role": "chuyen-vien", "name": "Lê Văn Cường"}, {"role": "lanh-dao"}, SameSignatory()),
    ],
)
def test_same_signatory_is_the_same_role_or_the_same_person(drafter: dict, approver: dict, expected: SameSignatory) -> None:
    same = same_signatory(SignOff(**drafter), SignOff(**approver))
    assert same == expected
    assert bool(same) is (expected.role or expected.person)


def test_same_person_compares_names_as_typed_twice() -> None:
    assert same_person("Nguyễn Văn An", "nguyen  van an")
    assert same_person("Đỗ Thị Mai Anh", "DO THI MAI ANH ")
    assert not same_person("Nguyễn Văn An", "Nguyễn Văn Anh")


@pytest.mark.parametrize(
    ("claimed", "clause", "found"),
    [
        (["8.5.1"], "8.5", ["8.5.1"]),
        (["8.5"], "8.5.1", []),
        (["8.55"], "8.5", []),
        (["4.4.1 b)", "7.5"], "4.4", ["4.4.1 b)"]),
        (["10.2 a)"], "10.2", ["10.2 a)"]),
        (["4.4.1b)"], "4.4.1", ["4.4.1b)"]),
        (["10.2", "10.2.1", "9.1"], "10", ["10.2", "10.2.1"]),
        ([], "9.1", []),
    ],
)
def test_claimed_clauses_are_the_clause_or_under_it(claimed: list[str], clause: str, found: list[str]) -> None:
    assert claimed_clauses(make_process(iso_clauses=claimed), clause) == found
