"""The command line's grammar: the options every command accepts (before or after it), the
commands and their arguments, and the environment variable naming the server."""

from __future__ import annotations

import argparse
from pathlib import Path

from icanal_desktop import __version__

SERVER_ENV = "ICANAL_SERVER"
BILL_STATUSES = ("paid", "due", "overdue", "failed")


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
