"""GET/PATCH /me: contact details, postal address, language and marketing consent."""

from __future__ import annotations

import sqlite3
from typing import Annotated, Any

from fastapi import APIRouter
from pydantic import BaseModel, Field

from icanal_sandbox.deps import CallerDep, SandboxDep
from icanal_sandbox.problems import ProblemError, field_error
from icanal_sandbox.schemas import PROBLEM_RESPONSES, Language, RequestBody
from icanal_sandbox.security import verify_password

router = APIRouter(tags=["account"], responses=PROBLEM_RESPONSES)

E164 = r"^\+[1-9][0-9]{7,14}$"
EMAIL = r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]{2,}$"
Name = Annotated[str, Field(min_length=1, max_length=60)]


class Address(BaseModel):
    line1: str
    line2: str | None
    postal_code: str
    city: str
    country: str = Field(description="ISO 3166-1 alpha-2.")


class Marketing(BaseModel):
    email: bool
    sms: bool


class Me(BaseModel):
    id: str
    subscriber_number: str
    email: str
    first_name: str
    last_name: str
    phone: str | None
    address: Address
    language: Language
    marketing: Marketing


class AddressIn(RequestBody):
    line1: Annotated[str, Field(min_length=1, max_length=100)]
    line2: Annotated[str, Field(max_length=100)] | None = None
    postal_code: Annotated[str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9 -]{1,9}$")]
    city: Annotated[str, Field(min_length=1, max_length=80)]
    country: Annotated[str, Field(pattern=r"^[A-Z]{2}$")]


class MarketingIn(RequestBody):
    email: bool | None = None
    sms: bool | None = None


class MePatch(RequestBody):
    first_name: Name | None = None
    last_name: Name | None = None
    phone: Annotated[str, Field(pattern=E164)] | None = None
    address: AddressIn | None = None
    language: Language | None = None
    marketing: MarketingIn | None = None
    email: Annotated[str, Field(pattern=EMAIL, max_length=254)] | None = None
    current_password: Annotated[str, Field(max_length=256)] | None = Field(
        default=None, description="Required with `email`."
    )


def load_me(conn: sqlite3.Connection, account_id: str) -> Me:
    row = conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
    return Me(
        id=row["id"],
        subscriber_number=row["subscriber_number"],
        email=row["email"],
        first_name=row["first_name"],
        last_name=row["last_name"],
        phone=row["phone"],
        address=Address(
            line1=row["address_line1"],
            line2=row["address_line2"],
            postal_code=row["postal_code"],
            city=row["city"],
            country=row["country"],
        ),
        language=row["language"],
        marketing=Marketing(email=bool(row["marketing_email"]), sms=bool(row["marketing_sms"])),
    )


@router.get("/me", response_model=Me, summary="The signed-in account")
def get_me(caller: CallerDep, sandbox: SandboxDep) -> Me:
    with sandbox.db.transaction() as conn:
        return load_me(conn, caller.account_id)


@router.patch("/me", response_model=Me, summary="Update contact details and preferences")
def patch_me(body: MePatch, caller: CallerDep, sandbox: SandboxDep) -> Me:
    sent = body.model_fields_set
    for name in ("first_name", "last_name", "address", "language", "marketing", "email"):
        if name in sent and getattr(body, name) is None:
            raise field_error(name, "This field cannot be null.")
    updates: dict[str, Any] = {}
    for name in ("first_name", "last_name", "language"):
        if name in sent:
            updates[name] = getattr(body, name).strip() if name != "language" else body.language
    if "phone" in sent:
        updates["phone"] = body.phone
    if body.address is not None:
        updates.update(
            address_line1=body.address.line1.strip(),
            address_line2=(body.address.line2 or "").strip() or None,
            postal_code=body.address.postal_code.strip(),
            city=body.address.city.strip(),
            country=body.address.country,
        )
    if body.marketing is not None:
        if body.marketing.email is not None:
            updates["marketing_email"] = int(body.marketing.email)
        if body.marketing.sms is not None:
            updates["marketing_sms"] = int(body.marketing.sms)
    with sandbox.db.transaction() as conn:
        current = conn.execute(
            "SELECT email, password_hash FROM accounts WHERE id = ?", (caller.account_id,)
        ).fetchone()
    if body.email is not None and body.email.strip().lower() != current["email"]:
        if not body.current_password:
            raise field_error("current_password", "Required to change the email.")
        if not verify_password(body.current_password, str(current["password_hash"])):
            raise field_error("current_password", "The current password is incorrect.")
        updates["email"] = body.email.strip().lower()
    with sandbox.db.transaction() as conn:
        if "email" in updates:
            taken = conn.execute(
                "SELECT 1 FROM accounts WHERE email = ? AND id != ?",
                (updates["email"], caller.account_id),
            ).fetchone()
            if taken:
                raise ProblemError(409, "email-taken", "This email is already in use.")
        if updates:
            assignments = ", ".join(f"{column} = ?" for column in updates)
            conn.execute(
                f"UPDATE accounts SET {assignments} WHERE id = ?",  # noqa: S608 - fixed columns
                (*updates.values(), caller.account_id),
            )
        return load_me(conn, caller.account_id)
