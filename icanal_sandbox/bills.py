"""Bills as a subscriber sees them (list item and detail), and the bills still served.

Shared by the billing routes and GET /changes, so that a bill reads the same everywhere.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import Literal

from pydantic import BaseModel, Field

from icanal_sandbox.payments import PAYMENT_COLUMNS, Payment, payment_model
from icanal_sandbox.problems import not_found
from icanal_sandbox.schemas import Money, money
from icanal_sandbox.state import Sandbox

BillStatus = Literal["paid", "due", "overdue", "failed"]

# "overdue" is not stored: it is a due bill whose due date has passed.
STATUS_SQL = "CASE WHEN b.status = 'due' AND b.due_date < :today THEN 'overdue' ELSE b.status END"
# Bills the provider still serves (see retention_cutoff); :cutoff NULL = all of them.
SERVED_SQL = "(:cutoff IS NULL OR b.issue_date >= :cutoff)"


class Bill(BaseModel):
    id: str
    number: str
    subscription_id: str | None
    period_start: str
    period_end: str
    issue_date: str
    due_date: str
    total_excl_tax: Money
    tax: Money
    total: Money
    amount_due: Money = Field(description="What remains to pay (0 once paid).")
    status: BillStatus


class BillLineOut(BaseModel):
    position: int
    label: str
    quantity: int
    unit_price: Money
    amount: Money
    tax_rate_bp: int = Field(description="VAT rate in basis points (2000 = 20 %).")


class BillDetail(Bill):
    lines: list[BillLineOut]
    payments: list[Payment]
    pdf_path: str


def retention_cutoff(sandbox: Sandbox, today: date) -> str | None:
    """The first issue date still served, or None when every bill is."""
    days = sandbox.bill_retention_days
    return (today - timedelta(days=days)).isoformat() if days else None


def bill_model(row: sqlite3.Row) -> Bill:
    due = 0 if row["effective_status"] == "paid" else int(row["total"])
    return Bill(
        id=row["id"],
        number=row["number"],
        subscription_id=row["subscription_id"],
        period_start=row["period_start"],
        period_end=row["period_end"],
        issue_date=row["issue_date"],
        due_date=row["due_date"],
        total_excl_tax=money(row["total_excl_tax"], row["currency"]),
        tax=money(row["tax"], row["currency"]),
        total=money(row["total"], row["currency"]),
        amount_due=money(due, row["currency"]),
        status=row["effective_status"],
    )


def find_bill(
    conn: sqlite3.Connection, account_id: str, bill_id: str, today: date
) -> sqlite3.Row | None:
    """The account's bill, served or not (with its effective status)."""
    row = conn.execute(
        f"SELECT b.*, {STATUS_SQL} AS effective_status FROM bills b"  # noqa: S608 - constant SQL
        " WHERE b.id = :id AND b.account_id = :account",
        {"today": today.isoformat(), "id": bill_id, "account": account_id},
    ).fetchone()
    return row  # type: ignore[no-any-return]


def owned_bill(
    conn: sqlite3.Connection, account_id: str, bill_id: str, today: date, cutoff: str | None
) -> sqlite3.Row:
    """The account's bill if it is still served; else the same 404 as an unknown bill."""
    row = find_bill(conn, account_id, bill_id, today)
    if row is None or (cutoff is not None and row["issue_date"] < cutoff):
        raise not_found("bill")
    return row


def load_bill_detail(conn: sqlite3.Connection, row: sqlite3.Row) -> BillDetail:
    lines = conn.execute(
        "SELECT * FROM bill_lines WHERE bill_id = ? ORDER BY position", (row["id"],)
    ).fetchall()
    payments = conn.execute(
        f"SELECT {PAYMENT_COLUMNS} FROM payments p LEFT JOIN bills b ON b.id = p.bill_id"  # noqa: S608
        " WHERE p.bill_id = ? ORDER BY p.created_at, p.rowid",
        (row["id"],),
    ).fetchall()
    return BillDetail(
        **bill_model(row).model_dump(),
        lines=[
            BillLineOut(
                position=line["position"],
                label=line["label"],
                quantity=line["quantity"],
                unit_price=money(line["unit_amount"], row["currency"]),
                amount=money(line["amount"], row["currency"]),
                tax_rate_bp=line["tax_rate_bp"],
            )
            for line in lines
        ],
        payments=[payment_model(p) for p in payments],
        pdf_path=f"/api/v1/bills/{row['id']}/pdf",
    )
