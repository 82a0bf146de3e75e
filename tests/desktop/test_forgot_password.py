"""Forgotten password (F3) through the real dialogs; the code comes from the sandbox outbox."""

from __future__ import annotations

import re
from pathlib import Path

import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from icanal_desktop.gui.views.shell.forgot_password_dialog import ForgotPasswordDialog

from ..conftest import DEMO, SandboxProcess
from .driver import build, sign_in

NEW_PASSWORD = "Nouveau-Mot-2026!"


def reset_code(server_url: str, email: str) -> str:
    page = requests.get(
        f"{server_url}/api/v1/sandbox/outbox", params={"to": email}, timeout=10
    ).json()
    match = re.search(r": (\S+)\n", page["items"][0]["body"])
    assert match, page["items"][0]["body"]
    return match.group(1)


def test_reset_the_password_with_the_emailed_code_then_sign_in(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path
) -> None:
    parts = build(qtbot, sandbox.url, data_dir)
    sign_in_dialog = parts.sign_in_dialog
    sign_in_dialog.ask()
    sign_in_dialog.login_edit.setText(DEMO[0])
    qtbot.mouseClick(sign_in_dialog.forgot_button, Qt.MouseButton.LeftButton)
    dialog = sign_in_dialog.findChild(ForgotPasswordDialog)
    assert dialog is not None
    assert dialog.email.text() == DEMO[0]  # carried over from the sign-in form

    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    qtbot.keyClicks(dialog.code, reset_code(sandbox.url, DEMO[0]))
    qtbot.keyClicks(dialog.new_password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.confirm_password, NEW_PASSWORD + "x")
    assert not dialog.change_button.isEnabled()
    assert "not the same" in dialog.message.text()
    qtbot.keyClick(dialog.confirm_password, Qt.Key.Key_Backspace)
    assert dialog.change_button.isEnabled()
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(
        lambda: "password was changed" in sign_in_dialog.error_label.text(), timeout=10_000
    )
    assert sign_in_dialog.login_edit.text() == DEMO[0]
    sign_in(qtbot, parts, DEMO[0], NEW_PASSWORD)
    assert parts.main_window.isVisible()


def test_a_wrong_code_says_so(qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path) -> None:
    parts = build(qtbot, sandbox.url, data_dir)
    parts.sign_in_dialog.ask()
    dialog = ForgotPasswordDialog(parts.session, DEMO[0], parts.sign_in_dialog)
    dialog.open()
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.pages.currentIndex() == 1, timeout=10_000)
    qtbot.keyClicks(dialog.code, "000000")
    qtbot.keyClicks(dialog.new_password, NEW_PASSWORD)
    qtbot.keyClicks(dialog.confirm_password, NEW_PASSWORD)
    qtbot.mouseClick(dialog.change_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(
        lambda: dialog.message.isVisible() and dialog.change_button.isEnabled(), timeout=10_000
    )
    assert dialog.isVisible()
    assert dialog.message.text()
