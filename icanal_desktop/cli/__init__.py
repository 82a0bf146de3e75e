"""The `icanal` command line (F32): sign in, sync, status, bills, payments, sign out.

It reuses api/, cache/, sync and credentials (no Qt). What it shows always comes from the
local cache: every command that shows data first tries an incremental sync, and when the
server cannot be reached it shows the cached copy, says so and from when, and exits 4.

Exit codes (docs/CLI.md):
  0 ok · 1 local copy busy (another program holds it) · 2 usage
  3 not signed in / wrong credentials / session over / locked
  4 offline: the output comes from the cache · 5 server error or incomplete sync

The package, by concern:
- run.py: `main` (the `icanal` entry point), errors to messages and exit codes;
- parser.py: the options and commands;
- context.py: what a command runs with (options, data folder, server, keyring, output);
- session.py: which account, its local copy, the password, the remembered session;
- refreshing.py: the sync before showing, and how current the output is (`Freshness`);
- commands/: one module per command (login, sync, status, bills, payments, logout);
- output.py: amounts, bills in JSON, alerts in words;
- exits.py: the exit codes and `CliError`.
"""

from icanal_desktop.cli.commands import (
    BILL_CSV_HEADER,
    COMMANDS,
    cmd_bills,
    cmd_login,
    cmd_logout,
    cmd_payments,
    cmd_status,
    cmd_sync,
)
from icanal_desktop.cli.context import DEFAULT_SERVER_URL, Context
from icanal_desktop.cli.exits import (
    EXIT_AUTH,
    EXIT_BUSY,
    EXIT_OFFLINE,
    EXIT_OK,
    EXIT_SERVER,
    EXIT_USAGE,
    CliError,
)
from icanal_desktop.cli.parser import BILL_STATUSES, SERVER_ENV, build_parser
from icanal_desktop.cli.refreshing import Freshness, freshness
from icanal_desktop.cli.run import main

# The name tests/core/test_cli.py checks `Freshness` through.
_freshness = freshness

__all__ = [
    "BILL_CSV_HEADER",
    "BILL_STATUSES",
    "COMMANDS",
    "DEFAULT_SERVER_URL",
    "EXIT_AUTH",
    "EXIT_BUSY",
    "EXIT_OFFLINE",
    "EXIT_OK",
    "EXIT_SERVER",
    "EXIT_USAGE",
    "SERVER_ENV",
    "CliError",
    "Context",
    "Freshness",
    "build_parser",
    "cmd_bills",
    "cmd_login",
    "cmd_logout",
    "cmd_payments",
    "cmd_status",
    "cmd_sync",
    "freshness",
    "main",
]
