"""Support: FAQ with search, contact details, tickets with threads, and a chat agent."""

from __future__ import annotations

import sqlite3
from enum import StrEnum
from typing import Annotated, Literal

from fastapi import APIRouter, Query
from fastapi.responses import Response
from pydantic import BaseModel, Field

from icanal_sandbox.agent import fold, reply
from icanal_sandbox.clock import iso_z
from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.idempotency import IdempotencyKeyDep, run_idempotent
from icanal_sandbox.ids import new_id
from icanal_sandbox.pagination import PageDep, encode_cursor, keyset_clause, next_cursor
from icanal_sandbox.problems import field_error, not_found
from icanal_sandbox.schemas import PROBLEM_RESPONSES, RequestBody

router = APIRouter(prefix="/support", tags=["support"], responses=PROBLEM_RESPONSES)

Category = Literal["billing", "payment", "technical", "subscription", "other"]
TicketStatus = Literal["open", "answered", "closed"]
Message = Annotated[str, Field(min_length=1, max_length=5000)]


class TicketExpansion(StrEnum):
    MESSAGES = "messages"


TicketExpand = Annotated[
    TicketExpansion | None,
    Query(
        description="`messages`: every item has its thread, as GET /support/tickets/{ticket_id} "
        "gives it."
    ),
]


class FaqEntry(BaseModel):
    id: str
    category: str
    question: str
    answer: str


class FaqPage(BaseModel):
    items: list[FaqEntry]
    next_cursor: str | None


class Contact(BaseModel):
    phone: str
    phone_e164: str
    hours: str
    email: str
    postal_address: str
    chat_available: bool
    response_time: str


class TicketMessage(BaseModel):
    id: str
    author: Literal["customer", "agent"]
    body: str
    created_at: str


class Ticket(BaseModel):
    id: str
    number: str
    category: Category
    subject: str
    status: TicketStatus
    bill_id: str | None
    created_at: str
    updated_at: str
    message_count: int


class TicketDetail(Ticket):
    messages: list[TicketMessage]


class TicketPage(BaseModel):
    # Left to right, as BillPage: a Ticket's fields are a TicketDetail's too.
    items: list[Annotated[TicketDetail | Ticket, Field(union_mode="left_to_right")]] = Field(
        description="Ticket items; TicketDetail items (with `messages`) with `expand=messages`."
    )
    next_cursor: str | None


class TicketIn(RequestBody):
    category: Category
    subject: Annotated[str, Field(min_length=3, max_length=120)]
    message: Message
    bill_id: Annotated[str, Field(max_length=64)] | None = None


class MessageIn(RequestBody):
    message: Message


class ChatIn(RequestBody):
    message: Annotated[str, Field(min_length=1, max_length=2000)]


class ChatAnswer(BaseModel):
    answer: str
    faq_id: str | None


@router.get("/faq", response_model=FaqPage, summary="FAQ, searchable (no sign-in needed)")
def faq(
    sandbox: SandboxDep,
    page: PageDep,
    q: Annotated[str | None, Query(max_length=200, description="Words to look for.")] = None,
) -> FaqPage:
    clause, params = keyset_clause(page, "position", "id", ascending=True)
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            f"SELECT * FROM faq WHERE {clause} ORDER BY position, id",  # noqa: S608
            params,
        ).fetchall()
    if q and q.strip():
        terms = fold(q).split()
        rows = [
            r
            for r in rows
            if all(
                t in fold(f"{r['question']} {r['answer']} {r['keywords']} {r['category']}")
                for t in terms
            )
        ]
    shown = rows[: page.limit]
    more = len(rows) > page.limit
    return FaqPage(
        items=[
            FaqEntry(id=r["id"], category=r["category"], question=r["question"], answer=r["answer"])
            for r in shown
        ],
        next_cursor=encode_cursor(shown[-1]["position"], shown[-1]["id"]) if more else None,
    )


@router.get("/contact", response_model=Contact, summary="How to reach us (no sign-in needed)")
def contact() -> Contact:
    return Contact(
        phone="09 69 39 00 00",
        phone_e164="+33969390000",
        hours="Du lundi au samedi, de 8 h à 21 h (appel non surtaxé)",
        email="aide@icanal.example",
        postal_address="iCanal - Service clients, TSA 40000, 75000 Paris",
        chat_available=True,
        response_time="Réponse écrite sous 24 heures ouvrées",
    )


def _ticket(conn: sqlite3.Connection, row: sqlite3.Row) -> Ticket:
    count = conn.execute(
        "SELECT count(*) FROM ticket_messages WHERE ticket_id = ?", (row["id"],)
    ).fetchone()[0]
    return Ticket(
        id=row["id"],
        number=row["number"],
        category=row["category"],
        subject=row["subject"],
        status=row["status"],
        bill_id=row["bill_id"],
        created_at=row["created_at"],
        updated_at=row["updated_at"],
        message_count=count,
    )


def load_ticket_detail(conn: sqlite3.Connection, ticket_id: str) -> TicketDetail:
    row = conn.execute("SELECT * FROM tickets WHERE id = ?", (ticket_id,)).fetchone()
    messages = conn.execute(
        "SELECT * FROM ticket_messages WHERE ticket_id = ? ORDER BY created_at, rowid",
        (ticket_id,),
    ).fetchall()
    return TicketDetail(
        **_ticket(conn, row).model_dump(),
        messages=[
            TicketMessage(
                id=m["id"], author=m["author"], body=m["body"], created_at=m["created_at"]
            )
            for m in messages
        ],
    )


def _owned_ticket(conn: sqlite3.Connection, account_id: str, ticket_id: str) -> sqlite3.Row:
    row = conn.execute(
        "SELECT * FROM tickets WHERE id = ? AND account_id = ?", (ticket_id, account_id)
    ).fetchone()
    if row is None:
        raise not_found("ticket")
    return row  # type: ignore[no-any-return]


def _post_and_answer(conn: sqlite3.Connection, ticket_id: str, text: str, sandbox_now: str) -> None:
    """The subscriber's message, then the agent's answer a moment later."""
    conn.execute(
        "INSERT INTO ticket_messages (id, ticket_id, author, body, created_at)"
        " VALUES (?, ?, 'customer', ?, ?)",
        (new_id("tmg"), ticket_id, text, sandbox_now),
    )
    answer, _ = reply(conn, text)
    conn.execute(
        "INSERT INTO ticket_messages (id, ticket_id, author, body, created_at)"
        " VALUES (?, ?, 'agent', ?, ?)",
        (new_id("tmg"), ticket_id, answer, sandbox_now),
    )
    conn.execute(
        "UPDATE tickets SET status = 'answered', updated_at = ? WHERE id = ?",
        (sandbox_now, ticket_id),
    )


@router.get("/tickets", response_model=TicketPage, summary="Tickets, latest activity first")
def list_tickets(
    caller: CallerDep, sandbox: SandboxDep, page: PageDep, expand: TicketExpand = None
) -> TicketPage:
    clause, params = keyset_clause(page, "updated_at", "id")
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            f"SELECT * FROM tickets WHERE account_id = ? AND {clause}"  # noqa: S608
            " ORDER BY updated_at DESC, id DESC LIMIT ?",
            (caller.account_id, *params, page.limit + 1),
        ).fetchall()
        shown = rows[: page.limit]
        items = (
            [load_ticket_detail(conn, r["id"]) for r in shown]
            if expand is TicketExpansion.MESSAGES
            else [_ticket(conn, r) for r in shown]
        )
    return TicketPage(items=list(items), next_cursor=next_cursor(rows, page, "updated_at"))


@router.post(
    "/tickets", status_code=201, response_model=TicketDetail, summary="Open a ticket (idempotent)"
)
def create_ticket(
    body: TicketIn, caller: CallerDep, sandbox: SandboxDep, key: IdempotencyKeyDep
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        now = sandbox.clock.now()
        if body.bill_id is not None:
            owned = conn.execute(
                "SELECT 1 FROM bills WHERE id = ? AND account_id = ?",
                (body.bill_id, caller.account_id),
            ).fetchone()
            if owned is None:
                raise field_error("bill_id", "No such bill.")
        count = conn.execute("SELECT count(*) FROM tickets").fetchone()[0]
        ticket_id = new_id("tkt")
        conn.execute(
            "INSERT INTO tickets (id, account_id, number, category, subject, status, bill_id,"
            " created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?, ?)",
            (
                ticket_id,
                caller.account_id,
                f"T-{now.year}-9{count + 1:06d}",
                body.category,
                body.subject.strip(),
                body.bill_id,
                iso_z(now),
                iso_z(now),
            ),
        )
        _post_and_answer(conn, ticket_id, body.message, iso_z(now))
        return 201, load_ticket_detail(conn, ticket_id)

    return run_idempotent(sandbox, caller, key, body, work)


@router.get("/tickets/{ticket_id}", response_model=TicketDetail, summary="A ticket's thread")
def get_ticket(ticket_id: str, caller: CallerDep, sandbox: SandboxDep) -> TicketDetail:
    with sandbox.db.transaction() as conn:
        _owned_ticket(conn, caller.account_id, ticket_id)
        return load_ticket_detail(conn, ticket_id)


@router.post(
    "/tickets/{ticket_id}/messages",
    status_code=201,
    response_model=TicketDetail,
    summary="Reply in a ticket (idempotent)",
)
def post_message(
    ticket_id: str,
    body: MessageIn,
    caller: CallerDep,
    sandbox: SandboxDep,
    key: IdempotencyKeyDep,
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        _owned_ticket(conn, caller.account_id, ticket_id)
        _post_and_answer(conn, ticket_id, body.message, iso_z(sandbox.clock.now()))
        return 201, load_ticket_detail(conn, ticket_id)

    return run_idempotent(sandbox, caller, key, body, work)


@router.post("/chat", response_model=ChatAnswer, summary="Ask the chat agent")
def chat(body: ChatIn, caller: CallerDep, sandbox: SandboxDep) -> ChatAnswer:
    del caller
    with sandbox.db.transaction() as conn:
        answer, faq_id = reply(conn, body.message)
    return ChatAnswer(answer=answer, faq_id=faq_id)
