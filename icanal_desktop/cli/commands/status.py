"""`icanal status`: the account, its plans (price, renewal, commitment), the amount due,
the default payment method, the alerts and the time of the last sync."""

from __future__ import annotations

import datetime as dt

from icanal_desktop.cli.context import Context
from icanal_desktop.cli.output import alert_text, money
from icanal_desktop.cli.refreshing import refresh
from icanal_desktop.cli.session import known_account, open_cache


def cmd_status(ctx: Context) -> int:
    known = known_account(ctx)
    cache = open_cache(ctx, known)
    try:
        fresh = refresh(ctx, known, cache)
        snapshot = cache.snapshot()
        if fresh.note:
            ctx.say(fresh.note)
        profile = snapshot.profile
        ctx.say(f"Account: {profile.full_name if profile else known.label} ({known.login})")
        for sub in snapshot.subscriptions:
            ctx.say(f"Plan: {sub.plan.name} — {money(sub.plan.monthly_price)}/month ({sub.status})")
            if sub.renewal_date:
                days = (sub.renewal_date - dt.date.today()).days
                ctx.say(f"Renewal: {sub.renewal_date.isoformat()} (in {days} days)")
            if sub.commitment_end:
                ctx.say(f"Commitment until: {sub.commitment_end.isoformat()}")
        if snapshot.amount_due is not None and snapshot.amount_due.amount:
            due = snapshot.next_due_date.isoformat() if snapshot.next_due_date else "?"
            overdue = f", {snapshot.overdue_bills} overdue" if snapshot.overdue_bills else ""
            ctx.say(f"Amount due: {money(snapshot.amount_due)} (next due {due}{overdue})")
        else:
            ctx.say("Amount due: nothing")
        method = snapshot.default_payment_method
        if method is not None:
            ctx.say(f"Default payment method: {method.label}")
        for alert in snapshot.alerts:
            ctx.say(f"Alert: {alert_text(alert.kind, alert.params)}")
        last = snapshot.last_sync
        when = last.astimezone().strftime("%Y-%m-%d %H:%M") if last else "never"
        ctx.say(f"Last sync: {when}")
        return fresh.code
    finally:
        cache.close()
