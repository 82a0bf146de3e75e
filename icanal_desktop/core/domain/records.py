"""Typed records of the API, parsed and validated at the boundary.

Every `parse_*` function takes decoded JSON and either returns a frozen record or raises
`MalformedResponseError` naming the resource, so that bad server data never reaches the
cache or the window half-understood.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from icanal_desktop.core.errors import MalformedResponseError


@dataclass(frozen=True)
class Money:
    amount: int  # minor units (cents)
    currency: str


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str
    expires_in: int
    account_id: str

    def __repr__(self) -> str:  # keep tokens out of logs and tracebacks
        return f"Tokens(account_id={self.account_id!r}, expires_in={self.expires_in})"


@dataclass(frozen=True)
class Address:
    line1: str
    line2: str | None
    postal_code: str
    city: str
    country: str


@dataclass(frozen=True)
class Profile:
    id: str
    subscriber_number: str
    email: str
    first_name: str
    last_name: str
    phone: str | None
    address: Address
    language: str
    marketing_email: bool
    marketing_sms: bool

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()


@dataclass(frozen=True)
class PlanRef:
    id: str
    name: str
    monthly_price: Money


@dataclass(frozen=True)
class Cancellation:
    effective_date: dt.date
    reason: str
    comment: str | None
    early_termination_fee: Money


@dataclass(frozen=True)
class PendingPlanChange:
    plan: PlanRef
    options: tuple[PlanRef, ...]
    effective_date: dt.date


@dataclass(frozen=True)
class Subscription:
    id: str
    contract_number: str
    plan: PlanRef
    options: tuple[PlanRef, ...]
    status: str
    start_date: dt.date
    renewal_date: dt.date | None
    commitment_end: dt.date | None
    auto_renew: bool
    decoder_number: str
    card_number: str
    next_bill_estimate: Money | None
    end_date: dt.date | None = None
    cancellation: Cancellation | None = None
    pending_plan_change: PendingPlanChange | None = None


SUBSCRIPTION_STATUSES = frozenset({"active", "pending_cancellation", "cancelled", "suspended"})


class _Reader:
    """Reads typed fields out of one JSON object, naming the resource in every error."""

    def __init__(self, resource: str, data: object) -> None:
        if not isinstance(data, Mapping):
            raise MalformedResponseError(resource, "expected an object")
        self.resource = resource
        self.data: Mapping[str, Any] = data

    def _get(self, key: str, kinds: type | tuple[type, ...], optional: bool = False) -> Any:
        if key not in self.data:
            raise MalformedResponseError(self.resource, f"missing field {key!r}")
        value = self.data[key]
        if value is None and optional:
            return None
        # bool is an int in Python: never accept it where a number is expected
        if not isinstance(value, kinds) or (
            isinstance(value, bool) and bool not in _as_tuple(kinds)
        ):
            raise MalformedResponseError(self.resource, f"field {key!r} has the wrong type")
        return value

    def text(self, key: str) -> str:
        value: str = self._get(key, str)
        return value

    def opt_text(self, key: str) -> str | None:
        value: str | None = self._get(key, str, optional=True)
        return value

    def integer(self, key: str) -> int:
        value: int = self._get(key, int)
        return value

    def flag(self, key: str) -> bool:
        value: bool = self._get(key, bool)
        return value

    def obj(self, key: str) -> _Reader:
        return _Reader(f"{self.resource}.{key}", self._get(key, Mapping))

    def opt_obj(self, key: str) -> _Reader | None:
        value = self._get(key, Mapping, optional=True)
        return None if value is None else _Reader(f"{self.resource}.{key}", value)

    def array(self, key: str) -> list[Any]:
        value: list[Any] = self._get(key, list)
        return value

    def objects(self, key: str) -> list[_Reader]:
        return [_Reader(f"{self.resource}.{key}", item) for item in self.array(key)]

    def has(self, key: str) -> bool:
        return key in self.data

    def opt_integer(self, key: str) -> int | None:
        value: int | None = self._get(key, int, optional=True)
        return value

    def datetime(self, key: str) -> dt.datetime:
        text = self.text(key)
        try:
            value = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError:
            raise MalformedResponseError(self.resource, f"field {key!r} is not a time") from None
        return value if value.tzinfo else value.replace(tzinfo=dt.UTC)

    def opt_datetime(self, key: str) -> dt.datetime | None:
        return None if self.opt_text(key) is None else self.datetime(key)

    def money(self, key: str) -> Money:
        return _money(self.obj(key))

    def opt_money(self, key: str) -> Money | None:
        reader = self.opt_obj(key)
        return None if reader is None else _money(reader)

    def date(self, key: str) -> dt.date:
        try:
            return dt.date.fromisoformat(self.text(key))
        except ValueError:
            raise MalformedResponseError(self.resource, f"field {key!r} is not a date") from None

    def opt_date(self, key: str) -> dt.date | None:
        return None if self.opt_text(key) is None else self.date(key)

    def choice(self, key: str, allowed: frozenset[str]) -> str:
        value = self.text(key)
        if value not in allowed:
            raise MalformedResponseError(self.resource, f"field {key!r} has an unknown value")
        return value


def _as_tuple(kinds: type | tuple[type, ...]) -> tuple[type, ...]:
    return kinds if isinstance(kinds, tuple) else (kinds,)


def _money(reader: _Reader) -> Money:
    currency = reader.text("currency")
    if len(currency) != 3 or not currency.isalpha():
        raise MalformedResponseError(reader.resource, "currency is not an ISO 4217 code")
    return Money(amount=reader.integer("amount"), currency=currency.upper())


def parse_tokens(data: object) -> Tokens:
    r = _Reader("login", data)
    return Tokens(
        access_token=r.text("access_token"),
        refresh_token=r.text("refresh_token"),
        expires_in=r.integer("expires_in"),
        account_id=r.text("account_id"),
    )


def parse_profile(data: object) -> Profile:
    r = _Reader("profile", data)
    a = r.obj("address")
    marketing = r.obj("marketing")
    return Profile(
        id=r.text("id"),
        subscriber_number=r.text("subscriber_number"),
        email=r.text("email"),
        first_name=r.text("first_name"),
        last_name=r.text("last_name"),
        phone=r.opt_text("phone"),
        address=Address(
            line1=a.text("line1"),
            line2=a.opt_text("line2"),
            postal_code=a.text("postal_code"),
            city=a.text("city"),
            country=a.text("country"),
        ),
        language=r.text("language"),
        marketing_email=marketing.flag("email"),
        marketing_sms=marketing.flag("sms"),
    )


def _plan_ref(r: _Reader) -> PlanRef:
    return PlanRef(
        id=r.text("id"), name=r.text("name"), monthly_price=_money(r.obj("monthly_price"))
    )


def _cancellation(r: _Reader | None) -> Cancellation | None:
    if r is None:
        return None
    return Cancellation(
        effective_date=r.date("effective_date"),
        reason=r.text("reason"),
        comment=r.opt_text("comment"),
        early_termination_fee=r.money("early_termination_fee"),
    )


def _pending_change(r: _Reader | None) -> PendingPlanChange | None:
    if r is None:
        return None
    return PendingPlanChange(
        plan=_plan_ref(r.obj("plan")),
        options=tuple(_plan_ref(o) for o in r.objects("options")),
        effective_date=r.date("effective_date"),
    )


def parse_subscription(data: object) -> Subscription:
    r = _Reader("subscription", data)
    estimate = r.opt_obj("next_bill_estimate")
    return Subscription(
        id=r.text("id"),
        contract_number=r.text("contract_number"),
        plan=_plan_ref(r.obj("plan")),
        options=tuple(_plan_ref(_Reader("subscription.options", o)) for o in r.array("options")),
        status=r.choice("status", SUBSCRIPTION_STATUSES),
        start_date=r.date("start_date"),
        renewal_date=r.opt_date("renewal_date"),
        commitment_end=r.opt_date("commitment_end"),
        auto_renew=r.flag("auto_renew"),
        decoder_number=r.text("decoder_number"),
        card_number=r.text("card_number"),
        next_bill_estimate=None if estimate is None else _money(estimate),
        end_date=r.opt_date("end_date") if r.has("end_date") else None,
        cancellation=_cancellation(r.opt_obj("cancellation")) if r.has("cancellation") else None,
        pending_plan_change=(
            _pending_change(r.opt_obj("pending_plan_change"))
            if r.has("pending_plan_change")
            else None
        ),
    )


def parse_page(resource: str, data: object) -> tuple[list[Any], str | None]:
    """Splits a list page `{"items": [...], "next_cursor": ...}` into items and cursor."""
    r = _Reader(resource, data)
    return r.array("items"), r.opt_text("next_cursor")
