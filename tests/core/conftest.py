"""Fixtures of the core tests: a signed-in client and a cache against a real sandbox."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from icanal_desktop.api import ApiClient
from icanal_desktop.cache import AccountCache
from icanal_desktop.cache.paths import account_dir

from ..conftest import DEMO, SandboxProcess


@dataclass
class Account:
    client: ApiClient
    cache: AccountCache
    folder: Path


@pytest.fixture
def demo(sandbox: SandboxProcess, data_dir: Path) -> Iterator[Account]:
    """The demo account signed in on a fresh sandbox, with an empty cache."""
    client = ApiClient(sandbox.url)
    tokens = client.login(*DEMO)
    folder = account_dir(data_dir, sandbox.url, tokens.account_id)
    cache = AccountCache(folder)
    yield Account(client, cache, folder)
    cache.close()
    client.close()
