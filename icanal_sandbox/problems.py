"""RFC 9457 problem details: the only shape an error ever takes on this server."""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_BASE = "https://api.icanal.example/problems/"
PROBLEM_MEDIA_TYPE = "application/problem+json"

log = logging.getLogger("icanal_sandbox")

TITLES: dict[int, str] = {
    400: "Bad request",
    401: "Unauthorized",
    403: "Forbidden",
    404: "Not found",
    405: "Method not allowed",
    406: "Not acceptable",
    409: "Conflict",
    410: "Gone",
    413: "Payload too large",
    415: "Unsupported media type",
    422: "Unprocessable content",
    429: "Too many requests",
    500: "Internal server error",
    503: "Service unavailable",
}

SLUGS: dict[int, str] = {
    400: "bad-request",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    405: "method-not-allowed",
    406: "not-acceptable",
    409: "conflict",
    410: "gone",
    413: "payload-too-large",
    415: "unsupported-media-type",
    422: "validation-error",
    429: "too-many-requests",
    500: "internal-error",
    503: "service-unavailable",
}


def problem_body(
    status: int,
    slug: str | None = None,
    detail: str | None = None,
    *,
    title: str | None = None,
    errors: Sequence[Mapping[str, str]] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> bytes:
    body: dict[str, Any] = {
        "type": PROBLEM_BASE + (slug or SLUGS.get(status, "error")),
        "title": title or TITLES.get(status, "Error"),
        "status": status,
        "detail": detail or title or TITLES.get(status, "Error"),
    }
    if errors is not None:
        body["errors"] = [dict(item) for item in errors]
    if extra:
        body.update(extra)
    return json.dumps(body, ensure_ascii=False).encode()


def problem_response(
    status: int,
    slug: str | None = None,
    detail: str | None = None,
    *,
    title: str | None = None,
    errors: Sequence[Mapping[str, str]] | None = None,
    headers: Mapping[str, str] | None = None,
    extra: Mapping[str, Any] | None = None,
) -> Response:
    return Response(
        content=problem_body(status, slug, detail, title=title, errors=errors, extra=extra),
        status_code=status,
        media_type=PROBLEM_MEDIA_TYPE,
        headers=dict(headers or {}),
    )


class ProblemError(Exception):
    """Raised anywhere in a handler to answer with a problem document."""

    def __init__(
        self,
        status: int,
        slug: str | None = None,
        detail: str | None = None,
        *,
        title: str | None = None,
        errors: Sequence[Mapping[str, str]] | None = None,
        headers: Mapping[str, str] | None = None,
        extra: Mapping[str, Any] | None = None,
    ) -> None:
        super().__init__(detail or slug or str(status))
        self.status = status
        self.slug = slug
        self.detail = detail
        self.title = title
        self.errors = errors
        self.headers = dict(headers or {})
        self.extra = dict(extra or {})

    def to_response(self) -> Response:
        return problem_response(
            self.status,
            self.slug,
            self.detail,
            title=self.title,
            errors=self.errors,
            headers=self.headers,
            extra=self.extra,
        )


def not_found(what: str = "resource") -> ProblemError:
    """The one answer for "absent" and "someone else's": identical bodies, no hint."""
    return ProblemError(404, "not-found", f"No such {what}.")


def field_error(field: str, message: str, status: int = 422) -> ProblemError:
    return ProblemError(
        status,
        "validation-error",
        "The request has invalid fields.",
        errors=[{"field": field, "message": message}],
    )


def _field_name(loc: Sequence[Any]) -> str:
    parts = [str(part) for part in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def _validation_message(error: Mapping[str, Any]) -> str:
    kind = str(error.get("type", ""))
    if kind == "extra_forbidden":
        return "Unknown or read-only field."
    if kind == "missing":
        return "This field is required."
    if kind == "json_invalid":
        return "The body is not valid JSON."
    return str(error.get("msg", "Invalid value."))


async def _on_problem(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ProblemError)
    return exc.to_response()


async def _on_validation(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = [
        {"field": _field_name(error.get("loc", ())), "message": _validation_message(error)}
        for error in exc.errors()
    ]
    return problem_response(
        422, "validation-error", "The request has invalid fields.", errors=errors
    )


async def _on_http(_request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    status = exc.status_code
    detail = exc.detail if isinstance(exc.detail, str) else None
    if status == 404:
        detail = "No such route."
    return problem_response(status, None, detail, headers=exc.headers)


async def _on_crash(_request: Request, exc: Exception) -> Response:
    log.error("unhandled error", exc_info=exc)
    return problem_response(500, "internal-error", "Something went wrong on our side.")


def install_problem_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ProblemError, _on_problem)
    app.add_exception_handler(RequestValidationError, _on_validation)
    app.add_exception_handler(StarletteHTTPException, _on_http)
    app.add_exception_handler(Exception, _on_crash)
