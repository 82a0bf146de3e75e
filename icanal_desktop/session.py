"""The window's single facade over the account: sign-in, sync and the cached snapshot.

Views call its methods and listen to its signals; all the work happens in TaskRunner
workers, so the GUI thread never waits on the network, the keyring or the disk.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from icanal_desktop.api import ApiClient, records
from icanal_desktop.cache import AccountCache, AccountSnapshot
from icanal_desktop.cache.paths import account_dir
from icanal_desktop.credentials import CredentialStore, StorageStatus
from icanal_desktop.sync import SyncReport, sync_account
from icanal_desktop.tasks import TaskHandle, TaskRunner

SIGN_IN_TASK = "sign-in"
SYNC_TASK = "sync"


@dataclass(frozen=True)
class SyncOutcome:
    report: SyncReport
    snapshot: AccountSnapshot


class Session(QObject):
    signed_in = Signal()
    sign_in_failed = Signal(object)  # the ApiError
    busy_changed = Signal(bool)  # a sign-in or sync is running
    snapshot_changed = Signal(object)  # AccountSnapshot
    sync_finished = Signal(object)  # SyncReport
    secure_storage_checked = Signal(object)  # StorageStatus

    def __init__(
        self,
        client: ApiClient,
        credentials: CredentialStore,
        runner: TaskRunner,
        data_dir: Path,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._client = client
        self._credentials = credentials
        self._runner = runner
        self._data_dir = data_dir
        self._cache: AccountCache | None = None
        self._account_id: str | None = None
        self.snapshot: AccountSnapshot | None = None
        self.storage_status: StorageStatus | None = None

    @property
    def server_url(self) -> str:
        return self._client.server_url

    @property
    def account_id(self) -> str | None:
        return self._account_id

    @property
    def busy(self) -> bool:
        return self._runner.is_running(SIGN_IN_TASK) or self._runner.is_running(SYNC_TASK)

    def _account_key(self) -> str:
        return f"{self.server_url}|{self._account_id}"

    # -- secure storage -------------------------------------------------------------------
    def check_secure_storage(self) -> None:
        def done(status: StorageStatus) -> None:
            self.storage_status = status
            self.secure_storage_checked.emit(status)

        self._runner.run(lambda _: self._credentials.status(), done, key="keyring-check")

    # -- sign-in --------------------------------------------------------------------------
    def sign_in(self, login: str, password: str, remember: bool) -> TaskHandle:
        def work(_: TaskHandle) -> records.Tokens:
            tokens = self._client.login(login.strip(), password)
            if remember:
                key = f"{self.server_url}|{tokens.account_id}"
                self._credentials.save_refresh_token(key, tokens.refresh_token)
            return tokens

        def done(tokens: records.Tokens) -> None:
            self._account_id = tokens.account_id
            self.busy_changed.emit(self.busy)
            self.signed_in.emit()
            self.sync()

        def failed(exc: Exception) -> None:
            self.busy_changed.emit(self.busy)
            self.sign_in_failed.emit(exc)

        handle = self._runner.run(work, done, failed, key=SIGN_IN_TASK)
        self.busy_changed.emit(True)
        return handle

    # -- sync -----------------------------------------------------------------------------
    def sync(self) -> TaskHandle | None:
        if self._account_id is None:
            return None
        folder = account_dir(self._data_dir, self.server_url, self._account_id)

        def work(handle: TaskHandle) -> SyncOutcome:
            if self._cache is None:
                self._cache = AccountCache(folder)
            report = sync_account(self._client, self._cache, cancelled=lambda: handle.cancelled)
            return SyncOutcome(report, self._cache.snapshot())

        def done(outcome: SyncOutcome) -> None:
            self.snapshot = outcome.snapshot
            self.busy_changed.emit(self.busy)
            self.snapshot_changed.emit(outcome.snapshot)
            self.sync_finished.emit(outcome.report)

        def failed(exc: Exception) -> None:
            self.busy_changed.emit(self.busy)
            self.sync_finished.emit(SyncReport(failed={"cache": exc}))

        handle = self._runner.run(work, done, failed, key=SYNC_TASK, writes_cache=True)
        self.busy_changed.emit(True)
        return handle

    def last_sync(self) -> dt.datetime | None:
        return None if self.snapshot is None else self.snapshot.last_sync

    def shutdown(self) -> None:
        self._runner.shutdown()
        if self._cache is not None and self._runner.idle:
            self._cache.close()  # else a late worker still uses it; the OS closes it on exit
        self._client.close()
