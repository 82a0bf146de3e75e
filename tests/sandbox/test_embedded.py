"""`start_embedded`: the sandbox on a daemon thread for the desktop app's `--demo`."""

from __future__ import annotations

import signal
import socket
import threading
from pathlib import Path

import httpx
import pytest

from icanal_sandbox.embedded import start_embedded
from tests.sandbox.conftest import DEMO


def test_embedded_server_serves_and_stops(tmp_path: Path) -> None:
    handlers = {sig: signal.getsignal(sig) for sig in (signal.SIGINT, signal.SIGTERM)}
    threads_before = set(threading.enumerate())
    server = start_embedded(tmp_path / "demo.db")
    try:
        assert server.url.startswith("http://127.0.0.1:")
        response = httpx.post(
            server.url + "/api/v1/auth/login", json={"login": DEMO[2], "password": DEMO[1]}
        )
        assert response.status_code == 200
        token = response.json()["access_token"]
        me = httpx.get(server.url + "/api/v1/me", headers={"Authorization": f"Bearer {token}"})
        assert me.json()["first_name"] == "Camille"
        assert {sig: signal.getsignal(sig) for sig in handlers} == handlers
    finally:
        server.stop()
    assert not server.running
    assert set(threading.enumerate()) <= threads_before
    host, port = server.url.removeprefix("http://").split(":")
    with socket.socket() as probe:
        assert probe.connect_ex((host, int(port))) != 0


def test_two_embedded_servers_get_their_own_ports(tmp_path: Path) -> None:
    first = start_embedded(tmp_path / "a.db", seed="none")
    second = start_embedded(tmp_path / "b.db", seed="none")
    try:
        assert first.url != second.url
    finally:
        first.stop()
        second.stop()


def test_stop_is_bounded_with_a_keep_alive_client(tmp_path: Path) -> None:
    server = start_embedded(tmp_path / "demo.db", seed="none")
    with httpx.Client(base_url=server.url) as client:  # keeps its connection open
        assert client.get("/api/v1/support/contact").status_code == 200
        server.stop(timeout=5)
        assert not server.running
        with pytest.raises(httpx.TransportError):
            client.get("/api/v1/support/contact")
