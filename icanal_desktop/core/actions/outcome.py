"""What every action returns and how it brings the cache up to date afterwards: `Outcome`
(the value, and the report of the refresh), the refresh of only the resources an action
changed, and the idempotency key an action sends when the caller passed none."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.client import new_idempotency_key
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.sync import SyncReport, sync_account

T = TypeVar("T")

# What a change of contract (plan, cancellation, reactivation) may have changed.
CONTRACT = ("subscriptions", "bills", "payments")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """What an action returned, and how refreshing the cache after it went."""

    value: T
    refresh: SyncReport


def resync(client: ApiClient, cache: AccountCache, names: Iterable[str]) -> SyncReport:
    """Fetches these resources again after an action (no PDF archive)."""
    return sync_account(client, cache, resources=tuple(names), archive=False)


def refresh(client: ApiClient, cache: AccountCache, names: Iterable[str]) -> Outcome[None]:
    """Fetches only these resources again (e.g. tickets while a chat awaits an answer)."""
    return Outcome(None, resync(client, cache, names))


def action_key(key: str | None) -> str:
    """The caller's idempotency key, or a new one for an action sent once."""
    return key or new_idempotency_key()
