"""Helpers for the tests of GET /changes: asking, reading and forging sync states."""

from __future__ import annotations

import base64
import json
import uuid
from typing import Any

from tests.sandbox.conftest import Api

TYPES = ("profile", "subscriptions", "bills", "payments", "payment_methods", "tickets")
DAY_S = 24 * 3600


def changes(api: Api, since: str | None = None) -> dict[str, Any]:
    response = api.get("/changes", params={"since": since} if since is not None else None)
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def changed(body: dict[str, Any]) -> set[str]:
    """The types that are not null in an answer."""
    return {kind for kind in TYPES if body[kind] is not None}


def updated_ids(body: dict[str, Any], kind: str) -> list[str]:
    return [item["id"] for item in (body[kind] or {"updated": []})["updated"]]


def decode(state: str) -> dict[str, Any]:
    """The sandbox's own encoding of a state (opaque to clients, not to its tests)."""
    value: dict[str, Any] = json.loads(base64.urlsafe_b64decode(state + "=" * (-len(state) % 4)))
    return value


def encode(value: Any) -> str:
    raw = json.dumps(value).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def pay(api: Api, bill_id: str, method_id: str) -> dict[str, Any]:
    response = api.post(
        f"/bills/{bill_id}/payments", {"payment_method_id": method_id}, key=str(uuid.uuid4())
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def open_ticket(api: Api, subject: str = "Question sur ma facture") -> dict[str, Any]:
    response = api.post(
        "/support/tickets",
        {"category": "billing", "subject": subject, "message": "Bonjour, une question."},
        idempotent=True,
    )
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    return body


def advance_days(api: Api, days: int, login: tuple[str, str, str]) -> None:
    """Moves the server's clock; signs in again (the access token has expired by then)."""
    response = api.post("/sandbox/clock", {"advance_seconds": days * DAY_S})
    assert response.status_code == 200, response.text
    api.login(login[0], login[1])
