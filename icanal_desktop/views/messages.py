"""What to tell a subscriber when something goes wrong: what happened and what to do."""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from icanal_desktop.api.errors import (
    InsecureTransportError,
    InvalidCredentialsError,
    MalformedResponseError,
    OfflineError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
    SessionExpiredError,
)

# lupdate finds the strings of literal translate("Context", "text") calls.
translate = QCoreApplication.translate


def wait_text(seconds: float) -> str:
    """A wait that visibly counts down: "45 s", "14 min 05 s"."""
    total = max(1, math.ceil(seconds))
    if total < 60:
        return translate("Messages", "{n} s").format(n=total)
    return translate("Messages", "{m} min {s} s").format(m=total // 60, s=f"{total % 60:02d}")


def describe_error(exc: Exception) -> str:
    if isinstance(exc, InvalidCredentialsError):
        return translate(
            "Messages",
            "The email, subscriber number or password is not right. "
            "Check them and try again, or use “Forgot password”.",
        )
    if isinstance(exc, RateLimitedError):
        if exc.retry_after:
            return translate(
                "Messages", "Too many attempts. For your security, try again in {wait}."
            ).format(wait=wait_text(exc.retry_after))
        return translate(
            "Messages", "Too many attempts. For your security, try again in a few minutes."
        )
    if isinstance(exc, OfflineError):
        return translate(
            "Messages",
            "The iCanal server cannot be reached. Check your internet connection, then try again.",
        )
    if isinstance(exc, SessionExpiredError):
        return translate("Messages", "Your session has ended. Please sign in again.")
    if isinstance(exc, InsecureTransportError):
        return translate(
            "Messages", "This server address is not secure (it must start with https://)."
        )
    if isinstance(exc, RequestValidationError):
        return translate("Messages", "The server refused the request: {detail}").format(
            detail=str(exc)
        )
    if isinstance(exc, ServerError):
        return translate(
            "Messages",
            "The iCanal server has a problem (error {status}). Your data is safe; "
            "try again in a few minutes.",
        ).format(status=exc.status)
    if isinstance(exc, MalformedResponseError):
        return translate(
            "Messages",
            "The server sent data the app cannot read ({resource}). Your saved data was "
            "kept; try again later.",
        ).format(resource=exc.resource)
    return translate(
        "Messages", "Something went wrong ({kind}). Your data was kept; try again."
    ).format(kind=type(exc).__name__)
