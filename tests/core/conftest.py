"""Fixtures of the core tests: a signed-in client and a cache against a real sandbox."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.sync import sync_account

from ..conftest import DEMO, SandboxProcess, start_sandbox

NO_FEED = "--no-changes-feed"


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


@pytest.fixture(scope="session")
def synced_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A sandbox database and the demo account's cache after one full sync, made once: each
    `synced` test starts from copies of both instead of syncing again."""
    folder = tmp_path_factory.mktemp("synced-template")
    (folder / "server").mkdir()
    server = start_sandbox(folder / "server")
    try:
        client = ApiClient(server.url)
        client.login(*DEMO)
        cache = AccountCache(folder / "cache")
        assert sync_account(client, cache).ok
        cache.close()
        client.close()
    finally:
        server.stop()
    return folder


def server_from_template(
    template: Path, tmp_path_factory: pytest.TempPathFactory, *extra: str
) -> SandboxProcess:
    """A sandbox process of its own on a copy of the template's database."""
    copy = tmp_path_factory.mktemp("synced")
    shutil.copytree(template / "server", copy / "server")
    for log in (copy / "server").glob("*.log"):
        log.unlink()
    return start_sandbox(copy / "server", *extra)


@pytest.fixture
def synced_server(
    synced_template: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SandboxProcess]:
    server = server_from_template(synced_template, tmp_path_factory)
    yield server
    server.stop()


def _synced_account(template: Path, server: SandboxProcess, data_dir: Path) -> Iterator[Account]:
    client = ApiClient(server.url)
    client.login(*DEMO)
    folder = data_dir / "synced-cache"
    shutil.copytree(template / "cache", folder)
    cache = AccountCache(folder)
    yield Account(client, cache, folder)
    cache.close()
    client.close()


@pytest.fixture
def synced(
    synced_template: Path, synced_server: SandboxProcess, data_dir: Path
) -> Iterator[Account]:
    """The demo account signed in on its own sandbox process, with a fully synced cache."""
    yield from _synced_account(synced_template, synced_server, data_dir)


@pytest.fixture
def synced_walk(
    synced_template: Path, tmp_path_factory: pytest.TempPathFactory, data_dir: Path
) -> Iterator[Account]:
    """The same, on a server without the changes feed (an older server): every sync walks
    the lists page by page with ETags."""
    server = server_from_template(synced_template, tmp_path_factory, NO_FEED)
    try:
        yield from _synced_account(synced_template, server, data_dir)
    finally:
        server.stop()
