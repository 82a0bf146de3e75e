"""Sign-in, /me and /subscriptions: field names the desktop app codes against."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest

from tests.sandbox.conftest import DEMO, HEAVY, SECOND, Api, ServerProcess, assert_problem

DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@pytest.mark.parametrize("who", [DEMO, SECOND, HEAVY], ids=["demo", "second", "heavy"])
@pytest.mark.parametrize("by", ["email", "subscriber_number"])
def test_every_demo_account_signs_in_by_email_and_number(
    server: ServerProcess, clients: Callable[..., Api], who: tuple[str, str, str], by: str
) -> None:
    api = clients(server)
    body = api.login(who[0] if by == "email" else who[2], who[1])
    assert set(body) == {
        "access_token",
        "token_type",
        "expires_in",
        "refresh_token",
        "refresh_expires_in",
        "account_id",
    }
    assert body["token_type"] == "Bearer"
    assert 60 <= body["expires_in"] <= 3600
    me = api.get("/me").json()
    assert me["id"] == body["account_id"]
    assert me["subscriber_number"] == who[2]
    assert me["email"] == who[0]


def test_unknown_login_and_wrong_password_answer_the_same(
    server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(server)
    wrong = api.post("/auth/login", {"login": SECOND[0], "password": "not-it-2026"})
    unknown = api.post("/auth/login", {"login": "nobody@icanal.example", "password": "x"})
    unknown_number = api.post("/auth/login", {"login": "99999999", "password": "x"})
    bodies = [assert_problem(r, 401) for r in (wrong, unknown, unknown_number)]
    assert bodies[0] == bodies[1] == bodies[2]
    assert wrong.headers.get("www-authenticate") == unknown.headers.get("www-authenticate")


def test_me_has_the_agreed_fields(demo: Api) -> None:
    me = demo.get("/me").json()
    assert set(me) == {
        "id",
        "subscriber_number",
        "email",
        "first_name",
        "last_name",
        "phone",
        "address",
        "language",
        "marketing",
    }
    assert (me["first_name"], me["last_name"]) == ("Camille", "Durand")
    assert set(me["address"]) == {"line1", "line2", "postal_code", "city", "country"}
    assert re.fullmatch(r"[A-Z]{2}", me["address"]["country"])
    assert me["language"] in ("fr", "en")
    assert set(me["marketing"]) == {"email", "sms"}
    assert not me["id"].isdigit()


def test_subscriptions_have_the_agreed_fields(demo: Api) -> None:
    page = demo.get("/subscriptions").json()
    assert set(page) == {"items", "next_cursor"}
    assert page["next_cursor"] is None
    (sub,) = page["items"]
    for name in (
        "id",
        "contract_number",
        "plan",
        "options",
        "status",
        "start_date",
        "period",
        "renewal_date",
        "commitment_end",
        "auto_renew",
        "decoder_number",
        "card_number",
        "next_bill_estimate",
        "cancellation",
    ):
        assert name in sub, name
    assert sub["id"].startswith("sub_")
    assert sub["status"] == "active"
    assert sub["period"] == "monthly"
    assert sub["plan"]["name"] == "Cinéma+"
    assert set(sub["plan"]["monthly_price"]) == {"amount", "currency"}
    assert isinstance(sub["plan"]["monthly_price"]["amount"], int)
    assert sub["plan"]["monthly_price"]["currency"] == "EUR"
    assert all(DATE.match(sub[k]) for k in ("start_date", "renewal_date", "commitment_end"))
    assert sub["commitment_end"] > sub["renewal_date"]  # still under commitment
    assert sub["next_bill_estimate"]["amount"] == sub["plan"]["monthly_price"]["amount"] + sum(
        o["monthly_price"]["amount"] for o in sub["options"]
    )
    assert sub["cancellation"] is None


def test_households_are_isolated(demo: Api, second: Api) -> None:
    mine = {s["id"] for s in demo.get("/subscriptions").json()["items"]}
    theirs = {s["id"] for s in second.get("/subscriptions").json()["items"]}
    assert mine
    assert theirs
    assert not mine & theirs
    for sub_id in theirs:
        assert_problem(demo.get(f"/subscriptions/{sub_id}"), 404)
    assert demo.get(f"/subscriptions/{sub_id}").json() == demo.get("/subscriptions/sub_nope").json()


def test_account_routes_need_a_bearer_token(
    server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(server)
    for path in ("/me", "/subscriptions"):
        assert_problem(api.get(path), 401)
        assert_problem(api.get(path, headers={"Authorization": "Bearer at_forged"}), 401)
        assert_problem(api.get(path, headers={"Authorization": "Basic abc"}), 401)


def test_token_in_query_string_is_refused(demo: Api) -> None:
    token = demo.token
    assert token
    anonymous = Api(demo.base)
    try:
        assert_problem(anonymous.get("/me", params={"access_token": token}), 400)
    finally:
        anonymous.close()
