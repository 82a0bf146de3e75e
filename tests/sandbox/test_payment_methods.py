"""Payment methods: tokenization only for cards, IBAN and E.164 checks, masking, default,
and the refusal to remove the last method of an active subscription."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from tests.sandbox.conftest import SECOND, Api, ServerProcess, assert_problem

CARD = {"number": "5555 5555 5555 4444", "exp_month": 8, "exp_year": 2031, "cvc": "737",
        "holder": "INES MARTIN"}  # fmt: skip
VALID_IBAN = "FR76 3000 6000 0112 3456 7890 189"


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"number": "5555 5555 5555 4445"}, "number"),  # Luhn
        ({"number": "6011 0000 0000 0004"}, "number"),  # unsupported brand
        ({"exp_year": 2020}, "exp_year"),  # expired
        ({"exp_month": 13}, "exp_month"),
        ({"cvc": "12"}, "cvc"),
        ({"cvc": 737}, "cvc"),  # a string, never a number
    ],
)
def test_vault_validates_cards(second: Api, change: dict[str, Any], field: str) -> None:
    problem = assert_problem(second.post("/vault/cards", {**CARD, **change}), 422)
    assert problem["errors"][0]["field"] == field


def test_card_numbers_exist_only_in_the_vault_request(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(SECOND[0], SECOND[1])
    vaulted = api.post("/vault/cards", CARD)
    assert vaulted.status_code == 201
    token = vaulted.json()
    assert (token["brand"], token["last4"]) == ("mastercard", "4444")
    assert "5555555555554444" not in vaulted.text
    added = api.post("/payment-methods", {"type": "card", "card": {"token": token["token"]},
                                          "default": True}, idempotent=True)  # fmt: skip
    assert added.status_code == 201
    method = added.json()
    assert method["summary"] == "Mastercard •••• 4444"
    assert method["default"] is True
    listing = api.get("/payment-methods")
    assert "5555 5555" not in listing.text
    assert "5555555555554444" not in listing.text
    assert [m["id"] for m in listing.json()["items"] if m["default"]] == [method["id"]]
    reuse = api.post("/payment-methods", {"type": "card", "card": {"token": token["token"]}},
                     idempotent=True)  # fmt: skip
    assert assert_problem(reuse, 422)["errors"][0]["field"] == "card.token"
    db = fresh_server.db.read_bytes() + fresh_server.db.with_suffix(".db-wal").read_bytes()
    assert b"5555555555554444" not in db


def test_vault_tokens_belong_to_one_account(demo: Api, second: Api) -> None:
    token = second.post("/vault/cards", CARD).json()["token"]
    stolen = demo.post(
        "/payment-methods", {"type": "card", "card": {"token": token}}, idempotent=True
    )
    assert assert_problem(stolen, 422)["errors"][0]["field"] == "card.token"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"type": "sepa_debit", "sepa_debit": {"iban": "FR76 3000 6000 0112 3456 7890 188",
          "holder": "INES MARTIN", "mandate_accepted": True}}, "sepa_debit.iban"),
        ({"type": "sepa_debit", "sepa_debit": {"iban": VALID_IBAN, "holder": "INES MARTIN",
          "mandate_accepted": False}}, "sepa_debit.mandate_accepted"),
        ({"type": "mobile_money", "mobile_money": {"operator": "wave", "msisdn": "0612345678"}},
         "mobile_money.msisdn"),
        ({"type": "mobile_money", "mobile_money": {"operator": "paypal", "msisdn": "+33612345678"}},
         "mobile_money.operator"),
        ({"type": "card", "sepa_debit": {"iban": VALID_IBAN, "holder": "X Y",
          "mandate_accepted": True}}, "card"),
    ],
)  # fmt: skip
def test_methods_are_validated(second: Api, body: dict[str, Any], field: str) -> None:
    problem = assert_problem(second.post("/payment-methods", body, idempotent=True), 422)
    assert problem["errors"][0]["field"] == field


def test_sepa_and_mobile_money_are_masked(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(SECOND[0], SECOND[1])
    details = {"iban": VALID_IBAN, "holder": "INES MARTIN", "mandate_accepted": True}
    body = {"type": "sepa_debit", "sepa_debit": details}
    sepa = api.post("/payment-methods", body, idempotent=True)
    assert sepa.status_code == 201
    assert sepa.json()["sepa_debit"]["iban_masked"].endswith("0189")
    assert "3000 6000" not in sepa.text
    assert sepa.json()["sepa_debit"]["mandate_reference"]
    mobile = api.post("/payment-methods", {"type": "mobile_money", "mobile_money": {
        "operator": "orange_money", "msisdn": "+221771234567"}}, idempotent=True)  # fmt: skip
    assert mobile.status_code == 201
    assert "771234567" not in mobile.text
    assert mobile.json()["mobile_money"]["msisdn_masked"].endswith("67")


def test_set_default_and_remove_until_the_last_one(
    fresh_server: ServerProcess, clients: Callable[..., Api]
) -> None:
    api = clients(fresh_server)
    api.login(SECOND[0], SECOND[1])
    methods = api.get("/payment-methods").json()["items"]
    assert len(methods) == 2
    other = next(m for m in methods if not m["default"])
    made = api.patch(f"/payment-methods/{other['id']}", {"default": True}, idempotent=True)
    assert made.status_code == 200
    assert made.json()["default"] is True
    assert_problem(
        api.patch(f"/payment-methods/{other['id']}", {"default": False}, idempotent=True), 422
    )
    assert [m["id"] for m in api.get("/payment-methods").json()["items"] if m["default"]] == [
        other["id"]
    ]
    assert api.delete(f"/payment-methods/{other['id']}", idempotent=True).status_code == 204
    (last,) = api.get("/payment-methods").json()["items"]
    assert last["default"] is True  # promoted when the default went away
    refused = api.delete(f"/payment-methods/{last['id']}", idempotent=True)
    body = assert_problem(refused, 409)
    assert body["reason"] == "last_method_of_active_subscription"
    assert api.get("/payment-methods").json()["items"] == [last]
