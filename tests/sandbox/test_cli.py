"""The `icanal-sandbox` command: one `listening on` line, a seeded database, clean stop."""

from __future__ import annotations

import re
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import httpx

from tests.sandbox.conftest import DEMO, Api, ServerProcess, launch


def test_prints_exactly_one_listening_line_and_serves(
    launcher: Callable[..., ServerProcess],
) -> None:
    server = launcher()
    assert re.fullmatch(r"listening on http://127\.0\.0\.1:\d+\n", server.stdout.read_text())
    port = int(server.url.rsplit(":", 1)[1])
    assert port != 0
    response = httpx.post(server.api + "/auth/login", json={"login": DEMO[0], "password": DEMO[1]})
    assert response.status_code == 200
    assert server.stderr.read_text() == ""  # quiet by default: no access log


def test_db_file_is_created_seeded_once_and_reused(tmp_path: Path) -> None:
    first = launch(tmp_path)
    try:
        api = Api(first.api)
        api.login(DEMO[0], DEMO[1])
        account_id = api.get("/me").json()["id"]
        api.close()
    finally:
        first.stop()
    with sqlite3.connect(first.db) as conn:
        accounts = conn.execute("SELECT count(*) FROM accounts").fetchone()[0]
    second = launch(tmp_path)  # same file: not seeded again
    try:
        with sqlite3.connect(second.db) as conn:
            assert conn.execute("SELECT count(*) FROM accounts").fetchone()[0] == accounts
        api = Api(second.api)
        api.login(DEMO[0], DEMO[1])
        assert api.get("/me").json()["id"] == account_id
        api.close()
    finally:
        second.stop()


def test_seed_none_is_an_empty_server(launcher: Callable[..., ServerProcess]) -> None:
    server = launcher("--seed", "none")
    response = httpx.post(server.api + "/auth/login", json={"login": DEMO[0], "password": DEMO[1]})
    assert response.status_code == 401


def test_sigterm_stops_the_server(launcher: Callable[..., ServerProcess]) -> None:
    server = launcher()
    server.process.send_signal(signal.SIGTERM)
    # uvicorn shuts down gracefully, then re-raises the signal for the conventional status.
    assert server.process.wait(timeout=10) in (0, -signal.SIGTERM)
    assert "Traceback" not in server.stderr.read_text()


def test_bad_arguments_are_refused_with_a_message() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "icanal_sandbox", "--faults", "latency=fast"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert "latency" in result.stderr


def test_no_sandbox_routes_hides_the_outbox_and_the_clock(
    launcher: Callable[..., ServerProcess],
) -> None:
    server = launcher("--no-sandbox-routes")
    for path in ("/sandbox/outbox", "/sandbox/clock"):
        response = httpx.get(server.api + path)
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
    paths = httpx.get(server.api + "/openapi.json").json()["paths"]
    assert not [p for p in paths if "/sandbox/" in p]
    assert "/api/v1/bills" in paths


def test_no_changes_feed_hides_get_changes_only(
    launcher: Callable[..., ServerProcess],
) -> None:
    server = launcher("--no-changes-feed")
    api = Api(server.api)
    try:
        api.login(DEMO[0], DEMO[1])
        response = api.get("/changes")
        assert response.status_code == 404
        assert response.headers["content-type"] == "application/problem+json"
        assert api.get("/bills").status_code == 200
        assert api.post("/sandbox/changes/expire").status_code == 204
        paths = api.get("/openapi.json").json()["paths"]
        assert "/api/v1/changes" not in paths
        assert "/api/v1/bills" in paths
    finally:
        api.close()
