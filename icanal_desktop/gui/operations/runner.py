"""Carries out what views ask of the account, off the GUI thread, and answers on it.

Every request runs on the cache's single writer with the current account's client and
cache; its typed value comes back to `on_done`, or a `Problem` (never an exception) to
`on_failed`, on the GUI thread. The runner owns the idempotency keys (one per user
action, kept for its retries), tells the session what the request refreshed, and drops
the answer of an account that is no longer open or of a dialog that was closed: the
action still happened, and the session still shows its effect.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

from icanal_desktop.gui.operations.base import LocalJob, PublicRequest, Query, Request
from icanal_desktop.gui.operations.keys import IdempotencyKeys
from icanal_desktop.gui.problems import Problem, problem_from

if TYPE_CHECKING:
    from icanal_desktop.core.actions import Outcome
    from icanal_desktop.core.api import ApiClient
    from icanal_desktop.core.cache import AccountCache
    from icanal_desktop.gui.tasks import TaskHandle, TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)
Done = Callable[[T], None]
Failed = Callable[[Problem], None]


class AccountPort(Protocol):
    """What the runner needs of the session (implemented by `Session`)."""

    def work_context(self) -> tuple[object, Callable[[], tuple[ApiClient, AccountCache]]] | None:
        """The open account (an identity) and, for a worker, its client and cache."""

    def is_current(self, account: object) -> bool: ...

    def after_action(self, account: object, refreshed: list[str]) -> None: ...

    def after_failure(self, account: object, problem: Problem) -> None: ...

    def public_client(self) -> ApiClient: ...


class OperationRunner(QObject):
    running_changed = Signal(str)  # a request's name: it started or it ended
    finished = Signal(str, object)  # a request's name, its value
    failed = Signal(str, object)  # a request's name, the Problem

    def __init__(self, port: AccountPort, tasks: TaskRunner, parent: QObject | None = None):
        super().__init__(parent)
        self._port = port
        self._tasks = tasks
        self.keys = IdempotencyKeys()

    def start(
        self,
        request: Request[T],
        on_done: Done[T] | None = None,
        on_failed: Failed | None = None,
        *,
        owner: QObject | None = None,
    ) -> TaskHandle | None:
        """Sends one user action; the same action while it runs is not sent twice (its
        first attempt answers). None when no account is open."""
        context = self._port.work_context()
        if context is None:
            return None
        account, open_account = context
        name = request.name
        key = self.keys.key_for(name)

        def work(_: TaskHandle) -> Outcome[T]:
            client, cache = open_account()
            return request.perform(client, cache, key)

        def done(outcome: Outcome[T]) -> None:
            self.keys.settle(name, uncertain=False)
            self.running_changed.emit(name)
            self.finished.emit(name, outcome.value)
            if on_done is not None and _alive(owner):
                on_done(outcome.value)
            self._port.after_action(account, list(outcome.refresh.fetched))

        def failed(exc: Exception) -> None:
            problem = problem_from(exc)
            self.keys.settle(name, uncertain=problem.uncertain)
            self.running_changed.emit(name)
            self._port.after_failure(account, problem)
            self.failed.emit(name, problem)
            if on_failed is not None and _alive(owner):
                on_failed(problem)

        handle = self._tasks.run(work, done, failed, key=_task_key(name), writes_cache=True)
        self.running_changed.emit(name)
        return handle

    def is_running(self, request: Request[Any] | str) -> bool:
        name = request if isinstance(request, str) else request.name
        return self._tasks.is_running(_task_key(name))

    def read(
        self, query: Query[T], on_done: Done[T], *, owner: QObject | None = None
    ) -> TaskHandle | None:
        """Reads the current account's local copy; the same query of the same owner is not
        read twice at once (another owner, e.g. a tab rebuilt in another language, reads
        its own). `on_done` is skipped when the account changed or the owner is gone."""
        context = self._port.work_context()
        if context is None:
            return None
        account, open_account = context
        key = f"read:{query.name}@{id(owner):x}" if owner is not None else None

        def done(result: T) -> None:
            if self._port.is_current(account):
                on_done(result)

        def failed(exc: Exception) -> None:
            log.error("reading %s from the local copy failed", query.name, exc_info=exc)
            self.failed.emit(query.name, problem_from(exc))

        return self._tasks.run(
            lambda _: query.read(open_account()[1]),
            done,
            failed,
            owner=owner,
            key=key,
            writes_cache=True,
        )

    def start_public(
        self,
        request: PublicRequest[T],
        on_done: Done[T],
        on_failed: Failed,
        *,
        owner: QObject | None = None,
    ) -> TaskHandle:
        """A request that needs no account, with a client of its own."""

        def work(_: TaskHandle) -> T:
            client = self._port.public_client()
            try:
                return request.perform(client)
            finally:
                client.close()

        return self._tasks.run(
            work,
            on_done,
            lambda exc: on_failed(problem_from(exc)),
            owner=owner,
            key=f"public:{request.name}",
        )

    def run_local(
        self,
        job: LocalJob[T],
        on_done: Done[T],
        on_failed: Failed,
        *,
        owner: QObject | None = None,
    ) -> TaskHandle:
        """Local work (writing a file) on a worker: the window does not wait for the disk."""
        return self._tasks.run(
            lambda _: job.run(), on_done, lambda exc: on_failed(problem_from(exc)), owner=owner
        )


def _task_key(name: str) -> str:
    return f"action:{name}"


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)
