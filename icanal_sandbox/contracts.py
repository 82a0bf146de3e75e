"""Subscriptions as a subscriber sees them, and the transitions that time brings about.

Time-driven changes (a cancellation taking effect, a downgrade at renewal, a contract
left to expire) are applied lazily, when a subscription is read, against the server's
clock: the sandbox has no scheduler, yet never shows a stale status.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from icanal_sandbox.dates import next_anniversary
from icanal_sandbox.ids import new_id
from icanal_sandbox.schemas import Money, money

Status = Literal["active", "pending_cancellation", "cancelled", "suspended"]
CancelReason = Literal["too_expensive", "moving", "not_enough_content", "technical_issues", "other"]


class PlanRef(BaseModel):
    id: str
    name: str
    monthly_price: Money


class OptionRef(BaseModel):
    id: str
    name: str
    monthly_price: Money


class Cancellation(BaseModel):
    requested_at: str = Field(description="UTC datetime.")
    effective_date: str
    reason: CancelReason
    comment: str | None
    early_termination_fee: Money


class PendingPlanChange(BaseModel):
    plan: PlanRef
    options: list[OptionRef]
    effective_date: str


class SubscriptionEvent(BaseModel):
    at: str = Field(description="UTC datetime.")
    kind: str
    detail: str


class Subscription(BaseModel):
    id: str
    contract_number: str
    plan: PlanRef
    options: list[OptionRef]
    status: Status
    start_date: str
    period: Literal["monthly"]
    renewal_date: str | None
    commitment_end: str | None
    end_date: str | None = Field(
        description="When the contract ends: cancellation date, or expiry without auto-renew."
    )
    auto_renew: bool
    decoder_number: str
    card_number: str
    next_bill_estimate: Money | None
    cancellation: Cancellation | None
    pending_plan_change: PendingPlanChange | None


class SubscriptionDetail(Subscription):
    events: list[SubscriptionEvent]


def add_event(conn: sqlite3.Connection, sub_id: str, at: str, kind: str, detail: str) -> None:
    conn.execute(
        "INSERT INTO subscription_events (id, subscription_id, at, kind, detail)"
        " VALUES (?, ?, ?, ?, ?)",
        (new_id("evt"), sub_id, at, kind, detail),
    )


def settle(conn: sqlite3.Connection, sub_id: str, today: date) -> None:
    """Apply every transition that is due by `today` (idempotent)."""
    row = conn.execute("SELECT * FROM subscriptions WHERE id = ?", (sub_id,)).fetchone()
    iso_today = today.isoformat()
    change = conn.execute(
        "SELECT * FROM pending_plan_changes WHERE subscription_id = ?", (sub_id,)
    ).fetchone()
    if change is not None and change["effective_date"] <= iso_today:
        apply_plan(conn, sub_id, str(change["plan_id"]), json.loads(change["option_ids"]))
        conn.execute("DELETE FROM pending_plan_changes WHERE subscription_id = ?", (sub_id,))
        name = plan_ref(conn, str(change["plan_id"])).name
        at = change["effective_date"] + "T00:00:00Z"
        add_event(conn, sub_id, at, "plan_changed", f"Passage à l'offre {name}")
    ending = row["status"] in ("active", "pending_cancellation") and row["end_date"]
    if ending and row["end_date"] <= iso_today:
        conn.execute(
            "UPDATE subscriptions SET status = 'cancelled', auto_renew = 0 WHERE id = ?",
            (sub_id,),
        )
        conn.execute("DELETE FROM pending_plan_changes WHERE subscription_id = ?", (sub_id,))
        add_event(conn, sub_id, row["end_date"] + "T00:00:00Z", "ended", "Fin du contrat")


def apply_plan(conn: sqlite3.Connection, sub_id: str, plan_id: str, option_ids: list[str]) -> None:
    conn.execute("UPDATE subscriptions SET plan_id = ? WHERE id = ?", (plan_id, sub_id))
    conn.execute("DELETE FROM subscription_options WHERE subscription_id = ?", (sub_id,))
    conn.executemany(
        "INSERT INTO subscription_options (subscription_id, option_id) VALUES (?, ?)",
        [(sub_id, option_id) for option_id in option_ids],
    )


def plan_ref(conn: sqlite3.Connection, plan_id: str) -> PlanRef:
    row = conn.execute(
        "SELECT id, name, monthly_price FROM plans WHERE id = ?", (plan_id,)
    ).fetchone()
    return PlanRef(id=row["id"], name=row["name"], monthly_price=money(row["monthly_price"]))


def option_refs(conn: sqlite3.Connection, option_ids: list[str]) -> list[OptionRef]:
    refs = []
    for option_id in option_ids:
        row = conn.execute(
            "SELECT id, name, monthly_price FROM options WHERE id = ?", (option_id,)
        ).fetchone()
        refs.append(
            OptionRef(id=row["id"], name=row["name"], monthly_price=money(row["monthly_price"]))
        )
    return refs


def current_option_ids(conn: sqlite3.Connection, sub_id: str) -> list[str]:
    rows = conn.execute(
        "SELECT o.id FROM subscription_options so JOIN options o ON o.id = so.option_id"
        " WHERE so.subscription_id = ? ORDER BY o.name",
        (sub_id,),
    ).fetchall()
    return [str(r["id"]) for r in rows]


def monthly_total(conn: sqlite3.Connection, plan_id: str, option_ids: list[str]) -> int:
    total = int(
        conn.execute("SELECT monthly_price FROM plans WHERE id = ?", (plan_id,)).fetchone()[0]
    )
    for option_id in option_ids:
        total += int(
            conn.execute("SELECT monthly_price FROM options WHERE id = ?", (option_id,)).fetchone()[
                0
            ]
        )
    return total


def load_subscription(conn: sqlite3.Connection, sub_id: str, today: date) -> Subscription:
    settle(conn, sub_id, today)
    row = conn.execute("SELECT * FROM subscriptions WHERE id = ?", (sub_id,)).fetchone()
    options = current_option_ids(conn, sub_id)
    status: Status = row["status"]
    live = status in ("active", "pending_cancellation", "suspended")
    renewal = next_anniversary(date.fromisoformat(row["start_date"]), today) if live else None
    end_date: str | None = row["end_date"]
    cancellation = None
    cancel_row = conn.execute(
        "SELECT * FROM cancellations WHERE subscription_id = ?", (sub_id,)
    ).fetchone()
    if cancel_row is not None and status in ("pending_cancellation", "cancelled"):
        cancellation = Cancellation(
            requested_at=cancel_row["requested_at"],
            effective_date=cancel_row["effective_date"],
            reason=cancel_row["reason"],
            comment=cancel_row["comment"],
            early_termination_fee=money(cancel_row["fee"]),
        )
    pending = None
    change = conn.execute(
        "SELECT * FROM pending_plan_changes WHERE subscription_id = ?", (sub_id,)
    ).fetchone()
    estimate_plan, estimate_options = str(row["plan_id"]), options
    if change is not None:
        change_options = list(json.loads(change["option_ids"]))
        pending = PendingPlanChange(
            plan=plan_ref(conn, str(change["plan_id"])),
            options=option_refs(conn, change_options),
            effective_date=change["effective_date"],
        )
        if renewal is not None and change["effective_date"] <= renewal.isoformat():
            estimate_plan, estimate_options = str(change["plan_id"]), change_options
    estimate = None
    if status == "active" and renewal is not None and (end_date is None or end_date > str(renewal)):
        estimate = money(monthly_total(conn, estimate_plan, estimate_options))
    return Subscription(
        id=row["id"],
        contract_number=row["contract_number"],
        plan=plan_ref(conn, str(row["plan_id"])),
        options=option_refs(conn, options),
        status=status,
        start_date=row["start_date"],
        period="monthly",
        renewal_date=renewal.isoformat() if renewal and status != "suspended" else None,
        commitment_end=row["commitment_end"],
        end_date=end_date,
        auto_renew=bool(row["auto_renew"]),
        decoder_number=row["decoder_number"],
        card_number=row["card_number"],
        next_bill_estimate=estimate,
        cancellation=cancellation,
        pending_plan_change=pending,
    )


def load_detail(conn: sqlite3.Connection, sub_id: str, today: date) -> SubscriptionDetail:
    base = load_subscription(conn, sub_id, today)
    events = conn.execute(
        "SELECT at, kind, detail FROM subscription_events WHERE subscription_id = ?"
        " ORDER BY at, rowid",
        (sub_id,),
    ).fetchall()
    return SubscriptionDetail(
        **base.model_dump(),
        events=[SubscriptionEvent(at=e["at"], kind=e["kind"], detail=e["detail"]) for e in events],
    )


def owned_subscription(conn: sqlite3.Connection, account_id: str, sub_id: str) -> bool:
    found = conn.execute(
        "SELECT 1 FROM subscriptions WHERE id = ? AND account_id = ?", (sub_id, account_id)
    ).fetchone()
    return found is not None
