"""Shapes shared by several resources (request bodies forbid unknown fields)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class RequestBody(BaseModel):
    """Every request body: unknown or read-only fields are a 422 (no mass assignment)."""

    model_config = ConfigDict(extra="forbid", strict=True)


class Money(BaseModel):
    amount: int = Field(description="Integer minor units (cents).")
    currency: str = Field(pattern=r"^[A-Z]{3}$", description="ISO 4217 code.")


def money(amount: int, currency: str = "EUR") -> Money:
    return Money(amount=amount, currency=currency)


class FieldProblem(BaseModel):
    field: str
    message: str


class Problem(BaseModel):
    """RFC 9457 problem details (media type application/problem+json)."""

    type: str = Field(description="https://api.icanal.example/problems/<slug>")
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] | None = Field(default=None, description="422 only.")
    retry_after: int | None = Field(default=None, description="account-locked: seconds.")
    reason: str | None = Field(default=None, description="last-payment-method: why.")
    possible_from: str | None = Field(
        default=None, description="plan-change-not-allowed: the first possible date."
    )
    subscription_status: str | None = Field(
        default=None, description="subscription-not-active, no-pending-cancellation."
    )


Language = Literal["fr", "en"]

PROBLEM_RESPONSES: dict[int | str, dict[str, object]] = {
    code: {"model": Problem, "content": {"application/problem+json": {}}}
    for code in (400, 401, 404, 409, 413, 422, 429)
}
