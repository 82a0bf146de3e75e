"""The one bridge between the GUI thread and background work.

Network, keyring and disk work runs on worker threads; its result or error comes back as a
call on the GUI thread. Work that writes the cache goes to a single serial worker, so the
cache has one writer. A task started with a `key` that is already running is not started
twice (double-clicks, repeated submits). A task whose owner widget has been deleted, or that
was cancelled, never calls back.
"""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")


class TaskHandle:
    """Lets the caller cancel a task and lets the task see that it was cancelled."""

    def __init__(self, key: str | None) -> None:
        self.key = key
        self._cancelled = threading.Event()
        self.finished = threading.Event()

    def cancel(self) -> None:
        self._cancelled.set()

    @property
    def cancelled(self) -> bool:
        return self._cancelled.is_set()


class TaskRunner(QObject):
    _delivered = Signal(object)  # a zero-argument callable to run on the GUI thread

    def __init__(self, parent: QObject | None = None, max_workers: int = 4) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers, thread_name_prefix="icanal-worker")
        self._writer = ThreadPoolExecutor(1, thread_name_prefix="icanal-cache-writer")
        self._running: dict[str, TaskHandle] = {}
        self._closed = False
        self._delivered.connect(self._run_on_gui_thread, Qt.ConnectionType.QueuedConnection)

    def run(
        self,
        work: Callable[[TaskHandle], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None] | None = None,
        *,
        owner: QObject | None = None,
        key: str | None = None,
        writes_cache: bool = False,
    ) -> TaskHandle:
        """Runs `work(handle)` off the GUI thread, then `on_done(result)` or `on_error(exc)`
        on the GUI thread."""
        if key is not None and key in self._running:
            return self._running[key]
        handle = TaskHandle(key)
        if self._closed:
            handle.cancel()
            return handle
        if key is not None:
            self._running[key] = handle

        def deliver(callback: Callable[[], None]) -> None:
            def on_gui_thread() -> None:
                if key is not None and self._running.get(key) is handle:
                    del self._running[key]
                if handle.cancelled or self._closed:
                    return
                if owner is not None and not shiboken6.isValid(owner):
                    return
                callback()

            self._delivered.emit(on_gui_thread)

        def in_worker() -> None:
            try:
                result = work(handle)
            except Exception as exc:
                if on_error is None:
                    log.exception("background task failed")
                    deliver(lambda: None)
                else:
                    deliver(functools.partial(on_error, exc))
            else:
                deliver(lambda: on_done(result))
            finally:
                handle.finished.set()

        (self._writer if writes_cache else self._pool).submit(in_worker)
        return handle

    def is_running(self, key: str) -> bool:
        return key in self._running

    def _run_on_gui_thread(self, callback: Any) -> None:
        callback()

    def shutdown(self) -> None:
        """Cancels pending work and waits for running work (bounded by the HTTP timeouts)."""
        self._closed = True
        for handle in list(self._running.values()):
            handle.cancel()
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._writer.shutdown(wait=True, cancel_futures=True)
