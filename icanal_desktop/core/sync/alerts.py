"""Changes that matter to a subscriber between two syncs, as alerts for the dashboard."""

from __future__ import annotations

import datetime as dt
from typing import Any

from icanal_desktop.core.cache import Alert
from icanal_desktop.core.sync.common import Context

CARD_EXPIRY_WARNING_DAYS = 60
WATCHED = frozenset({"subscriptions", "plans", "bills", "tickets"})


def _alert(ctx: Context, kind: str, subject: str, key_extra: str, **params: Any) -> Alert:
    key = f"{kind}:{subject}" + (f":{key_extra}" if key_extra else "")
    return Alert(key, kind, subject, params, ctx.now)


def change_alerts(ctx: Context, name: str, old: dict[str, Any], new: dict[str, Any]) -> list[Alert]:
    """Alerts that only a comparison of two copies can see. None on a first sync."""
    if not old:
        return []
    alerts: list[Alert] = []
    if name == "bills":
        for bill_id, payload in new.items():
            if bill_id not in old:
                alerts.append(
                    _alert(
                        ctx,
                        "new_bill",
                        bill_id,
                        "",
                        number=payload["number"],
                        total=payload["total"],
                        due_date=payload["due_date"],
                    )
                )
    elif name == "subscriptions":
        for sub_id, payload in new.items():
            before = old.get(sub_id)
            if before is None or before["plan"]["id"] != payload["plan"]["id"]:
                continue
            old_price = before["plan"]["monthly_price"]["amount"]
            new_price = payload["plan"]["monthly_price"]["amount"]
            if new_price > old_price:
                alerts.append(_price_alert(ctx, payload["plan"], old_price, new_price))
    elif name == "plans":
        subscribed = {s.plan.id for s in ctx.cache.subscriptions() if s.status != "cancelled"}
        channel_names = {c.id: f"{c.number} {c.name}" for c in ctx.cache.channels()}
        for plan_id in subscribed:
            before, after = old.get(plan_id), new.get(plan_id)
            if before is None or after is None:
                continue
            old_price = before["monthly_price"]["amount"]
            new_price = after["monthly_price"]["amount"]
            if new_price > old_price:
                alerts.append(_price_alert(ctx, after, old_price, new_price))
            removed = sorted(set(before["channel_ids"]) - set(after["channel_ids"]))
            if removed:
                alerts.append(
                    _alert(
                        ctx,
                        "channels_removed",
                        plan_id,
                        ",".join(removed),
                        plan=after["name"],
                        channels=[channel_names.get(c, c) for c in removed],
                    )
                )
    return alerts


def _price_alert(ctx: Context, plan: dict[str, Any], old: int, new: int) -> Alert:
    currency = plan["monthly_price"]["currency"]
    return _alert(
        ctx,
        "plan_price_up",
        plan["id"],
        str(new),
        plan=plan["name"],
        old={"amount": old, "currency": currency},
        new={"amount": new, "currency": currency},
    )


def state_alerts(ctx: Context, name: str) -> list[Alert]:
    """Alerts read off the current copy (recorded once each: the key remembers)."""
    alerts: list[Alert] = []
    if name == "bills":
        for bill in ctx.cache.bills(status="overdue"):
            alerts.append(
                _alert(
                    ctx,
                    "bill_overdue",
                    bill.id,
                    "",
                    number=bill.number,
                    total={"amount": bill.total.amount, "currency": bill.total.currency},
                    due_date=bill.due_date.isoformat(),
                )
            )
        for bill in ctx.cache.bills(status="failed"):
            alerts.append(_alert(ctx, "payment_failed", bill.id, "", number=bill.number))
    elif name == "subscriptions":
        for sub in ctx.cache.subscriptions():
            if sub.status == "pending_cancellation" and sub.cancellation is not None:
                effective = sub.cancellation.effective_date.isoformat()
                alerts.append(
                    _alert(
                        ctx,
                        "pending_cancellation",
                        sub.id,
                        effective,
                        plan=sub.plan.name,
                        effective_date=effective,
                    )
                )
    elif name == "payment_methods":
        horizon = ctx.today + dt.timedelta(days=CARD_EXPIRY_WARNING_DAYS)
        for method in ctx.cache.payment_methods():
            if method.type == "card" and method.expires_before(horizon):
                alerts.append(
                    _alert(
                        ctx,
                        "card_expiring",
                        method.id,
                        f"{method.exp_year}-{method.exp_month:02d}",
                        label=method.label,
                        exp_month=method.exp_month,
                        exp_year=method.exp_year,
                    )
                )
    return alerts
