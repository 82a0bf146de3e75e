"""The window's single facade over the signed-in account: sign-in, offline start, sync,
actions, sign-out and switching between the accounts known on this computer.

Views call its methods and listen to its signals. The work happens in TaskRunner workers:
the GUI thread never waits on the network, the keyring or the disk. Everything that touches
an account's cache runs on the runner's single writer, so the cache has one writer.
"""

from __future__ import annotations

import logging
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TypeVar

import shiboken6
from PySide6.QtCore import QObject, QTimer, Signal

from icanal_desktop.core.accounts import AccountRegistry, KnownAccount
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.cache import AccountCache, AccountSnapshot
from icanal_desktop.core.cache.paths import account_dir
from icanal_desktop.core.credentials import CredentialStore, StorageStatus
from icanal_desktop.core.domain import records
from icanal_desktop.core.errors import (
    InvalidCredentialsError,
    SessionExpiredError,
)
from icanal_desktop.core.reconnect import ReconnectSchedule
from icanal_desktop.core.sync import (
    SyncReport,
)
from icanal_desktop.gui.operations.runner import OperationRunner
from icanal_desktop.gui.problems import Problem, problem_from
from icanal_desktop.gui.session.account import ConnectionState, OpenAccount, is_connection_error
from icanal_desktop.gui.session.syncing import SyncMixin
from icanal_desktop.gui.tasks import TaskHandle, TaskRunner

T = TypeVar("T")
log = logging.getLogger(__name__)
ClientFactory = Callable[[str], ApiClient]

SIGN_IN_TASK = "sign-in"
RESTORE_TASK = "restore"
SYNC_TASK = "sync"
SYNC_INTERVAL_MS = 15 * 60 * 1000


class Session(SyncMixin, QObject):
    state_changed = Signal(object)  # ConnectionState
    account_opened = Signal(object)  # KnownAccount: time to show the main window
    sign_in_needed = Signal(object)  # KnownAccount | None: show the sign-in dialog
    signed_in = Signal()
    sign_in_failed = Signal(object)  # the Problem
    signed_out = Signal()
    busy_changed = Signal(bool)  # a sign-in, a sync or its archive's downloads are running
    snapshot_changed = Signal(object)  # AccountSnapshot
    sync_finished = Signal(object)  # SyncReport
    archive_finished = Signal(object)  # ArchiveReport: the PDFs kept offline after a sync
    accounts_changed = Signal(object)  # list[KnownAccount]
    secure_storage_checked = Signal(object)  # StorageStatus
    resources_changed = Signal(object)  # frozenset of resource names (see sync.ALL_RESOURCES)
    sync_progress = Signal(str, int, int)  # resource, done, total (emitted from the worker)
    # The dashboard's and the bills list's data are saved while the sync goes on (emitted
    # from the worker; its names, the resources that changed so far).
    _sync_ready = Signal(object, object)  # the OpenAccount, list[str]

    def __init__(
        self,
        client_factory: ClientFactory,
        credentials: CredentialStore,
        registry: AccountRegistry,
        runner: TaskRunner,
        data_dir: Path,
        server_url: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client_factory = client_factory
        self._credentials = credentials
        self._registry = registry
        self._runner = runner
        self._data_dir = data_dir
        self.server_url = server_url
        self._current: OpenAccount | None = None
        self.state = ConnectionState.SIGNED_OUT
        self.offline_reason: Exception | None = None
        self.snapshot: AccountSnapshot | None = None
        self.storage_status: StorageStatus | None = None
        self.accounts: list[KnownAccount] = []

        self._reconnect = ReconnectSchedule()
        self._reconnect_timer = QTimer(self)
        self._reconnect_timer.setSingleShot(True)
        self._reconnect_timer.timeout.connect(self._try_again)
        self._sync_timer = QTimer(self)
        self._sync_timer.setInterval(SYNC_INTERVAL_MS)
        self._sync_timer.timeout.connect(self.sync)
        self._snapshot_timer = QTimer(self)  # merges bursts of changes into one reload
        self._snapshot_timer.setSingleShot(True)
        self._snapshot_timer.setInterval(50)
        self._snapshot_timer.timeout.connect(self._reload_snapshot)
        self._sync_ready.connect(self._on_sync_ready)  # queued: emitted from the writer
        # Every user action, on-demand fetch and read of the local copy goes through it.
        self.operations = OperationRunner(self, runner, self)

    # -- read-only views --------------------------------------------------------------------
    @property
    def account(self) -> KnownAccount | None:
        return None if self._current is None else self._current.known

    @property
    def account_id(self) -> str | None:
        return None if self.account is None else self.account.account_id

    @property
    def busy(self) -> bool:
        keys = [SIGN_IN_TASK, RESTORE_TASK]
        if self._current is not None:
            keys += [self._current.sync_key, self._current.archive_key]
        return any(self._runner.is_running(k) for k in keys)

    @property
    def online(self) -> bool:
        return self.state == ConnectionState.ONLINE

    @property
    def offline_problem(self) -> Problem | None:
        """Why the account is offline, in words (None when it is not)."""
        reason = self.offline_reason
        return None if reason is None else problem_from(reason)

    def seconds_until_retry(self) -> int:
        return max(0, self._reconnect_timer.remainingTime() // 1000)

    # -- start-up ---------------------------------------------------------------------------
    def start(self) -> None:
        """Opens the last remembered account of this server (offline if need be), or asks
        for a sign-in."""

        def work(_: TaskHandle) -> tuple[list[KnownAccount], KnownAccount | None]:
            return self._registry.all(), self._registry.last_remembered(self.server_url)

        def done(found: tuple[list[KnownAccount], KnownAccount | None]) -> None:
            accounts, remembered = found
            self._set_accounts(accounts)
            if remembered is not None:
                self.open_account(remembered, at_start=True)
            else:
                self.sign_in_needed.emit(accounts[0] if accounts else None)

        self._runner.run(work, done, self._unexpected)

    def check_secure_storage(self) -> None:
        def done(status: StorageStatus) -> None:
            self.storage_status = status
            self.secure_storage_checked.emit(status)

        self._runner.run(lambda _: self._credentials.status(), done, key="keyring-check")

    # -- sign-in ----------------------------------------------------------------------------
    def sign_in(self, login: str, password: str, remember: bool) -> TaskHandle:
        current = OpenAccount(None, self._client_factory(self.server_url))
        current.client.on_tokens_rotated = lambda tokens: self._save_rotated(current, tokens)
        login = login.strip()

        def work(_: TaskHandle) -> KnownAccount:
            tokens = current.client.login(login, password)
            known = self._registry.find(f"{self.server_url}|{tokens.account_id}")
            known = (
                replace(known, login=login)
                if known
                else KnownAccount(self.server_url, tokens.account_id, login)
            )
            if remember:
                remembered = self._credentials.save_refresh_token(known.key, tokens.refresh_token)
            else:
                self._credentials.forget(known.key)  # unticked: this computer forgets it
                remembered = False
            return self._registry.record_sign_in(replace(known, remembered=remembered))

        def done(known: KnownAccount) -> None:
            current.known = known
            self._switch_to(current)
            self._set_state(ConnectionState.ONLINE)
            self.signed_in.emit()
            self.account_opened.emit(known)
            self._reload_accounts()
            self._reload_snapshot()  # what this computer already has, at once
            self.sync()

        def failed(exc: Exception) -> None:
            current.client.close()
            self.busy_changed.emit(self.busy)
            self.sign_in_failed.emit(problem_from(exc))

        handle = self._runner.run(work, done, failed, key=SIGN_IN_TASK)
        self.busy_changed.emit(True)
        return handle

    def open_account(self, known: KnownAccount, *, at_start: bool = False) -> None:
        """Shows a known account's cached data at once and signs in again in the background
        with its remembered token; without one, asks for the password."""
        current = OpenAccount(known, self._client_factory(known.server_url))
        current.client.on_tokens_rotated = lambda tokens: self._save_rotated(current, tokens)
        self._switch_to(current)
        self._set_state(ConnectionState.CONNECTING)
        self.account_opened.emit(known)
        if at_start:
            # The cached data first, then the sign-in: the restore's first imports (keyring,
            # requests) and its keyring call would otherwise compete with the snapshot for
            # the interpreter and delay the first window's data (PERFORMANCE.md, B1). Not
            # on a switch: the writer may be busy with the previous account's sync then.
            self._reload_snapshot(then=lambda: self._restore(current))
        else:
            self._reload_snapshot()
            self._restore(current)

    def switch_account(self, key: str) -> None:
        known = next((a for a in self.accounts if a.key == key), None)
        if known is None or (self.account is not None and self.account.key == key):
            return
        if known.remembered:
            self.open_account(known)
        else:
            self.sign_in_needed.emit(known)

    def _restore(self, current: OpenAccount) -> None:
        if current is not self._current:  # another account was opened meanwhile
            return
        known = current.known
        assert known is not None

        def work(_: TaskHandle) -> records.Tokens:
            token = self._credentials.load_refresh_token(known.key)
            if token is None:
                raise SessionExpiredError("no remembered session on this computer")
            return current.client.restore(token)

        def done(_: records.Tokens) -> None:
            if current is not self._current:
                return
            self._set_state(ConnectionState.ONLINE)
            self.sync()

        def failed(exc: Exception) -> None:
            if current is self._current:
                self._on_connection_error(exc)

        self._runner.run(work, done, failed, key=RESTORE_TASK)
        self.busy_changed.emit(True)

    def _save_rotated(self, current: OpenAccount, tokens: records.Tokens) -> None:
        """Worker thread: the server rotated the refresh token; the old one is dead."""
        if current.known is not None and current.known.remembered:
            self._credentials.save_refresh_token(current.known.key, tokens.refresh_token)

    # -- sign-out ---------------------------------------------------------------------------
    def sign_out(self, forget_computer: bool = False) -> TaskHandle | None:
        """Ends the session on the server and here. `forget_computer` also wipes the
        remembered token and the account's cached data (F4)."""
        current = self._current
        if current is None or current.known is None:
            return None
        known = current.known
        self._switch_to(None)

        def work(_: TaskHandle) -> list[KnownAccount]:
            current.client.logout()
            current.client.close()
            current.stop_background_work()
            self._credentials.forget(known.key)
            if current.cache is not None:
                current.cache.close()
            if forget_computer:
                folder = account_dir(self._data_dir, known.server_url, known.account_id)
                shutil.rmtree(folder, ignore_errors=True)
                self._registry.remove(known.key)
            else:
                self._registry.update(replace(known, remembered=False))
            return self._registry.all()

        def done(accounts: list[KnownAccount]) -> None:
            self._set_accounts(accounts)
            self.signed_out.emit()
            self.sign_in_needed.emit(None if forget_computer else replace(known, remembered=False))

        return self._runner.run(work, done, self._unexpected, key="sign-out", writes_cache=True)

    # -- what the operation runner needs (AccountPort) --------------------------------------
    def work_context(self) -> tuple[object, Callable[[], tuple[ApiClient, AccountCache]]] | None:
        current = self._current
        if current is None or current.known is None:
            return None
        return current, lambda: (current.client, current.open_cache(self._data_dir))

    def is_current(self, account: object) -> bool:
        return account is self._current

    def after_action(self, account: object, refreshed: list[str]) -> None:
        if refreshed:
            self.resources_changed.emit(frozenset(refreshed))
        self._snapshot_timer.start()

    def after_failure(self, account: object, problem: Problem) -> None:
        error = problem.error
        if error is not None and is_connection_error(error) and account is self._current:
            self._on_connection_error(error)

    def public_client(self) -> ApiClient:
        return self._client_factory(self.server_url)

    # -- legacy closures (until every view uses operations) ---------------------------------
    def run_action(
        self,
        name: str,
        work: Callable[[ApiClient, AccountCache], T],
        on_done: Callable[[T], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
        *,
        owner: QObject | None = None,
    ) -> TaskHandle | None:
        """Runs one user action (pay a bill, change plan…) on the writer; the same action
        while it runs is not sent twice. Its result and the refreshed data come back here;
        `on_done`/`on_error` are skipped when `owner` (the dialog that asked) is gone — the
        action still happened, and the session still shows its effect."""
        current = self._current
        if current is None or current.known is None:
            return None

        def in_worker(_: TaskHandle) -> T:
            return work(current.client, current.open_cache(self._data_dir))

        def done(result: T) -> None:
            if on_done is not None and _alive(owner):
                on_done(result)
            refreshed = getattr(result, "refresh", None)  # actions.Outcome
            if isinstance(refreshed, SyncReport) and refreshed.fetched:
                self.resources_changed.emit(frozenset(refreshed.fetched))
            self._snapshot_timer.start()

        def failed(exc: Exception) -> None:
            if is_connection_error(exc) and current is self._current:
                self._on_connection_error(exc)
            if on_error is not None and _alive(owner):
                on_error(exc)

        return self._runner.run(in_worker, done, failed, key=f"action:{name}", writes_cache=True)

    def load(
        self,
        loader: Callable[[AccountCache], T],
        on_done: Callable[[T], None],
        *,
        owner: QObject | None = None,
        key: str | None = None,
    ) -> TaskHandle | None:
        """Reads from the current account's cache off the GUI thread (e.g. a tab's rows);
        `on_done` runs on the GUI thread, unless the account changed or `owner` is gone.
        A `key` keeps one owner from reading the same twice at once; another owner (a tab
        rebuilt in another language) gets its own read."""
        current = self._current
        if current is None or current.known is None:
            return None
        if key is not None and owner is not None:
            key = f"{key}@{id(owner):x}"

        def done(result: T) -> None:
            if current is self._current:
                on_done(result)

        return self._runner.run(
            lambda _: loader(current.open_cache(self._data_dir)),
            done,
            self._unexpected,
            owner=owner,
            key=key,
            writes_cache=True,
        )

    def run_signed_out(
        self,
        name: str,
        work: Callable[[ApiClient], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
        *,
        owner: QObject | None = None,
    ) -> TaskHandle:
        """Runs a request that needs no account (password reset) with a client of its own."""

        def in_worker(_: TaskHandle) -> T:
            client = self._client_factory(self.server_url)
            try:
                return work(client)
            finally:
                client.close()

        return self._runner.run(in_worker, on_done, on_error, owner=owner, key=f"signed-out:{name}")

    def run_in_background(
        self,
        work: Callable[[], T],
        on_done: Callable[[T], None],
        on_error: Callable[[Exception], None],
        *,
        owner: QObject | None = None,
    ) -> TaskHandle:
        """Local work that must not hold the window (writing an export the user asked for)."""
        return self._runner.run(lambda _: work(), on_done, on_error, owner=owner)

    def action_running(self, name: str) -> bool:
        return self._runner.is_running(f"action:{name}")

    # -- connection state -------------------------------------------------------------------
    def _on_connection_error(self, exc: Exception) -> None:
        self.busy_changed.emit(self.busy)
        if isinstance(exc, SessionExpiredError | InvalidCredentialsError):
            self._set_state(ConnectionState.OFFLINE, exc)
            self.sign_in_needed.emit(self.account)
            return
        self._set_state(ConnectionState.OFFLINE, exc)
        self._reconnect_timer.start(int(self._reconnect.next_delay() * 1000))

    def retry_now(self) -> None:
        self._reconnect_timer.stop()
        self._try_again()

    def _try_again(self) -> None:
        if self._current is not None:
            self.sync()

    def _set_state(self, state: ConnectionState, reason: Exception | None = None) -> None:
        self.offline_reason = reason
        if state == ConnectionState.ONLINE:
            self._reconnect.reset()
            self._reconnect_timer.stop()
            if not self._sync_timer.isActive():
                self._sync_timer.start()
        elif state == ConnectionState.SIGNED_OUT:
            self._reconnect_timer.stop()
            self._sync_timer.stop()
        changed = state != self.state
        self.state = state
        if changed or reason is not None:
            self.state_changed.emit(state)

    def _switch_to(self, current: OpenAccount | None) -> None:
        previous = self._current
        self._current = current
        if previous is not current:
            self.snapshot = None
        if previous is not None and previous is not current:
            if previous.syncing is not None:
                previous.syncing.cancel()  # it stops between two of its transactions
            if previous.archiving is not None:
                previous.archiving.cancel()
            self._close_later(previous)
        if current is None:
            self._set_state(ConnectionState.SIGNED_OUT)

    def _close_later(self, previous: OpenAccount) -> None:
        def work(_: TaskHandle) -> None:
            previous.client.close()
            previous.stop_background_work()
            if previous.cache is not None:
                previous.cache.close()
                previous.cache = None

        self._runner.run(work, lambda _: None, self._unexpected, writes_cache=True)

    def _reload_accounts(self) -> None:
        self._runner.run(lambda _: self._registry.all(), self._set_accounts, self._unexpected)

    def _set_accounts(self, accounts: list[KnownAccount]) -> None:
        self.accounts = accounts
        self.accounts_changed.emit(accounts)

    def _unexpected(self, exc: Exception) -> None:
        log.error("background work of the session failed", exc_info=exc)
        self.operations.failed.emit("internal", problem_from(exc))

    def shutdown(self) -> None:
        self._reconnect_timer.stop()
        self._sync_timer.stop()
        self._snapshot_timer.stop()
        self._runner.shutdown()
        current = self._current
        if current is not None and self._runner.idle:
            current.client.close()
            if current.cache is not None:
                current.cache.close()  # else a late worker still uses it; exit closes it


def _alive(owner: QObject | None) -> bool:
    return owner is None or shiboken6.isValid(owner)
