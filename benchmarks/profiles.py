"""Data folders for the benchmarks: an account synced once from a sandbox, then opened
offline (the sandbox stopped)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.sandbox import sandbox
from icanal_desktop.core.accounts import AccountRegistry, KnownAccount
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.sync import sync_account


def synced_data_dir(work: Path, login: tuple[str, str]) -> tuple[Path, KnownAccount]:
    """A data folder holding one known (not remembered) account, fully synced with the
    core's `sync_account`, as the app's first sync would leave it."""
    data_dir = work / "data"
    with sandbox(work / "sandbox") as server:
        client = ApiClient(server.url)
        try:
            tokens = client.login(*login)
            known = KnownAccount(server.url, tokens.account_id, login[0])
            cache = AccountCache(account_dir(data_dir, server.url, tokens.account_id))
            try:
                report = sync_account(client, cache)
            finally:
                cache.close()
        finally:
            client.close()
    if not report.ok:
        raise RuntimeError(f"the set-up sync failed: {report.failed}")
    return data_dir, AccountRegistry(data_dir).record_sign_in(known)
