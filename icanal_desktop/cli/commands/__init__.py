"""The command line's commands, one module each, and `COMMANDS`: which function runs which
command name."""

from __future__ import annotations

from collections.abc import Callable

from icanal_desktop.cli.commands.bills import BILL_CSV_HEADER, cmd_bills
from icanal_desktop.cli.commands.login import cmd_login
from icanal_desktop.cli.commands.logout import cmd_logout
from icanal_desktop.cli.commands.payments import cmd_payments
from icanal_desktop.cli.commands.status import cmd_status
from icanal_desktop.cli.commands.sync import cmd_sync
from icanal_desktop.cli.context import Context

COMMANDS: dict[str, Callable[[Context], int]] = {
    "login": cmd_login,
    "sync": cmd_sync,
    "status": cmd_status,
    "bills": cmd_bills,
    "payments": cmd_payments,
    "logout": cmd_logout,
}

__all__ = [
    "BILL_CSV_HEADER",
    "COMMANDS",
    "cmd_bills",
    "cmd_login",
    "cmd_logout",
    "cmd_payments",
    "cmd_status",
    "cmd_sync",
]
