"""Typed errors of the API client. Their texts never contain secrets (tokens, passwords)."""

from __future__ import annotations

from dataclasses import dataclass


class ApiError(Exception):
    """Base of every error the API client raises."""


class InsecureTransportError(ApiError):
    """The server URL would send credentials in clear text (http:// to a non-loopback host)."""


class OfflineError(ApiError):
    """The server could not be reached (DNS, refused connection, timeout, dropped connection)."""


class CertificateError(ApiError):
    """The server's TLS certificate is not trusted (self-signed, wrong host, expired...)."""


class InvalidCredentialsError(ApiError):
    """Wrong login or password (the server does not say which)."""


class SessionExpiredError(ApiError):
    """The access and refresh tokens are no longer accepted: the user must sign in again."""


class RateLimitedError(ApiError):
    """Too many requests, or an account locked after failed sign-ins (HTTP 429).

    `retry_after` is the wait the server asked for, in seconds (None when it did not say).
    """

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


@dataclass(frozen=True)
class FieldError:
    field: str
    message: str


class RequestValidationError(ApiError):
    """The server refused the request's content (HTTP 400/422), with per-field reasons."""

    def __init__(self, message: str, field_errors: list[FieldError]) -> None:
        super().__init__(message)
        self.field_errors = field_errors


class NotFoundError(ApiError):
    """The resource does not exist (or belongs to another account, which looks the same)."""


class ConflictError(ApiError):
    """The server refused the change because of the resource's state (HTTP 409).

    `reason` is the server's machine-readable reason (the problem type's last part), e.g.
    the last payment method of an active subscription cannot be removed; `details`, the
    problem's other members that say more (e.g. `possible_from`, a date).
    """

    def __init__(
        self, message: str, reason: str = "", details: dict[str, object] | None = None
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.details = details or {}


class GoneError(ApiError):
    """The server can no longer answer this (HTTP 410): e.g. a changes-feed state too old
    to compute what changed since; the client syncs in full instead."""


class ForbiddenError(ApiError):
    """The server refused the action for this account (HTTP 403)."""


class ServerError(ApiError):
    """The server failed (HTTP 5xx) or answered with a status the client does not expect."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


class MalformedResponseError(ApiError):
    """The server's answer could not be understood: bad JSON, missing or mistyped fields."""

    def __init__(self, resource: str, reason: str) -> None:
        super().__init__(f"malformed {resource}: {reason}")
        self.resource = resource
        self.reason = reason


class CacheBusyError(Exception):
    """Another process (the app and `icanal` at once) kept the cache locked too long: the
    file is fine, try again later. Never a reason to set the file aside."""
