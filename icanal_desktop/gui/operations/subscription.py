"""The contract: change plan, cancel or withdraw a cancellation, renew automatically."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from icanal_desktop.core import actions
from icanal_desktop.core.actions import PlanChange
from icanal_desktop.core.domain import catalog, records
from icanal_desktop.gui.operations.base import Query, Request
from icanal_desktop.gui.operations.outcomes import unchanged

__all__ = ["PlanChange", "SubscriptionData", "subscription_data"]


def preview_plan_change(
    subscription_id: str, plan_id: str, option_ids: Iterable[str] = ()
) -> Request[catalog.PlanChangePreview]:
    options = tuple(option_ids)
    return Request(
        "plan-change-preview",
        (subscription_id, plan_id, options),
        lambda client, _cache, _key: unchanged(
            actions.preview_plan_change(client, subscription_id, plan_id, options)
        ),
    )


def change_plan(
    subscription_id: str, plan_id: str, option_ids: Iterable[str] = ()
) -> Request[PlanChange]:
    """One key per change asked (plan and options): a retry after a lost answer is the
    same change; another plan is another request."""
    options = tuple(option_ids)
    return Request(
        "plan-change",
        (subscription_id, plan_id, options),
        lambda client, cache, key: actions.change_plan(
            client, cache, subscription_id, plan_id, options, idempotency_key=key
        ),
    )


def preview_cancellation(subscription_id: str) -> Request[catalog.CancellationPreview]:
    return Request(
        "cancel-preview",
        (subscription_id,),
        lambda client, _cache, _key: unchanged(
            actions.preview_cancellation(client, subscription_id)
        ),
    )


def cancel(
    subscription_id: str, reason: str, comment: str | None, when: str
) -> Request[records.Subscription]:
    return Request(
        "cancel",
        (subscription_id, reason, comment or "", when),
        lambda client, cache, key: actions.cancel_subscription(
            client, cache, subscription_id, reason, comment or None, when, idempotency_key=key
        ),
    )


def reactivate(subscription_id: str) -> Request[records.Subscription]:
    return Request(
        "reactivate",
        (subscription_id,),
        lambda client, cache, key: actions.reactivate_subscription(
            client, cache, subscription_id, idempotency_key=key
        ),
    )


def set_auto_renew(subscription_id: str, enabled: bool) -> Request[records.Subscription]:
    return Request(
        "auto-renew",
        (subscription_id, enabled),
        lambda client, cache, key: actions.set_auto_renew(
            client, cache, subscription_id, enabled, idempotency_key=key
        ),
    )


@dataclass(frozen=True)
class SubscriptionData:
    """What the Subscription tab shows: the contracts and the catalogue around them."""

    subscriptions: list[records.Subscription]
    plans: list[catalog.Plan]
    options: list[catalog.PlanOption]
    channels: list[catalog.Channel]


def subscription_data() -> Query[SubscriptionData]:
    return Query(
        "subscription-data",
        lambda cache: SubscriptionData(
            cache.subscriptions(), cache.plans(), cache.plan_options(), cache.channels()
        ),
    )
