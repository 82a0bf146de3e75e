"""The local copy itself: its size, clearing it, the archive's size limit, the dashboard's
dismissed alerts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from icanal_desktop.gui.operations.base import Query, Request
from icanal_desktop.gui.operations.outcomes import unchanged

if TYPE_CHECKING:
    from icanal_desktop.core.actions import Outcome
    from icanal_desktop.core.api import ApiClient
    from icanal_desktop.core.cache import AccountCache
    from icanal_desktop.core.domain.account import ArchiveStatus


def size() -> Query[int]:
    return Query("cache-size", lambda cache: cache.size_bytes())


def clear() -> Request[None]:
    """Forgets everything downloaded (the next sync fetches it again); settings stay."""

    def perform(_client: ApiClient, cache: AccountCache, _key: str) -> Outcome[None]:
        cache.clear()
        return unchanged(None)

    return Request("clear-cache", (), perform)


def archive_status() -> Query[ArchiveStatus]:
    return Query("archive-status", lambda cache: cache.archive_status())


def archive_evictions(cap: int) -> Query[int]:
    """How many kept PDFs a size limit of `cap` bytes would remove (0: no limit)."""
    return Query(f"archive-evictions:{cap}", lambda cache: cache.archive_evictions(cap))


def set_archive_cap(cap: int | None) -> Request[int]:
    """Sets the archive's size limit (None: no limit); its value is the number of PDFs
    removed."""
    return Request(
        "archive-cap", (cap,), lambda _client, cache, _key: unchanged(cache.set_archive_cap(cap))
    )


def dismiss_alert(key: str) -> Request[None]:
    def perform(_client: ApiClient, cache: AccountCache, _key: str) -> Outcome[None]:
        cache.dismiss_alert(key)
        return unchanged(None)

    return Request("dismiss", (key,), perform)
