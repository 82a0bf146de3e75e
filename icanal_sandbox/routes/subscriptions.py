"""Subscriptions: list, detail, auto-renew; plan change and cancellation live beside."""

from __future__ import annotations

from fastapi import APIRouter
from pydantic import BaseModel

from icanal_sandbox.contracts import (
    Subscription,
    SubscriptionDetail,
    load_detail,
    load_subscription,
    owned_subscription,
)
from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.pagination import PageDep, keyset_clause, next_cursor
from icanal_sandbox.problems import not_found
from icanal_sandbox.schemas import PROBLEM_RESPONSES

router = APIRouter(prefix="/subscriptions", tags=["subscriptions"], responses=PROBLEM_RESPONSES)


class SubscriptionPage(BaseModel):
    items: list[Subscription]
    next_cursor: str | None


@router.get("", response_model=SubscriptionPage, summary="The account's subscriptions")
def list_subscriptions(caller: CallerDep, sandbox: SandboxDep, page: PageDep) -> SubscriptionPage:
    clause, params = keyset_clause(page, "start_date", "id")
    today = sandbox.clock.today()
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            f"SELECT id, start_date FROM subscriptions WHERE account_id = ? AND {clause}"  # noqa: S608
            " ORDER BY start_date DESC, id DESC LIMIT ?",
            (caller.account_id, *params, page.limit + 1),
        ).fetchall()
        items = [load_subscription(conn, str(r["id"]), today) for r in rows[: page.limit]]
    return SubscriptionPage(items=items, next_cursor=next_cursor(rows, page, "start_date"))


@router.get("/{subscription_id}", response_model=SubscriptionDetail, summary="One subscription")
def get_subscription(
    subscription_id: str, caller: CallerDep, sandbox: SandboxDep
) -> SubscriptionDetail:
    with sandbox.db.transaction() as conn:
        if not owned_subscription(conn, caller.account_id, subscription_id):
            raise not_found("subscription")
        return load_detail(conn, subscription_id, sandbox.clock.today())
