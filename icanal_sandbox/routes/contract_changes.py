"""Changing a contract: auto-renew, plan change with pro rata, cancellation, reactivation."""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Annotated, Literal

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, Field

from icanal_sandbox.billing_math import div_round, pro_rata, split_vat
from icanal_sandbox.clock import iso_z
from icanal_sandbox.contracts import (
    CancelReason,
    OptionRef,
    PlanRef,
    Subscription,
    add_event,
    apply_plan,
    current_option_ids,
    load_subscription,
    monthly_total,
    option_refs,
    plan_ref,
    settle,
)
from icanal_sandbox.dates import add_months, months_between, next_anniversary
from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.idempotency import IdempotencyKeyDep, run_idempotent
from icanal_sandbox.ids import new_id
from icanal_sandbox.payments import Payment, charge, default_method, load_payment
from icanal_sandbox.problems import ProblemError, field_error, not_found
from icanal_sandbox.schemas import PROBLEM_RESPONSES, Money, RequestBody, money
from icanal_sandbox.state import Sandbox

router = APIRouter(prefix="/subscriptions", tags=["subscriptions"], responses=PROBLEM_RESPONSES)

OptionIds = Annotated[list[Annotated[str, Field(max_length=64)]], Field(max_length=20)]


class AutoRenewIn(RequestBody):
    auto_renew: bool


class PlanChangeIn(RequestBody):
    plan_id: Annotated[str, Field(min_length=1, max_length=64)]
    options: OptionIds = Field(default_factory=list, description="Option ids to keep or add.")


class PlanChangePreview(BaseModel):
    plan: PlanRef
    options: list[OptionRef]
    current_monthly_price: Money
    new_monthly_price: Money
    amount_due_now: Money = Field(description="Pro rata for the rest of the current period.")
    effective_date: str
    immediate: bool = Field(description="Upgrades apply at once; downgrades at renewal.")
    new_commitment_end: str | None


class PlanChangeResult(BaseModel):
    subscription: Subscription
    preview: PlanChangePreview
    bill_id: str | None = Field(description="The pro-rata bill, when something was due now.")
    payment: Payment | None


class CancellationPreview(BaseModel):
    earliest_effective_date: str
    early_termination_fee: Money = Field(description="Fee when cancelling at the earliest date.")
    remaining_commitment_months: int
    commitment_end: str | None
    fee_free_date: str = Field(description="Date from which cancelling costs nothing.")
    monthly_price: Money


class CancellationIn(RequestBody):
    reason: CancelReason
    comment: Annotated[str, Field(max_length=1000)] | None = None
    when: Literal["earliest", "end_of_commitment"] = "earliest"


def _load_owned(conn: sqlite3.Connection, account_id: str, sub_id: str, today: date) -> sqlite3.Row:
    row = conn.execute(
        "SELECT * FROM subscriptions WHERE id = ? AND account_id = ?", (sub_id, account_id)
    ).fetchone()
    if row is None:
        raise not_found("subscription")
    settle(conn, sub_id, today)
    return conn.execute("SELECT * FROM subscriptions WHERE id = ?", (sub_id,)).fetchone()  # type: ignore[no-any-return]


def _require_active(row: sqlite3.Row) -> None:
    if row["status"] != "active":
        raise ProblemError(
            409,
            "subscription-not-active",
            f"This subscription is {row['status'].replace('_', ' ')}.",
            extra={"subscription_status": row["status"]},
        )


@router.patch("/{subscription_id}", response_model=Subscription, summary="Turn auto-renew on/off")
def patch_subscription(
    subscription_id: str,
    body: AutoRenewIn,
    caller: CallerDep,
    sandbox: SandboxDep,
    key: IdempotencyKeyDep,
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        today = sandbox.clock.today()
        row = _load_owned(conn, caller.account_id, subscription_id, today)
        _require_active(row)
        end = None
        if not body.auto_renew:
            renewal = next_anniversary(date.fromisoformat(row["start_date"]), today)
            commitment = row["commitment_end"]
            end = max(renewal.isoformat(), commitment or "")
        if bool(row["auto_renew"]) != body.auto_renew:
            conn.execute(
                "UPDATE subscriptions SET auto_renew = ?, end_date = ?, updated_at = ?"
                " WHERE id = ?",
                (int(body.auto_renew), end, iso_z(sandbox.clock.now()), subscription_id),
            )
            detail = "activé" if body.auto_renew else f"désactivé, fin le {end}"
            add_event(
                conn,
                subscription_id,
                iso_z(sandbox.clock.now()),
                "auto_renew_changed",
                f"Renouvellement automatique {detail}",
            )
        return 200, load_subscription(conn, subscription_id, today)

    return run_idempotent(sandbox, caller, key, body, work)


@dataclass
class _Plan:
    preview: PlanChangePreview
    option_ids: list[str]


def _plan_change(
    conn: sqlite3.Connection, row: sqlite3.Row, body: PlanChangeIn, today: date
) -> _Plan:
    _require_active(row)
    plan = conn.execute("SELECT * FROM plans WHERE id = ?", (body.plan_id,)).fetchone()
    if plan is None:
        raise field_error("plan_id", "No such plan.")
    option_ids = sorted(set(body.options))
    for option_id in option_ids:
        if conn.execute("SELECT 1 FROM options WHERE id = ?", (option_id,)).fetchone() is None:
            raise field_error("options", f"No such option: {option_id}.")
    current_options = current_option_ids(conn, row["id"])
    if plan["id"] == row["plan_id"] and option_ids == sorted(current_options):
        raise field_error("plan_id", "This is already your plan with these options.")
    current = monthly_total(conn, row["plan_id"], current_options)
    new = monthly_total(conn, plan["id"], option_ids)
    renewal = next_anniversary(date.fromisoformat(row["start_date"]), today)
    period_start = add_months(renewal, -1)
    commitment_end = row["commitment_end"]
    under_commitment = commitment_end is not None and commitment_end > today.isoformat()
    months = int(plan["commitment_months"])
    if new > current:
        effective, due = (
            today,
            pro_rata(new - current, (renewal - today).days, (renewal - period_start).days),
        )
        new_end = add_months(today, months).isoformat() if months else None
        if under_commitment and (new_end is None or commitment_end > new_end):
            new_end = commitment_end
    else:
        if under_commitment:
            raise ProblemError(
                409,
                "plan-change-not-allowed",
                f"A cheaper plan is possible once the commitment ends, on {commitment_end}.",
                extra={"possible_from": commitment_end},
            )
        effective, due = renewal, 0
        new_end = add_months(renewal, months).isoformat() if months else None
    preview = PlanChangePreview(
        plan=plan_ref(conn, plan["id"]),
        options=option_refs(conn, option_ids),
        current_monthly_price=money(current),
        new_monthly_price=money(new),
        amount_due_now=money(due),
        effective_date=effective.isoformat(),
        immediate=effective == today,
        new_commitment_end=new_end,
    )
    return _Plan(preview, option_ids)


@router.post(
    "/{subscription_id}/plan-change/preview",
    response_model=PlanChangePreview,
    summary="What a plan change would cost and when it would apply",
)
def preview_plan_change(
    subscription_id: str, body: PlanChangeIn, caller: CallerDep, sandbox: SandboxDep
) -> PlanChangePreview:
    today = sandbox.clock.today()
    with sandbox.db.transaction() as conn:
        row = _load_owned(conn, caller.account_id, subscription_id, today)
        return _plan_change(conn, row, body, today).preview


@router.post(
    "/{subscription_id}/plan-change",
    response_model=PlanChangeResult,
    summary="Change plan (idempotent)",
)
def apply_plan_change(
    subscription_id: str,
    body: PlanChangeIn,
    caller: CallerDep,
    sandbox: SandboxDep,
    key: IdempotencyKeyDep,
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        now = sandbox.clock.now()
        today = now.date()
        row = _load_owned(conn, caller.account_id, subscription_id, today)
        change = _plan_change(conn, row, body, today)
        preview = change.preview
        bill_id = payment = None
        if preview.immediate:
            apply_plan(conn, subscription_id, preview.plan.id, change.option_ids)
            conn.execute(
                "UPDATE subscriptions SET commitment_end = ?, updated_at = ? WHERE id = ?",
                (preview.new_commitment_end, iso_z(now), subscription_id),
            )
            conn.execute(
                "DELETE FROM pending_plan_changes WHERE subscription_id = ?", (subscription_id,)
            )
            if preview.amount_due_now.amount > 0:
                bill_id, payment = _bill_pro_rata(conn, sandbox, caller.account_id, row, preview)
        else:
            conn.execute(
                "INSERT OR REPLACE INTO pending_plan_changes (subscription_id, plan_id,"
                " option_ids, effective_date) VALUES (?, ?, ?, ?)",
                (
                    subscription_id,
                    preview.plan.id,
                    json.dumps(change.option_ids),
                    preview.effective_date,
                ),
            )
            conn.execute(
                "UPDATE subscriptions SET commitment_end = ? WHERE id = ?",
                (preview.new_commitment_end or row["commitment_end"], subscription_id),
            )
        add_event(
            conn,
            subscription_id,
            iso_z(now),
            "plan_change_requested",
            f"Passage à l'offre {preview.plan.name} le {preview.effective_date}",
        )
        return 200, PlanChangeResult(
            subscription=load_subscription(conn, subscription_id, today),
            preview=preview,
            bill_id=bill_id,
            payment=payment,
        )

    return run_idempotent(sandbox, caller, key, body, work)


def _bill_pro_rata(
    conn: sqlite3.Connection,
    sandbox: Sandbox,
    account_id: str,
    sub: sqlite3.Row,
    preview: PlanChangePreview,
) -> tuple[str, Payment | None]:
    now = sandbox.clock.now()
    amount = preview.amount_due_now.amount
    excl, tax = split_vat(amount, 2000)
    bill_id = new_id("bil")
    number = conn.execute(
        "SELECT subscriber_number FROM accounts WHERE id = ?", (account_id,)
    ).fetchone()[0]
    count = conn.execute(
        "SELECT count(*) FROM bills WHERE account_id = ?", (account_id,)
    ).fetchone()[0]
    today = now.date().isoformat()
    renewal = next_anniversary(date.fromisoformat(sub["start_date"]), now.date())
    conn.execute(
        "INSERT INTO bills (id, account_id, subscription_id, number, period_start, period_end,"
        " issue_date, due_date, total_excl_tax, tax, total, currency, status, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'EUR', 'due', ?)",
        (
            bill_id,
            account_id,
            sub["id"],
            f"F{number}-{now:%Y%m}-PC{count + 1:04d}",
            today,
            (renewal - timedelta(days=1)).isoformat(),
            today,
            today,
            excl,
            tax,
            amount,
            iso_z(now),
        ),
    )
    conn.execute(
        "INSERT INTO bill_lines (bill_id, position, label, quantity, unit_amount, amount,"
        " tax_rate_bp) VALUES (?, 1, ?, 1, ?, ?, 2000)",
        (
            bill_id,
            f"Passage à l'offre {preview.plan.name} : prorata jusqu'au {renewal}",
            amount,
            amount,
        ),
    )
    method = default_method(conn, account_id)
    if method is None:
        return bill_id, None
    payment_id = charge(
        conn, account_id, method, amount, f"Changement d'offre : {preview.plan.name}", bill_id, now
    )
    payment = load_payment(conn, payment_id)
    conn.execute(
        "UPDATE bills SET status = ? WHERE id = ?",
        ("paid" if payment.status == "succeeded" else "failed", bill_id),
    )
    return bill_id, payment


def _cancellation(conn: sqlite3.Connection, row: sqlite3.Row, today: date) -> CancellationPreview:
    _require_active(row)
    monthly = monthly_total(conn, row["plan_id"], current_option_ids(conn, row["id"]))
    earliest = next_anniversary(date.fromisoformat(row["start_date"]), today)
    commitment_end = row["commitment_end"]
    remaining = 0
    if commitment_end and commitment_end > earliest.isoformat():
        remaining = months_between(earliest, date.fromisoformat(commitment_end))
    # Early termination costs a quarter of the monthly payments left to the commitment end.
    fee = div_round(monthly * remaining, 4)
    return CancellationPreview(
        earliest_effective_date=earliest.isoformat(),
        early_termination_fee=money(fee),
        remaining_commitment_months=remaining,
        commitment_end=commitment_end,
        fee_free_date=max(earliest.isoformat(), commitment_end or ""),
        monthly_price=money(monthly),
    )


@router.post(
    "/{subscription_id}/cancellation/preview",
    response_model=CancellationPreview,
    summary="Earliest date, fee and remaining commitment of a cancellation",
)
def preview_cancellation(
    subscription_id: str, caller: CallerDep, sandbox: SandboxDep
) -> CancellationPreview:
    today = sandbox.clock.today()
    with sandbox.db.transaction() as conn:
        row = _load_owned(conn, caller.account_id, subscription_id, today)
        return _cancellation(conn, row, today)


@router.post(
    "/{subscription_id}/cancellation",
    response_model=Subscription,
    summary="Cancel (idempotent)",
)
def cancel(
    subscription_id: str,
    body: CancellationIn,
    caller: CallerDep,
    sandbox: SandboxDep,
    key: IdempotencyKeyDep,
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        now = sandbox.clock.now()
        row = _load_owned(conn, caller.account_id, subscription_id, now.date())
        preview = _cancellation(conn, row, now.date())
        if body.when == "earliest":
            effective, fee = preview.earliest_effective_date, preview.early_termination_fee.amount
        else:
            effective, fee = preview.fee_free_date, 0
        conn.execute(
            "INSERT OR REPLACE INTO cancellations (subscription_id, reason, comment,"
            " requested_at, effective_date, fee) VALUES (?, ?, ?, ?, ?, ?)",
            (subscription_id, body.reason, body.comment, iso_z(now), effective, fee),
        )
        conn.execute(
            "UPDATE subscriptions SET status = 'pending_cancellation', auto_renew = 0,"
            " end_date = ?, updated_at = ? WHERE id = ?",
            (effective, iso_z(now), subscription_id),
        )
        conn.execute(
            "DELETE FROM pending_plan_changes WHERE subscription_id = ?", (subscription_id,)
        )
        add_event(
            conn,
            subscription_id,
            iso_z(now),
            "cancellation_requested",
            f"Résiliation au {effective}",
        )
        return 200, load_subscription(conn, subscription_id, now.date())

    return run_idempotent(sandbox, caller, key, body, work)


@router.delete(
    "/{subscription_id}/cancellation",
    response_model=Subscription,
    summary="Reactivate before the effective date (idempotent)",
)
def reactivate(
    subscription_id: str, caller: CallerDep, sandbox: SandboxDep, key: IdempotencyKeyDep
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        now = sandbox.clock.now()
        row = _load_owned(conn, caller.account_id, subscription_id, now.date())
        if row["status"] != "pending_cancellation":
            raise ProblemError(
                409,
                "no-pending-cancellation",
                "There is no cancellation to withdraw (it may already have taken effect).",
                extra={"subscription_status": row["status"]},
            )
        conn.execute("DELETE FROM cancellations WHERE subscription_id = ?", (subscription_id,))
        conn.execute(
            "UPDATE subscriptions SET status = 'active', auto_renew = 1, end_date = NULL,"
            " updated_at = ? WHERE id = ?",
            (iso_z(now), subscription_id),
        )
        add_event(conn, subscription_id, iso_z(now), "reactivated", "Résiliation annulée")
        return 200, load_subscription(conn, subscription_id, now.date())

    return run_idempotent(sandbox, caller, key, None, work)
