"""Turns a non-2xx HTTP answer (RFC 9457 problem details) into a typed ApiError."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from icanal_desktop.core.errors import (
    ApiError,
    ConflictError,
    FieldError,
    ForbiddenError,
    GoneError,
    InvalidCredentialsError,
    NotFoundError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
    SessionExpiredError,
)

if TYPE_CHECKING:
    import requests


def retry_after_seconds(response: requests.Response) -> float | None:
    value = response.headers.get("Retry-After", "")
    try:
        return max(0.0, float(value))
    except ValueError:
        return None  # an HTTP date or garbage: the caller decides how long to wait


PROBLEM_MEMBERS = frozenset({"type", "title", "status", "detail", "instance", "errors"})


def _problem(response: requests.Response) -> tuple[str, list[FieldError], str]:
    """(human message, field errors, problem slug) of a problem+json answer, if it is one."""
    body = _body(response)
    if body is None:
        return f"HTTP {response.status_code}", [], ""
    title = body.get("detail") or body.get("title") or f"HTTP {response.status_code}"
    errors = [
        FieldError(str(e.get("field", "")), str(e.get("message", "")))
        for e in body.get("errors") or []
        if isinstance(e, dict)
    ]
    slug = str(body.get("type") or "").rstrip("/").rsplit("/", 1)[-1]
    return str(title)[:500], errors, slug


def _body(response: requests.Response) -> dict[str, Any] | None:
    try:
        body = response.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _extensions(response: requests.Response) -> dict[str, object]:
    """The members a problem adds to RFC 9457's (short values only: they may be shown)."""
    body = _body(response) or {}
    return {
        k: v
        for k, v in body.items()
        if k not in PROBLEM_MEMBERS and isinstance(v, str | int | bool) and len(str(v)) <= 200
    }


def error_for(response: requests.Response, *, signing_in: bool = False) -> ApiError:
    status = response.status_code
    message, field_errors, slug = _problem(response)
    if status == 401:
        return InvalidCredentialsError(message) if signing_in else SessionExpiredError(message)
    if status == 429:
        return RateLimitedError(message, retry_after_seconds(response))
    if status in (400, 422):
        return RequestValidationError(message, field_errors)
    if status == 404:
        return NotFoundError(message)
    if status == 403:
        return ForbiddenError(message)
    if status == 410:
        return GoneError(message)
    if status == 409:
        return ConflictError(message, slug, _extensions(response))
    return ServerError(message, status)
