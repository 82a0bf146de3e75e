"""One account's sync, in the order a subscriber needs it.

1. With a changes-feed state: one request says what changed; only that is written, and an
   unchanged account costs exactly that one request.
2. Without one (first sync, or a state the server no longer knows): the server's state is
   asked first, then every resource is walked, several at once over the client's pooled
   connections, the dashboard's and the bills list's first; `on_ready` tells when those
   are saved, so the window is useful while the rest arrives. The state is kept only once
   every resource was saved: a half-done sync is asked again, never taken as complete.
3. A server without the feed gets the page-by-page walk with ETags at every sync.
4. Then the PDF archive (sync/archive.py).

Each resource is validated whole and written in one transaction; one failing resource does
not stop the others; a lost connection stops the sync (the rest would fail the same way).
`last_sync` moves only when every resource was saved.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from collections.abc import Callable, Iterable

from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.errors import ApiError, GoneError, NotFoundError, OfflineError
from icanal_desktop.core.sync import feed
from icanal_desktop.core.sync.archive import sync_archive
from icanal_desktop.core.sync.common import (
    ArchiveReport,
    Cancelled,
    Context,
    Progress,
    RouteMissingError,
    SyncCancelledError,
    SyncReport,
)
from icanal_desktop.core.sync.parallel import run_parallel
from icanal_desktop.core.sync.walk import sync_resource

log = logging.getLogger(__name__)

# The order of a full sync: what the dashboard and the bills list need first.
ALL_RESOURCES = (
    "profile",
    "subscriptions",
    "bills",
    "payment_methods",
    "payments",
    "plans",
    "channels",
    "tickets",
    "faq",
    "contact",
)
READY_RESOURCES = frozenset({"profile", "subscriptions", "bills", "payment_methods"})
WALK_CONNECTIONS = 6  # resources walked at once (each walks its own pages in order)

Ready = Callable[[list[str]], None]


def sync_account(
    client: ApiClient,
    cache: AccountCache,
    *,
    cancelled: Cancelled | None = None,
    progress: Progress | None = None,
    resources: Iterable[str] = ALL_RESOURCES,
    today: dt.date | None = None,
    archive: bool = True,
    on_ready: Ready | None = None,
) -> SyncReport:
    """Syncs the account (the feed covers every resource; a walk the given ones). With
    `archive`, the PDFs the archive lacks are downloaded too, from the moment the bills are
    saved (alongside the rest of the sync: over a slow link the two overlap)."""
    ctx = Context(client, cache, cancelled, progress, today or dt.date.today())
    names = list(resources)
    report = SyncReport()
    archiver: _Archiver | None = None

    def ready(saved: list[str]) -> None:
        nonlocal archiver
        if archive and archiver is None:
            archiver = _Archiver(ctx)
        if on_ready is not None:
            on_ready(saved)

    try:
        if not _sync_by_feed(ctx, names, report, ready):
            _walk(ctx, names, report, ready)
    except SyncCancelledError:
        report.cancelled = True
    everything = report.protocol == "changes" or set(names) >= set(ALL_RESOURCES)
    if not report.failed and not report.cancelled and everything:
        cache.mark_synced()
    if archiver is not None:
        report.archive = archiver.result()
    elif archive and not report.cancelled and not report.offline:
        report.archive = sync_archive(client, cache, cancelled=cancelled, progress=progress)
    ctx.report("done", len(names), len(names))
    return report


class _Archiver:
    """The archive's pass on a thread of its own, started when the bills are saved; its
    progress goes through the sync's (serialized with the walk's)."""

    def __init__(self, ctx: Context) -> None:
        self._report: ArchiveReport | None = None
        self._error: BaseException | None = None

        def run() -> None:
            try:
                self._report = sync_archive(
                    ctx.client, ctx.cache, cancelled=lambda: ctx.cancelled, progress=ctx.report
                )
            except BaseException as exc:  # handed to the sync's thread by result()
                self._error = exc

        self._thread = threading.Thread(target=run, name="icanal-archive-pass", daemon=True)
        self._thread.start()

    def result(self) -> ArchiveReport:
        self._thread.join()
        if self._error is not None:
            raise self._error
        assert self._report is not None
        return self._report


def _sync_by_feed(
    ctx: Context, names: list[str], report: SyncReport, on_ready: Ready | None
) -> bool:
    """False when the feed cannot be used (no server support, or no state and only part
    of the account asked): the caller walks instead."""
    state = ctx.cache.changes_state()
    if state is None:
        return _first_sync(ctx, names, report, on_ready)
    changed: list[str] = []
    for _ in range(feed.MAX_ROUNDS):
        ctx.check_cancelled()
        ctx.report("changes", 0, 1)
        try:
            changes = feed.changes_since(ctx, state)
        except GoneError:
            log.info("the server no longer knows our changes state: syncing in full")
            ctx.cache.save_changes_state(None)
            return _first_sync(ctx, names, report, on_ready)
        except NotFoundError:
            log.info("the server has no changes feed any more: walking")
            ctx.cache.save_changes_state(None)
            return False
        except ApiError as exc:
            report.protocol = "changes"
            report.failed["changes"] = exc
            return True
        report.protocol = "changes"
        catalogs = [n for n in feed.CATALOG_TYPES if n in changes.catalog]
        if catalogs:
            _walk(ctx, sorted(catalogs), report, None)
        try:
            # The state moves only if the catalogs it names were walked: else the same
            # changes are asked again next time (applying them twice is harmless).
            changed += feed.apply_changes(ctx, changes, save_state=not report.failed)
        except ApiError as exc:
            report.failed["changes"] = exc
        if report.failed or not changes.more:
            break
        state = changes.state
    report.fetched = _ordered({*report.fetched, *changed})
    report.unchanged = _ordered(set(ALL_RESOURCES) - set(report.fetched) - set(report.failed))
    if on_ready is not None and not report.failed:
        on_ready(report.fetched)
    return True


def _first_sync(ctx: Context, names: list[str], report: SyncReport, on_ready: Ready | None) -> bool:
    if not set(names) >= set(ALL_RESOURCES):
        return False  # a state covers the whole account: a partial walk cannot earn one
    try:
        state = feed.current_state(ctx)
    except NotFoundError:
        log.info("the server has no changes feed: walking its lists")
        return False
    except OfflineError as exc:
        report.failed["changes"] = exc
        return True
    except ApiError as exc:
        log.warning("the changes feed failed (%s): walking its lists", type(exc).__name__)
        return False
    report.protocol = "changes"
    _walk(ctx, names, report, on_ready)
    if not report.failed and not report.cancelled:
        ctx.cache.save_changes_state(state)
    return True


def _walk(ctx: Context, names: list[str], report: SyncReport, on_ready: Ready | None) -> None:
    """Walks the resources, several at once, the dashboard's first."""
    order = _ordered(set(names)) + [n for n in names if n not in ALL_RESOURCES]
    stop = threading.Event()  # the link is gone: what has not started is not sent
    waiting_for = set(order) & READY_RESOURCES
    done = 0

    def one(name: str) -> bool | None:
        if stop.is_set():
            return None
        ctx.check_cancelled()
        return sync_resource(ctx, name)

    for outcome in run_parallel(order, one, WALK_CONNECTIONS, stop, "icanal-sync"):
        name = outcome.item
        done += 1
        ctx.report(name, done, len(order))
        try:
            if outcome.error is not None:
                raise outcome.error
        except SyncCancelledError:
            report.cancelled = True
            stop.set()
            continue
        except OfflineError as exc:
            report.failed[name] = exc
            stop.set()
            continue
        except RouteMissingError:
            log.warning("the server has no %s", name)
            report.unsupported.append(name)
            continue
        except ApiError as exc:
            log.warning("sync of %s failed: %s", name, type(exc).__name__)
            report.failed[name] = exc
            continue
        if outcome.result is None:
            continue  # not started: the link was gone
        (report.fetched if outcome.result else report.unchanged).append(name)
        waiting_for.discard(name)
        if on_ready is not None and not waiting_for and READY_RESOURCES & set(order):
            on_ready(_ordered(set(report.fetched)))
            on_ready = None
    report.fetched = _ordered(set(report.fetched)) + sorted(
        set(report.fetched) - set(ALL_RESOURCES)
    )
    report.unchanged = _ordered(set(report.unchanged))
    report.unsupported = _ordered(set(report.unsupported))


def _ordered(names: set[str]) -> list[str]:
    return [n for n in ALL_RESOURCES if n in names]
