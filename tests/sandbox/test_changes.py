"""GET /changes: each kind of write is reported once, whole, as its list route gives it."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import date

from tests.sandbox.changes_tools import (
    TYPES,
    advance_days,
    changed,
    changes,
    decode,
    open_ticket,
    pay,
    updated_ids,
)
from tests.sandbox.conftest import DEMO, SECOND, Api, ServerProcess


def _demo(fresh_server: ServerProcess, clients: Callable[..., Api]) -> Api:
    api = clients(fresh_server)
    api.login(DEMO[0], DEMO[1])
    return api


def test_without_since_only_the_state(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = _demo(fresh_server, clients)
    body = changes(demo)
    assert isinstance(body["state"], str)
    assert body["state"]
    assert body["more"] is False
    assert changed(body) == set()
    assert body["catalog"] == []
    assert decode(body["state"])["seq"] == 0  # the seed is where a client starts, not a change


def test_nothing_changed_answers_every_type_null_and_the_same_state(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = _demo(fresh_server, clients)
    state = changes(demo)["state"]
    for path in ("/me", "/bills", "/subscriptions", "/payments", "/support/tickets"):
        assert demo.get(path).status_code == 200  # reading is not a change
    body = changes(demo, state)
    assert changed(body) == set()
    assert body["catalog"] == []
    assert body["more"] is False
    assert body["state"] == state
    assert changed(changes(demo, body["state"])) == set()


def test_paying_a_bill_reports_the_bill_with_its_payment_and_the_payment(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = _demo(fresh_server, clients)
    bill = demo.get("/bills", params={"status": "overdue"}).json()["items"][0]
    method = demo.get("/payment-methods").json()["items"][0]
    state = changes(demo)["state"]
    payment = pay(demo, bill["id"], method["id"])
    assert payment["status"] == "succeeded"
    body = changes(demo, state)
    assert changed(body) == {"bills", "payments"}
    assert body["bills"]["removed"] == []
    assert body["bills"]["updated"] == [demo.get(f"/bills/{bill['id']}").json()]
    reported = body["bills"]["updated"][0]
    assert reported["status"] == "paid"
    assert reported["amount_due"]["amount"] == 0
    assert payment["id"] in [p["id"] for p in reported["payments"]]
    assert body["payments"] == {"updated": [payment], "removed": []}
    assert changed(changes(demo, body["state"])) == set()


def test_patch_me_reports_the_profile_and_a_same_value_patch_is_no_change(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = _demo(fresh_server, clients)
    state = changes(demo)["state"]
    assert demo.patch("/me", {"first_name": "Camilla"}).status_code == 200
    body = changes(demo, state)
    assert changed(body) == {"profile"}
    assert body["profile"] == demo.get("/me").json()
    assert body["profile"]["first_name"] == "Camilla"
    assert demo.patch("/me", {"first_name": "Camilla"}).status_code == 200
    assert changed(changes(demo, body["state"])) == set()


def test_a_deleted_payment_method_is_removed_and_the_new_default_updated(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = _demo(fresh_server, clients)
    methods = demo.get("/payment-methods").json()["items"]
    default = next(m for m in methods if m["default"])
    state = changes(demo)["state"]
    assert demo.delete(f"/payment-methods/{default['id']}", idempotent=True).status_code == 204
    body = changes(demo, state)
    assert changed(body) == {"payment_methods"}
    assert body["payment_methods"]["removed"] == [default["id"]]
    now = {m["id"]: m for m in demo.get("/payment-methods").json()["items"]}
    assert body["payment_methods"]["updated"] == [m for m in now.values() if m["default"]]


def test_a_ticket_and_a_reply_report_the_ticket_with_its_thread(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = _demo(fresh_server, clients)
    state = changes(demo)["state"]
    ticket = open_ticket(demo)
    body = changes(demo, state)
    assert changed(body) == {"tickets"}
    assert body["tickets"] == {
        "updated": [demo.get(f"/support/tickets/{ticket['id']}").json()],
        "removed": [],
    }
    assert len(body["tickets"]["updated"][0]["messages"]) == 2
    reply = demo.post(
        f"/support/tickets/{ticket['id']}/messages", {"message": "Merci !"}, idempotent=True
    )
    assert reply.status_code == 201
    again = changes(demo, body["state"])
    assert changed(again) == {"tickets"}
    assert again["tickets"]["updated"] == [reply.json()]
    assert len(again["tickets"]["updated"][0]["messages"]) == 4


def test_another_accounts_changes_are_invisible(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = _demo(fresh_server, clients)
    second = clients(fresh_server)
    second.login(SECOND[0], SECOND[1])
    demo_state, second_state = changes(demo)["state"], changes(second)["state"]
    assert second.patch("/me", {"first_name": "Inès-Marie"}).status_code == 200
    ticket = open_ticket(second)
    card = next(m for m in second.get("/payment-methods").json()["items"] if not m["default"])
    assert second.delete(f"/payment-methods/{card['id']}", idempotent=True).status_code == 204
    theirs = changes(second, second_state)
    assert changed(theirs) == {"profile", "tickets", "payment_methods"}
    ours = demo.get("/changes", params={"since": demo_state})
    assert ours.status_code == 200
    assert changed(ours.json()) == set()
    assert ours.json()["catalog"] == []
    for secret in (theirs["profile"]["id"], ticket["id"], card["id"], "Inès-Marie"):
        assert secret not in ours.text


def test_a_day_past_a_due_date_reports_the_overdue_bill_the_subscriptions_and_plans(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    demo = _demo(fresh_server, clients)
    due = demo.get("/bills", params={"status": "due"}).json()["items"]
    assert len(due) == 1
    today = date.fromisoformat(demo.get("/sandbox/clock").json()["now"][:10])
    state = changes(demo)["state"]
    advance_days(demo, (date.fromisoformat(due[0]["due_date"]) - today).days + 1, DEMO)
    body = changes(demo, state)
    assert {"bills", "subscriptions"} <= changed(body)
    assert "plans" in body["catalog"]
    bill = demo.get(f"/bills/{due[0]['id']}").json()
    assert bill["status"] == "overdue"
    assert bill in body["bills"]["updated"]
    subscriptions = demo.get("/subscriptions").json()["items"]
    assert sorted(body["subscriptions"]["updated"], key=lambda s: s["id"]) == sorted(
        subscriptions, key=lambda s: s["id"]
    )
    assert decode(body["state"])["date"] != decode(state)["date"]
    later = changes(demo, body["state"])  # the same day: nothing more to tell
    assert changed(later) == set()
    assert later["catalog"] == []


def test_every_type_can_be_reported(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    """One answer with all six types, each exactly once per id."""
    demo = _demo(fresh_server, clients)
    state = changes(demo)["state"]
    methods = demo.get("/payment-methods").json()["items"]
    bill = demo.get("/bills", params={"status": "overdue"}).json()["items"][0]
    assert demo.patch("/me", {"last_name": "Durand-Morel"}).status_code == 200
    pay(demo, bill["id"], methods[0]["id"])
    pay_again = demo.get("/bills", params={"status": "failed"}).json()["items"][0]
    pay(demo, pay_again["id"], methods[0]["id"])
    open_ticket(demo)
    mobile = next(m for m in methods if m["type"] == "mobile_money")
    assert demo.delete(f"/payment-methods/{mobile['id']}", idempotent=True).status_code == 204
    sub = demo.get("/subscriptions").json()["items"][0]
    patched = demo.patch(f"/subscriptions/{sub['id']}", {"auto_renew": False}, idempotent=True)
    assert patched.status_code == 200
    body = changes(demo, state)
    assert changed(body) == set(TYPES)
    for kind in TYPES[1:]:
        ids = updated_ids(body, kind) + body[kind]["removed"]
        assert len(ids) == len(set(ids)), kind
    assert body["subscriptions"]["updated"] == [patched.json()]
    assert sorted(updated_ids(body, "bills")) == sorted([bill["id"], pay_again["id"]])


def test_catalog_writes_name_the_list_and_update_the_subscriptions_embedding_them(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    """No route writes the catalog: the test writes the server's database, as an operator
    would, and the triggers do the rest."""
    demo = _demo(fresh_server, clients)
    second = clients(fresh_server)
    second.login(SECOND[0], SECOND[1])
    mine = demo.get("/subscriptions").json()["items"][0]
    theirs = {s["id"] for s in second.get("/subscriptions").json()["items"]}
    state = changes(demo)["state"]
    with sqlite3.connect(fresh_server.db, timeout=10) as conn:
        conn.execute("UPDATE faq SET answer = answer || ' (mis à jour)'")
        conn.execute("UPDATE channels SET hd = 1 - hd WHERE number = 1")
    body = changes(demo, state)
    assert changed(body) == set()
    assert body["catalog"] == ["plans", "channels", "faq"]
    state = body["state"]
    with sqlite3.connect(fresh_server.db, timeout=10) as conn:
        conn.execute(
            "UPDATE options SET monthly_price = monthly_price + 100 WHERE id = ?",
            (mine["options"][0]["id"],),
        )
    body = changes(demo, state)
    assert body["catalog"] == ["plans"]
    assert body["subscriptions"]["updated"] == [demo.get("/subscriptions").json()["items"][0]]
    price = body["subscriptions"]["updated"][0]["options"][0]["monthly_price"]["amount"]
    assert price == mine["options"][0]["monthly_price"]["amount"] + 100
    state, second_state = body["state"], changes(second)["state"]
    on_plan = second.get("/subscriptions").json()["items"][0]
    with sqlite3.connect(fresh_server.db, timeout=10) as conn:
        conn.execute("UPDATE plans SET name = name || ' 2' WHERE id = ?", (on_plan["plan"]["id"],))
    body = changes(demo, state)
    assert body["catalog"] == ["plans"]
    assert changed(body) == set()  # another account's subscriptions on that plan: not ours
    reported = updated_ids(changes(second, second_state), "subscriptions")
    assert on_plan["id"] in reported
    assert set(reported) <= theirs
