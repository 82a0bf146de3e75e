"""Payment method actions: tokenizing a card (the card data goes to the tokenization
endpoint only, checked first), adding a card, a SEPA direct debit or a mobile money
account, making one the default, removing one."""

from __future__ import annotations

from typing import Any

from icanal_desktop.core.actions.outcome import Outcome, action_key, resync
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing
from icanal_desktop.core.domain.validation import (
    E164,
    card_errors,
    compact_upper,
    iban_errors,
    only_digits,
)
from icanal_desktop.core.errors import FieldError, RequestValidationError


def tokenize_card(
    client: ApiClient, number: str, exp_month: int, exp_year: int, cvc: str, holder: str
) -> billing.CardToken:
    """Sends card data to the tokenization endpoint, the only place it ever goes."""
    errors = card_errors(number, exp_month, exp_year, cvc, holder)
    if errors:
        raise RequestValidationError("the card details are not valid", errors)
    data = client.send_json(
        "POST",
        "/vault/cards",
        "card token",
        {
            "number": only_digits(number),
            "exp_month": exp_month,
            "exp_year": exp_year,
            "cvc": cvc,
            "holder": holder.strip(),
        },
    )
    return billing.parse_card_token(data)


def _add_method(
    client: ApiClient, cache: AccountCache, body: dict[str, Any], key: str | None
) -> Outcome[billing.PaymentMethod]:
    data = client.send_json(
        "POST", "/payment-methods", "payment method", body, idempotency_key=action_key(key)
    )
    method = billing.parse_payment_method(data)
    return Outcome(method, resync(client, cache, ["payment_methods"]))


def add_card(
    client: ApiClient, cache: AccountCache, token: str, *, idempotency_key: str | None = None
) -> Outcome[billing.PaymentMethod]:
    return _add_method(client, cache, {"type": "card", "card": {"token": token}}, idempotency_key)


def add_sepa_debit(
    client: ApiClient,
    cache: AccountCache,
    iban: str,
    holder: str,
    mandate_accepted: bool,
    *,
    idempotency_key: str | None = None,
) -> Outcome[billing.PaymentMethod]:
    errors = iban_errors(iban)
    if not mandate_accepted:
        errors.append(FieldError("mandate_accepted", "The mandate must be accepted."))
    if errors:
        raise RequestValidationError("the direct debit details are not valid", errors)
    body = {
        "type": "sepa_debit",
        "sepa_debit": {
            "iban": compact_upper(iban),
            "holder": holder.strip(),
            "mandate_accepted": True,
        },
    }
    return _add_method(client, cache, body, idempotency_key)


def add_mobile_money(
    client: ApiClient,
    cache: AccountCache,
    operator: str,
    msisdn: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[billing.PaymentMethod]:
    if not E164.match(msisdn.strip()):
        raise RequestValidationError(
            "the mobile number is not valid",
            [FieldError("msisdn", "Use the international format, e.g. +2250700000000.")],
        )
    body = {
        "type": "mobile_money",
        "mobile_money": {"operator": operator, "msisdn": msisdn.strip()},
    }
    return _add_method(client, cache, body, idempotency_key)


def set_default_payment_method(
    client: ApiClient,
    cache: AccountCache,
    method_id: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[billing.PaymentMethod]:
    data = client.send_json(
        "PATCH",
        f"/payment-methods/{method_id}",
        "payment method",
        {"default": True},
        idempotency_key=action_key(idempotency_key),
    )
    method = billing.parse_payment_method(data)
    return Outcome(method, resync(client, cache, ["payment_methods"]))


def remove_payment_method(
    client: ApiClient,
    cache: AccountCache,
    method_id: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[None]:
    """Raises ConflictError (with the server's reason) for the last method of an active
    subscription."""
    client.send_json(
        "DELETE",
        f"/payment-methods/{method_id}",
        "payment method",
        idempotency_key=action_key(idempotency_key),
    )
    return Outcome(None, resync(client, cache, ["payment_methods"]))
