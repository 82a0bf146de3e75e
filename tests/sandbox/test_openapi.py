"""The committed OpenAPI document is the code's: a change to a route must update it."""

from __future__ import annotations

import json

from icanal_sandbox.openapi import COMMITTED, generate, render
from tests.sandbox.conftest import Api

REGENERATE = "the API changed: run `.venv/bin/python -m icanal_sandbox.openapi` and commit"


def test_committed_document_matches_the_code() -> None:
    assert COMMITTED.read_text(encoding="utf-8") == render(generate()), REGENERATE


def test_served_document_is_the_committed_one(demo: Api) -> None:
    served = demo.get("/openapi.json")
    assert served.status_code == 200
    assert served.json() == json.loads(COMMITTED.read_text(encoding="utf-8"))


def test_document_covers_every_route_of_the_contract() -> None:
    paths = json.loads(COMMITTED.read_text(encoding="utf-8"))["paths"]
    expected = {
        ("post", "/auth/login"), ("post", "/auth/refresh"), ("post", "/auth/logout"),
        ("post", "/auth/password-reset"), ("post", "/auth/password-reset/confirm"),
        ("post", "/auth/password"), ("get", "/me"), ("patch", "/me"),
        ("get", "/subscriptions"), ("get", "/subscriptions/{subscription_id}"),
        ("patch", "/subscriptions/{subscription_id}"), ("get", "/plans"), ("get", "/channels"),
        ("post", "/subscriptions/{subscription_id}/plan-change/preview"),
        ("post", "/subscriptions/{subscription_id}/plan-change"),
        ("post", "/subscriptions/{subscription_id}/cancellation/preview"),
        ("post", "/subscriptions/{subscription_id}/cancellation"),
        ("delete", "/subscriptions/{subscription_id}/cancellation"),
        ("get", "/bills"), ("get", "/bills/{bill_id}"), ("get", "/bills/{bill_id}/pdf"),
        ("post", "/bills/{bill_id}/payments"), ("get", "/payments"), ("post", "/vault/cards"),
        ("get", "/payment-methods"), ("post", "/payment-methods"),
        ("patch", "/payment-methods/{method_id}"), ("delete", "/payment-methods/{method_id}"),
        ("get", "/support/faq"), ("get", "/support/contact"), ("get", "/support/tickets"),
        ("post", "/support/tickets"), ("get", "/support/tickets/{ticket_id}"),
        ("post", "/support/tickets/{ticket_id}/messages"), ("get", "/sandbox/outbox"),
        ("get", "/changes"), ("post", "/sandbox/changes/expire"),
        ("put", "/sandbox/bill-retention"),
    }  # fmt: skip
    documented = {
        (method, path.removeprefix("/api/v1")) for path, item in paths.items() for method in item
    }
    assert expected <= documented
    for path, item in paths.items():
        for method, operation in item.items():
            for status, response in operation["responses"].items():
                if status[0] in "45":
                    assert list(response["content"]) == ["application/problem+json"], (path, method)
