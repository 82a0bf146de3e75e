"""FAQ, contact, tickets with threads, and the agent that answers from the FAQ."""

from __future__ import annotations

from collections.abc import Callable

from tests.sandbox.conftest import SECOND, Api, ServerProcess, assert_problem


def test_faq_and_contact_need_no_sign_in(
    server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(server)
    everything = api.get("/support/faq").json()["items"]
    assert len(everything) >= 10
    found = api.get("/support/faq", params={"q": "resilier"}).json()["items"]  # without accent
    assert found
    assert all("résili" in (f["question"] + f["answer"]).lower() for f in found)
    assert api.get("/support/faq", params={"q": "zzzz"}).json()["items"] == []
    paged = api.get("/support/faq", params={"limit": 3}).json()
    assert len(paged["items"]) == 3
    rest = api.get("/support/faq", params={"limit": 200, "cursor": paged["next_cursor"]}).json()
    assert [f["id"] for f in paged["items"] + rest["items"]] == [f["id"] for f in everything]
    contact = api.get("/support/contact").json()
    assert contact["phone"]
    assert contact["email"]
    assert contact["hours"]


def test_ticket_thread_with_agent_answers(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(SECOND[0], SECOND[1])
    bill = api.get("/bills").json()["items"][0]["id"]
    created = api.post("/support/tickets", {"category": "billing", "subject": "Problème de facture",
                       "message": "Ma facture est plus élevée ce mois-ci, pourquoi ?",
                       "bill_id": bill}, idempotent=True)  # fmt: skip
    assert created.status_code == 201
    ticket = created.json()
    assert ticket["bill_id"] == bill
    assert ticket["status"] == "answered"
    assert [m["author"] for m in ticket["messages"]] == ["customer", "agent"]
    assert "prorata" in ticket["messages"][1]["body"]
    reply = api.post(f"/support/tickets/{ticket['id']}/messages",
                     {"message": "Et pour mon décodeur qui affiche carte non reconnue ?"},
                     idempotent=True)  # fmt: skip
    assert reply.status_code == 201
    thread = api.get(f"/support/tickets/{ticket['id']}").json()
    assert [m["author"] for m in thread["messages"]] == ["customer", "agent"] * 2
    assert "carte" in thread["messages"][3]["body"].lower()
    assert thread["message_count"] == 4
    assert api.get("/support/tickets").json()["items"][0]["id"] == ticket["id"]
    bad = {"category": "fun", "subject": "abc", "message": "m"}
    assert_problem(api.post("/support/tickets", bad, idempotent=True), 422)


def test_chat_agent(second: Api) -> None:
    known = second.post("/support/chat", {"message": "J'ai oublié mon mot de passe"}).json()
    assert known["faq_id"]
    assert "code" in known["answer"]
    unknown = second.post("/support/chat", {"message": "Quel temps fait-il ?"}).json()
    assert unknown["faq_id"] is None
    assert "conseiller" in unknown["answer"]
