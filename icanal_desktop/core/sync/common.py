"""What every part of a sync shares: its report, its context, and how a list entry is
summarised to know whether what was kept for it (a detail, a PDF) is still current."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from typing import Any

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain.reports import ArchiveReport as ArchiveReport
from icanal_desktop.core.domain.reports import SyncReport as SyncReport

Progress = Callable[[str, int, int], None]  # (what, done, total)
Cancelled = Callable[[], bool]

# Keys a list item carries when the list was asked with an expansion (bill lines, ticket
# messages): the item without them is the list entry, the whole of it is the detail.
DETAIL_KEYS = {"bill": ("lines", "payments", "pdf_path"), "ticket": ("messages",)}


class SyncCancelledError(Exception):
    pass


class RouteMissingError(Exception):
    """The server has no such route at all (a server implementing part of the contract)."""


class Context:
    def __init__(
        self,
        client: ApiClient,
        cache: AccountCache,
        cancelled: Cancelled | None,
        progress: Progress | None,
        today: dt.date,
    ) -> None:
        self.client = client
        self.cache = cache
        self._cancelled = cancelled
        self._progress = progress
        self._progress_lock = threading.Lock()
        self.today = today
        self.now = dt.datetime.now(dt.UTC).replace(microsecond=0)

    @property
    def cancelled(self) -> bool:
        return self._cancelled is not None and self._cancelled()

    def check_cancelled(self) -> None:
        if self.cancelled:
            raise SyncCancelledError

    def report(self, what: str, done: int, total: int) -> None:
        if self._progress is not None:
            with self._progress_lock:  # parts of a sync run on several threads
                self._progress(what, done, total)


def summary(payload: Any) -> str:
    """A list entry as one comparable string: a detail or a PDF kept for an entry with
    another summary is out of date."""
    return json.dumps(payload, sort_keys=True)


def split_detail(kind: str, payload: dict[str, Any]) -> tuple[dict[str, Any], bool]:
    """(the list entry, whether `payload` also carried the whole detail)."""
    keys = DETAIL_KEYS[kind]
    if keys[0] not in payload:  # a plain entry (a server that ignored the expansion)
        return payload, False
    return {k: v for k, v in payload.items() if k not in keys}, True
