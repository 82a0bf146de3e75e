"""Fixtures for the sandbox's own tests: real server processes over loopback."""

from __future__ import annotations

import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest

from icanal_sandbox.process import stop_process

DEMO = ("demo@icanal.example", "Demo-2026!", "10000001")
SECOND = ("second@icanal.example", "Second-2026!", "10000002")
HEAVY = ("heavy@icanal.example", "Heavy-2026!", "10000003")


@dataclass
class ServerProcess:
    url: str
    process: subprocess.Popen[bytes]
    db: Path
    stdout: Path
    stderr: Path

    @property
    def api(self) -> str:
        return self.url + "/api/v1"

    def stop(self) -> None:
        stop_process(self.process)

    def client(self, **kwargs: Any) -> Api:
        return Api(self.api, **kwargs)


def spawn(folder: Path, *extra: str) -> ServerProcess:
    """Starts `python -m icanal_sandbox --port 0` without waiting for it."""
    folder.mkdir(parents=True, exist_ok=True)
    db = folder / "sandbox.db"
    out_path, err_path = folder / "stdout.txt", folder / "stderr.txt"
    args = [sys.executable, "-m", "icanal_sandbox", "--port", "0", "--db", str(db), *extra]
    with out_path.open("wb") as out, err_path.open("wb") as err:
        process = subprocess.Popen(args, stdout=out, stderr=err)
    return ServerProcess("", process, db, out_path, err_path)


def wait_ready(server: ServerProcess, timeout: float = 30) -> ServerProcess:
    """Waits for the one `listening on URL` line (the server prints it once it accepts)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        text = server.stdout.read_text()
        if text.endswith("\n"):
            server.url = text.split()[-1]
            return server
        if server.process.poll() is not None:
            break
        time.sleep(0.02)
    server.stop()
    raise RuntimeError(f"the sandbox did not start:\n{server.stderr.read_text()}")


def launch(folder: Path, *extra: str, timeout: float = 30) -> ServerProcess:
    return wait_ready(spawn(folder, *extra), timeout)


class ServerPool:
    """Demo servers for tests that change state. One spare is always starting, so a test
    rarely waits for a server: the next one boots while the current test runs."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.started = 0
        self.spare: ServerProcess | None = None
        self.handed_out: list[ServerProcess] = []

    def _spawn(self) -> ServerProcess:
        self.started += 1
        return spawn(self.root / f"server{self.started}")

    def take(self) -> ServerProcess:
        pending = self.spare or self._spawn()
        self.spare = self._spawn()
        server = wait_ready(pending)
        self.handed_out.append(server)
        return server

    def close(self) -> None:
        for server in [*self.handed_out, *([self.spare] if self.spare else [])]:
            server.stop()


@dataclass
class Api:
    """A thin test client: JSON helpers, bearer token, idempotency keys."""

    base: str
    token: str | None = None
    verify: Any = True
    http: httpx.Client = field(init=False)

    def __post_init__(self) -> None:
        self.http = httpx.Client(base_url=self.base, timeout=30, verify=self.verify)

    def close(self) -> None:
        self.http.close()

    def headers(
        self, extra: dict[str, str] | None = None, key: str | None = None
    ) -> dict[str, str]:
        headers = dict(extra or {})
        if self.token:
            headers.setdefault("Authorization", f"Bearer {self.token}")
        if key:
            headers["Idempotency-Key"] = key
        return headers

    def get(self, path: str, **kwargs: Any) -> httpx.Response:
        headers = self.headers(kwargs.pop("headers", None))
        return self.http.get(path, headers=headers, **kwargs)

    def send(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        key: str | None = None,
        idempotent: bool = False,
        headers: dict[str, str] | None = None,
    ) -> httpx.Response:
        if idempotent and key is None:
            key = str(uuid.uuid4())
        return self.http.request(method, path, json=body, headers=self.headers(headers, key))

    def post(self, path: str, body: Any = None, **kwargs: Any) -> httpx.Response:
        return self.send("POST", path, body, **kwargs)

    def patch(self, path: str, body: Any = None, **kwargs: Any) -> httpx.Response:
        return self.send("PATCH", path, body, **kwargs)

    def delete(self, path: str, **kwargs: Any) -> httpx.Response:
        return self.send("DELETE", path, None, **kwargs)

    def login(self, login: str, password: str) -> dict[str, Any]:
        response = self.post("/auth/login", {"login": login, "password": password})
        assert response.status_code == 200, response.text
        body: dict[str, Any] = response.json()
        self.token = body["access_token"]
        return body


@pytest.fixture(scope="session")
def server_pool(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerPool]:
    pool = ServerPool(tmp_path_factory.mktemp("pool"))
    yield pool
    pool.close()


@pytest.fixture(scope="module")
def server(server_pool: ServerPool) -> Iterator[ServerProcess]:
    """One demo sandbox process shared by a test module (tests must not break its data)."""
    process = server_pool.take()
    yield process
    process.stop()


@pytest.fixture
def fresh_server(server_pool: ServerPool) -> Iterator[ServerProcess]:
    """A demo sandbox process of its own, for tests that change state."""
    process = server_pool.take()
    yield process
    process.stop()


@pytest.fixture
def launcher(tmp_path: Path) -> Iterator[Callable[..., ServerProcess]]:
    """Start sandbox processes with extra flags; all are stopped after the test."""
    started: list[ServerProcess] = []

    def start(*extra: str) -> ServerProcess:
        process = launch(tmp_path / f"sandbox{len(started)}", *extra)
        started.append(process)
        return process

    yield start
    for process in started:
        process.stop()


@pytest.fixture
def clients() -> Iterator[Callable[..., Api]]:
    """Api clients that are closed after the test."""
    made: list[Api] = []

    def make(process: ServerProcess, **kwargs: Any) -> Api:
        api = process.client(**kwargs)
        made.append(api)
        return api

    yield make
    for api in made:
        api.close()


@pytest.fixture
def demo(server: ServerProcess, clients: Callable[..., Api]) -> Api:
    api = clients(server)
    api.login(DEMO[0], DEMO[1])
    return api


@pytest.fixture
def second(server: ServerProcess, clients: Callable[..., Api]) -> Api:
    api = clients(server)
    api.login(SECOND[0], SECOND[1])
    return api


def assert_problem(response: httpx.Response, status: int) -> dict[str, Any]:
    """The response is an RFC 9457 problem document with this status."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/problem+json")
    body: dict[str, Any] = response.json()
    assert body["status"] == status
    assert isinstance(body["type"], str)
    assert body["type"]
    assert isinstance(body["title"], str)
    assert body["title"]
    assert isinstance(body["detail"], str)
    assert "Traceback" not in response.text
    return body
