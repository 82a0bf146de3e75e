"""The accounts known on this computer (F5): which server, which account, how to show it,
and whether it was remembered. No secret is stored here: refresh tokens live in the keyring.

Stored as `accounts.json` in the data folder (0600), replaced atomically on every change.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from dataclasses import asdict, dataclass, replace
from pathlib import Path

from icanal_desktop.core.cache.paths import private_dir

REGISTRY_FILE = "accounts.json"


@dataclass(frozen=True)
class KnownAccount:
    server_url: str
    account_id: str
    login: str  # what the user typed to sign in (email or subscriber number)
    display_name: str = ""
    remembered: bool = False
    last_used: str = ""  # ISO 8601 UTC

    @property
    def key(self) -> str:
        """The keyring entry of this account: one per (server, account)."""
        return f"{self.server_url}|{self.account_id}"

    @property
    def label(self) -> str:
        return f"{self.display_name} ({self.login})" if self.display_name else self.login


class AccountRegistry:
    def __init__(self, data_dir: Path) -> None:
        self._path = data_dir / REGISTRY_FILE

    def all(self) -> list[KnownAccount]:
        """Most recently used first. A damaged file counts as empty, never as a crash."""
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
            accounts = [KnownAccount(**item) for item in raw["accounts"]]
        except (OSError, ValueError, KeyError, TypeError):
            return []
        return sorted(accounts, key=lambda a: a.last_used, reverse=True)

    def find(self, key: str) -> KnownAccount | None:
        return next((a for a in self.all() if a.key == key), None)

    def last_remembered(self, server_url: str | None = None) -> KnownAccount | None:
        return next(
            (
                a
                for a in self.all()
                if a.remembered and (server_url is None or a.server_url == server_url)
            ),
            None,
        )

    def record_sign_in(self, account: KnownAccount) -> KnownAccount:
        stamped = replace(account, last_used=dt.datetime.now(dt.UTC).isoformat())
        self._save([a for a in self.all() if a.key != account.key] + [stamped])
        return stamped

    def update(self, account: KnownAccount) -> None:
        self._save([account if a.key == account.key else a for a in self.all()])

    def remove(self, key: str) -> None:
        self._save([a for a in self.all() if a.key != key])

    def _save(self, accounts: list[KnownAccount]) -> None:
        folder = private_dir(self._path.parent)
        payload = json.dumps({"accounts": [asdict(a) for a in accounts]}, indent=1)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".accounts-", suffix=".json")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(payload)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, self._path)  # mkstemp made it 0600
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
