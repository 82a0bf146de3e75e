"""Profile tab (F27, F28, F4) through the real widgets against a real sandbox process: the
address saved on the server, a new email only with the current password, preferences, and
the password change dialog from the Account menu."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMenu
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts
from icanal_desktop.gui.views.profile.change_password_dialog import ChangePasswordDialog, strength
from icanal_desktop.gui.views.profile.profile_tab import ProfileTab

from ..conftest import DEMO, SandboxProcess
from .driver import Api, OpenApp, app_opener, can_sign_in


@pytest.fixture
def open_app(qtbot: QtBot, data_dir: Path) -> Iterator[OpenApp]:
    yield from app_opener(qtbot, data_dir)


def profile_tab(qtbot: QtBot, parts: AppParts) -> ProfileTab:
    tab = parts.main_window.profile
    assert isinstance(tab, ProfileTab)
    parts.main_window.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(lambda: tab.profile is not None)
    return tab


def retype(qtbot: QtBot, edit: QLineEdit, text: str) -> None:
    edit.selectAll()
    edit.del_()
    qtbot.keyClicks(edit, text)


def click_save(qtbot: QtBot, tab: ProfileTab) -> None:
    qtbot.mouseClick(tab.save_button, Qt.MouseButton.LeftButton)


def test_change_the_address_and_preferences(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    api = Api(sandbox.url)
    tab = profile_tab(qtbot, parts)
    before = api.get("/me")
    assert tab.value("city") == before["address"]["city"]

    retype(qtbot, tab._edits["postal_code"], "??")
    click_save(qtbot, tab)
    assert "postal code" in tab.message.text()  # checked here, nothing sent
    assert api.get("/me") == before

    retype(qtbot, tab._edits["line1"], "12 rue des Lilas")
    retype(qtbot, tab._edits["postal_code"], "69003")
    retype(qtbot, tab._edits["city"], "Lyon")
    tab.marketing_sms.setChecked(not before["marketing"]["sms"])
    click_save(qtbot, tab)
    qtbot.waitUntil(lambda: "saved" in tab.message.text(), timeout=10_000)
    after = api.get("/me")
    assert after["address"]["line1"] == "12 rue des Lilas"
    assert after["address"]["postal_code"] == "69003"
    assert after["address"]["city"] == "Lyon"
    assert after["marketing"]["sms"] is not before["marketing"]["sms"]
    assert after["email"] == before["email"]
    qtbot.waitUntil(lambda: tab.profile is not None and tab.profile.address.city == "Lyon")


def test_a_new_email_needs_the_current_password(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    api = Api(sandbox.url)
    tab = profile_tab(qtbot, parts)
    retype(qtbot, tab._edits["email"], "awa.new@icanal.example")
    click_save(qtbot, tab)
    prompt = tab.password_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    assert prompt.textEchoMode() == QLineEdit.EchoMode.Password
    prompt.setTextValue("not-my-password-1")
    prompt.accept()
    qtbot.waitUntil(lambda: "password is not right" in tab.message.text(), timeout=10_000)
    assert api.get("/me")["email"] == DEMO[0]

    click_save(qtbot, tab)
    prompt = tab.password_prompt
    assert prompt is not None
    qtbot.waitUntil(prompt.isVisible)
    prompt.setTextValue(DEMO[1])
    prompt.accept()
    qtbot.waitUntil(lambda: "saved" in tab.message.text(), timeout=10_000)
    assert api.get("/me")["email"] == "awa.new@icanal.example"


def test_change_password_from_the_account_menu(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    window = parts.main_window
    profile_index = window.tabs.count() - 1
    assert not window.tabs.is_built(profile_index)  # never shown: the menu must still work
    account_menu = window.menuBar().actions()[0].menu()
    assert isinstance(account_menu, QMenu)
    action = next(a for a in account_menu.actions() if a.objectName() == "changePasswordAction")
    action.trigger()
    tab = window.profile
    assert window.tabs.indexOf(tab) == profile_index
    dialog = tab.password_dialog
    assert isinstance(dialog, ChangePasswordDialog)
    qtbot.waitUntil(dialog.isVisible)

    qtbot.keyClicks(dialog.current_edit, DEMO[1])
    qtbot.keyClicks(dialog.new_edit, "short1")
    assert "Too weak" in dialog.strength_label.text()
    qtbot.keyClicks(dialog.confirm_edit, "short1")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "at least 10 characters" in dialog.error_label.text()

    retype(qtbot, dialog.new_edit, "Nouveau-Passe-2027!")
    assert "strong" in dialog.strength_label.text()
    retype(qtbot, dialog.confirm_edit, "Nouveau-Passe-2028!")
    qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert "not the same" in dialog.error_label.text()
    assert can_sign_in(sandbox.url, DEMO[0], DEMO[1])  # nothing was sent

    retype(qtbot, dialog.confirm_edit, "Nouveau-Passe-2027!")
    with qtbot.waitSignal(dialog.accepted, timeout=10_000):
        qtbot.mouseClick(dialog.submit_button, Qt.MouseButton.LeftButton)
    assert dialog.new_edit.text() == ""  # not kept
    assert can_sign_in(sandbox.url, DEMO[0], "Nouveau-Passe-2027!")
    assert not can_sign_in(sandbox.url, DEMO[0], DEMO[1])
    assert "password was changed" in tab.message.text()


def test_password_strength_levels() -> None:
    assert strength("abc") == 0
    assert strength("abcdefghijk") == 0  # no digit
    assert strength("abcdefghij1") == 1
    assert strength("Abcdefghij1") == 2
    assert strength("Abcdefghij1-xyz") == 3
