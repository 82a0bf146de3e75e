"""Payment methods as shown to the subscriber: masked, summarised, never a full number."""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from icanal_sandbox.dates import add_months

MethodType = Literal["card", "sepa_debit", "mobile_money"]
Operator = Literal["orange_money", "mtn_momo", "wave", "moov_money"]
OPERATOR_NAMES: dict[str, str] = {
    "orange_money": "Orange Money",
    "mtn_momo": "MTN MoMo",
    "wave": "Wave",
    "moov_money": "Moov Money",
}
BRAND_NAMES = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express"}


class CardDetails(BaseModel):
    brand: str = Field(description="visa, mastercard or amex.")
    last4: str
    exp_month: int
    exp_year: int
    holder: str


class SepaDetails(BaseModel):
    iban_masked: str
    holder: str
    mandate_reference: str
    mandate_date: str


class MobileMoneyDetails(BaseModel):
    operator: Operator
    msisdn_masked: str


class PaymentMethod(BaseModel):
    id: str
    type: MethodType
    default: bool
    summary: str = Field(description='Masked one-liner, e.g. "Visa •••• 4242".')
    expires_soon: bool = Field(description="A card expiring within two months (or expired).")
    created_at: str
    card: CardDetails | None
    sepa_debit: SepaDetails | None
    mobile_money: MobileMoneyDetails | None


def summary_of(row: sqlite3.Row | dict[str, object]) -> str:
    kind = row["type"]
    if kind == "card":
        return f"{BRAND_NAMES.get(str(row['brand']), str(row['brand']))} •••• {row['last4']}"
    if kind == "sepa_debit":
        return f"Prélèvement SEPA {row['iban_country']} •••• {row['last4']}"
    return (
        f"{OPERATOR_NAMES.get(str(row['operator']), str(row['operator']))} {row['msisdn_masked']}"
    )


def card_expires_soon(exp_month: int, exp_year: int, today: date) -> bool:
    # A card is valid through the last day of its expiry month.
    return date(exp_year, exp_month, 1) < add_months(date(today.year, today.month, 1), 3)


def mask_msisdn(msisdn: str) -> str:
    return msisdn[:4] + "•" * max(0, len(msisdn) - 6) + msisdn[-2:]


def to_model(row: sqlite3.Row, today: date) -> PaymentMethod:
    kind: MethodType = row["type"]
    card = sepa = mobile = None
    soon = False
    if kind == "card":
        card = CardDetails(
            brand=row["brand"],
            last4=row["last4"],
            exp_month=row["exp_month"],
            exp_year=row["exp_year"],
            holder=row["holder"],
        )
        soon = card_expires_soon(int(row["exp_month"]), int(row["exp_year"]), today)
    elif kind == "sepa_debit":
        sepa = SepaDetails(
            iban_masked=f"{row['iban_country']} •••• •••• •••• •••• {row['last4']}",
            holder=row["holder"],
            mandate_reference=row["mandate_reference"],
            mandate_date=row["mandate_date"],
        )
    else:
        mobile = MobileMoneyDetails(operator=row["operator"], msisdn_masked=row["msisdn_masked"])
    return PaymentMethod(
        id=row["id"],
        type=kind,
        default=bool(row["is_default"]),
        summary=summary_of(row),
        expires_soon=soon,
        created_at=row["created_at"],
        card=card,
        sepa_debit=sepa,
        mobile_money=mobile,
    )
