"""Support: open a request, answer one, the chat, a ticket's messages on demand."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from typing import TYPE_CHECKING

from icanal_desktop.core import actions
from icanal_desktop.core.domain import catalog
from icanal_desktop.gui.operations.base import Query, Request
from icanal_desktop.gui.operations.outcomes import unchanged

if TYPE_CHECKING:
    from icanal_desktop.core.cache import AccountCache


def _digest(*parts: str) -> str:
    """Names a message by its content without holding it (request names reach logs)."""
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()[:16]


def create_ticket(
    category: str, subject: str, message: str, bill_id: str | None = None
) -> Request[catalog.TicketThread]:
    """The same request (same words, same bill) sent again after a lost answer is the
    same action, with the same key: it never opens a second request."""
    return Request(
        "new-ticket",
        (_digest(category, subject, message, bill_id or ""),),
        lambda client, cache, key: actions.create_ticket(
            client, cache, category, subject, message, bill_id, idempotency_key=key
        ),
    )


def reply(ticket_id: str, message: str) -> Request[catalog.TicketThread]:
    return Request(
        "ticket-reply",
        (ticket_id, _digest(message)),
        lambda client, cache, key: actions.reply_to_ticket(
            client, cache, ticket_id, message, idempotency_key=key
        ),
    )


def ticket_thread(ticket_id: str) -> Request[catalog.TicketThread]:
    """A ticket's messages: the kept ones, else fetched and kept."""
    return Request(
        "ticket-thread",
        (ticket_id,),
        lambda client, cache, _key: unchanged(actions.ticket_thread(client, cache, ticket_id)),
    )


def refresh(names: Iterable[str]) -> Request[None]:
    """Fetches these resources again (the tickets, while a chat awaits its answer)."""
    wanted = tuple(names)
    return Request(
        "refresh", wanted, lambda client, cache, _key: actions.refresh(client, cache, wanted)
    )


def kept_thread(ticket_id: str) -> Query[catalog.TicketThread | None]:
    return Query(f"thread:{ticket_id}", lambda cache: cache.ticket_thread(ticket_id))


def kept_thread_and_bill(ticket_id: str) -> Query[tuple[catalog.TicketThread | None, str | None]]:
    """A ticket's messages and the number of the bill it is about (its id when the bill
    is not kept), when it names one."""

    def read(cache: AccountCache) -> tuple[catalog.TicketThread | None, str | None]:
        thread = cache.ticket_thread(ticket_id)
        bill_id = thread.ticket.bill_id if thread else None
        bill = cache.item_payloads("bills").get(bill_id) if bill_id else None
        return thread, (str(bill.get("number")) if isinstance(bill, dict) else bill_id)

    return Query(f"thread-and-bill:{ticket_id}", read)


def open_chat(subject: str) -> Query[catalog.TicketThread | None]:
    """The latest open chat conversation (a ticket with this subject), from the cache."""

    def read(cache: AccountCache) -> catalog.TicketThread | None:
        chats = [t for t in cache.tickets() if t.subject == subject and t.is_open]
        if not chats:
            return None
        return cache.ticket_thread(max(chats, key=lambda t: t.updated_at).id)

    return Query("chat", read)


def tickets() -> Query[list[catalog.Ticket]]:
    return Query("tickets", lambda cache: cache.tickets())


def faq(query: str = "") -> Query[list[catalog.FaqEntry]]:
    return Query("faq", lambda cache: cache.faq(query))


def contact() -> Query[catalog.Contact | None]:
    return Query("contact", lambda cache: cache.contact())
