"""Idempotency keys: required, replayed, 422 on another body, 409 while running, per
account, kept at least 24 hours."""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from typing import Any

import httpx

from tests.sandbox.conftest import DEMO, SECOND, Api, ServerProcess, assert_problem


def _due_bill_and_method(api: Api) -> tuple[str, str]:
    bill = api.get("/bills", params={"status": "due"}).json()["items"][0]["id"]
    method = api.get("/payment-methods").json()["items"][0]["id"]
    return bill, method


def _payments_of(api: Api, bill_id: str) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = api.get("/payments", params={"bill_id": bill_id}).json()["items"]
    return items


def test_key_is_required_on_every_write_that_moves_money_or_changes_things(demo: Api) -> None:
    sub = demo.get("/subscriptions").json()["items"][0]["id"]
    bill, method = _due_bill_and_method(demo)
    ticket = demo.get("/support/tickets").json()["items"][0]["id"]
    plan = demo.get("/plans").json()["items"][-1]["id"]
    for method_name, path, body in [
        ("POST", f"/bills/{bill}/payments", {"payment_method_id": method}),
        ("PATCH", f"/subscriptions/{sub}", {"auto_renew": False}),
        ("POST", f"/subscriptions/{sub}/plan-change", {"plan_id": plan, "options": []}),
        ("POST", f"/subscriptions/{sub}/cancellation", {"reason": "other"}),
        ("DELETE", f"/subscriptions/{sub}/cancellation", None),
        ("POST", "/payment-methods", {"type": "mobile_money", "mobile_money": {
            "operator": "wave", "msisdn": "+221771234567"}}),
        ("PATCH", f"/payment-methods/{method}", {"default": True}),
        ("DELETE", f"/payment-methods/{method}", None),
        ("POST", "/support/tickets", {"category": "other", "subject": "Sujet", "message": "m"}),
        ("POST", f"/support/tickets/{ticket}/messages", {"message": "Bonjour"}),
    ]:  # fmt: skip
        body_out = assert_problem(demo.send(method_name, path, body), 400)
        assert body_out["type"].endswith("/idempotency-key-required"), path
    assert demo.get(f"/bills/{bill}").json()["status"] == "due"
    assert demo.get(f"/subscriptions/{sub}").json()["status"] == "active"


def test_same_key_same_body_replays_and_charges_once(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    bill, method = _due_bill_and_method(api)
    key = str(uuid.uuid4())
    first = api.post(f"/bills/{bill}/payments", {"payment_method_id": method}, key=key)
    again = api.post(f"/bills/{bill}/payments", {"payment_method_id": method}, key=key)
    assert first.status_code == again.status_code == 201
    assert first.json() == again.json()
    assert again.headers["idempotent-replayed"] == "true"
    assert [p["id"] for p in _payments_of(api, bill)] == [first.json()["id"]]
    assert api.get(f"/bills/{bill}").json()["status"] == "paid"
    # A new key is a new request: the bill is paid now.
    assert_problem(
        api.post(f"/bills/{bill}/payments", {"payment_method_id": method}, idempotent=True), 409
    )


def test_same_key_different_body_is_422(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    bill, method = _due_bill_and_method(api)
    other = api.get("/payment-methods").json()["items"][1]["id"]
    key = str(uuid.uuid4())
    assert (
        api.post(f"/bills/{bill}/payments", {"payment_method_id": method}, key=key).status_code
        == 201
    )
    body = assert_problem(
        api.post(f"/bills/{bill}/payments", {"payment_method_id": other}, key=key), 422
    )
    assert body["type"].endswith("/idempotency-key-mismatch")
    # Same key on another route is another request too.
    sub = api.get("/subscriptions").json()["items"][0]["id"]
    assert_problem(api.patch(f"/subscriptions/{sub}", {"auto_renew": False}, key=key), 422)
    assert len(_payments_of(api, bill)) == 1


def test_a_refusal_is_replayed_too(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    paid = api.get("/bills", params={"status": "paid"}).json()["items"][0]["id"]
    method = api.get("/payment-methods").json()["items"][0]["id"]
    key = str(uuid.uuid4())
    first = api.post(f"/bills/{paid}/payments", {"payment_method_id": method}, key=key)
    again = api.post(f"/bills/{paid}/payments", {"payment_method_id": method}, key=key)
    assert assert_problem(first, 409) == assert_problem(again, 409)


def test_same_key_while_the_first_is_running_is_409(
    launcher: Callable[..., ServerProcess], clients: Callable[..., Api]
) -> None:
    server = launcher("--faults", "hold_idempotent=1500ms")
    api = clients(server)
    api.login(DEMO[0], DEMO[1])
    bill, method = _due_bill_and_method(api)
    key = str(uuid.uuid4())
    headers = {"Authorization": f"Bearer {api.token}", "Idempotency-Key": key}
    results: list[httpx.Response] = []

    def pay() -> None:
        with httpx.Client(base_url=server.api, timeout=30) as http:
            results.append(
                http.post(
                    f"/bills/{bill}/payments", json={"payment_method_id": method}, headers=headers
                )
            )

    # Whichever claims the key first holds it for 1.5 s: the other one must get a 409.
    threads = [threading.Thread(target=pay) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(r.status_code for r in results) == [201, 409]
    conflict = next(r for r in results if r.status_code == 409)
    assert assert_problem(conflict, 409)["type"].endswith("/idempotency-key-in-use")
    assert int(conflict.headers["retry-after"]) >= 1
    replay = api.post(f"/bills/{bill}/payments", {"payment_method_id": method}, key=key)
    assert replay.status_code == 201
    assert len(_payments_of(api, bill)) == 1


def test_keys_are_scoped_to_the_account(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo, second = clients(fresh_server), clients(fresh_server)
    demo.login(DEMO[0], DEMO[1])
    second.login(SECOND[0], SECOND[1])
    key = "shared-key-0001"
    ticket = {"category": "other", "subject": "Même clé", "message": "Bonjour"}
    mine = demo.post("/support/tickets", ticket, key=key)
    theirs = second.post("/support/tickets", ticket, key=key)
    assert mine.status_code == theirs.status_code == 201
    assert mine.json()["id"] != theirs.json()["id"]
    assert "idempotent-replayed" not in theirs.headers
    assert_problem(second.get(f"/support/tickets/{mine.json()['id']}"), 404)


def test_keys_are_kept_at_least_24_hours(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(SECOND[0], SECOND[1])
    ticket = {"category": "other", "subject": "Clé durable", "message": "Bonjour"}
    first = api.post("/support/tickets", ticket, key="long-lived")
    api.http.post("/sandbox/clock", json={"advance_seconds": 24 * 3600 + 60})
    api.login(SECOND[0], SECOND[1])  # the access token expired meanwhile
    again = api.post("/support/tickets", ticket, key="long-lived")
    assert again.status_code == 201
    assert again.json()["id"] == first.json()["id"]
    assert again.headers["idempotent-replayed"] == "true"
    assert len(api.get("/support/tickets").json()["items"]) == 2  # seeded one + this one


def test_concurrent_payments_with_different_keys_charge_once(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    bill, method = _due_bill_and_method(api)
    results: list[int] = []

    def pay() -> None:
        with httpx.Client(base_url=fresh_server.api, timeout=30) as http:
            response = http.post(
                f"/bills/{bill}/payments",
                json={"payment_method_id": method},
                headers={
                    "Authorization": f"Bearer {api.token}",
                    "Idempotency-Key": str(uuid.uuid4()),
                },
            )
            results.append(response.status_code)

    threads = [threading.Thread(target=pay) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(results) == [201] + [409] * 5
    assert len(_payments_of(api, bill)) == 1
