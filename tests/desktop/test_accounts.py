from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest

from icanal_desktop.core.accounts import AccountRegistry, KnownAccount

A = KnownAccount("https://s.example", "acc_1", "demo@icanal.example", "Camille Durand", True)
B = KnownAccount("https://s.example", "acc_2", "10000002", "", False)


def test_most_recent_first_and_remembered_lookup(data_dir: Path) -> None:
    registry = AccountRegistry(data_dir)
    assert registry.all() == []
    registry.record_sign_in(A)
    registry.record_sign_in(B)
    assert [a.account_id for a in registry.all()] == ["acc_2", "acc_1"]
    remembered = registry.last_remembered()
    assert remembered is not None
    assert remembered.account_id == "acc_1"
    assert registry.last_remembered("https://other.example") is None
    registry.record_sign_in(A)
    assert [a.account_id for a in registry.all()] == ["acc_1", "acc_2"]


def test_update_and_remove(data_dir: Path) -> None:
    registry = AccountRegistry(data_dir)
    stored = registry.record_sign_in(A)
    registry.update(replace(stored, remembered=False))
    assert registry.last_remembered() is None
    registry.remove(A.key)
    assert registry.all() == []


def test_labels() -> None:
    assert A.label == "Camille Durand (demo@icanal.example)"
    assert B.label == "10000002"
    assert A.key != B.key


def test_a_damaged_file_is_an_empty_list(data_dir: Path) -> None:
    (data_dir / "accounts.json").write_text("{not json")
    registry = AccountRegistry(data_dir)
    assert registry.all() == []
    registry.record_sign_in(A)  # and it is replaced by a good one
    assert len(registry.all()) == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_file_is_private(data_dir: Path) -> None:
    AccountRegistry(data_dir).record_sign_in(A)
    assert stat.S_IMODE((data_dir / "accounts.json").stat().st_mode) == 0o600
