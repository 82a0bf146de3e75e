"""The one bridge between the GUI thread and background work.

Network, keyring and disk work runs on worker threads; its result or error comes back as a
call on the GUI thread. Work that writes the cache goes to a single serial worker, so the
cache has one writer. A task started with a `key` that is already running is not started
twice (double-clicks, repeated submits). A task whose owner widget has been deleted, or that
was cancelled, never calls back.

Workers are daemon threads: quitting waits a moment for running work, then leaves without
waiting for a slow server. That is safe because every cache write is one SQLite transaction,
which is either entirely there or entirely absent at the next start.
"""

from __future__ import annotations

import functools
import logging
import queue
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

T = TypeVar("T")
_STOP = object()


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


class _WorkerPool:
    """A fixed set of daemon threads taking jobs from one queue."""

    def __init__(self, name: str, size: int) -> None:
        self._jobs: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._threads = [
            threading.Thread(target=self._loop, name=f"{name}-{i}", daemon=True)
            for i in range(size)
        ]
        for thread in self._threads:
            thread.start()

    def submit(self, job: Callable[[], None]) -> None:
        self._jobs.put(job)

    def _loop(self) -> None:
        while (job := self._jobs.get()) is not _STOP:
            job()

    def stop(self, deadline: float) -> None:
        for _ in self._threads:
            self._jobs.put(_STOP)
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))


class TaskRunner(QObject):
    _delivered = Signal(object)  # a zero-argument callable to run on the GUI thread

    def __init__(self, parent: QObject | None = None, max_workers: int = 4) -> None:
        super().__init__(parent)
        self._pool = _WorkerPool("icanal-worker", max_workers)
        self._writer = _WorkerPool("icanal-cache-writer", 1)
        self._running: dict[str, TaskHandle] = {}
        self._handles: set[TaskHandle] = set()
        self._lock = threading.Lock()  # orders "closed" against emits from workers
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
            handle.finished.set()
            return handle
        if key is not None:
            self._running[key] = handle
        self._handles.add(handle)

        def on_gui_thread(callback: Callable[[], None]) -> None:
            self._handles.discard(handle)
            if key is not None and self._running.get(key) is handle:
                del self._running[key]
            if handle.cancelled or self._closed:
                return
            if owner is not None and not shiboken6.isValid(owner):
                return
            callback()

        def deliver(callback: Callable[[], None]) -> None:
            with self._lock:
                if not self._closed:
                    self._delivered.emit(functools.partial(on_gui_thread, callback))

        def in_worker() -> None:
            try:
                if handle.cancelled:
                    return
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

    @property
    def idle(self) -> bool:
        """No worker is inside a task (after shutdown: none is still finishing one)."""
        return all(h.finished.is_set() for h in self._handles)

    def _run_on_gui_thread(self, callback: Any) -> None:
        callback()

    def shutdown(self, wait_seconds: float = 2.0) -> None:
        """Cancels all work, lets running work end within `wait_seconds`, then returns.

        No callback runs after this: workers that finish later find the runner closed.
        """
        with self._lock:
            self._closed = True
        for handle in list(self._handles):
            handle.cancel()
        deadline = time.monotonic() + wait_seconds
        self._writer.stop(deadline)
        self._pool.stop(deadline)
