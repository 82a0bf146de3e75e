"""Support actions: opening a ticket (about a bill or not), a ticket's thread (from the
cache when kept, else fetched), replying to it, and one question to the chat agent."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from icanal_desktop.core.actions.outcome import Outcome, action_key, resync
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import catalog
from icanal_desktop.core.errors import MalformedResponseError
from icanal_desktop.core.sync import fetch_ticket_thread


def ticket_thread(client: ApiClient, cache: AccountCache, ticket_id: str) -> catalog.TicketThread:
    """A ticket's messages: from the cache when kept, else fetched (and kept)."""
    kept = cache.ticket_thread(ticket_id)
    return kept if kept is not None else fetch_ticket_thread(client, cache, ticket_id)


def create_ticket(
    client: ApiClient,
    cache: AccountCache,
    category: str,
    subject: str,
    message: str,
    bill_id: str | None = None,
    *,
    idempotency_key: str | None = None,
) -> Outcome[catalog.TicketThread]:
    body: dict[str, Any] = {"category": category, "subject": subject, "message": message}
    if bill_id is not None:
        body["bill_id"] = bill_id
    data = client.send_json(
        "POST", "/support/tickets", "ticket", body, idempotency_key=action_key(idempotency_key)
    )
    thread = catalog.parse_ticket_thread(data)
    return Outcome(thread, resync(client, cache, ["tickets"]))


def reply_to_ticket(
    client: ApiClient,
    cache: AccountCache,
    ticket_id: str,
    message: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[catalog.TicketThread]:
    data = client.send_json(
        "POST",
        f"/support/tickets/{ticket_id}/messages",
        "ticket message",
        {"message": message},
        idempotency_key=action_key(idempotency_key),
    )
    thread = catalog.parse_ticket_thread(data)
    return Outcome(thread, resync(client, cache, ["tickets"]))


@dataclass(frozen=True)
class ChatAnswer:
    answer: str
    faq_id: str | None  # the FAQ entry the agent answered from, if any


def ask_chat(client: ApiClient, message: str) -> ChatAnswer:
    """One question to the support chat agent (F26); nothing is cached."""
    data = client.send_json("POST", "/support/chat", "chat answer", {"message": message})
    if not isinstance(data, dict) or not isinstance(data.get("answer"), str):
        raise MalformedResponseError("chat answer", "missing field 'answer'")
    faq_id = data.get("faq_id")
    if faq_id is not None and not isinstance(faq_id, str):
        raise MalformedResponseError("chat answer", "field 'faq_id' has the wrong type")
    return ChatAnswer(data["answer"], faq_id)
