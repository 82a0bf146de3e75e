"""`icanal payments export`: the payment history as a CSV file."""

from __future__ import annotations

from pathlib import Path

from icanal_desktop.cli.context import Context
from icanal_desktop.cli.refreshing import refresh
from icanal_desktop.cli.session import known_account, open_cache
from icanal_desktop.core import exports


def cmd_payments(ctx: Context) -> int:
    known = known_account(ctx)
    cache = open_cache(ctx, known)
    try:
        fresh = refresh(ctx, known, cache)
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
