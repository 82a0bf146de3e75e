"""Where each account's local data lives, with permissions only the user can read."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import platformdirs

APP_NAME = "iCanal Desktop"
DATA_DIR_ENV = "ICANAL_DATA_DIR"
ACCOUNTS_FOLDER = "accounts"


def default_data_dir() -> Path:
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def private_dir(path: Path) -> Path:
    """Creates `path` (and parents) readable by the user only: 0700 on POSIX."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix":
        path.chmod(0o700)
    return path


def account_dir(data_dir: Path, server_url: str, account_id: str) -> Path:
    """One folder per (server, account): two servers' ids can never share a cache."""
    server_key = hashlib.sha256(server_url.encode()).hexdigest()[:12]
    safe_id = "".join(c for c in account_id if c.isalnum() or c in "-_")[:64] or "account"
    return data_dir / ACCOUNTS_FOLDER / f"{safe_id}-{server_key}"
