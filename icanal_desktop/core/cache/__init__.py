"""The local offline store. Pure Python, no Qt."""

from icanal_desktop.core.cache.store import (
    AccountCache,
    AccountSnapshot,
    Alert,
    CacheBusyError,
    CacheNotice,
    PageState,
)

__all__ = ["AccountCache", "AccountSnapshot", "Alert", "CacheBusyError", "CacheNotice", "PageState"]
