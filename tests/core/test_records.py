"""Server data is validated at the boundary: anything malformed is a typed error naming
the resource, never a crash and never a half-understood record."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from icanal_desktop.api import records
from icanal_desktop.api.errors import MalformedResponseError

PROFILE: dict[str, Any] = {
    "id": "acc_1",
    "subscriber_number": "10000001",
    "email": "demo@icanal.example",
    "first_name": "Camille",
    "last_name": "Durand",
    "phone": None,
    "address": {
        "line1": "12 rue des Lilas",
        "line2": None,
        "postal_code": "69003",
        "city": "Lyon",
        "country": "FR",
    },
    "language": "fr",
    "marketing": {"email": True, "sms": False},
}

SUBSCRIPTION: dict[str, Any] = {
    "id": "sub_1",
    "contract_number": "C-2024-0001",
    "plan": {
        "id": "plan_1",
        "name": "Cinéma+",
        "monthly_price": {"amount": 2999, "currency": "EUR"},
    },
    "options": [],
    "status": "active",
    "start_date": "2024-03-01",
    "period": "monthly",
    "renewal_date": "2026-12-01",
    "commitment_end": None,
    "auto_renew": True,
    "decoder_number": "DEC-1",
    "card_number": "CARD-1",
    "next_bill_estimate": {"amount": 2999, "currency": "EUR"},
    "cancellation": None,
}


def test_profile_parses() -> None:
    profile = records.parse_profile(PROFILE)
    assert profile.full_name == "Camille Durand"
    assert profile.address.city == "Lyon"
    assert profile.marketing_email is True


def test_subscription_parses_dates_and_money() -> None:
    sub = records.parse_subscription(SUBSCRIPTION)
    assert sub.renewal_date == dt.date(2026, 12, 1)
    assert sub.plan.monthly_price == records.Money(2999, "EUR")
    assert sub.commitment_end is None


@pytest.mark.parametrize(
    ("path", "value", "reason"),
    [
        (("email",), None, "'email'"),
        (("address", "city"), 42, "'city'"),
        (("marketing", "sms"), "no", "'sms'"),
    ],
)
def test_profile_with_wrong_field_names_the_resource(
    path: tuple[str, ...], value: object, reason: str
) -> None:
    data = copy.deepcopy(PROFILE)
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    with pytest.raises(MalformedResponseError) as caught:
        records.parse_profile(data)
    assert caught.value.resource.startswith("profile")
    assert reason in caught.value.reason


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("status", "zombie"),
        ("start_date", "01/03/2024"),
        ("auto_renew", 1),
        ("plan", {"id": "p", "name": "x", "monthly_price": {"amount": 29.99, "currency": "EUR"}}),
        ("plan", {"id": "p", "name": "x", "monthly_price": {"amount": True, "currency": "EUR"}}),
    ],
)
def test_malformed_subscription_is_refused(key: str, value: object) -> None:
    data = copy.deepcopy(SUBSCRIPTION)
    data[key] = value
    with pytest.raises(MalformedResponseError):
        records.parse_subscription(data)


def test_missing_field_is_refused() -> None:
    data = copy.deepcopy(SUBSCRIPTION)
    del data["decoder_number"]
    with pytest.raises(MalformedResponseError, match="decoder_number"):
        records.parse_subscription(data)


def test_not_an_object_is_refused() -> None:
    with pytest.raises(MalformedResponseError):
        records.parse_profile(["not", "an", "object"])


def test_tokens_never_show_in_repr() -> None:
    tokens = records.parse_tokens(
        {
            "access_token": "secret-a",
            "refresh_token": "secret-r",
            "expires_in": 900,
            "account_id": "a",
        }
    )
    assert "secret" not in repr(tokens)
