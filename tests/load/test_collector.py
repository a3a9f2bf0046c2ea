"""The garbage collector around loading: paused while loading, loaded models kept out of its scans afterwards."""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from qms.load import collector_paused, load_paths

ROOT = Path(__file__).resolve().parents[2]
loader = sys.modules["qms.load"]


@pytest.fixture(autouse=True)
def thawed() -> Iterator[None]:
    gc.unfreeze()
    loader._frozen_by_loader.clear()
    yield
    gc.unfreeze()
    loader._frozen_by_loader.clear()
    gc.enable()


def test_loading_pauses_the_collector_then_moves_what_it_made_out_of_its_way() -> None:
    with collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled() and gc.get_freeze_count() > 0
    load_paths([ROOT / "processes"])
    assert gc.isenabled() and gc.get_freeze_count() > 0
    with collector_paused():
        assert gc.get_freeze_count() == 0  # the next pause gives the last one's objects back to the collector


def test_objects_the_application_froze_itself_are_left_as_they_were() -> None:
    gc.freeze()
    frozen = gc.get_freeze_count()
    with collector_paused():
        assert gc.get_freeze_count() >= frozen - 1000  # not thawed (a few may have been freed meanwhile)
    assert not loader._frozen_by_loader


def test_a_disabled_collector_stays_disabled() -> None:
    gc.disable()
    load_paths([ROOT / "processes"])
    assert not gc.isenabled() and gc.get_freeze_count() == 0
