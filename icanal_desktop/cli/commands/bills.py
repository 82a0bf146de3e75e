"""`icanal bills list` (lines or JSON, by year and status) and `icanal bills export` (a
year's PDFs and CSV, from the archive, or downloaded on demand when online)."""

from __future__ import annotations

import json
from pathlib import Path

from icanal_desktop.cli.context import Context
from icanal_desktop.cli.exits import EXIT_OK, EXIT_SERVER
from icanal_desktop.cli.output import bill_json, money
from icanal_desktop.cli.refreshing import Freshness, refresh
from icanal_desktop.cli.session import known_account, open_cache, restore_client
from icanal_desktop.core import exports
from icanal_desktop.core.accounts import KnownAccount
from icanal_desktop.core.actions import bill_pdf
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing
from icanal_desktop.core.errors import ApiError

BILL_CSV_HEADER = exports.BILL_CSV_HEADER


def cmd_bills(ctx: Context) -> int:
    known = known_account(ctx)
    cache = open_cache(ctx, known)
    try:
        fresh = refresh(ctx, known, cache)
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
        ctx.say(json.dumps([bill_json(b) for b in bills], ensure_ascii=False, indent=1))
        return fresh.code
    if fresh.note:
        ctx.say(fresh.note)
    for bill in bills:
        ctx.say(
            f"{bill.number:<16} {bill.issue_date.isoformat()}  due {bill.due_date.isoformat()}"
            f"  {money(bill.total):>12}  {bill.status}"
        )
    ctx.say(f"{len(bills)} bill(s)")
    return fresh.code


def _bills_export(ctx: Context, known: KnownAccount, cache: AccountCache, fresh: Freshness) -> int:
    year: int = ctx.option("year")
    folder: Path = ctx.option("to")
    bills = cache.bills(year=year)
    if fresh.note:
        ctx.say(fresh.note)
    client: ApiClient | None = None
    if fresh.code == EXIT_OK:
        client = restore_client(ctx, known)

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
