"""A tab reloads what changed at once while it is on screen, and once, when it is shown
again, for everything that changed while it was hidden."""

from __future__ import annotations

from pathlib import Path

from keyring.backends import null
from PySide6.QtWidgets import QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.tasks import TaskRunner
from icanal_desktop.gui.views.common.reload_when_shown import ReloadWhenShown


def test_hidden_changes_wait_for_the_showing_and_come_in_one_call(
    qtbot: QtBot, tmp_path: Path
) -> None:
    credentials = CredentialStore(backend=null.Keyring())
    runner = TaskRunner()
    session = Session(
        ApiClient, credentials, AccountRegistry(tmp_path), runner, tmp_path, "http://127.0.0.1:9"
    )
    tabs = QTabWidget()
    qtbot.addWidget(tabs)
    first, second = QWidget(), QWidget()
    tabs.addTab(first, "First")
    tabs.addTab(second, "Second")
    calls: list[frozenset[str]] = []
    watcher = ReloadWhenShown(second, session, calls.append)
    tabs.show()
    qtbot.waitExposed(tabs)

    session.resources_changed.emit(frozenset({"bills"}))
    session.resources_changed.emit(frozenset({"payments", "bills"}))
    assert calls == []  # hidden
    assert watcher.pending == {"bills", "payments"}

    tabs.setCurrentWidget(second)
    assert calls == [frozenset({"bills", "payments"})]  # once, everything
    assert watcher.pending == frozenset()

    session.resources_changed.emit(frozenset({"faq"}))
    assert calls[-1] == frozenset({"faq"})  # on screen: at once
    tabs.setCurrentWidget(first)
    tabs.setCurrentWidget(second)
    assert len(calls) == 2  # nothing changed meanwhile: no reload
    runner.shutdown()
