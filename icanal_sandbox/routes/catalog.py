"""The catalog: plans with their channels and current offers, and the channel list."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.pagination import PageDep, keyset_clause, next_cursor
from icanal_sandbox.schemas import PROBLEM_RESPONSES, Money, money

router = APIRouter(tags=["catalog"], responses=PROBLEM_RESPONSES)


class Offer(BaseModel):
    id: str
    title: str
    description: str
    monthly_discount: Money
    duration_months: int
    valid_until: str


class Plan(BaseModel):
    id: str
    name: str
    description: str
    monthly_price: Money
    commitment_months: int = Field(description="0 = no commitment.")
    channel_count: int
    channel_ids: list[str]
    offers: list[Offer]


class PlanOption(BaseModel):
    id: str
    name: str
    description: str
    monthly_price: Money


class Channel(BaseModel):
    id: str
    number: int
    name: str
    category: str
    hd: bool


class PlanPage(BaseModel):
    items: list[Plan]
    next_cursor: str | None
    options: list[PlanOption] = Field(description="Add-ons that any plan can take.")


class ChannelPage(BaseModel):
    items: list[Channel]
    next_cursor: str | None


@router.get("/plans", response_model=PlanPage, summary="Plans, options and current offers")
def list_plans(caller: CallerDep, sandbox: SandboxDep, page: PageDep) -> PlanPage:
    del caller  # signed-in subscribers only; the catalog is the same for everyone
    clause, params = keyset_clause(page, "rank", "id", ascending=True)
    today = sandbox.clock.today().isoformat()
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            f"SELECT * FROM plans WHERE {clause} ORDER BY rank, id LIMIT ?",  # noqa: S608
            (*params, page.limit + 1),
        ).fetchall()
        plans = []
        for row in rows[: page.limit]:
            channel_ids = [
                str(r["id"])
                for r in conn.execute(
                    "SELECT c.id FROM plan_channels pc JOIN channels c ON c.id = pc.channel_id"
                    " WHERE pc.plan_id = ? ORDER BY c.number",
                    (row["id"],),
                )
            ]
            offers = conn.execute(
                "SELECT * FROM offers WHERE plan_id = ? AND valid_until >= ? ORDER BY id",
                (row["id"], today),
            ).fetchall()
            plans.append(
                Plan(
                    id=row["id"],
                    name=row["name"],
                    description=row["description"],
                    monthly_price=money(row["monthly_price"]),
                    commitment_months=row["commitment_months"],
                    channel_count=len(channel_ids),
                    channel_ids=channel_ids,
                    offers=[
                        Offer(
                            id=o["id"],
                            title=o["title"],
                            description=o["description"],
                            monthly_discount=money(o["monthly_discount"]),
                            duration_months=o["duration_months"],
                            valid_until=o["valid_until"],
                        )
                        for o in offers
                    ],
                )
            )
        options = [
            PlanOption(
                id=o["id"],
                name=o["name"],
                description=o["description"],
                monthly_price=money(o["monthly_price"]),
            )
            for o in conn.execute("SELECT * FROM options ORDER BY monthly_price, id")
        ]
    return PlanPage(items=plans, next_cursor=next_cursor(rows, page, "rank"), options=options)


@router.get("/channels", response_model=ChannelPage, summary="Channels by number")
def list_channels(
    caller: CallerDep,
    sandbox: SandboxDep,
    page: PageDep,
    plan_id: Annotated[str | None, Query(max_length=64)] = None,
    category: Annotated[str | None, Query(max_length=64)] = None,
    q: Annotated[str | None, Query(max_length=100, description="Search in names.")] = None,
) -> ChannelPage:
    del caller
    clause, params = keyset_clause(page, "c.number", "c.id", ascending=True)
    filters, extra = "", []
    if plan_id is not None:
        filters += " AND c.id IN (SELECT channel_id FROM plan_channels WHERE plan_id = ?)"
        extra.append(plan_id)
    if category is not None:
        filters += " AND c.category = ?"
        extra.append(category)
    if q:
        filters += " AND lower(c.name) LIKE ? ESCAPE '\\'"
        escaped = q.lower().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        extra.append(f"%{escaped}%")
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            f"SELECT c.* FROM channels c WHERE {clause}{filters}"  # noqa: S608 - fixed fragments
            " ORDER BY c.number, c.id LIMIT ?",
            (*params, *extra, page.limit + 1),
        ).fetchall()
    return ChannelPage(
        items=[
            Channel(
                id=r["id"], number=r["number"], name=r["name"], category=r["category"], hd=r["hd"]
            )
            for r in rows[: page.limit]
        ],
        next_cursor=next_cursor(rows, page, "number"),
    )
