"""Fault injection: parsed at start-up, applied as asked, reproducible by seed, and a
dropped payment response retried with the same key charges once."""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from icanal_sandbox.faults import FaultConfig, parse_faults
from tests.sandbox.conftest import (
    DEMO,
    SECOND,
    Api,
    ServerProcess,
    assert_problem,
    spawn,
    wait_ready,
)


def test_parse_faults() -> None:
    config = parse_faults(
        "latency=300ms,error_rate=0.2,drop_rate=0.05,malformed_rate=0.02,"
        "truncate_pdf_rate=0.1,seed=7"
    )
    assert config == FaultConfig(
        latency_ms=300,
        error_rate=0.2,
        drop_rate=0.05,
        malformed_rate=0.02,
        truncate_pdf_rate=0.1,
        seed=7,
    )
    assert parse_faults("latency=1.5s").latency_ms == 1500
    assert parse_faults("") == FaultConfig()
    assert not FaultConfig().active
    for bad in ("latency=soon", "error_rate=2", "nonsense=1", "drop_rate"):
        with pytest.raises(ValueError, match=r"\w"):
            parse_faults(bad)


def test_no_faults_by_default(server: ServerProcess, clients: Callable[..., Api]) -> None:
    api = clients(server)
    api.login(SECOND[0], SECOND[1])
    assert all(api.get("/me").status_code == 200 for _ in range(30))


def test_error_rate_answers_503_problems_but_spares_sandbox_routes(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    api = clients(launcher("--faults", "error_rate=1"))
    response = api.post("/auth/login", {"login": DEMO[0], "password": DEMO[1]})
    assert_problem(response, 503)
    assert response.headers["retry-after"] == "1"
    assert api.get("/sandbox/clock").status_code == 200


def test_latency_is_added(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    api = clients(launcher("--faults", "latency=300ms"))
    started = time.monotonic()
    assert api.get("/support/contact").status_code == 200
    assert time.monotonic() - started >= 0.3


def test_malformed_json_bodies(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    api = clients(launcher("--faults", "malformed_rate=1"))
    response = api.get("/support/contact")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    with pytest.raises(json.JSONDecodeError):
        json.loads(response.content)


@pytest.mark.skipif(
    shutil.which("qpdf") is None, reason="qpdf is not installed (.ci/run installs it)"
)
def test_truncated_pdfs(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api], tmp_path: Path
) -> None:
    api = clients(launcher("--faults", "truncate_pdf_rate=1"))
    api.login(DEMO[0], DEMO[1])  # JSON is untouched
    bill = api.get("/bills").json()["items"][0]["id"]
    pdf = api.get(f"/bills/{bill}/pdf")
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF-")
    path = tmp_path / "truncated.pdf"
    path.write_bytes(pdf.content)
    check = subprocess.run(["qpdf", "--check", str(path)], capture_output=True, check=False)
    assert check.returncode != 0


def _statuses(server: ServerProcess, count: int) -> list[int | str]:
    seen: list[int | str] = []
    with httpx.Client(base_url=server.api, timeout=10) as http:
        for _ in range(count):
            try:
                seen.append(http.get("/support/contact").status_code)
            except httpx.TransportError:
                seen.append("dropped")
    return seen


def test_faults_are_reproducible_by_seed(tmp_path: Path) -> None:
    spec = "error_rate=0.3,drop_rate=0.2,seed=11"
    specs = [spec, spec, spec.replace("seed=11", "seed=12")]
    servers = [
        spawn(tmp_path / str(n), "--seed", "none", "--faults", s) for n, s in enumerate(specs)
    ]
    try:
        first, again, other = (_statuses(wait_ready(server), 30) for server in servers)
    finally:
        for server in servers:
            server.stop()
    assert first == again
    assert {200, 503, "dropped"} <= set(first)
    assert first != other


def _until_answered(
    send: Callable[[], httpx.Response], tries: int = 40
) -> tuple[httpx.Response, int]:
    """Retries a request (same key, same body) until a response comes back."""
    dropped = 0
    for _ in range(tries):
        try:
            response = send()
        except httpx.TransportError:
            dropped += 1
            continue
        if response.status_code != 503:
            return response, dropped
    raise AssertionError("no response after many tries")


def test_a_dropped_payment_retried_with_the_same_key_charges_once(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    server = launcher("--faults", "drop_rate=0.5,error_rate=0.1,seed=7")
    api = clients(server)
    login, _ = _until_answered(
        lambda: api.post("/auth/login", {"login": DEMO[0], "password": DEMO[1]})
    )
    api.token = login.json()["access_token"]
    bills, _ = _until_answered(lambda: api.get("/bills", params={"status": "due"}))
    bill = bills.json()["items"][0]["id"]
    methods, _ = _until_answered(lambda: api.get("/payment-methods"))
    method = methods.json()["items"][0]["id"]
    key = str(uuid.uuid4())
    paid, dropped = _until_answered(
        lambda: api.post(f"/bills/{bill}/payments", {"payment_method_id": method}, key=key)
    )
    assert dropped >= 1  # with this seed the first answer is lost after the charge happened
    assert paid.status_code == 201
    assert paid.headers.get("idempotent-replayed") == "true"
    history, _ = _until_answered(lambda: api.get("/payments", params={"bill_id": bill}))
    assert [p["id"] for p in history.json()["items"]] == [paid.json()["id"]]
    detail, _ = _until_answered(lambda: api.get(f"/bills/{bill}"))
    assert detail.json()["status"] == "paid"
