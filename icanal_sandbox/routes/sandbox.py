"""Sandbox-only routes (absent with --no-sandbox-routes): the outbox and the clock."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel, Field

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
