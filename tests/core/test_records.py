"""Server data is validated at the boundary: anything malformed is a typed error naming
the resource, never a crash and never a half-understood record."""

from __future__ import annotations

import copy
import datetime as dt
from typing import Any

import pytest

from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import MalformedResponseError

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


# -- billing, catalog and support records -------------------------------------------------
def test_bill_and_detail_parse_with_lines_and_payments() -> None:
    from icanal_desktop.core.domain import billing

    from . import samples

    detail = {
        **samples.bill(1),
        "amount_due": {"amount": 0, "currency": "EUR"},
        "lines": [
            {
                "position": 1,
                "label": "Cinéma+",
                "quantity": 1,
                "unit_price": {"amount": 2999, "currency": "EUR"},
                "amount": {"amount": 2999, "currency": "EUR"},
                "tax_rate_bp": 2000,
            }
        ],
        "payments": [samples.payment(1, "bill_000001")],
        "pdf_path": "/api/v1/bills/bill_000001/pdf",
    }
    parsed = billing.parse_bill_detail(detail)
    assert parsed.bill.number == "F-2025-000001"
    assert parsed.bill.amount_due == records.Money(0, "EUR")
    assert parsed.lines[0].unit_price.amount == 2999
    assert parsed.payments[0].created_at.tzinfo is not None
    broken = copy.deepcopy(detail)
    broken["lines"][0]["quantity"] = "one"
    with pytest.raises(MalformedResponseError) as caught:
        billing.parse_bill_detail(broken)
    assert caught.value.resource == "bill detail.lines"


def test_a_payment_method_with_an_unmasked_number_is_refused() -> None:
    from icanal_desktop.core.domain import billing

    sepa: dict[str, Any] = {
        "id": "pm_1",
        "type": "sepa_debit",
        "default": False,
        "summary": "SEPA",
        "expires_soon": False,
        "created_at": "2024-01-01T00:00:00Z",
        "card": None,
        "sepa_debit": {
            "iban_masked": "FR76 •••• •••• •••• •••• •••• 189",
            "holder": "C D",
            "mandate_reference": "RUM-1",
            "mandate_date": "2024-01-01",
        },
        "mobile_money": None,
    }
    assert billing.parse_payment_method(sepa).iban_masked is not None
    leaked = copy.deepcopy(sepa)
    leaked["sepa_debit"]["iban_masked"] = "FR7630006000011234567890189"
    with pytest.raises(MalformedResponseError, match="not masked"):
        billing.parse_payment_method(leaked)


def test_card_expiry_is_the_end_of_its_month() -> None:
    from icanal_desktop.core.domain.billing import PaymentMethod

    card = PaymentMethod("pm", "card", True, "Visa", exp_month=12, exp_year=2026)
    assert not card.expires_before(dt.date(2026, 12, 31))
    assert card.expires_before(dt.date(2027, 1, 1))


def test_ticket_thread_and_previews_parse() -> None:
    from icanal_desktop.core.domain import catalog

    ticket = {
        "id": "tkt_1",
        "number": "T-1",
        "category": "billing",
        "subject": "Facture",
        "status": "answered",
        "bill_id": None,
        "created_at": "2026-01-01T10:00:00Z",
        "updated_at": "2026-01-02T10:00:00Z",
        "message_count": 1,
        "messages": [
            {"id": "m1", "author": "agent", "body": "Bonjour", "created_at": "2026-01-02T10:00:00Z"}
        ],
    }
    thread = catalog.parse_ticket_thread(ticket)
    assert thread.ticket.is_open
    assert thread.messages[0].author == "agent"
    preview = catalog.parse_cancellation_preview(
        {
            "earliest_effective_date": "2026-12-31",
            "early_termination_fee": {"amount": 12000, "currency": "EUR"},
            "remaining_commitment_months": 3,
            "commitment_end": "2027-03-01",
            "fee_free_date": "2027-03-01",
            "monthly_price": {"amount": 3999, "currency": "EUR"},
        }
    )
    assert preview.early_termination_fee.amount == 12000
    with pytest.raises(MalformedResponseError, match="cancellation preview"):
        catalog.parse_cancellation_preview({"earliest_effective_date": "soon"})
