"""The session's data side: syncing the open account, its PDF archive on the pool, and the
dashboard's snapshot read after each change. A mixin of `Session`, which owns the state
and the signals named below."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.cache import AccountSnapshot
from icanal_desktop.core.sync import (
    ALL_RESOURCES,
    ArchiveReport,
    SyncReport,
    sync_account,
    sync_archive,
)
from icanal_desktop.gui.session.account import ConnectionState, OpenAccount, is_connection_error
from icanal_desktop.gui.tasks import TaskHandle, TaskRunner

if TYPE_CHECKING:
    from PySide6.QtCore import QTimer, SignalInstance


@dataclass(frozen=True)
class _SyncOutcome:
    report: SyncReport
    snapshot: AccountSnapshot


class SyncMixin:
    if TYPE_CHECKING:  # what Session provides
        _current: OpenAccount | None
        _runner: TaskRunner
        _data_dir: Path
        _registry: AccountRegistry
        _snapshot_timer: QTimer
        snapshot: AccountSnapshot | None
        busy_changed: SignalInstance
        snapshot_changed: SignalInstance
        sync_finished: SignalInstance
        archive_finished: SignalInstance
        resources_changed: SignalInstance
        sync_progress: SignalInstance
        _sync_ready: SignalInstance

        @property
        def busy(self) -> bool: ...
        def _restore(self, current: OpenAccount) -> None: ...
        def _on_connection_error(self, exc: Exception) -> None: ...
        def _set_state(self, state: ConnectionState, reason: Exception | None = None) -> None: ...
        def _unexpected(self, exc: Exception) -> None: ...

    # -- sync -------------------------------------------------------------------------------
    def sync(self) -> TaskHandle | None:
        current = self._current
        if current is None or current.known is None:
            return None
        if not current.client.signed_in:
            self._restore(current)
            return None

        announced: set[str] = set()
        ready_seen = threading.Event()  # the archive was started by the ready signal

        def ready(names: list[str]) -> None:
            announced.update(names)
            ready_seen.set()
            self._sync_ready.emit(current, names)

        def work(handle: TaskHandle) -> _SyncOutcome:
            cache = current.open_cache(self._data_dir)
            report = sync_account(
                current.client,
                cache,
                cancelled=lambda: handle.cancelled,
                progress=self.sync_progress.emit,  # queued to the GUI thread by Qt
                archive=False,  # on the pool instead, once the bills are saved (_archive)
                on_ready=ready,
            )
            snapshot = cache.snapshot()
            self._remember_display_name(current, snapshot)
            return _SyncOutcome(report, snapshot)

        def done(outcome: _SyncOutcome) -> None:
            report = outcome.report
            healthy = not report.cancelled and not report.offline
            if current is self._current and healthy and not ready_seen.is_set():
                self._archive(current)  # started first: the window stays busy until it ends
            self.busy_changed.emit(self.busy)
            if current is not self._current:
                return
            self._show_snapshot(outcome.snapshot)
            fresh = set(outcome.report.fetched) - announced
            if fresh:
                self.resources_changed.emit(frozenset(fresh))
            connection_errors = [
                e for e in outcome.report.failed.values() if is_connection_error(e)
            ]
            if connection_errors:
                self._on_connection_error(connection_errors[0])
            else:
                self._set_state(ConnectionState.ONLINE)
            self.sync_finished.emit(outcome.report)

        def failed(exc: Exception) -> None:
            self.busy_changed.emit(self.busy)
            if current is self._current:
                self._on_connection_error(exc)
                self.sync_finished.emit(SyncReport(failed={"sync": exc}))

        handle = self._runner.run(work, done, failed, key=current.sync_key, writes_cache=True)
        current.syncing = handle
        self.busy_changed.emit(True)
        return handle

    def _archive(self, current: OpenAccount) -> None:
        """The PDFs the archive lacks, from the moment a sync saved the bills (or after a
        sync that never got that far), on the pool: not the writer, so the window's reads
        and the user's actions go on meanwhile. Several at once, each its own transaction."""
        cache = current.cache
        if cache is None:
            return

        def work(handle: TaskHandle) -> ArchiveReport:
            return sync_archive(
                current.client,
                cache,
                cancelled=lambda: handle.cancelled,
                progress=self.sync_progress.emit,
            )

        def done(report: ArchiveReport) -> None:
            self.busy_changed.emit(self.busy)
            if current is self._current:
                self.archive_finished.emit(report)

        def failed(exc: Exception) -> None:
            self.busy_changed.emit(self.busy)
            if current is self._current:
                self.archive_finished.emit(ArchiveReport(failed={"archive": exc}))

        current.archiving = self._runner.run(work, done, failed, key=current.archive_key)

    def _on_sync_ready(self, current: OpenAccount, names: list[str]) -> None:
        """The window shows what is saved while the rest of the sync runs, and the archive
        starts downloading the saved bills' PDFs alongside it."""
        if current is not self._current:
            return
        self._archive(current)
        if names:
            self.resources_changed.emit(frozenset(names))
        self._snapshot_timer.start()

    def _remember_display_name(self, current: OpenAccount, snapshot: AccountSnapshot) -> None:
        """Writer thread: keeps the account switcher's label up to date."""
        known = current.known
        if known is None or snapshot.profile is None:
            return
        name = snapshot.profile.full_name
        if name and name != known.display_name:
            current.known = replace(known, display_name=name)
            self._registry.update(current.known)

    # -- snapshot ---------------------------------------------------------------------------
    def _reload_snapshot(self, then: Callable[[], None] | None = None) -> None:
        """Reads the current account's snapshot off the GUI thread and shows it; `then`
        runs after it, whether the read worked or not."""
        current = self._current
        if current is None or current.known is None:
            if then is not None:
                then()
            return

        def done(snapshot: AccountSnapshot) -> None:
            try:
                if current is self._current:
                    first = self.snapshot is None
                    self._show_snapshot(snapshot)
                    if first:  # a newly opened account: every tab loads what it shows
                        self.resources_changed.emit(frozenset(ALL_RESOURCES))
            finally:
                if then is not None:
                    then()

        def failed(exc: Exception) -> None:
            self._unexpected(exc)
            if then is not None:
                then()

        self._runner.run(
            lambda _: current.open_cache(self._data_dir).snapshot(),
            done,
            failed,
            writes_cache=True,
        )

    def _show_snapshot(self, snapshot: AccountSnapshot) -> None:
        self.snapshot = snapshot
        self.snapshot_changed.emit(snapshot)
