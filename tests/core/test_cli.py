"""The `icanal` command line against a real sandbox process, in-process for speed."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from icanal_desktop import cli
from icanal_desktop.core.accounts import AccountRegistry, KnownAccount
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.core.errors import ServerError, SessionExpiredError
from icanal_desktop.core.sync import ArchiveReport, SyncReport

from ..conftest import DEMO, SECOND, SandboxProcess
from .memory_keyring import memory_store


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


class Icanal:
    """Runs `icanal` with a private data folder and an in-memory (secure) keyring."""

    def __init__(
        self, server: SandboxProcess, data_dir: Path, capsys: pytest.CaptureFixture[str]
    ) -> None:
        self.server = server
        self.data_dir = data_dir
        self.capsys = capsys
        self.credentials, self.keyring = memory_store()

    def __call__(
        self, *args: str, stdin: str = "", monkeypatch: pytest.MonkeyPatch
    ) -> tuple[int, str, str]:
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = cli.main(
            ["--server", self.server.url, "--data-dir", str(self.data_dir), *args],
            credentials=self.credentials,
        )
        out, err = self.capsys.readouterr()
        return code, out, err


@pytest.fixture
def icanal(sandbox: SandboxProcess, data_dir: Path, capsys: pytest.CaptureFixture[str]) -> Icanal:
    return Icanal(sandbox, data_dir, capsys)


@pytest.fixture
def signed_in(
    synced_template: Path,
    synced_server: SandboxProcess,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> Icanal:
    """`icanal` after `login --remember` and its sync, without paying for them again: the
    registry entry, the remembered session and a copy of a synced cache."""
    icanal = Icanal(synced_server, data_dir, capsys)
    tokens = ApiClient(synced_server.url).login(*DEMO)
    known = KnownAccount(
        synced_server.url, tokens.account_id, DEMO[0], "Camille Durand", remembered=True
    )
    AccountRegistry(data_dir).record_sign_in(known)
    assert icanal.credentials.save_refresh_token(known.key, tokens.refresh_token)
    shutil.copytree(
        synced_template / "cache", account_dir(data_dir, synced_server.url, tokens.account_id)
    )
    return icanal


def login(icanal: Icanal, monkeypatch: pytest.MonkeyPatch, *extra: str) -> tuple[int, str, str]:
    return icanal(
        "login", DEMO[0], "--password-stdin", *extra, stdin=DEMO[1] + "\n", monkeypatch=monkeypatch
    )


def test_works_offline_from_the_cache_after_a_sync(
    icanal: Icanal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    code, out, err = login(icanal, monkeypatch, "--remember")
    assert code == cli.EXIT_OK, err
    assert "Signed in as Camille Durand" in out
    code, out, _ = icanal("status", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert "Plan: " in out
    assert "Offline" not in out
    code, online_bills, _ = icanal("bills", "list", "--json", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    bills = json.loads(online_bills)
    assert len(bills) >= 36
    year = int(bills[-1]["issue_date"][:4])  # the oldest year: the archive keeps every year

    icanal.server.stop()

    code, out, _ = icanal("status", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OFFLINE
    assert out.startswith("Offline")
    assert "last updated 2" in out  # a date, not "never"
    assert "Plan: " in out
    assert "Amount due: " in out

    code, out, err = icanal("bills", "list", "--json", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OFFLINE
    assert json.loads(out) == bills  # stdout stays pure JSON; the note goes to stderr
    assert "Offline" in err

    code, out, _ = icanal("bills", "list", "--status", "overdue", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OFFLINE
    assert "overdue" in out
    assert "1 bill(s)" in out

    target = tmp_path / "export"
    code, out, err = icanal(
        "bills", "export", "--year", str(year), "--to", str(target), monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_OFFLINE
    rows = read_csv(target / f"factures-{year}.csv")
    assert len(rows) == sum(1 for b in bills if b["issue_date"].startswith(str(year)))
    assert rows
    for row in rows:  # offline, every bill's PDF is there
        assert (target / row["pdf"]).read_bytes().startswith(b"%PDF-")
    assert "no PDF kept offline" not in err

    payments_csv = tmp_path / "payments.csv"
    code, _, _ = icanal("payments", "export", "--csv", str(payments_csv), monkeypatch=monkeypatch)
    assert code == cli.EXIT_OFFLINE
    lines = payments_csv.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("date,amount,currency,method")
    assert len(lines) > 10


def test_export_of_a_year_online_downloads_every_pdf(
    signed_in: Icanal, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    icanal = signed_in
    code, _, err = icanal(
        "bills", "export", "--year", "2024", "--to", str(tmp_path), monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_OK, err
    rows = read_csv(tmp_path / "factures-2024.csv")
    assert len(rows) == 12
    for row in rows:
        pdf = (tmp_path / row["pdf"]).read_bytes()
        assert pdf.startswith(b"%PDF-")
        assert pdf.rstrip().endswith(b"%%EOF")
        assert row["total"].count(".") == 1


def test_wrong_password_is_an_auth_error(icanal: Icanal, monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, err = icanal(
        "login", DEMO[0], "--password-stdin", stdin="wrong\n", monkeypatch=monkeypatch
    )
    assert code == cli.EXIT_AUTH
    assert "incorrect" in err
    assert "wrong" not in out + err


def test_without_remember_later_commands_use_the_cache_and_say_so(
    icanal: Icanal, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert login(icanal, monkeypatch)[0] == cli.EXIT_OK
    assert icanal.keyring.secrets == {}
    code, out, _ = icanal("status", monkeypatch=monkeypatch)
    assert code == cli.EXIT_AUTH
    assert "icanal login --remember" in out
    assert "Plan: " in out
    code, _, err = icanal("sync", monkeypatch=monkeypatch)
    assert code == cli.EXIT_AUTH
    assert "not signed in" in err


def test_a_rotated_refresh_token_is_saved_at_once(
    signed_in: Icanal, monkeypatch: pytest.MonkeyPatch
) -> None:
    icanal = signed_in
    first = set(icanal.keyring.secrets.values())
    assert icanal("sync", monkeypatch=monkeypatch)[0] == cli.EXIT_OK
    second = set(icanal.keyring.secrets.values())
    assert len(second) == 1
    assert first != second  # the refresh rotated it, and the new one was kept
    assert icanal("sync", monkeypatch=monkeypatch)[0] == cli.EXIT_OK  # and it works


def test_logout_forget_revokes_and_wipes(
    signed_in: Icanal, monkeypatch: pytest.MonkeyPatch, data_dir: Path
) -> None:
    icanal = signed_in
    (token,) = icanal.keyring.secrets.values()
    accounts = data_dir / "accounts"
    assert any(accounts.iterdir())
    code, out, _ = icanal("logout", "--forget", monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert "removed" in out
    assert icanal.keyring.secrets == {}
    assert not any(accounts.iterdir())
    client = ApiClient(icanal.server.url)
    with pytest.raises(SessionExpiredError):
        client.restore(token)  # the session family was revoked on the server
    code, _, err = icanal("status", monkeypatch=monkeypatch)
    assert code == cli.EXIT_AUTH
    assert "icanal login" in err


def test_progress_is_shown_on_a_terminal(
    signed_in: Icanal, monkeypatch: pytest.MonkeyPatch
) -> None:
    icanal = signed_in
    terminal = Terminal()
    monkeypatch.setattr("sys.stdout", terminal)
    assert icanal("sync", monkeypatch=monkeypatch)[0] == cli.EXIT_OK
    shown = terminal.getvalue()
    assert "Syncing what changed" in shown  # the changes feed, asked first
    assert shown.rstrip().endswith("Synced: nothing changed.")
    plain = icanal("sync", monkeypatch=monkeypatch)
    assert "Syncing" not in plain[1]


def test_usage_errors_exit_2(icanal: Icanal, monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(SystemExit) as caught:
        cli.main(["bills", "list", "--status", "lost"])
    assert caught.value.code == cli.EXIT_USAGE
    code, _, err = icanal("login", DEMO[0], stdin="", monkeypatch=monkeypatch)
    assert code == cli.EXIT_USAGE
    assert "--password-stdin" in err
    monkeypatch.setattr("sys.stdin", io.StringIO("pw\n"))
    insecure = ["--server", "http://icanal.example", "--data-dir", str(icanal.data_dir)]
    assert cli.main([*insecure, "login", "x@y.z", "--password-stdin"]) == cli.EXIT_USAGE
    assert "refusing plain http://" in icanal.capsys.readouterr().err


def test_no_secure_keyring_means_not_remembered(
    sandbox: SandboxProcess,
    data_dir: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from keyring.backends import fail

    monkeypatch.setattr("sys.stdin", io.StringIO(DEMO[1] + "\n"))
    code = cli.main(
        [
            "--server",
            sandbox.url,
            "--data-dir",
            str(data_dir),
            "login",
            DEMO[0],
            "--password-stdin",
            "--remember",
        ],
        credentials=CredentialStore(service="icanal-test", backend=fail.Keyring()),
    )
    _, err = capsys.readouterr()
    assert code == cli.EXIT_OK
    assert "not remembered" in err


def test_several_accounts_on_one_computer(
    signed_in: Icanal, monkeypatch: pytest.MonkeyPatch
) -> None:
    icanal = signed_in
    code, out, err = icanal(
        "login",
        SECOND[0],
        "--password-stdin",
        "--remember",
        stdin=SECOND[1] + "\n",
        monkeypatch=monkeypatch,
    )
    assert code == cli.EXIT_OK, err
    second_name = out.split("Signed in as ")[1].split(" (")[0]
    code, out, _ = icanal("status", monkeypatch=monkeypatch)  # the last used account
    assert f"Account: {second_name}" in out
    code, out, _ = icanal("status", "--account", DEMO[0], monkeypatch=monkeypatch)
    assert code == cli.EXIT_OK
    assert "Account: Camille Durand" in out
    code, out, _ = icanal(
        "bills", "list", "--json", "--account", SECOND[0], monkeypatch=monkeypatch
    )
    second_bills = {b["id"] for b in json.loads(out)}
    code, out, _ = icanal("bills", "list", "--json", "--account", DEMO[0], monkeypatch=monkeypatch)
    assert second_bills.isdisjoint({b["id"] for b in json.loads(out)})
    code, _, err = icanal("status", "--account", "nobody@icanal.example", monkeypatch=monkeypatch)
    assert code == cli.EXIT_AUTH
    assert "icanal login" in err


def test_a_partial_sync_says_what_was_saved_and_what_is_missing(data_dir: Path) -> None:
    cache = AccountCache(data_dir / "cache")
    try:
        partial = SyncReport(
            fetched=["bills", "payments"],
            unchanged=["profile"],
            failed={"tickets": ServerError("the server has a problem", 503)},
            archive=ArchiveReport(wanted=193, kept=150),
        )
        fresh = cli._freshness(partial, cache)
        assert fresh.code == cli.EXIT_SERVER
        assert fresh.note.startswith("Partly updated: saved bills, payments, profile;")
        assert "not updated: tickets (the server has a problem)" in fresh.note
        assert "Run `icanal sync` again to complete it." in fresh.note
        assert "Bill PDFs kept offline: 150 of 193; the next sync downloads the others." in (
            fresh.note
        )
        assert "Offline" not in fresh.note  # the server answered
        refused = cli._freshness(SyncReport(failed={"changes": ServerError("down", 503)}), cache)
        assert refused.note.startswith("Not updated (server error: down)")
        archive_only = cli._freshness(SyncReport(archive=ArchiveReport(wanted=3, kept=1)), cache)
        assert archive_only.code == cli.EXIT_OK
        assert "1 of 3" in archive_only.note
    finally:
        cache.close()
