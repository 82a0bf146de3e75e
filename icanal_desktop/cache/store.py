"""One account's offline copy of its data: a SQLite file written by sync, read by the window.

Each resource is stored whole, in one transaction, so a crash mid-sync leaves the previous
complete copy. The schema version is SQLite's `user_version`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlite_utils

from icanal_desktop.api import records
from icanal_desktop.cache.paths import private_dir

SCHEMA_VERSION = 1
CACHE_FILE = "cache.sqlite3"


@dataclass(frozen=True)
class AccountSnapshot:
    """Everything the window shows, read from the cache in one go (off the GUI thread)."""

    profile: records.Profile | None
    subscriptions: tuple[records.Subscription, ...]
    last_sync: dt.datetime | None


class AccountCache:
    def __init__(self, folder: Path) -> None:
        private_dir(folder)
        self.path = folder / CACHE_FILE
        if not self.path.exists():
            self.path.touch(mode=0o600)
        if os.name == "posix":
            self.path.chmod(0o600)
        # check_same_thread=False: the cache is opened by the worker that uses it; the
        # session guarantees one writer at a time.
        self._conn = sqlite3.connect(self.path, check_same_thread=False)
        self.db = sqlite_utils.Database(self._conn)
        self.db.execute("PRAGMA journal_mode=WAL")
        self._migrate()

    def close(self) -> None:
        self._conn.close()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            with self._conn:
                self._conn.execute(
                    "CREATE TABLE documents (name TEXT PRIMARY KEY, payload TEXT NOT NULL,"
                    " etag TEXT, fetched_at TEXT NOT NULL)"
                )
                self._conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT)")
                self._conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")

    # -- writes (sync) --------------------------------------------------------------------
    def save_document(self, name: str, payload: Any, etag: str | None) -> None:
        with self._conn:
            self.db.table("documents").upsert(
                {
                    "name": name,
                    "payload": json.dumps(payload),
                    "etag": etag,
                    "fetched_at": _now().isoformat(),
                },
                pk="name",
            )

    def mark_synced(self, when: dt.datetime | None = None) -> None:
        with self._conn:
            self.db.table("meta").upsert(
                {"key": "last_sync", "value": (when or _now()).isoformat()}, pk="key"
            )

    # -- reads ----------------------------------------------------------------------------
    def etag(self, name: str) -> str | None:
        row = self.db.execute("SELECT etag FROM documents WHERE name = ?", [name]).fetchone()
        return None if row is None else row[0]

    def document(self, name: str) -> Any:
        row = self.db.execute("SELECT payload FROM documents WHERE name = ?", [name]).fetchone()
        return None if row is None else json.loads(row[0])

    def last_sync(self) -> dt.datetime | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'last_sync'").fetchone()
        return None if row is None else dt.datetime.fromisoformat(row[0])

    def snapshot(self) -> AccountSnapshot:
        profile = self.document("profile")
        subscriptions = self.document("subscriptions") or []
        return AccountSnapshot(
            profile=None if profile is None else records.parse_profile(profile),
            subscriptions=tuple(records.parse_subscription(s) for s in subscriptions),
            last_sync=self.last_sync(),
        )


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(microsecond=0)
