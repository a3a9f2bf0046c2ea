"""Rule documentation pages are generated from the rules and committed in docs/rules/."""

from pathlib import Path

from qms.report.rule_docs import rule_doc_files, rule_page
from qms.rules.registry import all_rules

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_committed_rule_pages_match_the_rules() -> None:
    expected = rule_doc_files()
    committed = {p.name for p in DOCS.glob("*.md")}
    assert committed == set(expected), "run: qms rules --docs docs/rules"
    for name, text in expected.items():
        assert (DOCS / name).read_text(encoding="utf-8") == text, f"{name} is stale; run: qms rules --docs docs/rules"


def test_each_page_shows_basis_and_both_examples_in_both_languages() -> None:
    for rule in all_rules():
        page = rule_doc_files()[f"{rule.code}.md"]
        assert rule.title.vi in page and rule.title.en in page
        assert rule.example.invalid in page and rule.example.valid in page
        assert all(b in page for b in rule.basis())
        assert rule_page(rule, "en").startswith(f"# {rule.code} — {rule.title.en}")
