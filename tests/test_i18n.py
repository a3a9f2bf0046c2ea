"""The message catalogues (docs/translating.md): complete, consistent with the code and compiled.

Messages are written in Vietnamese in the code (``_``, ``pgettext``, ``ngettext``); the English lives in
``qms/locale/en/LC_MESSAGES/qms.po``, compiled to ``qms.mo``, both kept current by ``scripts/i18n.sh``.
"""

from __future__ import annotations

import ast
import gettext
import io
import os
import re
import subprocess
import sys
import tomllib
from collections.abc import Iterator
from fnmatch import fnmatch
from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from typer.testing import CliRunner

from qms import i18n
from qms.cli.app import app, state
from qms.i18n import Message, _, ngettext, pgettext
from qms.rules.registry import all_rules

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "qms"
LOCALE = PACKAGE / "locale"
POT = LOCALE / "qms.pot"
PO = LOCALE / "en" / "LC_MESSAGES" / "qms.po"
MO = PO.with_suffix(".mo")
# A str.format field: {name}, {name!r}, {name:>3}; not {{ or a YAML flow mapping's «{vi: …}» (no name then).
FIELD = re.compile(r"(?<!\{)\{([A-Za-z_]\w*)(?:![rsa])?(?::[^{}]*)?\}")
TRANSLATORS = {"_": (0,), "pgettext": (1,), "ngettext": (0, 1), "npgettext": (1, 2)}
EXEMPT = "# i18n-exempt:"


def _catalog(path: Path):
    with path.open("rb") as f:
        return read_po(f)


@pytest.fixture(scope="module")
def po():
    return _catalog(PO)


def _entries(catalog) -> list:
    return [m for m in catalog if m.id]


def _key(m) -> tuple[str | None, str]:
    return (m.context, m.id[0] if isinstance(m.id, tuple) else m.id)


def _modules() -> Iterator[tuple[Path, str, ast.Module]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        yield path, text, ast.parse(text)


def test_every_message_is_translated(po):
    untranslated = []
    for m in _entries(po):
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        if m.fuzzy or not all(forms):
            untranslated.append(_key(m))
    assert not untranslated, f"{len(untranslated)} messages of {PO.relative_to(ROOT)} have no English (or a fuzzy one): {untranslated[:10]}"


def test_placeholders_are_the_same_in_both_languages(po):
    wrong = []
    for m in _entries(po):
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        forms = m.string if isinstance(m.string, tuple) else (m.string,)
        expected = sorted(FIELD.findall(ids[0]))
        for text in (*ids, *forms):
            if sorted(FIELD.findall(text)) != expected:
                wrong.append(f"{m.id!r} -> {text!r}")
    assert not wrong, "placeholders differ between the Vietnamese and the English:\n" + "\n".join(wrong)


def test_plural_forms_differ(po):
    """An English plural gives two forms, «1 error» and «2 errors»; the Vietnamese has one (nplurals=1)."""
    assert po.num_plurals == 2
    same = [m.id[0] for m in _entries(po) if isinstance(m.id, tuple) and len(set(m.string)) < 2]
    assert not same, f"plural entries with one English form: {same}"
    assert all(m.id[0] == m.id[1] for m in _entries(po) if isinstance(m.id, tuple)), "Vietnamese has one form: msgid_plural repeats msgid"


def _extracted() -> set[tuple[str | None, str]]:
    """The messages of the code, extracted as scripts/i18n.sh does (babel.cfg)."""
    with (ROOT / "babel.cfg").open() as f:
        method_map, options_map = parse_mapping_cfg(f)
    found = set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).as_posix()  # scripts/i18n.sh extracts from qms/: babel.cfg's patterns are under it
        for pattern, method in method_map:
            if fnmatch(rel, pattern.replace("**", "*")) or fnmatch(rel, pattern.replace("**/", "")):
                options = options_map[pattern]
                keywords = {**DEFAULT_KEYWORDS, **options.get("keywords", {})}
                for _line, message, _comments, context in extract_from_file(method, path, keywords, options=options):
                    found.add((context, message[0] if isinstance(message, tuple) else message))
                break
    return found


def test_catalogues_are_current_with_the_code(po):
    code = _extracted()
    for name, catalog in (("template", _catalog(POT)), ("English catalogue", po)):
        listed = {_key(m) for m in _entries(catalog)}
        assert not code - listed, f"the {name} lacks messages of the code (run: bash scripts/i18n.sh): {sorted(code - listed)[:10]}"
        assert not listed - code, f"the {name} has messages the code no longer uses (run: bash scripts/i18n.sh): {sorted(listed - code)[:10]}"


def test_mo_is_the_compiled_po(po):
    compiled = io.BytesIO()
    write_mo(compiled, po)
    assert compiled.getvalue() == MO.read_bytes(), "qms.mo is not compiled from qms.po (run: bash scripts/i18n.sh)"


def test_i18n_script_check_passes():
    """What CI runs: pybabel extract, update --check, compile, compared with the committed catalogues."""
    env = {**os.environ, "PYTHON": sys.executable}
    result = subprocess.run(["bash", "scripts/i18n.sh", "--check"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr


def test_english_is_read_from_the_package():
    assert isinstance(i18n._ENGLISH, gettext.GNUTranslations), f"no catalogue found under {i18n.LOCALE_DIR}"
    assert Path(i18n.LOCALE_DIR, "en", "LC_MESSAGES", "qms.mo") == MO
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = data["tool"]["setuptools"]["package-data"]["qms"]
    assert any(fnmatch(MO.relative_to(PACKAGE).as_posix(), p) for p in patterns), "pyproject.toml does not ship qms.mo as package data"


def test_untranslated_text_stays_vietnamese():
    assert _("một câu chưa có trong danh mục") == Message("một câu chưa có trong danh mục", "một câu chưa có trong danh mục")
    assert _("") == Message("", "")  # not the catalogue's header
    assert pgettext("QMS999", "") == Message("", "")


def test_ngettext_english_forms():
    assert ngettext("{n} lỗi", "{n} lỗi", 1).format(n=1) == Message("1 lỗi", "1 error")
    assert ngettext("{n} lỗi", "{n} lỗi", 2).format(n=2) == Message("2 lỗi", "2 errors")
    assert ngettext("{n} lỗi", "{n} lỗi", 0).format(n=0).en == "0 errors"


def test_one_error_in_one_file_reads_in_the_singular(tmp_path, monkeypatch):
    monkeypatch.setattr(state, "lang", state.lang)  # --lang sets the CLI's language for the process; put it back after
    broken = tmp_path / "QT-01.yaml"
    broken.write_text("code: QT-01\n", encoding="utf-8")  # a process with nearly every field missing: errors in one file
    result = CliRunner().invoke(app, ["--lang", "en", "validate", str(broken)])
    assert re.search(r"\d+ errors? to fix in 1 file\.", result.output), result.output
    assert " 1 files" not in result.output and " 1 errors" not in result.output


def test_rule_texts_carry_their_rule_code_as_context(po):
    strings = {_key(m): m.string for m in _entries(po)}
    missing = []
    for rule in all_rules():
        for attr in ("title", "message", "rationale", "fix"):
            text = getattr(rule, attr, None)
            if isinstance(text, Message) and text.vi and strings.get((rule.code, text.vi)) != text.en:
                missing.append(f"{rule.code}.{attr}")
    assert not missing, f"rule texts not translated with the rule code as context: {missing}"


def _rule_code(cls: ast.ClassDef) -> str | None:
    for stmt in cls.body:
        is_code = isinstance(stmt, ast.Assign) and [getattr(t, "id", None) for t in stmt.targets] == ["code"]
        if is_code and isinstance(stmt.value, ast.Constant) and re.fullmatch(r"QMS\d{3}", str(stmt.value.value)):
            return str(stmt.value.value)
    return None


def test_texts_in_a_rule_class_use_its_code():
    wrong = []
    for path, _text, tree in _modules():
        for cls in (n for n in ast.walk(tree) if isinstance(n, ast.ClassDef) and _rule_code(n)):
            code = _rule_code(cls)
            for call in (n for n in ast.walk(cls) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)):
                name = call.func.id
                if name in ("_", "ngettext") or (name in ("pgettext", "npgettext") and not (
                    call.args and isinstance(call.args[0], ast.Constant) and str(call.args[0].value).split(":")[0] == code
                )):
                    wrong.append(f"{path.relative_to(ROOT)}:{call.lineno}: {name}(…) in rule {code}")
    assert not wrong, "a rule's texts take its code as context, pgettext(code, …):\n" + "\n".join(wrong)


def _exempt(text: str, node: ast.AST) -> bool:
    lines = text.splitlines()[node.lineno - 1 : node.end_lineno]
    return any(EXEMPT in line for line in lines)


def _literal_words(node: ast.AST) -> bool:
    """A string literal (or an f-string's literal part) holding a word: text written for people, to translate."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(re.search(r"[^\W\d_]{2,}", node.value))
    if isinstance(node, ast.JoinedStr):
        return any(_literal_words(v) for v in node.values if isinstance(v, ast.Constant))
    return False


def test_no_hand_made_pairs_of_translations():
    """A Message("vi", "en") pair written by hand would bypass the catalogue.

    Composing values (``Message(f"«{value}»", f"«{value}»")``) and a text that is the same in both languages (an example
    code, ``Message("QT-TTHC-01", "QT-TTHC-01")``) are not translations and are fine.
    """
    found = []
    for path, text, tree in _modules():
        if path.name == "i18n.py" and path.parent == PACKAGE:
            continue
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "Message":
                same = len(call.args) == 2 and all(isinstance(a, ast.Constant) for a in call.args) and call.args[0].value == call.args[1].value
                if any(_literal_words(a) for a in call.args) and not same and not _exempt(text, call):
                    found.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:100]}")
    assert not found, f"write _('…') (or mark the line {EXEMPT} why):\n" + "\n".join(found)


def test_translated_texts_are_written_out():
    """pybabel only extracts texts written as literals: _(variable) would never reach the catalogue."""
    wrong = []
    for path, _text, tree in _modules():
        if path.name in ("i18n.py", "i18n_extract.py") and path.parent == PACKAGE:
            continue
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id in TRANSLATORS:
                positions = TRANSLATORS[call.func.id] + ((0,) if call.func.id in ("pgettext", "npgettext") else ())
                if any(i >= len(call.args) or not (isinstance(call.args[i], ast.Constant) and isinstance(call.args[i].value, str)) for i in positions):
                    wrong.append(f"{path.relative_to(ROOT)}:{call.lineno}: {ast.unparse(call)[:100]}")
    assert not wrong, "\n".join(wrong)


_SCOPES = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def _own_nodes(scope: ast.AST) -> Iterator[ast.AST]:
    """The nodes of a scope, not of the scopes nested in it."""
    for child in ast.iter_child_nodes(scope):
        yield child
        if not isinstance(child, _SCOPES):
            yield from _own_nodes(child)


def test_no_function_hides_the_translation_function():
    """``for _ in …`` in a function that calls ``_("…")`` would make ``_`` the loop variable there."""
    wrong = []
    for path, _text, tree in _modules():
        for scope in (n for n in ast.walk(tree) if isinstance(n, _SCOPES)):
            binds = [
                n
                for n in _own_nodes(scope)
                if (isinstance(n, ast.Name) and n.id == "_" and isinstance(n.ctx, ast.Store)) or (isinstance(n, ast.arg) and n.arg == "_")
            ]
            calls = any(isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "_" for n in ast.walk(scope))
            if binds and calls:
                wrong.append(f"{path.relative_to(ROOT)}:{binds[0].lineno}")
    assert not wrong, "rename the throwaway variable _ in: " + ", ".join(wrong)
