"""Charging a payment method, and payments as the subscriber sees them.

The sandbox's payment provider is simple and predictable: a card whose number ended in
0002 (the classic "declined" test card) or that has expired is refused; every other
method succeeds at once.
"""

from __future__ import annotations

import secrets
import sqlite3
from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, Field

from icanal_sandbox.clock import iso_z
from icanal_sandbox.ids import new_id
from icanal_sandbox.methods import summary_of
from icanal_sandbox.schemas import Money, money

PaymentStatus = Literal["succeeded", "failed", "pending"]


class Payment(BaseModel):
    id: str
    created_at: str = Field(description="UTC datetime.")
    amount: Money
    status: PaymentStatus
    description: str
    method_summary: str = Field(description='Masked, e.g. "Visa •••• 4242".')
    payment_method_id: str | None
    bill_id: str | None
    bill_number: str | None
    reference: str
    failure_reason: str | None


PAYMENT_COLUMNS = (
    "p.id, p.created_at, p.amount, p.currency, p.status, p.description, p.method_summary,"
    " p.payment_method_id, p.bill_id, b.number AS bill_number, p.reference, p.failure_reason"
)


def payment_model(row: sqlite3.Row) -> Payment:
    return Payment(
        id=row["id"],
        created_at=row["created_at"],
        amount=money(row["amount"], row["currency"]),
        status=row["status"],
        description=row["description"],
        method_summary=row["method_summary"],
        payment_method_id=row["payment_method_id"],
        bill_id=row["bill_id"],
        bill_number=row["bill_number"],
        reference=row["reference"],
        failure_reason=row["failure_reason"],
    )


def load_payment(conn: sqlite3.Connection, payment_id: str) -> Payment:
    row = conn.execute(
        f"SELECT {PAYMENT_COLUMNS} FROM payments p LEFT JOIN bills b ON b.id = p.bill_id"  # noqa: S608
        " WHERE p.id = ?",
        (payment_id,),
    ).fetchone()
    return payment_model(row)


def usable_method(conn: sqlite3.Connection, account_id: str, method_id: str) -> sqlite3.Row | None:
    row = conn.execute(
        "SELECT * FROM payment_methods WHERE id = ? AND account_id = ? AND deleted_at IS NULL",
        (method_id, account_id),
    ).fetchone()
    return row  # type: ignore[no-any-return]


def default_method(conn: sqlite3.Connection, account_id: str) -> sqlite3.Row | None:
    row = conn.execute(
        "SELECT * FROM payment_methods WHERE account_id = ? AND deleted_at IS NULL"
        " ORDER BY is_default DESC, created_at LIMIT 1",
        (account_id,),
    ).fetchone()
    return row  # type: ignore[no-any-return]


def _refusal(conn: sqlite3.Connection, method: sqlite3.Row, today: date) -> str | None:
    if method["type"] != "card":
        return None
    if (int(method["exp_year"]), int(method["exp_month"])) < (today.year, today.month):
        return "Carte expirée."
    declines = conn.execute(
        "SELECT declines FROM vault_cards WHERE token = ?", (method["vault_token"],)
    ).fetchone()
    if declines is not None and declines["declines"]:
        return "Paiement refusé par la banque émettrice."
    return None


def charge(
    conn: sqlite3.Connection,
    account_id: str,
    method: sqlite3.Row,
    amount: int,
    description: str,
    bill_id: str | None,
    now: datetime,
) -> str:
    """Records one payment attempt; returns its id (status succeeded or failed)."""
    reason = _refusal(conn, method, now.date())
    payment_id = new_id("pay")
    conn.execute(
        "INSERT INTO payments (id, account_id, bill_id, payment_method_id, method_summary,"
        " description, amount, currency, status, failure_reason, reference, created_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, 'EUR', ?, ?, ?, ?)",
        (
            payment_id,
            account_id,
            bill_id,
            method["id"],
            summary_of(method),
            description,
            amount,
            "failed" if reason else "succeeded",
            reason,
            f"PAY-{now:%Y%m}-{secrets.token_hex(3).upper()}",
            iso_z(now),
        ),
    )
    return payment_id
