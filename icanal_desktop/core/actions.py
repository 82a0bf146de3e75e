"""Account actions: plain functions that the GUI calls from its worker threads (and the CLI
from its main thread). Pure Python, no Qt.

Every action that moves money or changes a contract, a payment method or a ticket sends an
`Idempotency-Key`. The caller creates one key per user action (`new_idempotency_key()`)
and passes the same key again when the user retries that action after an error, so a
request whose answer was lost is never carried out twice. The client's own retries reuse
the key too.

Each action then refreshes the resources it changed, so the cache (and the window that
shows it) is current. A refresh that fails does not undo the action: the outcome says so,
and the next sync catches up.

Card numbers and CVCs go to the tokenization endpoint only; they are never logged, stored
or put in an exception text.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.client import new_idempotency_key
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing, catalog, records
from icanal_desktop.core.errors import FieldError, MalformedResponseError, RequestValidationError
from icanal_desktop.core.sync import (
    SyncReport,
    download_bill_pdf,
    fetch_bill_detail,
    fetch_ticket_thread,
    sync_account,
)

T = TypeVar("T")

CONTRACT = ("subscriptions", "bills", "payments")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an action returned, and how refreshing the cache after it went."""

    value: T
    refresh: SyncReport


def _refresh(client: ApiClient, cache: AccountCache, names: Iterable[str]) -> SyncReport:
    return sync_account(client, cache, resources=tuple(names), archive=False)


def refresh(client: ApiClient, cache: AccountCache, names: Iterable[str]) -> Outcome[None]:
    """Fetches only these resources again (e.g. tickets while a chat awaits an answer)."""
    return Outcome(None, _refresh(client, cache, names))


def _key(key: str | None) -> str:
    return key or new_idempotency_key()


# -- subscription -------------------------------------------------------------------------
def preview_plan_change(
    client: ApiClient, subscription_id: str, plan_id: str, option_ids: Iterable[str] = ()
) -> catalog.PlanChangePreview:
    data = client.send_json(
        "POST",
        f"/subscriptions/{subscription_id}/plan-change/preview",
        "plan change preview",
        {"plan_id": plan_id, "options": list(option_ids)},
    )
    return catalog.parse_plan_change_preview(data)


def change_plan(
    client: ApiClient,
    cache: AccountCache,
    subscription_id: str,
    plan_id: str,
    option_ids: Iterable[str] = (),
    *,
    idempotency_key: str | None = None,
) -> Outcome[PlanChange]:
    data = client.send_json(
        "POST",
        f"/subscriptions/{subscription_id}/plan-change",
        "plan change",
        {"plan_id": plan_id, "options": list(option_ids)},
        idempotency_key=_key(idempotency_key),
    )
    return Outcome(parse_plan_change(data), _refresh(client, cache, CONTRACT))


@dataclass(frozen=True)
class PlanChange:
    subscription: records.Subscription
    preview: catalog.PlanChangePreview
    bill_id: str | None  # the pro-rata bill, when something was due now
    payment: billing.Payment | None


def parse_plan_change(data: object) -> PlanChange:
    if not isinstance(data, dict):
        raise MalformedResponseError("plan change", "expected an object")
    for key in ("subscription", "preview", "bill_id", "payment"):
        if key not in data:
            raise MalformedResponseError("plan change", f"missing field {key!r}")
    bill_id = data["bill_id"]
    if bill_id is not None and not isinstance(bill_id, str):
        raise MalformedResponseError("plan change", "field 'bill_id' has the wrong type")
    return PlanChange(
        subscription=records.parse_subscription(data["subscription"]),
        preview=catalog.parse_plan_change_preview(data["preview"]),
        bill_id=bill_id,
        payment=None if data["payment"] is None else billing.parse_payment(data["payment"]),
    )


def preview_cancellation(client: ApiClient, subscription_id: str) -> catalog.CancellationPreview:
    data = client.send_json(
        "POST",
        f"/subscriptions/{subscription_id}/cancellation/preview",
        "cancellation preview",
        {},
    )
    return catalog.parse_cancellation_preview(data)


def cancel_subscription(
    client: ApiClient,
    cache: AccountCache,
    subscription_id: str,
    reason: str,
    comment: str | None = None,
    when: str = "earliest",
    *,
    idempotency_key: str | None = None,
) -> Outcome[records.Subscription]:
    body: dict[str, Any] = {"reason": reason, "when": when}
    if comment:
        body["comment"] = comment
    data = client.send_json(
        "POST",
        f"/subscriptions/{subscription_id}/cancellation",
        "cancellation",
        body,
        idempotency_key=_key(idempotency_key),
    )
    return Outcome(records.parse_subscription(data), _refresh(client, cache, CONTRACT))


def reactivate_subscription(
    client: ApiClient,
    cache: AccountCache,
    subscription_id: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[records.Subscription]:
    data = client.send_json(
        "DELETE",
        f"/subscriptions/{subscription_id}/cancellation",
        "reactivation",
        idempotency_key=_key(idempotency_key),
    )
    return Outcome(records.parse_subscription(data), _refresh(client, cache, CONTRACT))


def set_auto_renew(
    client: ApiClient,
    cache: AccountCache,
    subscription_id: str,
    enabled: bool,
    *,
    idempotency_key: str | None = None,
) -> Outcome[records.Subscription]:
    data = client.send_json(
        "PATCH",
        f"/subscriptions/{subscription_id}",
        "subscription",
        {"auto_renew": enabled},
        idempotency_key=_key(idempotency_key),
    )
    return Outcome(records.parse_subscription(data), _refresh(client, cache, ["subscriptions"]))


# -- billing ------------------------------------------------------------------------------
def pay_bill(
    client: ApiClient,
    cache: AccountCache,
    bill_id: str,
    payment_method_id: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[billing.Payment]:
    """Pays one bill now. Pass the same `idempotency_key` when the user retries."""
    data = client.send_json(
        "POST",
        f"/bills/{bill_id}/payments",
        "payment",
        {"payment_method_id": payment_method_id},
        idempotency_key=_key(idempotency_key),
    )
    payment = billing.parse_payment(data)
    return Outcome(payment, _refresh(client, cache, ["bills", "payments"]))


def bill_detail(client: ApiClient, cache: AccountCache, bill_id: str) -> billing.BillDetail:
    """A bill's lines and payments: from the cache when kept, else fetched (and kept)."""
    kept = cache.bill_detail(bill_id)
    return kept if kept is not None else fetch_bill_detail(client, cache, bill_id)


def ticket_thread(client: ApiClient, cache: AccountCache, ticket_id: str) -> catalog.TicketThread:
    """A ticket's messages: from the cache when kept, else fetched (and kept)."""
    kept = cache.ticket_thread(ticket_id)
    return kept if kept is not None else fetch_ticket_thread(client, cache, ticket_id)


def bill_pdf(client: ApiClient, cache: AccountCache, bill_id: str) -> bytes:
    """The bill's PDF: from the cache when kept, else downloaded (and kept) on demand."""
    kept = cache.pdf(bill_id)
    if kept is not None:
        return kept
    return download_bill_pdf(client, cache, bill_id)


# -- payment methods ----------------------------------------------------------------------
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
            "number": _digits(number),
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
        "POST", "/payment-methods", "payment method", body, idempotency_key=_key(key)
    )
    method = billing.parse_payment_method(data)
    return Outcome(method, _refresh(client, cache, ["payment_methods"]))


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
            "iban": _compact(iban),
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
        idempotency_key=_key(idempotency_key),
    )
    method = billing.parse_payment_method(data)
    return Outcome(method, _refresh(client, cache, ["payment_methods"]))


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
        idempotency_key=_key(idempotency_key),
    )
    return Outcome(None, _refresh(client, cache, ["payment_methods"]))


# -- support ------------------------------------------------------------------------------
def create_ticket(
    client: ApiClient,
    cache: AccountCache,
    category: str,
    subject: str,
    message: str,
    bill_id: str | None = None,
    *,
    idempotency_key: str | None = None,
) -> Outcome[catalog.TicketThread]:
    body: dict[str, Any] = {"category": category, "subject": subject, "message": message}
    if bill_id is not None:
        body["bill_id"] = bill_id
    data = client.send_json(
        "POST", "/support/tickets", "ticket", body, idempotency_key=_key(idempotency_key)
    )
    thread = catalog.parse_ticket_thread(data)
    return Outcome(thread, _refresh(client, cache, ["tickets"]))


def reply_to_ticket(
    client: ApiClient,
    cache: AccountCache,
    ticket_id: str,
    message: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[catalog.TicketThread]:
    data = client.send_json(
        "POST",
        f"/support/tickets/{ticket_id}/messages",
        "ticket message",
        {"message": message},
        idempotency_key=_key(idempotency_key),
    )
    thread = catalog.parse_ticket_thread(data)
    return Outcome(thread, _refresh(client, cache, ["tickets"]))


@dataclass(frozen=True)
class ChatAnswer:
    answer: str
    faq_id: str | None  # the FAQ entry the agent answered from, if any


def ask_chat(client: ApiClient, message: str) -> ChatAnswer:
    """One question to the support chat agent (F26); nothing is cached."""
    data = client.send_json("POST", "/support/chat", "chat answer", {"message": message})
    if not isinstance(data, dict) or not isinstance(data.get("answer"), str):
        raise MalformedResponseError("chat answer", "missing field 'answer'")
    faq_id = data.get("faq_id")
    if faq_id is not None and not isinstance(faq_id, str):
        raise MalformedResponseError("chat answer", "field 'faq_id' has the wrong type")
    return ChatAnswer(data["answer"], faq_id)


# -- profile ------------------------------------------------------------------------------
def update_profile(
    client: ApiClient, cache: AccountCache, changes: dict[str, Any]
) -> Outcome[records.Profile]:
    """PATCH /me with only the fields that change (an email change needs
    `current_password` in `changes`)."""
    data = client.send_json("PATCH", "/me", "profile", changes)
    profile = records.parse_profile(data)
    return Outcome(profile, _refresh(client, cache, ["profile"]))


def change_password(client: ApiClient, current_password: str, new_password: str) -> None:
    client.change_password(current_password, new_password)


# -- validation before sending (F21) ------------------------------------------------------
E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")


def _digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def _compact(text: str) -> str:
    return "".join(text.split()).upper()


def luhn_ok(number: str) -> bool:
    digits = _digits(number)
    if len(digits) < 12 or len(digits) > 19 or len(digits) != len(number.replace(" ", "")):
        return False
    total = 0
    for index, ch in enumerate(reversed(digits)):
        value = int(ch)
        if index % 2 == 1:
            value = value * 2 - 9 if value > 4 else value * 2
        total += value
    return total % 10 == 0


def card_errors(
    number: str,
    exp_month: int,
    exp_year: int,
    cvc: str,
    holder: str,
    today: dt.date | None = None,
) -> list[FieldError]:
    today = today or dt.date.today()
    errors = []
    if not luhn_ok(number):
        errors.append(FieldError("number", "This card number is not valid."))
    if not 1 <= exp_month <= 12 or (exp_year, exp_month) < (today.year, today.month):
        errors.append(FieldError("exp", "This card has expired or the date is wrong."))
    if not (cvc.isdigit() and len(cvc) in (3, 4)):
        errors.append(FieldError("cvc", "The security code has 3 or 4 digits."))
    if not holder.strip():
        errors.append(FieldError("holder", "The holder's name is required."))
    return errors


def iban_errors(iban: str) -> list[FieldError]:
    compact = _compact(iban)
    invalid = [FieldError("iban", "This IBAN is not valid.")]
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", compact):
        return invalid
    rearranged = compact[4:] + compact[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return [] if int(numeric) % 97 == 1 else invalid
