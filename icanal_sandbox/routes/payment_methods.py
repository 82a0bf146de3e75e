"""Card tokenization (the vault), and the account's payment methods."""

from __future__ import annotations

import re
import secrets
import sqlite3
from datetime import timedelta
from typing import Annotated, Literal

from fastapi import APIRouter
from fastapi.responses import Response
from pydantic import BaseModel, Field

from icanal_sandbox.clock import iso_z, parse_iso_z
from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.idempotency import IdempotencyKeyDep, run_idempotent
from icanal_sandbox.ids import new_id
from icanal_sandbox.methods import Operator, PaymentMethod, mask_msisdn, to_model
from icanal_sandbox.pagination import PageDep, keyset_clause, next_cursor
from icanal_sandbox.problems import ProblemError, field_error, not_found
from icanal_sandbox.schemas import PROBLEM_RESPONSES, RequestBody
from icanal_sandbox.validation import card_brand, iban_is_valid, luhn_ok, normalize_iban

router = APIRouter(tags=["payment methods"], responses=PROBLEM_RESPONSES)

E164 = r"^\+[1-9][0-9]{7,14}$"
VAULT_TOKEN_TTL_S = 15 * 60


class CardIn(RequestBody):
    number: Annotated[str, Field(min_length=12, max_length=23)]
    exp_month: Annotated[int, Field(ge=1, le=12)]
    exp_year: Annotated[int, Field(ge=2000, le=2100)]
    cvc: Annotated[str, Field(pattern=r"^[0-9]{3,4}$")]
    holder: Annotated[str, Field(min_length=2, max_length=80)]


class VaultCard(BaseModel):
    token: str = Field(description="Single use, valid 15 minutes, for POST /payment-methods.")
    brand: str
    last4: str
    exp_month: int
    exp_year: int


class CardTokenIn(RequestBody):
    token: Annotated[str, Field(min_length=1, max_length=80)]


class SepaIn(RequestBody):
    iban: Annotated[str, Field(min_length=15, max_length=42)]
    holder: Annotated[str, Field(min_length=2, max_length=80)]
    mandate_accepted: bool


class MobileMoneyIn(RequestBody):
    operator: Operator
    msisdn: Annotated[str, Field(pattern=E164, description="E.164, e.g. +221771234567.")]


class MethodIn(RequestBody):
    type: Literal["card", "sepa_debit", "mobile_money"]
    card: CardTokenIn | None = None
    sepa_debit: SepaIn | None = None
    mobile_money: MobileMoneyIn | None = None
    default: bool = False


class MethodPatch(RequestBody):
    default: Literal[True]


class MethodPage(BaseModel):
    items: list[PaymentMethod]
    next_cursor: str | None


@router.post("/vault/cards", status_code=201, response_model=VaultCard, summary="Tokenize a card")
def tokenize_card(body: CardIn, caller: CallerDep, sandbox: SandboxDep) -> VaultCard:
    digits = re.sub(r"[ -]", "", body.number)
    if not digits.isdigit() or not 12 <= len(digits) <= 19 or not luhn_ok(digits):
        raise field_error("number", "Invalid card number.")
    brand = card_brand(digits)
    if brand is None:
        raise field_error("number", "Only Visa, Mastercard and American Express are accepted.")
    if len(body.cvc) != (4 if brand == "amex" else 3):
        raise field_error("cvc", "Invalid security code.")
    today = sandbox.clock.today()
    if (body.exp_year, body.exp_month) < (today.year, today.month):
        raise field_error("exp_year", "The card has expired.")
    token = f"tok_{secrets.token_urlsafe(18)}"
    with sandbox.db.transaction() as conn:
        # The card number and the CVC are dropped here: only brand, last 4 and expiry stay.
        conn.execute(
            "INSERT INTO vault_cards (token, account_id, brand, last4, exp_month, exp_year,"
            " holder, declines, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                token,
                caller.account_id,
                brand,
                digits[-4:],
                body.exp_month,
                body.exp_year,
                body.holder.strip(),
                int(digits.endswith("0002")),
                iso_z(sandbox.clock.now()),
            ),
        )
    return VaultCard(
        token=token,
        brand=brand,
        last4=digits[-4:],
        exp_month=body.exp_month,
        exp_year=body.exp_year,
    )


def _owned_method(conn: sqlite3.Connection, account_id: str, method_id: str) -> sqlite3.Row:
    row = conn.execute(
        "SELECT * FROM payment_methods WHERE id = ? AND account_id = ? AND deleted_at IS NULL",
        (method_id, account_id),
    ).fetchone()
    if row is None:
        raise not_found("payment method")
    return row  # type: ignore[no-any-return]


@router.get("/payment-methods", response_model=MethodPage, summary="The account's methods")
def list_methods(caller: CallerDep, sandbox: SandboxDep, page: PageDep) -> MethodPage:
    clause, params = keyset_clause(page, "created_at", "id")
    today = sandbox.clock.today()
    with sandbox.db.transaction() as conn:
        rows = conn.execute(
            "SELECT * FROM payment_methods WHERE account_id = ? AND deleted_at IS NULL"  # noqa: S608
            f" AND {clause} ORDER BY created_at DESC, id DESC LIMIT ?",
            (caller.account_id, *params, page.limit + 1),
        ).fetchall()
    return MethodPage(
        items=[to_model(r, today) for r in rows[: page.limit]],
        next_cursor=next_cursor(rows, page, "created_at"),
    )


def _new_method_row(
    conn: sqlite3.Connection, account_id: str, body: MethodIn, now_iso: str
) -> dict[str, object]:
    row: dict[str, object] = {"type": body.type}
    present = {
        name for name in ("card", "sepa_debit", "mobile_money") if getattr(body, name) is not None
    }
    if present != {body.type}:
        raise field_error(body.type, f"Give exactly the `{body.type}` object for this type.")
    if body.card is not None:
        card = conn.execute(
            "SELECT * FROM vault_cards WHERE token = ? AND account_id = ? AND used_at IS NULL",
            (body.card.token, account_id),
        ).fetchone()
        if card is None or card["created_at"] < _minus(now_iso, VAULT_TOKEN_TTL_S):
            raise field_error("card.token", "Unknown, used or expired card token.")
        conn.execute("UPDATE vault_cards SET used_at = ? WHERE token = ?", (now_iso, card["token"]))
        row.update(
            brand=card["brand"],
            last4=card["last4"],
            exp_month=card["exp_month"],
            exp_year=card["exp_year"],
            holder=card["holder"],
            vault_token=card["token"],
        )
    elif body.sepa_debit is not None:
        iban = normalize_iban(body.sepa_debit.iban)
        if not iban_is_valid(iban):
            raise field_error("sepa_debit.iban", "Invalid IBAN.")
        if not body.sepa_debit.mandate_accepted:
            raise field_error("sepa_debit.mandate_accepted", "The SEPA mandate must be accepted.")
        number = conn.execute(
            "SELECT subscriber_number FROM accounts WHERE id = ?", (account_id,)
        ).fetchone()[0]
        row.update(
            holder=body.sepa_debit.holder.strip(),
            last4=iban[-4:],
            iban_country=iban[:4],
            mandate_reference=f"ICANAL-{number}-{secrets.token_hex(3).upper()}",
            mandate_date=now_iso[:10],
        )
    elif body.mobile_money is not None:
        row.update(
            operator=body.mobile_money.operator,
            msisdn_masked=mask_msisdn(body.mobile_money.msisdn),
        )
    return row


def _minus(now_iso: str, seconds: int) -> str:
    return iso_z(parse_iso_z(now_iso) - timedelta(seconds=seconds))


@router.post(
    "/payment-methods",
    status_code=201,
    response_model=PaymentMethod,
    summary="Add a payment method (idempotent)",
)
def add_method(
    body: MethodIn, caller: CallerDep, sandbox: SandboxDep, key: IdempotencyKeyDep
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        now = iso_z(sandbox.clock.now())
        row = _new_method_row(conn, caller.account_id, body, now)
        existing = conn.execute(
            "SELECT count(*) FROM payment_methods WHERE account_id = ? AND deleted_at IS NULL",
            (caller.account_id,),
        ).fetchone()[0]
        make_default = body.default or existing == 0
        if make_default:
            conn.execute(
                "UPDATE payment_methods SET is_default = 0 WHERE account_id = ?",
                (caller.account_id,),
            )
        row.update(
            id=new_id("pm"),
            account_id=caller.account_id,
            is_default=int(make_default),
            created_at=now,
        )
        conn.execute(
            f"INSERT INTO payment_methods ({', '.join(row)})"  # noqa: S608 - known columns
            f" VALUES ({', '.join('?' for _ in row)})",
            tuple(row.values()),
        )
        created = _owned_method(conn, caller.account_id, str(row["id"]))
        return 201, to_model(created, sandbox.clock.today())

    return run_idempotent(sandbox, caller, key, body, work)


@router.patch(
    "/payment-methods/{method_id}",
    response_model=PaymentMethod,
    summary="Make a method the default (idempotent)",
)
def set_default(
    method_id: str,
    body: MethodPatch,
    caller: CallerDep,
    sandbox: SandboxDep,
    key: IdempotencyKeyDep,
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel]:
        _owned_method(conn, caller.account_id, method_id)
        conn.execute(
            "UPDATE payment_methods SET is_default = (id = ?) WHERE account_id = ?",
            (method_id, caller.account_id),
        )
        row = _owned_method(conn, caller.account_id, method_id)
        return 200, to_model(row, sandbox.clock.today())

    return run_idempotent(sandbox, caller, key, body, work)


@router.delete(
    "/payment-methods/{method_id}", status_code=204, summary="Remove a method (idempotent)"
)
def delete_method(
    method_id: str, caller: CallerDep, sandbox: SandboxDep, key: IdempotencyKeyDep
) -> Response:
    def work(conn: sqlite3.Connection) -> tuple[int, BaseModel | None]:
        row = _owned_method(conn, caller.account_id, method_id)
        remaining = conn.execute(
            "SELECT id FROM payment_methods WHERE account_id = ? AND deleted_at IS NULL"
            " AND id != ? ORDER BY created_at",
            (caller.account_id, method_id),
        ).fetchall()
        active = conn.execute(
            "SELECT count(*) FROM subscriptions WHERE account_id = ?"
            " AND status IN ('active', 'pending_cancellation', 'suspended')",
            (caller.account_id,),
        ).fetchone()[0]
        if not remaining and active:
            raise ProblemError(
                409,
                "last-payment-method",
                "This is the only payment method of an active subscription: add another "
                "method first, or cancel the subscription.",
                extra={"reason": "last_method_of_active_subscription"},
            )
        now = iso_z(sandbox.clock.now())
        conn.execute(
            "UPDATE payment_methods SET deleted_at = ?, is_default = 0 WHERE id = ?",
            (now, method_id),
        )
        if row["is_default"] and remaining:
            conn.execute(
                "UPDATE payment_methods SET is_default = 1 WHERE id = ?", (remaining[0]["id"],)
            )
        return 204, None

    return run_idempotent(sandbox, caller, key, None, work)
