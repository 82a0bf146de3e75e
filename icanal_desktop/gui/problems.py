"""What to tell a subscriber when something goes wrong: what happened, why, and what to do.

The one place where errors become words. `problem_from` turns every error the client,
the cache or the disk raises, and every refusal the server names in its problem details,
into a `Problem`: a translated text, the wrong fields, and whether the request may still
have been carried out. Views show problems; they never look at exception classes.
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from PySide6.QtCore import QCoreApplication

from icanal_desktop.core.cache import CacheBusyError
from icanal_desktop.core.errors import (
    CertificateError,
    ConflictError,
    ForbiddenError,
    GoneError,
    InsecureTransportError,
    InvalidCredentialsError,
    MalformedResponseError,
    NotFoundError,
    OfflineError,
    RateLimitedError,
    RequestValidationError,
    ServerError,
    SessionExpiredError,
)
from icanal_desktop.gui.models.formatting import date_text

# lupdate finds the strings of literal translate("Context", "text") calls.
translate = QCoreApplication.translate


def wait_text(seconds: float) -> str:
    """A wait that visibly counts down: "45 s", "14 min 05 s"."""
    total = max(1, math.ceil(seconds))
    if total < 60:
        return translate("Messages", "{n} s").format(n=total)
    return translate("Messages", "{m} min {s} s").format(m=total // 60, s=f"{total % 60:02d}")


class ProblemKind(enum.Enum):
    OFFLINE = "offline"  # the server was not reached, or its answer was lost
    SIGN_IN = "sign-in"  # wrong credentials, or the session ended: sign in again
    RATE_LIMITED = "rate-limited"  # too many attempts: wait `retry_after`
    INVALID = "invalid"  # some fields are wrong (checked here or by the server)
    REFUSED = "refused"  # the account's state forbids it (already paid, last method…)
    SERVER = "server"  # the server failed or sent what the app cannot read
    LOCAL = "local"  # this computer: a file, the disk, the local copy
    UNEXPECTED = "unexpected"  # a defect: the log has the details


@dataclass(frozen=True)
class Problem:
    kind: ProblemKind
    text: str  # translated: what happened, why, what to do next
    fields: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    reason: str | None = None  # the server's name for a refusal ("last-payment-method")
    retry_after: float | None = None  # seconds, when the server said how long to wait
    # The request may have been carried out (lost answer, server error, still running):
    # trying again must be the same request, with the same idempotency key.
    uncertain: bool = False
    error: Exception | None = field(default=None, repr=False, compare=False)

    @property
    def session_ended(self) -> bool:
        return self.kind is ProblemKind.SIGN_IN


def problem_from(exc: Exception) -> Problem:
    """The problem a subscriber is told about for this error."""
    text = describe_error(exc)
    if isinstance(exc, RequestValidationError):
        fields = {e.field: e.message for e in exc.field_errors}
        return Problem(ProblemKind.INVALID, text, MappingProxyType(fields), error=exc)
    if isinstance(exc, RateLimitedError):
        return Problem(ProblemKind.RATE_LIMITED, text, retry_after=exc.retry_after, error=exc)
    if isinstance(exc, ConflictError):
        in_use = exc.reason == "idempotency-key-in-use"
        return Problem(ProblemKind.REFUSED, text, reason=exc.reason, uncertain=in_use, error=exc)
    return Problem(_kind(exc), text, uncertain=_uncertain(exc), error=exc)


def _kind(exc: Exception) -> ProblemKind:
    kinds: tuple[tuple[type[Exception] | tuple[type[Exception], ...], ProblemKind], ...] = (
        ((OfflineError, CertificateError, InsecureTransportError), ProblemKind.OFFLINE),
        ((InvalidCredentialsError, SessionExpiredError), ProblemKind.SIGN_IN),
        ((NotFoundError, ForbiddenError, GoneError), ProblemKind.REFUSED),
        ((ServerError, MalformedResponseError), ProblemKind.SERVER),
        ((CacheBusyError, OSError), ProblemKind.LOCAL),
    )
    return next((kind for types, kind in kinds if isinstance(exc, types)), ProblemKind.UNEXPECTED)


def _uncertain(exc: Exception) -> bool:
    """The server may have done it: its answer was lost, it failed midway, or the app
    could not read what it said."""
    if isinstance(exc, ServerError):
        return exc.status >= 500
    return isinstance(exc, OfflineError | MalformedResponseError)


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
    if isinstance(exc, ConflictError):
        return conflict_text(exc)
    if isinstance(exc, NotFoundError):
        return translate(
            "Messages",
            "This item is no longer on the iCanal server (it may have been removed). "
            "Refresh to see your account as it is now.",
        )
    if isinstance(exc, ForbiddenError):
        return translate(
            "Messages",
            "Your account does not allow this. If you think it should, contact customer "
            "service (Support tab).",
        )
    if isinstance(exc, CertificateError):
        return translate(
            "Messages",
            "The app did not connect: the server's security certificate is not trusted. "
            "Check the server address, or your network (a public Wi-Fi may intercept it).",
        )
    if isinstance(exc, GoneError):
        return translate(
            "Messages", "The server no longer has this. Refresh to download your account again."
        )
    if isinstance(exc, CacheBusyError):
        return translate(
            "Messages",
            "The local copy of your account is in use by another program (the icanal "
            "command?). Try again in a moment.",
        )
    if isinstance(exc, OSError):
        return translate(
            "Messages",
            "The file could not be written or read ({reason}). Check the folder and the free "
            "space, then try again.",
        ).format(reason=exc.strerror or translate("Messages", "the system gave no reason"))
    # Never a class name on screen: the log (Help → Open log folder) has the details.
    return translate(
        "Messages",
        "Something went wrong in the app. Your data was kept; try again. If it happens "
        "again, the log folder (Help menu) tells customer service what happened.",
    )


def conflict_text(exc: ConflictError) -> str:
    """The server refused a change because of the account's state: why, and what to do."""
    reason, details = exc.reason, exc.details
    if reason == "bill-already-paid":
        return translate(
            "Messages", "This bill is already paid: nothing more to do. It shows as paid after "
            "the next refresh."
        )  # fmt: skip
    if reason == "email-taken":
        return translate(
            "Messages", "This email address is already used by another account. Use another one."
        )
    if reason == "idempotency-key-in-use":
        return translate(
            "Messages",
            "Your previous request is still being processed. Wait a moment and look at its "
            "result before trying again: it will not be done twice.",
        )
    if reason == "last-payment-method":
        return translate(
            "Messages",
            "This is the only payment method of an active subscription. Add another method "
            "first, then remove this one.",
        )
    if reason == "plan-change-not-allowed":
        when = _date(details.get("possible_from"))
        if when:
            return translate(
                "Messages",
                "A cheaper plan is possible once your commitment ends, on {date}. You can "
                "choose it from that day.",
            ).format(date=when)
        return translate("Messages", "This plan is not possible before your commitment ends.")
    if reason == "subscription-not-active":
        return translate(
            "Messages",
            "This subscription is no longer active, so it cannot be changed. Refresh to see "
            "its state.",
        )
    if reason == "no-pending-cancellation":
        return translate(
            "Messages",
            "There is no cancellation to withdraw: it may already have taken effect. Refresh "
            "to see your contract's state.",
        )
    return translate("Messages", "iCanal refused the change: {detail}").format(detail=str(exc))


def _date(value: object) -> str:
    try:
        return date_text(dt.date.fromisoformat(str(value))) if value else ""
    except ValueError:
        return ""
