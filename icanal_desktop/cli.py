"""The `icanal` command line (F32): sign in, sync, status, bills, payments, sign out.

It reuses api/, cache/, sync and credentials (no Qt). What it shows always comes from the
local cache: every command that shows data first tries an incremental sync, and when the
server cannot be reached it shows the cached copy, says so and from when, and exits 4.

Exit codes (docs/CLI.md):
  0 ok · 1 local copy busy (another program holds it) · 2 usage
  3 not signed in / wrong credentials / session over / locked
  4 offline: the output comes from the cache · 5 server error or incomplete sync
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import json
import logging
import os
import shutil
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, TextIO

from icanal_desktop import __version__
from icanal_desktop.core import exports
from icanal_desktop.core.accounts import AccountRegistry, KnownAccount
from icanal_desktop.core.actions import bill_pdf
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache, CacheBusyError
from icanal_desktop.core.cache.paths import account_dir, default_data_dir
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.core.domain import billing, records
from icanal_desktop.core.errors import (
    ApiError,
    CertificateError,
    InsecureTransportError,
    InvalidCredentialsError,
    OfflineError,
    RateLimitedError,
    SessionExpiredError,
)
from icanal_desktop.core.sync import ArchiveReport, SyncReport, sync_account

EXIT_OK = 0
EXIT_BUSY = 1
EXIT_USAGE = 2
EXIT_AUTH = 3
EXIT_OFFLINE = 4
EXIT_SERVER = 5

DEFAULT_SERVER_URL = "https://espace-client.icanal.example"
SERVER_ENV = "ICANAL_SERVER"
BILL_STATUSES = ("paid", "due", "overdue", "failed")

log = logging.getLogger("icanal")


class CliError(Exception):
    def __init__(self, message: str, code: int) -> None:
        super().__init__(message)
        self.code = code


# -- parser -------------------------------------------------------------------------------
def _common() -> argparse.ArgumentParser:
    # Accepted before or after the command; SUPPRESS keeps a later default from erasing an
    # earlier value.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--server", metavar="URL", default=argparse.SUPPRESS, help=f"server (${SERVER_ENV})"
    )
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        type=Path,
        default=argparse.SUPPRESS,
        help="local data folder ($ICANAL_DATA_DIR)",
    )
    common.add_argument(
        "--account",
        metavar="LOGIN",
        default=argparse.SUPPRESS,
        help="which account: email, subscriber number or account id (default: last used)",
    )
    common.add_argument(
        "--ca-bundle",
        metavar="FILE",
        default=argparse.SUPPRESS,
        help="trust the CAs in this PEM file (instead of the system's) for https://",
    )
    common.add_argument(
        "--offline",
        action="store_true",
        default=argparse.SUPPRESS,
        help="do not contact the server: use the local copy only",
    )
    common.add_argument(
        "-v", "--verbose", action="store_true", default=argparse.SUPPRESS, help="more logs"
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = argparse.ArgumentParser(
        prog="icanal",
        description="Your iCanal account from the command line: sign in, sync, status, bills.",
        epilog="Exit codes: 0 ok, 2 usage, 3 authentication, 4 offline (cached output), "
        "5 server error. See docs/CLI.md.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"icanal {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    login = commands.add_parser("login", parents=[common], help="sign in and sync")
    login.add_argument("login", nargs="?", help="email or subscriber number")
    login.add_argument(
        "--password-stdin", action="store_true", help="read the password from standard input"
    )
    login.add_argument(
        "--remember",
        action="store_true",
        help="keep the session in the system keyring (never the password)",
    )

    commands.add_parser("sync", parents=[common], help="update the local copy")
    commands.add_parser("status", parents=[common], help="plan, renewal, amount due, last sync")

    bills = commands.add_parser("bills", parents=[common], help="list or export bills")
    bill_commands = bills.add_subparsers(dest="bills_command", metavar="ACTION", required=True)
    listing = bill_commands.add_parser("list", parents=[common], help="list bills")
    listing.add_argument("--year", type=int)
    listing.add_argument("--status", choices=BILL_STATUSES)
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    export = bill_commands.add_parser("export", parents=[common], help="PDFs and a CSV")
    export.add_argument("--year", type=int, required=True)
    export.add_argument("--to", type=Path, required=True, metavar="DIR")

    payments = commands.add_parser("payments", parents=[common], help="payment history")
    payment_commands = payments.add_subparsers(
        dest="payments_command", metavar="ACTION", required=True
    )
    payment_export = payment_commands.add_parser("export", parents=[common], help="CSV file")
    payment_export.add_argument("--csv", type=Path, required=True, metavar="FILE")

    logout = commands.add_parser("logout", parents=[common], help="sign out")
    logout.add_argument("--forget", action="store_true", help="also wipe this account's local data")
    return parser


# -- context ------------------------------------------------------------------------------
@dataclass
class Context:
    args: argparse.Namespace
    data_dir: Path
    server_url: str
    registry: AccountRegistry
    credentials: CredentialStore
    out: TextIO
    err: TextIO

    def option(self, name: str, default: Any = None) -> Any:
        return getattr(self.args, name, default)

    def client(self) -> ApiClient:
        try:
            return ApiClient(self.server_url, ca_bundle=self.option("ca_bundle"))
        except InsecureTransportError as exc:
            raise CliError(str(exc), EXIT_USAGE) from None

    def say(self, text: str) -> None:
        print(text, file=self.out)

    def warn(self, text: str) -> None:
        print(f"icanal: {text}", file=self.err)


def _context(
    args: argparse.Namespace, out: TextIO, err: TextIO, credentials: CredentialStore | None
) -> Context:
    data_dir = getattr(args, "data_dir", None) or default_data_dir()
    registry = AccountRegistry(data_dir)
    server = getattr(args, "server", None) or os.environ.get(SERVER_ENV)
    if not server:
        last = registry.all()
        server = last[0].server_url if last else DEFAULT_SERVER_URL
    return Context(
        args, data_dir, server.rstrip("/"), registry, credentials or CredentialStore(), out, err
    )


def _known_account(ctx: Context) -> KnownAccount:
    wanted = ctx.option("account")
    candidates = [a for a in ctx.registry.all() if a.server_url == ctx.server_url]
    if wanted:
        lowered = wanted.strip().lower()
        candidates = [a for a in candidates if lowered in (a.login.lower(), a.account_id.lower())]
    if not candidates:
        who = f" {wanted}" if wanted else ""
        raise CliError(
            f"no account{who} known for {ctx.server_url} on this computer: "
            "run `icanal login` first",
            EXIT_AUTH,
        )
    return candidates[0]


def _open_cache(ctx: Context, known: KnownAccount) -> AccountCache:
    cache = AccountCache(account_dir(ctx.data_dir, known.server_url, known.account_id))
    if cache.open_notice is not None and cache.open_notice.kind != "migrated":
        ctx.warn(cache.open_notice.message)
    return cache


@dataclass
class Freshness:
    """How current the data about to be shown is."""

    code: int
    note: str


def _restore_client(ctx: Context, known: KnownAccount) -> ApiClient:
    """A client signed in with the remembered session; raises CliError(EXIT_AUTH) if none."""
    token = ctx.credentials.load_refresh_token(known.key) if known.remembered else None
    if token is None:
        raise CliError(
            "not signed in (no remembered session): run `icanal login --remember`", EXIT_AUTH
        )
    client = ctx.client()
    client.on_tokens_rotated = _saver(ctx, known.key)
    try:
        client.restore(token)
    except SessionExpiredError:
        ctx.credentials.forget(known.key)
        ctx.registry.update(replace(known, remembered=False))
        client.close()
        raise CliError("the session has expired: run `icanal login` again", EXIT_AUTH) from None
    except BaseException:
        client.close()
        raise
    return client


def _refresh(ctx: Context, known: KnownAccount, cache: AccountCache) -> Freshness:
    """Tries an incremental sync; says how current the cache is afterwards."""
    if ctx.option("offline"):
        return Freshness(EXIT_OFFLINE, _offline_note(cache, "--offline"))
    try:
        client = _restore_client(ctx, known)
    except CliError as exc:
        if exc.code != EXIT_AUTH:
            raise
        return Freshness(EXIT_AUTH, f"{exc} — {_offline_note(cache, 'not signed in')}")
    except OfflineError:
        return Freshness(EXIT_OFFLINE, _offline_note(cache, "the server cannot be reached"))
    except ApiError as exc:
        return Freshness(EXIT_SERVER, _offline_note(cache, f"server error: {exc}", offline=False))
    try:
        report = _sync_with_progress(ctx, client, cache)
    finally:
        client.close()
    return _freshness(report, cache)


def _freshness(report: SyncReport, cache: AccountCache) -> Freshness:
    """Says what was saved, what is missing, and that the next sync completes it."""
    code = EXIT_OFFLINE if report.offline else EXIT_SERVER
    archive = _archive_note(report.archive)
    if report.failed and not report.saved:
        if report.offline:
            note = _offline_note(cache, "the server cannot be reached")
        else:
            note = _offline_note(cache, f"server error: {next(iter(report.failed.values()))}",
                                 offline=False)  # fmt: skip
        return Freshness(code, " ".join(filter(None, [note, archive])))
    if report.failed:
        failed = ", ".join(n for n in report.failed if n != "changes") or "the latest changes"
        first = next(iter(report.failed.values()))
        note = (
            f"Partly updated: saved {', '.join(report.saved)}; not updated: {failed} ({first})."
            " Run `icanal sync` again to complete it."
        )
        return Freshness(code, " ".join(filter(None, [note, archive])))
    if report.archive is not None and not report.archive.complete:
        archive_code = code if report.archive.failed else EXIT_OK
        return Freshness(archive_code, archive)
    return Freshness(EXIT_OK, archive)


def _archive_note(archive: ArchiveReport | None) -> str:
    if archive is None:
        return ""
    parts = []
    if archive.missing:
        parts.append(
            f"Bill PDFs kept offline: {archive.kept} of {archive.wanted};"
            " the next sync downloads the others."
        )
    if archive.over_cap:
        parts.append(
            f"{archive.over_cap} older bill PDF(s) not kept offline: the archive's size limit."
        )
    return " ".join(parts)


def _offline_note(cache: AccountCache, why: str, *, offline: bool = True) -> str:
    """What the output comes from when it could not be brought up to date: a reachable
    server that failed is not called "offline"."""
    last = cache.last_sync()
    when = last.astimezone().strftime("%Y-%m-%d %H:%M") if last else "never"
    if offline:
        return f"Offline ({why}): showing the local copy, last updated {when}"
    return f"Not updated ({why}): showing the local copy, last updated {when}; try again later"


PROGRESS_NAMES = {"changes": "what changed", "payment_methods": "payment methods"}


def _sync_with_progress(ctx: Context, client: ApiClient, cache: AccountCache) -> SyncReport:
    progress: Callable[[str, int, int], None] | None = None
    if ctx.out.isatty():

        def progress(what: str, done: int, total: int) -> None:
            end = "\n" if what == "done" else ""
            what = PROGRESS_NAMES.get(what, what)
            ctx.out.write(f"\r\033[KSyncing {what}… {done}/{total}{end}")
            ctx.out.flush()

    return sync_account(client, cache, progress=progress)


# -- commands -----------------------------------------------------------------------------
def cmd_login(ctx: Context) -> int:
    login = ctx.option("login") or ctx.option("account")
    if not login:
        if not sys.stdin.isatty():
            raise CliError("give the login: icanal login EMAIL", EXIT_USAGE)
        login = input("Email or subscriber number: ").strip()
    password = _read_password(ctx)
    client = ctx.client()
    try:
        tokens = client.login(login, password)
        key = f"{ctx.server_url}|{tokens.account_id}"
        known = ctx.registry.find(key)
        known = (
            replace(known, login=login)
            if known
            else KnownAccount(ctx.server_url, tokens.account_id, login)
        )
        remembered = False
        if ctx.option("remember"):
            remembered = ctx.credentials.save_refresh_token(key, tokens.refresh_token)
            if not remembered:
                status = ctx.credentials.status()
                ctx.warn(f"not remembered: {status.reason or 'no secure storage'}")
            else:
                client.on_tokens_rotated = _saver(ctx, key)
        else:
            ctx.credentials.forget(key)
        cache = _open_cache(ctx, known)
        try:
            report = _sync_with_progress(ctx, client, cache)
            profile = cache.profile()
            name = profile.full_name if profile else ""
            ctx.registry.record_sign_in(
                replace(known, remembered=remembered, display_name=name or known.display_name)
            )
            ctx.say(f"Signed in as {name or login} ({ctx.server_url}).")
            if remembered:
                ctx.say("This computer remembers the session (system keyring).")
            fresh = _freshness(report, cache)
            if fresh.note:
                ctx.warn(fresh.note)
            return fresh.code
        finally:
            cache.close()
    finally:
        client.close()


def _saver(ctx: Context, key: str) -> Callable[[records.Tokens], None]:
    def save(tokens: records.Tokens) -> None:
        # The old refresh token died with this rotation: keep the new one at once.
        if not ctx.credentials.save_refresh_token(key, tokens.refresh_token):
            ctx.warn("could not keep the session in the keyring")

    return save


def _read_password(ctx: Context) -> str:
    if ctx.option("password_stdin"):
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if password.endswith("\r"):
            password = password[:-1]
    elif sys.stdin.isatty():
        password = getpass.getpass("Password: ")
    else:
        raise CliError("no terminal to ask for the password: use --password-stdin", EXIT_USAGE)
    if not password:
        raise CliError("empty password", EXIT_USAGE)
    return password


def cmd_sync(ctx: Context) -> int:
    known = _known_account(ctx)
    cache = _open_cache(ctx, known)
    try:
        client = _restore_client(ctx, known)
        try:
            report = _sync_with_progress(ctx, client, cache)
        finally:
            client.close()
        fresh = _freshness(report, cache)
        if fresh.note:
            ctx.warn(fresh.note)
        else:
            changed = ", ".join(report.fetched) or "nothing changed"
            ctx.say(f"Synced: {changed}.")
        return fresh.code
    finally:
        cache.close()


def cmd_status(ctx: Context) -> int:
    known = _known_account(ctx)
    cache = _open_cache(ctx, known)
    try:
        fresh = _refresh(ctx, known, cache)
        snapshot = cache.snapshot()
        if fresh.note:
            ctx.say(fresh.note)
        profile = snapshot.profile
        ctx.say(f"Account: {profile.full_name if profile else known.label} ({known.login})")
        for sub in snapshot.subscriptions:
            ctx.say(
                f"Plan: {sub.plan.name} — {_money(sub.plan.monthly_price)}/month ({sub.status})"
            )
            if sub.renewal_date:
                days = (sub.renewal_date - dt.date.today()).days
                ctx.say(f"Renewal: {sub.renewal_date.isoformat()} (in {days} days)")
            if sub.commitment_end:
                ctx.say(f"Commitment until: {sub.commitment_end.isoformat()}")
        if snapshot.amount_due is not None and snapshot.amount_due.amount:
            due = snapshot.next_due_date.isoformat() if snapshot.next_due_date else "?"
            overdue = f", {snapshot.overdue_bills} overdue" if snapshot.overdue_bills else ""
            ctx.say(f"Amount due: {_money(snapshot.amount_due)} (next due {due}{overdue})")
        else:
            ctx.say("Amount due: nothing")
        method = snapshot.default_payment_method
        if method is not None:
            ctx.say(f"Default payment method: {method.label}")
        for alert in snapshot.alerts:
            ctx.say(f"Alert: {_alert_text(alert.kind, alert.params)}")
        last = snapshot.last_sync
        when = last.astimezone().strftime("%Y-%m-%d %H:%M") if last else "never"
        ctx.say(f"Last sync: {when}")
        return fresh.code
    finally:
        cache.close()


def _alert_text(kind: str, params: dict[str, Any]) -> str:
    texts = {
        "new_bill": "new bill {number}",
        "bill_overdue": "bill {number} is overdue (due {due_date})",
        "payment_failed": "the payment of bill {number} failed",
        "card_expiring": "{label} expires {exp_month:02d}/{exp_year}",
        "plan_price_up": "the price of {plan} goes up",
        "channels_removed": "channels removed from {plan}: {channel_list}",
        "pending_cancellation": "{plan} ends on {effective_date} (cancellation requested)",
    }
    fields = dict(params)
    fields["channel_list"] = ", ".join(params.get("channels", []))
    try:
        return texts.get(kind, kind).format(**fields)
    except (KeyError, ValueError):
        return kind


def cmd_bills(ctx: Context) -> int:
    known = _known_account(ctx)
    cache = _open_cache(ctx, known)
    try:
        fresh = _refresh(ctx, known, cache)
        if ctx.option("bills_command") == "list":
            return _bills_list(ctx, cache, fresh)
        return _bills_export(ctx, known, cache, fresh)
    finally:
        cache.close()


def _bills_list(ctx: Context, cache: AccountCache, fresh: Freshness) -> int:
    bills = cache.bills(year=ctx.option("year"), status=ctx.option("status"))
    if ctx.option("json"):
        if fresh.note:
            ctx.warn(fresh.note)  # keep stdout pure JSON
        ctx.say(json.dumps([_bill_json(b) for b in bills], ensure_ascii=False, indent=1))
        return fresh.code
    if fresh.note:
        ctx.say(fresh.note)
    for bill in bills:
        ctx.say(
            f"{bill.number:<16} {bill.issue_date.isoformat()}  due {bill.due_date.isoformat()}"
            f"  {_money(bill.total):>12}  {bill.status}"
        )
    ctx.say(f"{len(bills)} bill(s)")
    return fresh.code


def _bill_json(bill: billing.Bill) -> dict[str, Any]:
    return {
        "id": bill.id,
        "number": bill.number,
        "period_start": bill.period_start.isoformat(),
        "period_end": bill.period_end.isoformat(),
        "issue_date": bill.issue_date.isoformat(),
        "due_date": bill.due_date.isoformat(),
        "total_excl_tax": _money_json(bill.total_excl_tax),
        "tax": _money_json(bill.tax),
        "total": _money_json(bill.total),
        "status": bill.status,
    }


def _bills_export(ctx: Context, known: KnownAccount, cache: AccountCache, fresh: Freshness) -> int:
    year: int = ctx.option("year")
    folder: Path = ctx.option("to")
    bills = cache.bills(year=year)
    if fresh.note:
        ctx.say(fresh.note)
    client: ApiClient | None = None
    if fresh.code == EXIT_OK:
        client = _restore_client(ctx, known)

    def get_pdf(bill: billing.Bill) -> bytes | None:
        data = cache.pdf(bill.id)
        if data is None and client is not None:
            try:
                data = bill_pdf(client, cache, bill.id)
            except ApiError as exc:
                ctx.warn(f"bill {bill.number}: PDF not downloaded ({exc})")
        return data

    try:
        result = exports.export_year(folder, year, bills, get_pdf)
    finally:
        if client is not None:
            client.close()
    ctx.say(f"Exported {len(result.written)} PDF(s) and {result.csv_path}")
    if result.missing:
        ctx.warn(f"no PDF kept offline for: {', '.join(result.missing)}")
        return fresh.code if fresh.code != EXIT_OK else EXIT_SERVER
    return fresh.code


BILL_CSV_HEADER = exports.BILL_CSV_HEADER


def cmd_payments(ctx: Context) -> int:
    known = _known_account(ctx)
    cache = _open_cache(ctx, known)
    try:
        fresh = _refresh(ctx, known, cache)
        if fresh.note:
            ctx.say(fresh.note)
        path: Path = ctx.option("csv")
        if path.parent != Path():
            path.parent.mkdir(parents=True, exist_ok=True)
        count = exports.write_payments_csv(path, cache.payments())
        ctx.say(f"Exported {count} payment(s) to {path}")
        return fresh.code
    finally:
        cache.close()


def cmd_logout(ctx: Context) -> int:
    known = _known_account(ctx)
    code = EXIT_OK
    if known.remembered and not ctx.option("offline"):
        try:
            client = _restore_client(ctx, known)
            try:
                client.logout()  # revokes the session on the server
            finally:
                client.close()
        except CliError:
            pass  # already over
        except OfflineError:
            ctx.warn("the server could not be reached: signed out on this computer only")
            code = EXIT_OFFLINE
    ctx.credentials.forget(known.key)
    if ctx.option("forget"):
        shutil.rmtree(account_dir(ctx.data_dir, known.server_url, known.account_id), True)
        ctx.registry.remove(known.key)
        ctx.say(f"Signed out; {known.login}'s data was removed from this computer.")
    else:
        ctx.registry.update(replace(known, remembered=False))
        ctx.say(f"Signed out {known.login}.")
    return code


COMMANDS: dict[str, Callable[[Context], int]] = {
    "login": cmd_login,
    "sync": cmd_sync,
    "status": cmd_status,
    "bills": cmd_bills,
    "payments": cmd_payments,
    "logout": cmd_logout,
}


# -- helpers ------------------------------------------------------------------------------
_decimal = exports.decimal_text


def _money(money: records.Money) -> str:
    return f"{_decimal(money)} {money.currency}"


def _money_json(money: records.Money) -> dict[str, Any]:
    return {"amount": money.amount, "currency": money.currency}


def main(argv: Sequence[str] | None = None, credentials: CredentialStore | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not args.command:
        parser.print_help()
        return EXIT_OK
    logging.basicConfig(
        level=logging.INFO if getattr(args, "verbose", False) else logging.WARNING,
        format="icanal: %(levelname)s %(name)s: %(message)s",
    )
    ctx = _context(args, sys.stdout, sys.stderr, credentials)
    try:
        return COMMANDS[args.command](ctx)
    except CliError as exc:
        ctx.warn(str(exc))
        return exc.code
    except InvalidCredentialsError:
        ctx.warn("the login or the password is incorrect")
        return EXIT_AUTH
    except RateLimitedError as exc:
        wait = f" Try again in {int(exc.retry_after)} s." if exc.retry_after else ""
        ctx.warn(f"too many attempts: the server refuses for now.{wait}")
        return EXIT_AUTH
    except SessionExpiredError:
        ctx.warn("the session has expired: run `icanal login` again")
        return EXIT_AUTH
    except CertificateError as exc:
        ctx.warn(f"{exc}: pass the server's CA with --ca-bundle if you trust it")
        return EXIT_SERVER
    except OfflineError as exc:
        ctx.warn(f"{exc}")
        return EXIT_OFFLINE
    except ApiError as exc:
        ctx.warn(f"server error: {exc}")
        return EXIT_SERVER
    except CacheBusyError:
        ctx.warn("the local copy is in use by another program (the app?): try again shortly")
        return EXIT_BUSY
    except KeyboardInterrupt:
        ctx.warn("interrupted")
        return 130


if __name__ == "__main__":
    sys.exit(main())
