"""Typed records of the catalog (plans, channels), previews and support, validated at the
boundary: anything malformed is a MalformedResponseError naming the resource."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from icanal_desktop.core.domain.records import Money, _Reader
from icanal_desktop.core.errors import MalformedResponseError


@dataclass(frozen=True, slots=True)
class Channel:
    id: str
    number: int
    name: str
    category: str
    hd: bool


@dataclass(frozen=True, slots=True)
class Offer:
    id: str
    title: str
    description: str
    monthly_discount: Money
    duration_months: int
    valid_until: dt.date


@dataclass(frozen=True, slots=True)
class Plan:
    id: str
    name: str
    description: str
    monthly_price: Money
    commitment_months: int
    channel_ids: tuple[str, ...]
    offers: tuple[Offer, ...]


@dataclass(frozen=True, slots=True)
class PlanOption:
    id: str
    name: str
    description: str
    monthly_price: Money


@dataclass(frozen=True, slots=True)
class PlanChangePreview:
    plan_id: str
    plan_name: str
    option_ids: tuple[str, ...]
    current_monthly_price: Money
    new_monthly_price: Money
    amount_due_now: Money
    effective_date: dt.date
    immediate: bool  # upgrades apply at once, downgrades at renewal
    new_commitment_end: dt.date | None


@dataclass(frozen=True, slots=True)
class CancellationPreview:
    earliest_effective_date: dt.date
    early_termination_fee: Money
    remaining_commitment_months: int
    commitment_end: dt.date | None
    fee_free_date: dt.date
    monthly_price: Money


@dataclass(frozen=True, slots=True)
class TicketMessage:
    id: str
    author: str  # "customer", "agent"...
    body: str
    created_at: dt.datetime


@dataclass(frozen=True, slots=True)
class Ticket:
    id: str
    number: str
    category: str
    subject: str
    status: str
    bill_id: str | None
    created_at: dt.datetime
    updated_at: dt.datetime
    message_count: int = 0

    @property
    def is_open(self) -> bool:
        return self.status != "closed"


@dataclass(frozen=True, slots=True)
class TicketThread:
    ticket: Ticket
    messages: tuple[TicketMessage, ...]


@dataclass(frozen=True, slots=True)
class FaqEntry:
    id: str
    category: str
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class Contact:
    phone: str
    hours: str
    email: str
    postal_address: str
    chat_available: bool
    response_time: str


def parse_channel(data: object) -> Channel:
    r = _Reader("channel", data)
    return Channel(
        id=r.text("id"),
        number=r.integer("number"),
        name=r.text("name"),
        category=r.text("category"),
        hd=r.flag("hd"),
    )


def _offer(r: _Reader) -> Offer:
    return Offer(
        id=r.text("id"),
        title=r.text("title"),
        description=r.text("description"),
        monthly_discount=r.money("monthly_discount"),
        duration_months=r.integer("duration_months"),
        valid_until=r.date("valid_until"),
    )


def parse_plan_option(data: object) -> PlanOption:
    r = _Reader("plan option", data)
    return PlanOption(
        id=r.text("id"),
        name=r.text("name"),
        description=r.text("description"),
        monthly_price=r.money("monthly_price"),
    )


def parse_plan(data: object) -> Plan:
    r = _Reader("plan", data)
    return Plan(
        id=r.text("id"),
        name=r.text("name"),
        description=r.text("description"),
        monthly_price=r.money("monthly_price"),
        commitment_months=r.integer("commitment_months"),
        channel_ids=tuple(_text_item("plan", c) for c in r.array("channel_ids")),
        offers=tuple(_offer(o) for o in r.objects("offers")),
    )


def _text_item(resource: str, value: object) -> str:
    if not isinstance(value, str):
        raise MalformedResponseError(resource, "a list item has the wrong type")
    return value


def parse_plan_change_preview(data: object) -> PlanChangePreview:
    r = _Reader("plan change preview", data)
    plan = r.obj("plan")
    return PlanChangePreview(
        plan_id=plan.text("id"),
        plan_name=plan.text("name"),
        option_ids=tuple(o.text("id") for o in r.objects("options")),
        current_monthly_price=r.money("current_monthly_price"),
        new_monthly_price=r.money("new_monthly_price"),
        amount_due_now=r.money("amount_due_now"),
        effective_date=r.date("effective_date"),
        immediate=r.flag("immediate"),
        new_commitment_end=r.opt_date("new_commitment_end"),
    )


def parse_cancellation_preview(data: object) -> CancellationPreview:
    r = _Reader("cancellation preview", data)
    return CancellationPreview(
        earliest_effective_date=r.date("earliest_effective_date"),
        early_termination_fee=r.money("early_termination_fee"),
        remaining_commitment_months=r.integer("remaining_commitment_months"),
        commitment_end=r.opt_date("commitment_end"),
        fee_free_date=r.date("fee_free_date"),
        monthly_price=r.money("monthly_price"),
    )


def parse_ticket(data: object) -> Ticket:
    r = _Reader("ticket", data)
    return Ticket(
        id=r.text("id"),
        number=r.text("number"),
        category=r.text("category"),
        subject=r.text("subject"),
        status=r.text("status"),
        bill_id=r.opt_text("bill_id"),
        created_at=r.datetime("created_at"),
        updated_at=r.datetime("updated_at"),
        message_count=r.integer("message_count") if r.has("message_count") else 0,
    )


def parse_ticket_message(data: object) -> TicketMessage:
    r = _Reader("ticket message", data)
    return TicketMessage(
        id=r.text("id"),
        author=r.text("author"),
        body=r.text("body"),
        created_at=r.datetime("created_at"),
    )


def parse_ticket_thread(data: object) -> TicketThread:
    r = _Reader("ticket thread", data)
    return TicketThread(
        ticket=parse_ticket(data),
        messages=tuple(parse_ticket_message(m.data) for m in r.objects("messages")),
    )


def parse_faq_entry(data: object) -> FaqEntry:
    r = _Reader("faq", data)
    return FaqEntry(
        id=r.text("id"),
        category=r.text("category"),
        question=r.text("question"),
        answer=r.text("answer"),
    )


def parse_contact(data: object) -> Contact:
    r = _Reader("contact", data)
    return Contact(
        phone=r.text("phone"),
        hours=r.text("hours"),
        email=r.text("email"),
        postal_address=r.text("postal_address"),
        chat_available=r.flag("chat_available"),
        response_time=r.text("response_time"),
    )
