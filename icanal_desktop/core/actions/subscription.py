"""Subscription actions: previewing and changing the plan (with its options), previewing
and requesting a cancellation, withdrawing it (reactivation), and auto-renewal."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from icanal_desktop.core.actions.outcome import CONTRACT, Outcome, action_key, resync
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing, catalog, records
from icanal_desktop.core.errors import MalformedResponseError


def preview_plan_change(
    client: ApiClient, subscription_id: str, plan_id: str, option_ids: Iterable[str] = ()
) -> catalog.PlanChangePreview:
    data = client.send_json(
        "POST",
        f"/subscriptions/{subscription_id}/plan-change/preview",
        "plan change preview",
        {"plan_id": plan_id, "options": list(option_ids)},
    )
    return catalog.parse_plan_change_preview(data)


def change_plan(
    client: ApiClient,
    cache: AccountCache,
    subscription_id: str,
    plan_id: str,
    option_ids: Iterable[str] = (),
    *,
    idempotency_key: str | None = None,
) -> Outcome[PlanChange]:
    data = client.send_json(
        "POST",
        f"/subscriptions/{subscription_id}/plan-change",
        "plan change",
        {"plan_id": plan_id, "options": list(option_ids)},
        idempotency_key=action_key(idempotency_key),
    )
    return Outcome(parse_plan_change(data), resync(client, cache, CONTRACT))


@dataclass(frozen=True)
class PlanChange:
    subscription: records.Subscription
    preview: catalog.PlanChangePreview
    bill_id: str | None  # the pro-rata bill, when something was due now
    payment: billing.Payment | None


def parse_plan_change(data: object) -> PlanChange:
    if not isinstance(data, dict):
        raise MalformedResponseError("plan change", "expected an object")
    for key in ("subscription", "preview", "bill_id", "payment"):
        if key not in data:
            raise MalformedResponseError("plan change", f"missing field {key!r}")
    bill_id = data["bill_id"]
    if bill_id is not None and not isinstance(bill_id, str):
        raise MalformedResponseError("plan change", "field 'bill_id' has the wrong type")
    return PlanChange(
        subscription=records.parse_subscription(data["subscription"]),
        preview=catalog.parse_plan_change_preview(data["preview"]),
        bill_id=bill_id,
        payment=None if data["payment"] is None else billing.parse_payment(data["payment"]),
    )


def preview_cancellation(client: ApiClient, subscription_id: str) -> catalog.CancellationPreview:
    data = client.send_json(
        "POST",
        f"/subscriptions/{subscription_id}/cancellation/preview",
        "cancellation preview",
        {},
    )
    return catalog.parse_cancellation_preview(data)


def cancel_subscription(
    client: ApiClient,
    cache: AccountCache,
    subscription_id: str,
    reason: str,
    comment: str | None = None,
    when: str = "earliest",
    *,
    idempotency_key: str | None = None,
) -> Outcome[records.Subscription]:
    body: dict[str, Any] = {"reason": reason, "when": when}
    if comment:
        body["comment"] = comment
    data = client.send_json(
        "POST",
        f"/subscriptions/{subscription_id}/cancellation",
        "cancellation",
        body,
        idempotency_key=action_key(idempotency_key),
    )
    return Outcome(records.parse_subscription(data), resync(client, cache, CONTRACT))


def reactivate_subscription(
    client: ApiClient,
    cache: AccountCache,
    subscription_id: str,
    *,
    idempotency_key: str | None = None,
) -> Outcome[records.Subscription]:
    data = client.send_json(
        "DELETE",
        f"/subscriptions/{subscription_id}/cancellation",
        "reactivation",
        idempotency_key=action_key(idempotency_key),
    )
    return Outcome(records.parse_subscription(data), resync(client, cache, CONTRACT))


def set_auto_renew(
    client: ApiClient,
    cache: AccountCache,
    subscription_id: str,
    enabled: bool,
    *,
    idempotency_key: str | None = None,
) -> Outcome[records.Subscription]:
    data = client.send_json(
        "PATCH",
        f"/subscriptions/{subscription_id}",
        "subscription",
        {"auto_renew": enabled},
        idempotency_key=action_key(idempotency_key),
    )
    return Outcome(records.parse_subscription(data), resync(client, cache, ["subscriptions"]))
