"""What every part of a sync shares: its report, its context, and how a list entry is
summarised to know whether what was kept for it (a detail, a PDF) is still current."""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.errors import OfflineError

Progress = Callable[[str, int, int], None]  # (what, done, total)
Cancelled = Callable[[], bool]

# Keys a list item carries when the list was asked with an expansion (bill lines, ticket
# messages): the item without them is the list entry, the whole of it is the detail.
DETAIL_KEYS = {"bill": ("lines", "payments", "pdf_path"), "ticket": ("messages",)}


@dataclass
class ArchiveReport:
    """How complete the offline archive of bill PDFs is after one pass."""

    wanted: int = 0  # bills whose PDF the archive should hold
    kept: int = 0  # of those, held and current
    downloaded: int = 0  # in this pass
    not_modified: int = 0  # asked again and answered 304 (kept as it was)
    failed: dict[str, Exception] = field(default_factory=dict)
    over_cap: int = 0  # left out because of the user's size limit
    unavailable: int = 0  # the server no longer serves them (and we never had them)
    bytes: int = 0
    cancelled: bool = False

    @property
    def complete(self) -> bool:
        return not self.failed and not self.cancelled and self.missing == 0

    @property
    def missing(self) -> int:
        """PDFs that a later pass can still fetch (failed, cancelled or not reached)."""
        return max(0, self.wanted - self.kept - self.over_cap - self.unavailable)


@dataclass
class SyncReport:
    fetched: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: dict[str, Exception] = field(default_factory=dict)
    # Resources the server does not serve at all (its whole route answers 404): a server
    # implementing part of the contract still syncs what it has.
    unsupported: list[str] = field(default_factory=list)
    cancelled: bool = False
    # "changes" when the server's changes feed answered, "walk" for the page-by-page walk.
    protocol: str = "walk"
    archive: ArchiveReport | None = None

    @property
    def ok(self) -> bool:
        archive_ok = self.archive is None or (
            not self.archive.failed and not self.archive.cancelled
        )
        return not self.failed and not self.cancelled and archive_ok

    @property
    def offline(self) -> bool:
        errors = list(self.failed.values())
        if self.archive is not None:
            errors += self.archive.failed.values()
        return any(isinstance(e, OfflineError) for e in errors)

    @property
    def saved(self) -> list[str]:
        """Every resource whose copy is current after this sync."""
        return [*self.fetched, *self.unchanged]


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
