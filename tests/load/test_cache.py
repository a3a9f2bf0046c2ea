"""The results cache's store (``qms.load.cache``): entries come back only when they can be trusted."""

from __future__ import annotations

import os
import pickle
from pathlib import Path

import pytest

from qms.load import cache
from qms.load.cache import FOLDER, MAGIC, ResultCache, entry_name, open_cache


@pytest.fixture
def store(tmp_path: Path) -> ResultCache:
    opened = open_cache(tmp_path)
    assert opened is not None
    return opened


def _entry_file(store: ResultCache, name: str = "a.bin") -> Path:
    return store.folder / name


def test_a_value_put_comes_back_under_its_key_only(store: ResultCache) -> None:
    store.put("a.bin", "key-1", {"findings": [1, 2]})
    assert store.get("a.bin", "key-1") == {"findings": [1, 2]}
    assert store.get("a.bin", "key-2") is None  # the file's content changed: a miss
    assert store.get("missing.bin", "key-1") is None


def test_the_folder_has_a_gitignore_of_everything(tmp_path: Path) -> None:
    open_cache(tmp_path)
    assert (tmp_path / FOLDER / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


@pytest.mark.parametrize("damage", ["truncate", "flip", "empty", "garbage"])
def test_a_damaged_entry_is_a_miss_and_is_rewritten(store: ResultCache, damage: str) -> None:
    store.put("a.bin", "key", ["value"])
    path = _entry_file(store)
    raw = path.read_bytes()
    damaged = {
        "truncate": raw[: len(raw) // 2],
        "flip": raw[:-3] + bytes([raw[-3] ^ 0xFF]) + raw[-2:],
        "empty": b"",
        "garbage": os.urandom(len(raw)),
    }[damage]
    path.write_bytes(damaged)
    assert store.get("a.bin", "key") is None
    store.put("a.bin", "key", ["value"])
    assert store.get("a.bin", "key") == ["value"]


def test_an_entry_of_another_qms_version_or_format_is_a_miss(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = open_cache(tmp_path)
    assert first is not None
    first.put("a.bin", "key", "value")
    monkeypatch.setattr(cache, "qms_version", lambda: "99.0")
    assert open_cache(tmp_path).get("a.bin", "key") is None  # type: ignore[union-attr]
    monkeypatch.undo()
    path = _entry_file(first)
    path.write_bytes(MAGIC[:-1] + b"\x09" + path.read_bytes()[len(MAGIC) :])  # another format number
    assert open_cache(tmp_path).get("a.bin", "key") is None  # type: ignore[union-attr]


def test_an_entry_naming_anything_but_our_classes_is_refused_not_run(store: ResultCache, tmp_path: Path) -> None:
    witness = tmp_path / "ran"

    class Exploit:
        def __reduce__(self) -> tuple[object, tuple[str]]:
            return (os.system, (f"touch {witness}",))

    # Written with the right digest, as someone with access to the folder could: the allow-list still refuses it.
    body = pickle.dumps(("key", Exploit()))
    import hashlib

    digest = hashlib.blake2b(body, key=store._secret, digest_size=32).digest()
    _entry_file(store).write_bytes(MAGIC + digest + body)
    assert store.get("a.bin", "key") is None
    assert not witness.exists()


def test_an_unusable_folder_means_no_cache_never_an_error(tmp_path: Path) -> None:
    blocked = tmp_path / "project"
    blocked.mkdir()
    (blocked / FOLDER).write_text("a file where the folder should be", encoding="utf-8")
    assert open_cache(blocked) is None
    gone = ResultCache(tmp_path / "removed", "salt")  # the folder vanished during the run
    gone.put("a.bin", "key", "value")
    assert not gone.writable and gone.get("a.bin", "key") is None


def test_a_write_leaves_no_temporary_file(store: ResultCache) -> None:
    store.put("a.bin", "key", "value")
    assert sorted(p.name for p in store.folder.iterdir()) == ["a.bin"]


def test_the_same_file_named_two_ways_has_two_entries(tmp_path: Path) -> None:
    # Diagnostics show the path as it was given, so a relative and an absolute name must not share results.
    relative = Path(os.path.relpath(tmp_path / "x.yaml"))
    assert entry_name(relative) != entry_name(tmp_path / "x.yaml")
    assert entry_name(tmp_path / "x.yaml") == entry_name(tmp_path / "x.yaml")
