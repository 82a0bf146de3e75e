"""GET /changes: what changed for the signed-in account since a sync state.

A client asks once without `since` for a state, downloads every list, then asks what
changed since its last state: each changed record comes whole, as the list routes give
it, or its id under `removed`; a catalog list that changed is only named (it has ETags).
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from icanal_sandbox.bills import BillDetail, find_bill, load_bill_detail, retention_cutoff
from icanal_sandbox.changes import (
    CATALOG_TYPES,
    MAX_RECORDS,
    CatalogName,
    Collected,
    check_state,
    collect,
    current_state,
    decode_state,
    encode_state,
)
from icanal_sandbox.contracts import Subscription, load_subscription, owned_subscription, settle
from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.methods import PaymentMethod, to_model
from icanal_sandbox.payments import PAYMENT_COLUMNS, Payment, payment_model
from icanal_sandbox.routes.account import Me, load_me
from icanal_sandbox.routes.support import TicketDetail, load_ticket_detail
from icanal_sandbox.schemas import PROBLEM_RESPONSES, Problem

router = APIRouter(tags=["sync"], responses=PROBLEM_RESPONSES)

Removed = Field(description="Ids that no longer exist (or were removed) since the state.")


class SubscriptionChanges(BaseModel):
    updated: list[Subscription] = Field(description="As GET /subscriptions lists them.")
    removed: list[str] = Removed


class BillChanges(BaseModel):
    updated: list[BillDetail] = Field(description="As GET /bills?expand=details lists them.")
    removed: list[str] = Removed


class PaymentChanges(BaseModel):
    updated: list[Payment] = Field(description="As GET /payments lists them.")
    removed: list[str] = Removed


class PaymentMethodChanges(BaseModel):
    updated: list[PaymentMethod] = Field(description="As GET /payment-methods lists them.")
    removed: list[str] = Removed


class TicketChanges(BaseModel):
    updated: list[TicketDetail] = Field(
        description="As GET /support/tickets?expand=messages lists them."
    )
    removed: list[str] = Removed


class Changes(BaseModel):
    state: str = Field(description="Opaque: send it back as `since` next time.")
    more: bool = Field(
        description=f"More than {MAX_RECORDS} records changed: ask again with this state now."
    )
    profile: Me | None = Field(description="As GET /me, when it changed.")
    subscriptions: SubscriptionChanges | None
    bills: BillChanges | None
    payments: PaymentChanges | None
    payment_methods: PaymentMethodChanges | None
    tickets: TicketChanges | None
    catalog: list[CatalogName] = Field(description="Catalog lists to fetch again.")


Since = Annotated[
    str | None,
    Query(
        description="The `state` of an earlier answer; without it, the current state only. "
        "A state that is not one of this server's is a 400; one it can no longer answer "
        "(another database, pruned or expired history) is a 410 `changes-state-expired`."
    ),
]
GONE: dict[int | str, dict[str, Any]] = {
    410: {
        "model": Problem,
        "content": {"application/problem+json": {}},
        "description": "changes-state-expired: sync in full again.",
    }
}


def _bills(
    conn: sqlite3.Connection, account_id: str, ids: list[str], today: date, cutoff: str | None
) -> BillChanges:
    updated, removed = [], []
    for bill_id in ids:
        row = find_bill(conn, account_id, bill_id, today)
        if row is None:
            removed.append(bill_id)
        elif cutoff is None or row["issue_date"] >= cutoff:
            updated.append(load_bill_detail(conn, row))
        # A bill past the retention is no longer served but was not removed: not listed.
    return BillChanges(updated=updated, removed=removed)


def _subscriptions(
    conn: sqlite3.Connection, account_id: str, ids: list[str], today: date
) -> SubscriptionChanges:
    updated, removed = [], []
    for sub_id in ids:
        if owned_subscription(conn, account_id, sub_id):
            updated.append(load_subscription(conn, sub_id, today))
        else:
            removed.append(sub_id)
    return SubscriptionChanges(updated=updated, removed=removed)


def _payments(conn: sqlite3.Connection, account_id: str, ids: list[str]) -> PaymentChanges:
    updated, removed = [], []
    for payment_id in ids:
        row = conn.execute(
            f"SELECT {PAYMENT_COLUMNS} FROM payments p LEFT JOIN bills b ON b.id = p.bill_id"  # noqa: S608
            " WHERE p.id = ? AND p.account_id = ?",
            (payment_id, account_id),
        ).fetchone()
        if row is None:
            removed.append(payment_id)
        else:
            updated.append(payment_model(row))
    return PaymentChanges(updated=updated, removed=removed)


def _methods(
    conn: sqlite3.Connection, account_id: str, ids: list[str], today: date
) -> PaymentMethodChanges:
    updated, removed = [], []
    for method_id in ids:
        # A removed method is only marked deleted: for the client it is gone.
        row = conn.execute(
            "SELECT * FROM payment_methods WHERE id = ? AND account_id = ? AND deleted_at IS NULL",
            (method_id, account_id),
        ).fetchone()
        if row is None:
            removed.append(method_id)
        else:
            updated.append(to_model(row, today))
    return PaymentMethodChanges(updated=updated, removed=removed)


def _tickets(conn: sqlite3.Connection, account_id: str, ids: list[str]) -> TicketChanges:
    updated, removed = [], []
    for ticket_id in ids:
        owned = conn.execute(
            "SELECT 1 FROM tickets WHERE id = ? AND account_id = ?", (ticket_id, account_id)
        ).fetchone()
        if owned is None:
            removed.append(ticket_id)
        else:
            updated.append(load_ticket_detail(conn, ticket_id))
    return TicketChanges(updated=updated, removed=removed)


def _answer(
    conn: sqlite3.Connection,
    account_id: str,
    found: Collected,
    today: date,
    cutoff: str | None,
) -> Changes:
    ids = {kind: list(items) for kind, items in found.records.items()}
    bills = _bills(conn, account_id, ids["bills"], today, cutoff) if ids["bills"] else None
    return Changes(
        state=encode_state(found.state),
        more=found.more,
        profile=load_me(conn, account_id) if ids["profile"] else None,
        subscriptions=(
            _subscriptions(conn, account_id, ids["subscriptions"], today)
            if ids["subscriptions"]
            else None
        ),
        # Null, not empty lists, when every changed bill is past the retention.
        bills=bills if bills is not None and (bills.updated or bills.removed) else None,
        payments=_payments(conn, account_id, ids["payments"]) if ids["payments"] else None,
        payment_methods=(
            _methods(conn, account_id, ids["payment_methods"], today)
            if ids["payment_methods"]
            else None
        ),
        tickets=_tickets(conn, account_id, ids["tickets"]) if ids["tickets"] else None,
        catalog=[name for name in CATALOG_TYPES if name in found.catalog],
    )


@router.get(
    "/changes",
    response_model=Changes,
    summary="What changed since a sync state (at most 500 records an answer)",
    responses=GONE,
)
def get_changes(caller: CallerDep, sandbox: SandboxDep, since: Since = None) -> Changes:
    state = decode_state(since) if since is not None else None
    today = sandbox.clock.today()
    with sandbox.db.transaction() as conn:
        if state is not None:
            check_state(conn, state)
        # Transitions due by today are written (and so logged) before anything is counted.
        for row in conn.execute(
            "SELECT id FROM subscriptions WHERE account_id = ?", (caller.account_id,)
        ).fetchall():
            settle(conn, str(row["id"]), today)
        if state is None:
            return Changes(
                state=encode_state(current_state(conn, today)),
                more=False,
                profile=None,
                subscriptions=None,
                bills=None,
                payments=None,
                payment_methods=None,
                tickets=None,
                catalog=[],
            )
        cutoff = retention_cutoff(sandbox, today)
        found = collect(conn, caller.account_id, state, today, cutoff)
        return _answer(conn, caller.account_id, found, today, cutoff)
