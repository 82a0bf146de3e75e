"""Object-level authorization: another household's id answers exactly like an id that does
not exist, on every route that takes one; and bodies cannot set read-only fields."""

from __future__ import annotations

import uuid
from typing import Any

import pytest

from tests.sandbox.conftest import Api, assert_problem

Route = tuple[str, str, Any]


def _routes(kind: str, item_id: str, other: dict[str, str]) -> list[Route]:
    """(method, path, body) of every route taking an id of this kind."""
    if kind == "subscription":
        return [
            ("GET", f"/subscriptions/{item_id}", None),
            ("PATCH", f"/subscriptions/{item_id}", {"auto_renew": False}),
            (
                "POST",
                f"/subscriptions/{item_id}/plan-change/preview",
                {"plan_id": other["plan"], "options": []},
            ),
            (
                "POST",
                f"/subscriptions/{item_id}/plan-change",
                {"plan_id": other["plan"], "options": []},
            ),
            ("POST", f"/subscriptions/{item_id}/cancellation/preview", None),
            ("POST", f"/subscriptions/{item_id}/cancellation", {"reason": "other"}),
            ("DELETE", f"/subscriptions/{item_id}/cancellation", None),
        ]
    if kind == "bill":
        return [
            ("GET", f"/bills/{item_id}", None),
            ("GET", f"/bills/{item_id}/pdf", None),
            ("POST", f"/bills/{item_id}/payments", {"payment_method_id": other["method"]}),
        ]
    if kind == "method":
        return [
            ("PATCH", f"/payment-methods/{item_id}", {"default": True}),
            ("DELETE", f"/payment-methods/{item_id}", None),
        ]
    return [
        ("GET", f"/support/tickets/{item_id}", None),
        ("POST", f"/support/tickets/{item_id}/messages", {"message": "Bonjour"}),
    ]


def _call(api: Api, route: Route) -> Any:
    method, path, body = route
    if method == "GET":
        return api.get(path)
    return api.send(method, path, body, key=str(uuid.uuid4()))


def _first_id(api: Api, path: str) -> str:
    items = api.get(path).json()["items"]
    assert items, path
    return str(items[0]["id"])


@pytest.mark.parametrize("kind", ["subscription", "bill", "method", "ticket"])
def test_another_accounts_id_is_exactly_a_missing_id(demo: Api, second: Api, kind: str) -> None:
    lists = {
        "subscription": "/subscriptions",
        "bill": "/bills",
        "method": "/payment-methods",
        "ticket": "/support/tickets",
    }
    theirs = _first_id(second, lists[kind])
    before = second.get(f"{lists[kind]}").json()
    mine = {
        "plan": demo.get("/plans").json()["items"][-1]["id"],
        "method": _first_id(demo, "/payment-methods"),
    }
    missing_id = theirs[:4] + "0" * (len(theirs) - 4)
    for stolen, missing in zip(
        _routes(kind, theirs, mine), _routes(kind, missing_id, mine), strict=True
    ):
        attempt = _call(demo, stolen)
        control = _call(demo, missing)
        assert_problem(attempt, 404)
        assert attempt.status_code == control.status_code, stolen
        assert attempt.json() == control.json(), stolen
        assert attempt.headers["content-type"] == control.headers["content-type"]
    assert second.get(lists[kind]).json() == before  # nothing of theirs changed


def test_lists_only_show_the_callers_items(demo: Api, second: Api) -> None:
    for path in ("/subscriptions", "/bills", "/payments", "/payment-methods", "/support/tickets"):
        mine = {i["id"] for i in demo.get(path, params={"limit": 200}).json()["items"]}
        theirs = {i["id"] for i in second.get(path, params={"limit": 200}).json()["items"]}
        assert mine
        assert theirs
        assert not mine & theirs, path


def test_ids_in_bodies_of_another_account_are_refused_like_missing_ones(
    demo: Api, second: Api
) -> None:
    my_bill = demo.get("/bills", params={"status": "due"}).json()["items"][0]["id"]
    their_method = _first_id(second, "/payment-methods")
    their_bill = _first_id(second, "/bills")
    stolen = demo.post(
        f"/bills/{my_bill}/payments", {"payment_method_id": their_method}, idempotent=True
    )
    missing = demo.post(
        f"/bills/{my_bill}/payments", {"payment_method_id": "pm_0000"}, idempotent=True
    )
    assert assert_problem(stolen, 422) == assert_problem(missing, 422)
    ticket = {"category": "billing", "subject": "Ma facture", "message": "Bonjour"}
    stolen = demo.post("/support/tickets", {**ticket, "bill_id": their_bill}, idempotent=True)
    missing = demo.post("/support/tickets", {**ticket, "bill_id": "bil_0000"}, idempotent=True)
    assert assert_problem(stolen, 422) == assert_problem(missing, 422)


@pytest.mark.parametrize(
    ("method", "path", "body", "field"),
    [
        ("PATCH", "/me", {"id": "acc_x"}, "id"),
        ("PATCH", "/me", {"subscriber_number": "1"}, "subscriber_number"),
        ("PATCH", "/me", {"balance": 0}, "balance"),
        ("PATCH", "/me", {"address": {"line1": "a", "postal_code": "75001", "city": "Paris",
                                      "country": "FR", "verified": True}}, "address.verified"),
        ("POST", "/auth/login", {"login": "a", "password": "b", "account_id": "acc"}, "account_id"),
        ("POST", "/support/tickets", {"category": "other", "subject": "Sujet", "message": "m",
                                      "status": "closed"}, "status"),
        ("POST", "/payment-methods", {"type": "mobile_money", "mobile_money": {
            "operator": "wave", "msisdn": "+221771234567"}, "account_id": "acc"}, "account_id"),
    ],
)  # fmt: skip
def test_unknown_or_read_only_fields_are_422(
    demo: Api, method: str, path: str, body: dict[str, Any], field: str
) -> None:
    before = demo.get("/me").json()
    response = demo.send(method, path, body, key=str(uuid.uuid4()))
    problem = assert_problem(response, 422)
    assert field in [e["field"] for e in problem["errors"]]
    assert demo.get("/me").json() == before


@pytest.mark.parametrize(
    "extra", [{"status": "active"}, {"price": 0}, {"plan_id": "pln_x"}, {"account_id": "a"}]
)
def test_subscription_read_only_fields_are_422(demo: Api, extra: dict[str, Any]) -> None:
    sub = demo.get("/subscriptions").json()["items"][0]
    response = demo.patch(
        f"/subscriptions/{sub['id']}", {"auto_renew": True, **extra}, idempotent=True
    )
    problem = assert_problem(response, 422)
    assert [e["field"] for e in problem["errors"]] == list(extra)
    assert demo.get(f"/subscriptions/{sub['id']}").json()["status"] == sub["status"]


def test_payment_amount_cannot_be_chosen(demo: Api) -> None:
    bill = demo.get("/bills", params={"status": "due"}).json()["items"][0]
    method = _first_id(demo, "/payment-methods")
    body = {"payment_method_id": method, "amount": {"amount": 1, "currency": "EUR"}}
    problem = assert_problem(demo.post(f"/bills/{bill['id']}/payments", body, idempotent=True), 422)
    assert problem["errors"][0]["field"] == "amount"
    assert demo.get(f"/bills/{bill['id']}").json()["status"] == "due"
