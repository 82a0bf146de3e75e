"""Checks of a new payment method's fields before anything is sent (F21), on top of the
domain's (core/domain/validation.py): the card's brand and its CVC length, and the IBAN's
length for its country."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from icanal_desktop.core.domain import validation

translate = QCoreApplication.translate

# IBAN lengths of the SEPA countries (ISO 13616 registry).
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18,
    "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GI": 23, "GR": 27, "HR": 21, "HU": 28,
    "IE": 22, "IS": 26, "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MC": 27, "MT": 31,
    "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "SE": 24, "SI": 19, "SK": 24, "SM": 27,
    "VA": 22,
}  # fmt: skip


def digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def card_brand(number: str) -> str | None:
    """visa, mastercard or amex from the number's prefix and length; None otherwise."""
    d = digits(number)
    if d.startswith("4") and len(d) in (13, 16, 19):
        return "visa"
    if len(d) == 16 and (51 <= int(d[:2]) <= 55 or 2221 <= int(d[:4]) <= 2720):
        return "mastercard"
    if len(d) == 15 and d[:2] in ("34", "37"):
        return "amex"
    return None


def parse_expiry(text: str) -> tuple[int, int] | None:
    """ "MM/YY" or "MM/YYYY" -> (month, year)."""
    month_text, _, year_text = text.replace(" ", "").partition("/")
    if not (month_text.isdigit() and year_text.isdigit() and len(year_text) in (2, 4)):
        return None
    year = int(year_text) + (2000 if len(year_text) == 2 else 0)
    return int(month_text), year


def card_field_errors(
    number: str, expiry: str, cvc: str, holder: str, today: dt.date | None = None
) -> dict[str, str]:
    """field ("number", "exp", "cvc", "holder") -> message, empty when all is right."""
    month, year = parse_expiry(expiry) or (0, 0)
    errors = {
        e.field: e.message
        for e in validation.card_errors(number.replace(" ", ""), month, year, cvc, holder, today)
    }
    messages = {
        "number": translate("AddPaymentMethod", "This card number is not valid."),
        "exp": translate("AddPaymentMethod", "Enter a date in the future, as MM/YY."),
        "cvc": translate("AddPaymentMethod", "The security code has 3 digits (4 for Amex)."),
        "holder": translate("AddPaymentMethod", "Enter the name shown on the card."),
    }
    found = {name: messages.get(name, text) for name, text in errors.items()}
    brand = card_brand(number)
    if "number" not in found and brand is None:
        found["number"] = translate(
            "AddPaymentMethod", "Only Visa, Mastercard and American Express cards are accepted."
        )
    if "cvc" not in found and brand is not None and len(cvc) != (4 if brand == "amex" else 3):
        found["cvc"] = (
            translate("AddPaymentMethod", "An American Express security code has 4 digits.")
            if brand == "amex"
            else translate("AddPaymentMethod", "This card's security code has 3 digits.")
        )
    return found


def iban_field_errors(iban: str, holder: str, mandate_accepted: bool) -> dict[str, str]:
    compact = "".join(iban.split()).upper()
    found: dict[str, str] = {}
    country = compact[:2]
    expected = IBAN_LENGTHS.get(country)
    if not compact:
        found["iban"] = translate("AddPaymentMethod", "Enter the account's IBAN.")
    elif expected is None:
        found["iban"] = translate(
            "AddPaymentMethod", "This IBAN is not from a SEPA country (it starts with {code})."
        ).format(code=country)
    elif len(compact) != expected:
        found["iban"] = translate(
            "AddPaymentMethod", "An IBAN from {code} has {n} characters; this one has {got}."
        ).format(code=country, n=expected, got=len(compact))
    elif validation.iban_errors(compact):
        found["iban"] = translate(
            "AddPaymentMethod", "This IBAN is not valid: check for a typing mistake."
        )
    if len(holder.strip()) < 2:
        found["holder"] = translate("AddPaymentMethod", "Enter the account holder's name.")
    if not mandate_accepted:
        found["mandate"] = translate(
            "AddPaymentMethod", "Accept the direct debit mandate to use this account."
        )
    return found


def mobile_field_errors(operator: str, msisdn: str) -> dict[str, str]:
    found: dict[str, str] = {}
    if not operator:
        found["operator"] = translate("AddPaymentMethod", "Choose your mobile money operator.")
    if not validation.E164.match(msisdn.strip()):
        found["msisdn"] = translate(
            "AddPaymentMethod",
            "Enter the number in international format, e.g. +2250700000000.",
        )
    return found
