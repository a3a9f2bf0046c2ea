"""ReadCache: a folder loaded again reads only the files that changed."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from qms.load import ReadCache, load_paths

ROOT = Path(__file__).resolve().parents[2]


def test_unchanged_files_give_the_same_models_and_changed_ones_are_read_again(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "processes", tmp_path / "processes")
    cache = ReadCache()
    first = load_paths([tmp_path / "processes"], cache).by_code()
    edited = tmp_path / "processes" / "QT-VB-01.yaml"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Ban hành văn bản đi", "Phát hành văn bản đi", 1), encoding="utf-8")
    second = load_paths([tmp_path / "processes"], cache).by_code()
    assert second["QT-TTHC-01"] is first["QT-TTHC-01"]
    assert second["QT-VB-01"] is not first["QT-VB-01"] and second["QT-VB-01"].title.vi == "Phát hành văn bản đi"


def test_a_file_that_becomes_invalid_is_reported_and_references_are_checked_again(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "processes", tmp_path / "processes")
    cache = ReadCache()
    assert load_paths([tmp_path / "processes"], cache).ok
    called = tmp_path / "processes" / "QT-VB-01.yaml"
    stat = called.stat()
    called.write_text(called.read_text(encoding="utf-8").replace("status: approved", "status: bogus", 1), encoding="utf-8")
    os.utime(called, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))  # a newer file, whatever the clock's grain
    result = load_paths([tmp_path / "processes"], cache)
    assert not result.ok and "QT-VB-01" not in result.by_code()
    assert any(d.location.path.name == "QT-VB-01.yaml" for d in result.diagnostics)
    # QT-DGNB-01 calls QT-VB-01, whose file now has errors: reported there, not as a missing process.
    assert "QT-DGNB-01" in result.by_code()


def test_without_a_cache_every_load_reads_the_files_again() -> None:
    first = load_paths([ROOT / "processes"]).by_code()
    assert load_paths([ROOT / "processes"]).by_code()["QT-VB-01"] is not first["QT-VB-01"]
