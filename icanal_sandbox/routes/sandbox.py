"""Sandbox-only routes (absent with --no-sandbox-routes): the outbox, the clock, and the
knobs that let a test put a synced client in front of expired history or old bills."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from icanal_sandbox.changes import expire_history
from icanal_sandbox.clock import iso_z
from icanal_sandbox.deps import SandboxDep
from icanal_sandbox.pagination import PageDep, keyset_clause, next_cursor
from icanal_sandbox.schemas import PROBLEM_RESPONSES, RequestBody

router = APIRouter(prefix="/sandbox", tags=["sandbox"], responses=PROBLEM_RESPONSES)


class Email(BaseModel):
    id: str
    to: str
    subject: str
    body: str
    sent_at: str


class EmailPage(BaseModel):
    items: list[Email]
    next_cursor: str | None


class ClockOut(BaseModel):
    now: str = Field(description="The server's current UTC time.")


class ClockIn(RequestBody):
    advance_seconds: Annotated[int, Field(ge=1, le=10 * 366 * 24 * 3600)]


class BillRetention(BaseModel):
    days: int = Field(description="Bills issued more than this many days ago are not served.")


class BillRetentionIn(RequestBody):
    days: Annotated[int, Field(ge=0, le=36600, description="0 serves every bill.")]


@router.get("/outbox", response_model=EmailPage, summary="Emails the server sent, newest first")
def outbox(
    sandbox: SandboxDep,
    page: PageDep,
    to: Annotated[str | None, Query(max_length=254, description="Only to this address.")] = None,
) -> EmailPage:
    clause, params = keyset_clause(page, "seq", "id")
    filters, extra = "", []
    if to is not None:
        filters, extra = " AND to_address = ?", [to.strip().lower()]
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            f"SELECT * FROM outbox WHERE {clause}{filters}"  # noqa: S608 - fixed fragments
            " ORDER BY seq DESC, id DESC LIMIT ?",
            (*params, *extra, page.limit + 1),
        ).fetchall()
    return EmailPage(
        items=[
            Email(
                id=r["id"],
                to=r["to_address"],
                subject=r["subject"],
                body=r["body"],
                sent_at=r["sent_at"],
            )
            for r in rows[: page.limit]
        ],
        next_cursor=next_cursor(rows, page, "seq"),
    )


@router.get("/clock", response_model=ClockOut, summary="The server's time")
def get_clock(sandbox: SandboxDep) -> ClockOut:
    return ClockOut(now=iso_z(sandbox.clock.now()))


@router.post("/clock", response_model=ClockOut, summary="Move the server's time forward")
def advance_clock(body: ClockIn, sandbox: SandboxDep) -> ClockOut:
    return ClockOut(now=iso_z(sandbox.clock.advance(body.advance_seconds)))


@router.put(
    "/bill-retention",
    response_model=BillRetention,
    summary="Stop serving bills older than N days (0: serve them all)",
)
def set_bill_retention(body: BillRetentionIn, sandbox: SandboxDep) -> BillRetention:
    sandbox.bill_retention_days = body.days
    return BillRetention(days=sandbox.bill_retention_days)


@router.post(
    "/changes/expire",
    status_code=204,
    response_class=Response,
    summary="Forget the change history: every earlier sync state answers 410",
)
def expire_changes(sandbox: SandboxDep) -> Response:
    with sandbox.db.transaction() as conn:
        expire_history(conn)
    return Response(status_code=204)
