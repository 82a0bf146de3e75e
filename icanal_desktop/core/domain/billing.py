"""Typed records of bills, payments and payment methods, validated at the boundary.

Slotted frozen dataclasses: the bills list can hold 100,000 of them.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icanal_desktop.core.domain.records import Money, _Reader
from icanal_desktop.core.errors import MalformedResponseError

BILL_STATUSES = frozenset({"paid", "due", "overdue", "failed"})
PAYMENT_METHOD_TYPES = frozenset({"card", "sepa_debit", "mobile_money"})


@dataclass(frozen=True, slots=True)
class Bill:
    id: str
    number: str
    period_start: dt.date
    period_end: dt.date
    issue_date: dt.date
    due_date: dt.date
    total_excl_tax: Money
    tax: Money
    total: Money
    status: str
    subscription_id: str | None = None
    amount_due: Money | None = None  # what remains to pay (zero once paid)


@dataclass(frozen=True, slots=True)
class BillLine:
    label: str
    quantity: int
    unit_price: Money
    amount: Money
    tax_rate_bp: int  # basis points: 2000 = 20 %


@dataclass(frozen=True, slots=True)
class Payment:
    id: str
    created_at: dt.datetime
    amount: Money
    method_summary: str
    bill_id: str | None
    status: str
    reference: str
    description: str = ""
    failure_reason: str | None = None
    payment_method_id: str | None = None
    bill_number: str | None = None


@dataclass(frozen=True, slots=True)
class BillDetail:
    bill: Bill
    lines: tuple[BillLine, ...]
    payments: tuple[Payment, ...]


@dataclass(frozen=True, slots=True)
class PaymentMethod:
    id: str
    type: str  # card, sepa_debit, mobile_money
    is_default: bool
    label: str  # the server's masked summary, e.g. "Visa •••• 4242"
    expires_soon: bool = False
    holder: str | None = None
    brand: str | None = None
    last4: str | None = None
    exp_month: int | None = None
    exp_year: int | None = None
    iban_masked: str | None = None
    mandate_reference: str | None = None
    operator: str | None = None
    msisdn_masked: str | None = None

    def expires_before(self, day: dt.date) -> bool:
        """A card whose last valid day is before `day` (cards are valid to month end)."""
        if self.exp_month is None or self.exp_year is None:
            return False
        first_invalid = (
            dt.date(self.exp_year + 1, 1, 1)
            if self.exp_month == 12
            else dt.date(self.exp_year, self.exp_month + 1, 1)
        )
        return first_invalid <= day


@dataclass(frozen=True, slots=True)
class CardToken:
    token: str
    brand: str
    last4: str
    exp_month: int
    exp_year: int

    def __repr__(self) -> str:
        return f"CardToken(brand={self.brand!r}, last4={self.last4!r})"


def parse_bill(data: object) -> Bill:
    r = _Reader("bill", data)
    return Bill(
        id=r.text("id"),
        number=r.text("number"),
        period_start=r.date("period_start"),
        period_end=r.date("period_end"),
        issue_date=r.date("issue_date"),
        due_date=r.date("due_date"),
        total_excl_tax=r.money("total_excl_tax"),
        tax=r.money("tax"),
        total=r.money("total"),
        status=r.choice("status", BILL_STATUSES),
        subscription_id=r.opt_text("subscription_id") if r.has("subscription_id") else None,
        amount_due=r.money("amount_due") if r.has("amount_due") else None,
    )


def _line(r: _Reader) -> BillLine:
    return BillLine(
        label=r.text("label"),
        quantity=r.integer("quantity"),
        unit_price=r.money("unit_price"),
        amount=r.money("amount"),
        tax_rate_bp=r.integer("tax_rate_bp"),
    )


def parse_payment(data: object) -> Payment:
    r = _Reader("payment", data)
    return Payment(
        id=r.text("id"),
        created_at=r.datetime("created_at"),
        amount=r.money("amount"),
        method_summary=r.text("method_summary"),
        bill_id=r.opt_text("bill_id"),
        status=r.text("status"),
        reference=r.text("reference"),
        description=r.text("description") if r.has("description") else "",
        failure_reason=r.opt_text("failure_reason") if r.has("failure_reason") else None,
        payment_method_id=r.opt_text("payment_method_id") if r.has("payment_method_id") else None,
        bill_number=r.opt_text("bill_number") if r.has("bill_number") else None,
    )


def parse_bill_detail(data: object) -> BillDetail:
    r = _Reader("bill detail", data)
    return BillDetail(
        bill=parse_bill(data),
        lines=tuple(_line(line) for line in r.objects("lines")),
        payments=tuple(parse_payment(p.data) for p in r.objects("payments")),
    )


def parse_payment_method(data: object) -> PaymentMethod:
    r = _Reader("payment method", data)
    kind = r.choice("type", PAYMENT_METHOD_TYPES)
    method_id, is_default = r.text("id"), r.flag("default")
    label = r.text("summary")
    expires_soon = r.flag("expires_soon")
    if kind == "card":
        c = r.obj("card")
        return PaymentMethod(
            method_id,
            kind,
            is_default,
            label,
            expires_soon,
            holder=c.text("holder"),
            brand=c.text("brand"),
            last4=_last4(c.text("last4")),
            exp_month=c.integer("exp_month"),
            exp_year=c.integer("exp_year"),
        )
    if kind == "sepa_debit":
        sepa = r.obj("sepa_debit")
        iban = sepa.text("iban_masked")
        _check_masked(iban)
        return PaymentMethod(
            method_id,
            kind,
            is_default,
            label,
            expires_soon,
            holder=sepa.text("holder"),
            iban_masked=iban,
            mandate_reference=sepa.text("mandate_reference"),
        )
    mobile = r.obj("mobile_money")
    msisdn = mobile.text("msisdn_masked")
    _check_masked(msisdn)
    return PaymentMethod(
        method_id,
        kind,
        is_default,
        label,
        expires_soon,
        operator=mobile.text("operator"),
        msisdn_masked=msisdn,
    )


def _last4(value: str) -> str:
    if len(value) != 4 or not value.isdigit():
        raise MalformedResponseError("payment method", "last4 is not four digits")
    return value


def _check_masked(value: str) -> None:
    # A server bug that sent a full number must not put it in our cache.
    digits = sum(ch.isdigit() for ch in value)
    if digits > 8 or not any(ch in value for ch in "*•xX"):
        raise MalformedResponseError("payment method", "an account number is not masked")


def parse_card_token(data: object) -> CardToken:
    r = _Reader("card token", data)
    return CardToken(
        token=r.text("token"),
        brand=r.text("brand"),
        last4=r.text("last4"),
        exp_month=r.integer("exp_month"),
        exp_year=r.integer("exp_year"),
    )
