"""Bills (list, detail, PDF), paying a bill, and the payment history."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from icanal_sandbox.clock import iso_z
from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.idempotency import IdempotencyKeyDep, run_idempotent
from icanal_sandbox.pagination import PageDep, as_named, keyset_clause, next_cursor
from icanal_sandbox.payments import (
    PAYMENT_COLUMNS,
    Payment,
    charge,
    load_payment,
    payment_model,
    usable_method,
)
from icanal_sandbox.pdf import BillDocument, BillLine, french_date, render_bill
from icanal_sandbox.problems import ProblemError, field_error, not_found
from icanal_sandbox.schemas import PROBLEM_RESPONSES, Money, RequestBody, money

router = APIRouter(tags=["billing"], responses=PROBLEM_RESPONSES)

BillStatus = Literal["paid", "due", "overdue", "failed"]
Year = Annotated[int | None, Query(ge=2000, le=2100, description="Issue year.")]

# "overdue" is not stored: it is a due bill whose due date has passed.
STATUS_SQL = "CASE WHEN b.status = 'due' AND b.due_date < :today THEN 'overdue' ELSE b.status END"


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


class BillPage(BaseModel):
    items: list[Bill]
    next_cursor: str | None


class PaymentPage(BaseModel):
    items: list[Payment]
    next_cursor: str | None


class PayIn(RequestBody):
    payment_method_id: Annotated[str, Field(min_length=1, max_length=64)]


def _bill_model(row: sqlite3.Row) -> Bill:
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


def _owned_bill(
    conn: sqlite3.Connection, account_id: str, bill_id: str, today: date
) -> sqlite3.Row:
    row = conn.execute(
        f"SELECT b.*, {STATUS_SQL} AS effective_status FROM bills b"  # noqa: S608 - constant SQL
        " WHERE b.id = :id AND b.account_id = :account",
        {"today": today.isoformat(), "id": bill_id, "account": account_id},
    ).fetchone()
    if row is None:
        raise not_found("bill")
    return row  # type: ignore[no-any-return]


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
        **_bill_model(row).model_dump(),
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


@router.get("/bills", response_model=BillPage, summary="Bills, newest first")
def list_bills(
    caller: CallerDep,
    sandbox: SandboxDep,
    page: PageDep,
    year: Year = None,
    status: Annotated[BillStatus | None, Query()] = None,
) -> BillPage:
    clause, params = as_named(*keyset_clause(page, "b.issue_date", "b.id"))
    params.update(
        today=sandbox.clock.today().isoformat(), account=caller.account_id, limit=page.limit + 1
    )
    filters = ""
    if year is not None:
        filters += " AND b.issue_date >= :year_start AND b.issue_date < :year_end"
        params.update(year_start=f"{year}-01-01", year_end=f"{year + 1}-01-01")
    if status is not None:
        filters += f" AND ({STATUS_SQL}) = :status"
        params["status"] = status
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            f"SELECT b.*, {STATUS_SQL} AS effective_status FROM bills b"  # noqa: S608 - fixed fragments
            f" WHERE b.account_id = :account AND {clause}{filters}"
            " ORDER BY b.issue_date DESC, b.id DESC LIMIT :limit",
            params,
        ).fetchall()
    return BillPage(
        items=[_bill_model(r) for r in rows[: page.limit]],
        next_cursor=next_cursor(rows, page, "issue_date"),
    )


@router.get("/bills/{bill_id}", response_model=BillDetail, summary="A bill with its lines")
def get_bill(bill_id: str, caller: CallerDep, sandbox: SandboxDep) -> BillDetail:
    with sandbox.db.transaction() as conn:
        row = _owned_bill(conn, caller.account_id, bill_id, sandbox.clock.today())
        return load_bill_detail(conn, row)


@router.get(
    "/bills/{bill_id}/pdf",
    response_class=Response,
    summary="The bill as a PDF document",
    responses={200: {"content": {"application/pdf": {"schema": {"type": "string"}}}}},
)
def get_bill_pdf(bill_id: str, caller: CallerDep, sandbox: SandboxDep) -> Response:
    today = sandbox.clock.today()
    with sandbox.db.transaction() as conn:
        row = _owned_bill(conn, caller.account_id, bill_id, today)
        document = _bill_document(conn, row)
    return Response(
        content=render_bill(document),
        media_type="application/pdf",
        headers={"Content-Disposition": f'inline; filename="facture-{row["number"]}.pdf"'},
    )


def _bill_document(conn: sqlite3.Connection, row: sqlite3.Row) -> BillDocument:
    account = conn.execute("SELECT * FROM accounts WHERE id = ?", (row["account_id"],)).fetchone()
    sub = conn.execute(
        "SELECT contract_number FROM subscriptions WHERE id = ?",
        (row["subscription_id"],),
    ).fetchone()
    lines = conn.execute(
        "SELECT * FROM bill_lines WHERE bill_id = ? ORDER BY position", (row["id"],)
    ).fetchall()
    paid_on = conn.execute(
        "SELECT max(created_at) FROM payments WHERE bill_id = ? AND status = 'succeeded'",
        (row["id"],),
    ).fetchone()[0]
    status_text = {
        "paid": f"Facture acquittée le {french_date(str(paid_on)[:10])}." if paid_on else "",
        "due": f"Montant à régler avant le {french_date(row['due_date'])}.",
        "overdue": f"Facture en retard : échéance du {french_date(row['due_date'])} dépassée.",
        "failed": "Le dernier paiement a échoué : merci de régler cette facture.",
    }[row["effective_status"]] or "Facture acquittée."
    address = [account["address_line1"]]
    if account["address_line2"]:
        address.append(account["address_line2"])
    address.append(f"{account['postal_code']} {account['city']}")
    return BillDocument(
        number=row["number"],
        holder=f"{account['first_name']} {account['last_name']}",
        address_lines=address,
        subscriber_number=account["subscriber_number"],
        contract_number=sub["contract_number"] if sub else "-",
        period_start=row["period_start"],
        period_end=row["period_end"],
        issue_date=row["issue_date"],
        due_date=row["due_date"],
        lines=[
            BillLine(line["label"], line["quantity"], line["unit_amount"], line["amount"])
            for line in lines
        ],
        total_excl_tax=row["total_excl_tax"],
        tax=row["tax"],
        total=row["total"],
        tax_rate_bp=int(lines[0]["tax_rate_bp"]) if lines else 2000,
        status_text=status_text,
    )


@router.post(
    "/bills/{bill_id}/payments",
    status_code=201,
    response_model=Payment,
    summary="Pay a bill now (idempotent)",
)
def pay_bill(
    bill_id: str, body: PayIn, caller: CallerDep, sandbox: SandboxDep, key: IdempotencyKeyDep
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        now = sandbox.clock.now()
        bill = _owned_bill(conn, caller.account_id, bill_id, now.date())
        method = usable_method(conn, caller.account_id, body.payment_method_id)
        if method is None:
            raise field_error("payment_method_id", "No such payment method.")
        if bill["effective_status"] == "paid":
            raise ProblemError(409, "bill-already-paid", "This bill is already paid.")
        payment_id = charge(
            conn,
            caller.account_id,
            method,
            int(bill["total"]),
            f"Paiement de la facture {bill['number']}",
            bill_id,
            now,
        )
        payment = load_payment(conn, payment_id)
        conn.execute(
            "UPDATE bills SET status = ?, updated_at = ? WHERE id = ?",
            ("paid" if payment.status == "succeeded" else "failed", iso_z(now), bill_id),
        )
        return 201, payment

    return run_idempotent(sandbox, caller, key, body, work)


@router.get("/payments", response_model=PaymentPage, summary="Payment history, newest first")
def list_payments(
    caller: CallerDep,
    sandbox: SandboxDep,
    page: PageDep,
    year: Year = None,
    bill_id: Annotated[str | None, Query(max_length=64)] = None,
) -> PaymentPage:
    clause, params = keyset_clause(page, "p.created_at", "p.id")
    filters, extra = "", []
    if year is not None:
        filters += " AND p.created_at >= ? AND p.created_at < ?"
        extra += [f"{year}-01-01", f"{year + 1}-01-01"]
    if bill_id is not None:
        filters += " AND p.bill_id = ?"
        extra.append(bill_id)
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            f"SELECT {PAYMENT_COLUMNS} FROM payments p LEFT JOIN bills b ON b.id = p.bill_id"  # noqa: S608
            f" WHERE p.account_id = ? AND {clause}{filters}"
            " ORDER BY p.created_at DESC, p.id DESC LIMIT ?",
            (caller.account_id, *params, *extra, page.limit + 1),
        ).fetchall()
    return PaymentPage(
        items=[payment_model(r) for r in rows[: page.limit]],
        next_cursor=next_cursor(rows, page, "created_at"),
    )
