"""`icanal sync`: updates the local copy with the remembered session and says what changed,
or what could not be saved."""

from __future__ import annotations

from icanal_desktop.cli.context import Context
from icanal_desktop.cli.refreshing import freshness, sync_with_progress
from icanal_desktop.cli.session import known_account, open_cache, restore_client


def cmd_sync(ctx: Context) -> int:
    known = known_account(ctx)
    cache = open_cache(ctx, known)
    try:
        client = restore_client(ctx, known)
        try:
            report = sync_with_progress(ctx, client, cache)
        finally:
            client.close()
        fresh = freshness(report, cache)
        if fresh.note:
            ctx.warn(fresh.note)
        else:
            changed = ", ".join(report.fetched) or "nothing changed"
            ctx.say(f"Synced: {changed}.")
        return fresh.code
    finally:
        cache.close()
