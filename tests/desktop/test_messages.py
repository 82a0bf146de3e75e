"""Every error a user can meet has a message with the reason and the next step, in words:
never an exception's class name (the one place that words them: gui/problems.py)."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from icanal_desktop.core import actions
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import CacheBusyError
from icanal_desktop.core.errors import (
    ApiError,
    CertificateError,
    ConflictError,
    FieldError,
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
from icanal_desktop.gui.problems import describe_error

from ..conftest import DEMO, SandboxProcess

ERRORS: list[Exception] = [
    CertificateError("x"),
    ConflictError("This bill is already paid.", "bill-already-paid"),
    ConflictError("x", "email-taken"),
    ConflictError("x", "idempotency-key-in-use"),
    ConflictError("x", "last-payment-method"),
    ConflictError("x", "plan-change-not-allowed", {"possible_from": "2027-03-01"}),
    ConflictError("x", "plan-change-not-allowed"),
    ConflictError("x", "subscription-not-active"),
    ConflictError("x", "no-pending-cancellation"),
    ConflictError("The plan cannot be changed today.", "something-new"),
    ForbiddenError("x"),
    GoneError("x"),
    InsecureTransportError("x"),
    InvalidCredentialsError("x"),
    MalformedResponseError("bills", "x"),
    NotFoundError("x"),
    OfflineError("x"),
    RateLimitedError("x", 90),
    RateLimitedError("x", None),
    RequestValidationError("x", [FieldError("iban", "bad")]),
    ServerError("x", 503),
    SessionExpiredError("x"),
    CacheBusyError("x"),
    PermissionError(13, "Permission denied"),
    ApiError("x"),
    RuntimeError("x"),
]


@pytest.mark.parametrize("error", ERRORS, ids=lambda e: type(e).__name__)
def test_no_class_name_ever_reaches_the_screen(error: Exception) -> None:
    text = describe_error(error)
    assert len(text) > 30
    for name in ("Error", "Exception", type(error).__name__):
        assert name not in text, text


def test_a_refusal_says_why_and_what_to_do() -> None:
    text = describe_error(
        ConflictError("x", "plan-change-not-allowed", {"possible_from": "2027-03-01"})
    )
    assert "commitment ends" in text
    assert "2027" in text  # the date, as the locale writes it
    assert "Add another method first" in describe_error(ConflictError("x", "last-payment-method"))
    unknown = describe_error(ConflictError("The plan cannot be changed today.", "something-new"))
    assert unknown == "iCanal refused the change: The plan cannot be changed today."


def _refusal_of_the_cheapest_plan(url: str) -> ConflictError:
    """A worker's job (never HTTP on the GUI thread): the server's refusal, as caught."""
    client = ApiClient(url)
    try:
        client.login(*DEMO)
        sub = client.get_json("subscriptions", "/subscriptions").data["items"][0]
        plans = client.get_json("plans", "/plans").data["items"]
        cheapest = min(plans, key=lambda p: p["monthly_price"]["amount"])
        try:
            actions.preview_plan_change(client, sub["id"], cheapest["id"])
        except ConflictError as exc:
            return exc
        raise AssertionError("the sandbox allowed a cheaper plan during the commitment")
    finally:
        client.close()


def test_a_cheaper_plan_during_the_commitment_says_from_when(sandbox: SandboxProcess) -> None:
    with ThreadPoolExecutor(1) as worker:
        refused = worker.submit(_refusal_of_the_cheapest_plan, sandbox.url).result()
    assert refused.reason == "plan-change-not-allowed"
    text = describe_error(refused)
    day = dt.date.fromisoformat(str(refused.details["possible_from"]))
    assert text.startswith("A cheaper plan is possible once your commitment ends, on ")
    assert date_text(day) in text
