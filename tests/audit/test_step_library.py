"""The step library is data: every step once, with its Vietnamese and its English phrase, over the same fields."""

from __future__ import annotations

import importlib.util
from inspect import Parameter, signature

import pytest
from pytest_bdd.steps import step_function_context_registry

from qms.audit.parsers import TYPE_NAMES, fields
from qms.audit.steps import PHRASES, STEPS, AuditStep, phrases
from qms.i18n import Lang

ENGLISH_TYPES = {en: vi for vi, (en, _) in TYPE_NAMES.items()}


def _id(definition: AuditStep) -> str:
    return definition.en


@pytest.mark.parametrize("definition", STEPS, ids=_id)
def test_every_step_has_both_phrases(definition: AuditStep) -> None:
    assert definition.vi.strip() and definition.en.strip()
    assert definition.vi != definition.en
    vi, en = definition.phrases()
    assert (vi.lang, en.lang) == (Lang.VI, Lang.EN)


@pytest.mark.parametrize("definition", STEPS, ids=_id)
def test_both_phrases_have_the_same_fields_each_in_its_language(definition: AuditStep) -> None:
    vi, en = fields(definition.vi), fields(definition.en)
    assert list(vi) == list(en), "the phrases of one step take the same values, in the same order"
    for name, kind in vi.items():
        assert kind in TYPE_NAMES, f"{name}: a Vietnamese phrase uses the Vietnamese type names ({', '.join(TYPE_NAMES)})"
        assert en[name] == TYPE_NAMES[kind][0], f"{name}: {{{name}:{kind}}} is {{{name}:{TYPE_NAMES[kind][0]}}} in English"


@pytest.mark.parametrize("definition", STEPS, ids=_id)
def test_every_parameter_of_the_check_is_a_field_or_a_fixture(definition: AuditStep) -> None:
    parameters = signature(definition.check).parameters
    given = set(fields(definition.vi)) | {name for name, _ in definition.fixtures}
    assert set(fields(definition.vi)) <= set(parameters), "a field the check does not take would be dropped"
    required = {n for n, p in parameters.items() if p.default is Parameter.empty and n != "request"}
    assert required <= given, f"{sorted(required - given)} would be looked up as pytest fixtures"


def test_every_phrase_is_declared_once_to_pytest_bdd() -> None:
    templates = [c.parser.name for c in step_function_context_registry.values()]
    ours = [t for t in templates if t in PHRASES]
    assert sorted(ours) == sorted(PHRASES), "each phrase of STEPS is one pytest-bdd step"
    assert len(PHRASES) == 2 * len(STEPS), "no phrase is shared by two steps"


def test_each_language_has_one_phrase_per_step() -> None:
    assert [p.template for p in phrases("vi")] == [s.vi for s in STEPS]
    assert [p.template for p in phrases("en")] == [s.en for s in STEPS]
    assert len(phrases()) == 2 * len(STEPS)


def test_there_is_no_library_of_one_language_only() -> None:
    for gone in ("qms.audit.steps_vi", "qms.audit.steps_en"):
        assert importlib.util.find_spec(gone) is None, gone


def test_the_step_function_takes_fixtures_under_their_names() -> None:
    choose = next(s for s in STEPS if s.target_fixture == "qms_process")
    assert list(signature(choose.function()).parameters) == ["qms_library", "code", "request"]
    owner = next(s for s in STEPS if s.en.startswith("the process is owned by"))
    assert list(signature(owner.function()).parameters) == ["qms_process", "role"]
    assert ENGLISH_TYPES["Code"] == "Ma"
