"""Issue 4's acceptance checks that need special servers or processes: fault injection,
kill -9 in the middle of a sync, TLS, and a scan for secrets left on disk or in logs."""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from icanal_desktop import cli
from icanal_desktop.core import actions
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.client import new_idempotency_key
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import ApiError, CertificateError, InsecureTransportError
from icanal_desktop.core.sync import ALL_RESOURCES, sync_account

from ..conftest import DEMO, SandboxProcess, start_sandbox
from ..tls_certs import make_ca_and_server_cert
from .memory_keyring import memory_store
from .scripted_server import FakeClock

FAULTS = "error_rate=0.2,drop_rate=0.05,malformed_rate=0.02,truncate_pdf_rate=0.1,seed=7"
NO_LIMIT = ("--rate-limit-account", "100000", "--rate-limit-address", "100000")


@pytest.fixture
def server_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("server")


@pytest.fixture
def servers() -> Iterator[list[SandboxProcess]]:
    started: list[SandboxProcess] = []
    yield started
    for server in started:
        server.stop()


def sign_in(url: str, clock: FakeClock | None = None) -> ApiClient:
    """Signs in, trying again like a user would when a fault hits the (unretried) login."""
    client = ApiClient(url, clock=clock)
    for _ in range(20):
        try:
            client.login(*DEMO)
            return client
        except ApiError:
            continue
    raise AssertionError("could not sign in")


def cache_content(cache: AccountCache) -> dict[str, Any]:
    """Everything the app would show, in a comparable form."""
    db = cache.db
    return {
        "documents": {
            r[0]: json.loads(r[1])
            for r in db.execute("SELECT name, payload FROM documents ORDER BY name").fetchall()
        },
        "items": db.execute(
            "SELECT resource, id, payload FROM items ORDER BY resource, position"
        ).fetchall(),
        "bills": db.execute("SELECT * FROM bills ORDER BY position").fetchall(),
        "payments": db.execute("SELECT * FROM payments ORDER BY position").fetchall(),
        "details": db.execute("SELECT kind, id, payload FROM details ORDER BY kind, id").fetchall(),
        # Every bill's PDF, byte for byte: a truncated download never passes for one.
        "pdfs": {i: hashlib.sha256(cache.pdf(i) or b"").hexdigest() for i in cache.pdf_ids()},
    }


@pytest.mark.slow
def test_syncs_under_faults_converge_to_the_servers_data(
    server_folder: Path, servers: list[SandboxProcess], data_dir: Path
) -> None:
    faulty = start_sandbox(server_folder, "--faults", FAULTS, *NO_LIMIT)
    servers.append(faulty)
    # Retries wait on a fake clock: the waits are the policy's business (tested apart);
    # here only the outcome counts.
    client = sign_in(faulty.url, FakeClock())
    cache = AccountCache(data_dir / "faulty")
    reports = []
    for _ in range(10):
        reports.append(sync_account(client, cache))
        if reports[-1].ok:
            break
    assert reports[-1].ok, [r.failed for r in reports]
    assert sum(client.statuses[s] for s in (500, 502, 503)) > 0  # faults did happen
    faulty.stop()

    clean = start_sandbox(server_folder)  # the same database, without faults
    servers.append(clean)
    reference = AccountCache(data_dir / "clean")
    assert sync_account(sign_in(clean.url), reference).ok
    assert cache_content(cache) == cache_content(reference)
    for bill_id in cache.pdf_ids():
        pdf = cache.pdf(bill_id)
        assert pdf is not None
        assert pdf.startswith(b"%PDF-")
        assert pdf.rstrip().endswith(b"%%EOF")


@pytest.mark.slow
def test_a_dropped_payment_answer_retried_charges_once(
    server_folder: Path, servers: list[SandboxProcess], data_dir: Path
) -> None:
    server = start_sandbox(server_folder, "--faults", "drop_rate=0.5,seed=11", *NO_LIMIT)
    servers.append(server)
    client = sign_in(server.url, FakeClock())
    cache = AccountCache(data_dir / "pay")
    for _ in range(10):
        if sync_account(client, cache, resources=("bills", "payment_methods")).ok:
            break
    methods = [m for m in cache.payment_methods() if m.type == "card"]
    unpaid = [b for b in cache.bills() if b.status in ("due", "overdue", "failed")]
    assert methods
    assert unpaid
    retried: str | None = None
    for bill in unpaid:
        key = new_idempotency_key()  # one user action ...
        for _ in range(5):  # ... that the user may retry after an error, with the same key
            try:
                actions.pay_bill(client, cache, bill.id, methods[0].id, idempotency_key=key)
                break
            except ApiError:
                continue
        if client.attempts[("POST", f"/bills/{bill.id}/payments")] >= 2:
            retried = bill.id
            break
    assert retried is not None, "no payment request was dropped and retried"
    got = None
    for _ in range(10):
        try:
            got = client.get_json("payments", "/payments", params={"bill_id": retried})
            break
        except ApiError:
            continue
    assert got is not None
    charges = [p for p in got.data["items"] if p["bill_id"] == retried]
    assert len(charges) == 1


def check_consistent(cache: AccountCache) -> None:
    """Every walked resource's rows are exactly the ids its pages list: a whole copy. (A
    list the changes feed wrote has no pages: its write was one transaction too.)"""
    for resource in (
        "subscriptions", "plans", "channels", "payment_methods", "tickets", "faq", "bills",
        "payments",
    ):  # fmt: skip
        pages = cache.page_states(resource)
        if not pages:
            continue
        listed = [i for p in pages.values() for i in p.ids]
        stored = list(cache.item_payloads(resource))
        assert stored == list(dict.fromkeys(listed)), resource
    cache.snapshot()  # every stored payload still parses
    for bill_id in cache.detail_state("bill"):
        cache.bill_detail(bill_id)


@pytest.mark.slow
@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_kill_9_during_sync_leaves_whole_copies(
    tmp_path_factory: pytest.TempPathFactory, data_dir: Path
) -> None:
    # 20 ms a request keeps a demo sync a few seconds long, so the kills land in the middle
    # of it; the test's many syncs a minute are not what the rate limit is for.
    server = start_sandbox(
        tmp_path_factory.mktemp("slow-sandbox"),
        "--faults",
        "latency=20ms,seed=4",
        *NO_LIMIT,
    )
    try:
        _kill_9_rounds(server, data_dir)
    finally:
        server.stop()


def _kill_9_rounds(sandbox: SandboxProcess, data_dir: Path) -> None:
    rng = random.Random(4)
    folder = account_dir(data_dir, sandbox.url, "acc")
    client = sign_in(sandbox.url)
    history = [frozenset(t["id"] for t in client.get_json("t", "/support/tickets").data["items"])]
    env = {**os.environ, "PYTHONPATH": str(Path(__file__).parents[2])}
    for round_number in range(8):
        worker = subprocess.Popen(
            [sys.executable, "-m", "tests.core.sync_worker", sandbox.url, *DEMO, str(folder)],
            stdout=subprocess.PIPE,
            env=env,
        )
        assert worker.stdout is not None
        assert worker.stdout.readline().strip() == b"ready"
        time.sleep(rng.uniform(0.05, 2.5))
        worker.send_signal(signal.SIGKILL)
        worker.wait()
        worker.stdout.close()

        cache = AccountCache(folder)
        assert cache.open_notice is None  # passed quick_check, same schema
        assert cache.db.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        check_consistent(cache)
        tickets = frozenset(cache.item_payloads("tickets"))
        assert not tickets or tickets in history
        cache.close()
        # The server's data moves between two kills: the next copy differs from the last.
        actions.create_ticket(
            client,
            AccountCache(data_dir / "scratch"),
            "other",
            f"Question {round_number}",
            "Bonjour, une question.",
            idempotency_key=new_idempotency_key(),
        )
        history.append(
            frozenset(t["id"] for t in client.get_json("t", "/support/tickets").data["items"])
        )


def test_no_secret_in_the_data_folder_or_the_logs(
    sandbox: SandboxProcess,
    data_dir: Path,
    caplog: pytest.LogCaptureFixture,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    caplog.set_level(logging.DEBUG)
    caplog.set_level(logging.DEBUG, logger="icanal_desktop")  # whatever earlier tests set
    caplog.set_level(logging.DEBUG, logger="icanal_desktop.core.api.client")
    credentials, keyring = memory_store()
    base = ["--server", sandbox.url, "--data-dir", str(data_dir)]
    # Sign in with remember-me, as a user would: the command line stores the session.
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO[1] + "\n"))
    assert cli.main([*base, "login", DEMO[0], "--password-stdin", "--remember"], credentials) == 0
    (key,) = [user for _, user in keyring.secrets]
    remembered = set(keyring.secrets.values())
    # Then account actions through a client restored from the remembered session.
    seen_tokens: list[records.Tokens] = []

    def rotated(tokens: records.Tokens) -> None:
        seen_tokens.append(tokens)
        credentials.save_refresh_token(key, tokens.refresh_token)  # as the app does

    client = ApiClient(sandbox.url, on_tokens_rotated=rotated)
    stored = credentials.load_refresh_token(key)
    assert stored is not None
    client.restore(stored)
    cache = AccountCache(account_dir(data_dir, sandbox.url, seen_tokens[0].account_id))
    card_number = "4242 4242 4242 4242"
    token = actions.tokenize_card(client, card_number, 12, 2031, "123", "Camille Durand")
    card = actions.add_card(client, cache, token.token).value
    iban = "FR76 3000 6000 0112 3456 7890 189"
    actions.add_sepa_debit(client, cache, iban, "Camille Durand", True)
    bill = cache.bills(status="overdue")[0]
    actions.pay_bill(client, cache, bill.id, card.id)
    actions.create_ticket(client, cache, "billing", "Facture", "Pouvez-vous vérifier ?", bill.id)
    client.refresh()  # a rotation, as an expired access token would cause
    assert sync_account(client, cache).ok
    cache.close()
    client.close()
    # A later command restores (and rotates) the remembered session again.
    assert cli.main([*base, "-v", "sync"], credentials) == 0
    remembered |= set(keyring.secrets.values())
    output = capsys.readouterr()

    secrets = {DEMO[1], card_number.replace(" ", ""), card_number, iban, iban.replace(" ", "")}
    secrets |= {token.token} | remembered
    for tokens in seen_tokens:
        secrets |= {tokens.access_token, tokens.refresh_token}
    assert len(seen_tokens) >= 2
    files = [p for p in data_dir.rglob("*") if p.is_file()]
    assert any(p.name == "accounts.json" for p in files)
    assert any(p.name.startswith("cache.sqlite3") for p in files)
    for path in files:
        content = path.read_bytes()
        for secret in secrets:
            assert secret.encode() not in content, (path.name, "holds a secret")
    logs = caplog.text + output.out + output.err
    assert "GET /bills" in logs  # the logs were captured
    for secret in secrets:
        assert secret not in logs


def test_tls_certificates_are_checked(
    server_folder: Path, servers: list[SandboxProcess], tmp_path: Path
) -> None:
    ca, cert, key = make_ca_and_server_cert(tmp_path)
    server = start_sandbox(server_folder, "--tls-cert", str(cert), "--tls-key", str(key))
    servers.append(server)
    assert server.url.startswith("https://")
    with pytest.raises(CertificateError) as caught:
        ApiClient(server.url).login(*DEMO)
    assert DEMO[1] not in str(caught.value)
    trusted = ApiClient(server.url, ca_bundle=str(ca))
    assert trusted.login(*DEMO).account_id
    assert trusted.get_profile().data["email"] == DEMO[0]
    with pytest.raises(InsecureTransportError):
        ApiClient(server.url.replace("https://127.0.0.1", "http://icanal.example"))


@pytest.mark.keyring
@pytest.mark.usefixtures("secret_service")
def test_cli_remembers_the_session_in_the_real_keyring(
    sandbox: SandboxProcess, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io
    import secrets as stdlib_secrets

    from icanal_desktop import cli
    from icanal_desktop.core.credentials import CredentialStore

    store = CredentialStore(service=f"icanal-test-{stdlib_secrets.token_hex(4)}")
    base = ["--server", sandbox.url, "--data-dir", str(data_dir)]
    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO[1] + "\n"))
    assert cli.main([*base, "login", DEMO[0], "--password-stdin", "--remember"], store) == 0
    assert cli.main([*base, "sync"], store) == 0
    assert cli.main([*base, "logout", "--forget"], store) == 0
    assert ALL_RESOURCES
