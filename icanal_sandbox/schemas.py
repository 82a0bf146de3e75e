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

    type: str
    title: str
    status: int
    detail: str
    errors: list[FieldProblem] | None = None


Language = Literal["fr", "en"]

PROBLEM_RESPONSES: dict[int | str, dict[str, object]] = {
    code: {"model": Problem, "content": {"application/problem+json": {}}}
    for code in (400, 401, 404, 409, 413, 422, 429)
}
