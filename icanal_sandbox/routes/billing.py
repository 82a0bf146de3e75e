"""Bills (list, detail, PDF), paying a bill, and the payment history."""

from __future__ import annotations

import sqlite3
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from icanal_sandbox.bills import (
    SERVED_SQL,
    STATUS_SQL,
    Bill,
    BillDetail,
    BillStatus,
    bill_model,
    load_bill_detail,
    owned_bill,
    retention_cutoff,
)
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
from icanal_sandbox.problems import ProblemError, field_error
from icanal_sandbox.schemas import PROBLEM_RESPONSES, RequestBody

router = APIRouter(tags=["billing"], responses=PROBLEM_RESPONSES)

Year = Annotated[int | None, Query(ge=2000, le=2100, description="Issue year.")]


class BillExpansion(StrEnum):
    DETAILS = "details"


BillExpand = Annotated[
    BillExpansion | None,
    Query(
        description="`details`: every item is the bill's detail, as GET /bills/{bill_id} "
        "gives it (lines, payments, pdf_path), so a first sync needs no request per bill."
    ),
]


class BillPage(BaseModel):
    # Left to right: an item is a BillDetail when it has a detail's fields, else a Bill
    # (a Bill's fields are a BillDetail's too, so "smart" matching could pick either).
    items: list[Annotated[BillDetail | Bill, Field(union_mode="left_to_right")]] = Field(
        description="Bill items; BillDetail items with `expand=details`."
    )
    next_cursor: str | None


class PaymentPage(BaseModel):
    items: list[Payment]
    next_cursor: str | None


class PayIn(RequestBody):
    payment_method_id: Annotated[str, Field(min_length=1, max_length=64)]


@router.get("/bills", response_model=BillPage, summary="Bills, newest first")
def list_bills(
    caller: CallerDep,
    sandbox: SandboxDep,
    page: PageDep,
    year: Year = None,
    status: Annotated[BillStatus | None, Query()] = None,
    expand: BillExpand = None,
) -> BillPage:
    clause, params = as_named(*keyset_clause(page, "b.issue_date", "b.id"))
    today = sandbox.clock.today()
    params.update(
        today=today.isoformat(),
        account=caller.account_id,
        limit=page.limit + 1,
        cutoff=retention_cutoff(sandbox, today),
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
            f" WHERE b.account_id = :account AND {SERVED_SQL} AND {clause}{filters}"
            " ORDER BY b.issue_date DESC, b.id DESC LIMIT :limit",
            params,
        ).fetchall()
        shown = rows[: page.limit]
        items = (
            [load_bill_detail(conn, r) for r in shown]
            if expand is BillExpansion.DETAILS
            else [bill_model(r) for r in shown]
        )
    return BillPage(items=list(items), next_cursor=next_cursor(rows, page, "issue_date"))


@router.get("/bills/{bill_id}", response_model=BillDetail, summary="A bill with its lines")
def get_bill(bill_id: str, caller: CallerDep, sandbox: SandboxDep) -> BillDetail:
    with sandbox.db.transaction() as conn:
        today = sandbox.clock.today()
        row = owned_bill(conn, caller.account_id, bill_id, today, retention_cutoff(sandbox, today))
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
        row = owned_bill(conn, caller.account_id, bill_id, today, retention_cutoff(sandbox, today))
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
        cutoff = retention_cutoff(sandbox, now.date())
        bill = owned_bill(conn, caller.account_id, bill_id, now.date(), cutoff)
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
