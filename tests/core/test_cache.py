from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from icanal_desktop.cache import AccountCache
from icanal_desktop.cache.paths import account_dir

from .test_records import PROFILE, SUBSCRIPTION


def test_round_trip_and_last_sync(data_dir: Path) -> None:
    cache = AccountCache(account_dir(data_dir, "http://127.0.0.1:1", "acc_1"))
    cache.save_document("profile", PROFILE, '"etag-1"')
    cache.save_document("subscriptions", [SUBSCRIPTION], None)
    assert cache.snapshot().last_sync is None
    cache.mark_synced()
    cache.close()

    reopened = AccountCache(account_dir(data_dir, "http://127.0.0.1:1", "acc_1"))
    snapshot = reopened.snapshot()
    assert snapshot.profile is not None
    assert snapshot.profile.full_name == "Camille Durand"
    assert [s.plan.name for s in snapshot.subscriptions] == ["Cinéma+"]
    assert snapshot.last_sync is not None
    assert reopened.etag("profile") == '"etag-1"'
    assert reopened.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_servers_and_accounts_never_share_a_folder(data_dir: Path) -> None:
    folders = {
        account_dir(data_dir, "https://a.example", "acc_1"),
        account_dir(data_dir, "https://b.example", "acc_1"),
        account_dir(data_dir, "https://a.example", "acc_2"),
        account_dir(data_dir, "https://a.example", "../../etc"),
    }
    assert len(folders) == 4
    assert all(f.parent == data_dir / "accounts" for f in folders)


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_only_the_user_can_read_the_cache(data_dir: Path) -> None:
    folder = account_dir(data_dir, "https://a.example", "acc_1")
    cache = AccountCache(folder)
    cache.save_document("profile", PROFILE, None)
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(cache.path.stat().st_mode) == 0o600
