"""The local offline store. Pure Python, no Qt."""

from icanal_desktop.cache.store import (
    AccountCache,
    AccountSnapshot,
    Alert,
    CacheNotice,
    PageState,
)

__all__ = ["AccountCache", "AccountSnapshot", "Alert", "CacheNotice", "PageState"]
