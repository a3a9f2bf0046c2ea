"""The committed format reference page is the one the models generate, and documents every field."""

from pathlib import Path

from qms.model import process as m
from qms.reference import SECTIONS, format_reference_markdown

ROOT = Path(__file__).resolve().parents[1]


def test_committed_reference_matches_models() -> None:
    committed = (ROOT / "docs" / "reference" / "process-format.md").read_text(encoding="utf-8")
    assert committed == format_reference_markdown(), "run: qms schema --format markdown --out docs/reference/process-format.md"


def test_every_field_of_every_model_is_documented_with_a_description() -> None:
    page = format_reference_markdown()
    models = {model for model, _ in SECTIONS}
    assert m.Process in models and m.Step in models
    for model in models:
        for name, info in model.model_fields.items():
            assert f"| `{name}` |" in page
            assert info.description, f"{model.__name__}.{name} has no description"
