"""One account open in the window, and the words for its connection's state."""

from __future__ import annotations

import enum
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from icanal_desktop.core.accounts import KnownAccount
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.errors import OfflineError, SessionExpiredError
from icanal_desktop.gui.tasks import TaskHandle


class ConnectionState(enum.Enum):
    SIGNED_OUT = "signed_out"
    CONNECTING = "connecting"  # showing cached data, signing in again in the background
    ONLINE = "online"
    OFFLINE = "offline"  # showing cached data; the session retries by itself


@dataclass
class OpenAccount:
    """One open account. Workers capture it: a result for an account that is no longer the
    current one is dropped."""

    known: KnownAccount | None
    client: ApiClient
    cache: AccountCache | None = None
    syncing: TaskHandle | None = None  # its sync, cancelled when another account opens
    archiving: TaskHandle | None = None  # its PDF archive's downloads, likewise

    def stop_background_work(self, wait_seconds: float = 5.0) -> None:
        """Any thread: its sync and archive stop; returns once the archive's downloads,
        which write the cache from threads of their own, have stopped (or after a wait)."""
        for handle in (self.syncing, self.archiving):
            if handle is not None:
                handle.cancel()
        if self.archiving is not None:
            self.archiving.finished.wait(wait_seconds)

    @property
    def sync_key(self) -> str:
        # One per account: the sync of an account being left must not stand in for (and
        # swallow) the sync of the account that replaces it.
        return f"sync:{self.known.key if self.known else ''}"

    @property
    def archive_key(self) -> str:
        return f"archive:{self.known.key if self.known else ''}"

    def open_cache(self, data_dir: Path) -> AccountCache:
        """Writer thread only."""
        if self.cache is None:
            assert self.known is not None
            folder = account_dir(data_dir, self.known.server_url, self.known.account_id)
            self.cache = AccountCache(folder)
        return self.cache


def is_connection_error(exc: Any) -> bool:
    """Errors that say "the server cannot be used now", not "this request was wrong"."""
    return isinstance(exc, OfflineError | SessionExpiredError)
