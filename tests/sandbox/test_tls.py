"""`--tls-cert/--tls-key`: HTTPS with a throw-away CA, so clients can test their checks."""

from __future__ import annotations

import ssl
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from tests.sandbox.conftest import DEMO, ServerProcess
from tests.tls_certs import make_ca_and_server_cert


def test_https_with_a_throwaway_ca(launcher: Callable[..., ServerProcess], tmp_path: Path) -> None:
    ca, cert, key = make_ca_and_server_cert(tmp_path)
    server = launcher("--tls-cert", str(cert), "--tls-key", str(key))
    assert server.url.startswith("https://127.0.0.1:")
    trusted = ssl.create_default_context(cafile=str(ca))
    with httpx.Client(base_url=server.api, verify=trusted) as http:
        response = http.post("/auth/login", json={"login": DEMO[0], "password": DEMO[1]})
        assert response.status_code == 200
    with httpx.Client(base_url=server.api) as http, pytest.raises(httpx.ConnectError):
        http.get("/support/contact")  # the system trust store does not know our CA


def test_tls_flags_go_together(launcher: Callable[..., ServerProcess], tmp_path: Path) -> None:
    _, cert, _ = make_ca_and_server_cert(tmp_path)
    with pytest.raises(RuntimeError, match="go together"):
        launcher("--tls-cert", str(cert))
