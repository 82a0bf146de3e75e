"""Fills one account's cache from the server: api -> validated records -> cache. No Qt."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from icanal_desktop.api import ApiClient, records
from icanal_desktop.api.errors import ApiError, MalformedResponseError, OfflineError
from icanal_desktop.cache import AccountCache


@dataclass
class SyncReport:
    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, Exception] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.failed


def _sync_profile(client: ApiClient, cache: AccountCache) -> bool:
    got = client.get_profile(cache.etag("profile"))
    if got.not_modified:
        return False
    records.parse_profile(got.data)  # validate before anything is written
    cache.save_document("profile", got.data, got.etag)
    return True


def _sync_subscriptions(client: ApiClient, cache: AccountCache) -> bool:
    got = client.get_subscriptions(cache.etag("subscriptions"))
    if got.not_modified:
        return False
    items, cursor = records.parse_page("subscriptions", got.data)
    if cursor is not None:
        raise MalformedResponseError("subscriptions", "paginated beyond one page")
    for item in items:
        records.parse_subscription(item)
    cache.save_document("subscriptions", items, got.etag)
    return True


RESOURCES: dict[str, Callable[[ApiClient, AccountCache], bool]] = {
    "profile": _sync_profile,
    "subscriptions": _sync_subscriptions,
}


def sync_account(
    client: ApiClient, cache: AccountCache, *, cancelled: Callable[[], bool] | None = None
) -> SyncReport:
    """Syncs every resource; one failing resource does not stop the others.

    Losing the network stops the sync at once: the next resources would fail the same way.
    """
    report = SyncReport()
    for name, sync_one in RESOURCES.items():
        if cancelled is not None and cancelled():
            break
        try:
            changed = sync_one(client, cache)
        except OfflineError as exc:
            report.failed[name] = exc
            break
        except ApiError as exc:
            report.failed[name] = exc
            continue
        (report.fetched if changed else report.unchanged).append(name)
    if report.ok:
        cache.mark_synced()
    return report
