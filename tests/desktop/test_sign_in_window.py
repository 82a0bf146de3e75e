"""End to end through the real dialog and window, against a real sandbox process."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts, build_app
from icanal_desktop.core.config import AppConfig

from ..conftest import DEMO, SandboxProcess, start_sandbox

BuildParts = Callable[[str], AppParts]


@pytest.fixture
def build_parts(qtbot: QtBot, data_dir: Path) -> Iterator[BuildParts]:
    built: list[AppParts] = []

    def build(server_url: str) -> AppParts:
        parts = build_app(AppConfig(server_url=server_url, data_dir=data_dir))
        qtbot.addWidget(parts.sign_in_dialog)
        qtbot.addWidget(parts.main_window)
        built.append(parts)
        return parts

    yield build
    for parts in built:
        parts.shutdown()


def sign_in(qtbot: QtBot, parts: AppParts, login: str, password: str) -> None:
    dialog = parts.sign_in_dialog
    dialog.show()
    qtbot.keyClicks(dialog.login_edit, login)
    qtbot.keyClicks(dialog.password_edit, password)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)


def holder_name_from_api(server_url: str) -> str:
    """What the server says the demo holder is called, asked without the app."""
    api = f"{server_url}/api/v1"
    token = requests.post(
        f"{api}/auth/login", json={"login": DEMO[0], "password": DEMO[1]}, timeout=10
    ).json()["access_token"]
    me = requests.get(f"{api}/me", headers={"Authorization": f"Bearer {token}"}, timeout=10).json()
    return f"{me['first_name']} {me['last_name']}"


def test_signing_in_shows_the_holder_on_the_dashboard(
    qtbot: QtBot, sandbox: SandboxProcess, build_parts: BuildParts
) -> None:
    parts = build_parts(sandbox.url)
    sign_in(qtbot, parts, *DEMO)

    window = parts.main_window
    qtbot.waitUntil(window.isVisible, timeout=10_000)
    assert not parts.sign_in_dialog.isVisible()
    expected = holder_name_from_api(sandbox.url)
    qtbot.waitUntil(lambda: window.dashboard.holder_name.text() == expected, timeout=10_000)
    assert window.dashboard.plan.text() not in ("", "—")
    assert window.tabs.count() == 6
    assert window.sync_label.text().startswith("Last sync"), window.statusBar().currentMessage()
    assert sandbox.url in window.server_label.text()
    assert parts.sign_in_dialog.password_edit.text() == ""  # the password is not kept


def test_wrong_password_says_so_and_keeps_the_dialog_open(
    qtbot: QtBot, sandbox: SandboxProcess, build_parts: BuildParts
) -> None:
    parts = build_parts(sandbox.url)
    sign_in(qtbot, parts, DEMO[0], "not-the-password")

    dialog = parts.sign_in_dialog
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    assert "password is not right" in dialog.error_label.text()
    assert dialog.isVisible()
    assert not parts.main_window.isVisible()
    assert dialog.login_edit.text() == DEMO[0]  # nothing typed is lost
    assert dialog.sign_in_button.isEnabled()


def test_unreachable_server_has_its_own_message(qtbot: QtBot, build_parts: BuildParts) -> None:
    with socket.socket() as probe:  # a loopback port where nothing listens
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    parts = build_parts(f"http://127.0.0.1:{port}")
    sign_in(qtbot, parts, *DEMO)

    dialog = parts.sign_in_dialog
    qtbot.waitUntil(dialog.error_label.isVisible, timeout=10_000)
    assert "cannot be reached" in dialog.error_label.text()
    assert not parts.main_window.isVisible()


def test_sign_in_button_waits_for_both_fields(qtbot: QtBot, build_parts: BuildParts) -> None:
    parts = build_parts("http://127.0.0.1:9")
    dialog = parts.sign_in_dialog
    dialog.show()
    assert not dialog.sign_in_button.isEnabled()
    qtbot.keyClicks(dialog.login_edit, "10000001")
    assert not dialog.sign_in_button.isEnabled()
    qtbot.keyClicks(dialog.password_edit, "x")
    assert dialog.sign_in_button.isEnabled()


def test_the_subscriber_number_signs_in_too(
    qtbot: QtBot, sandbox: SandboxProcess, build_parts: BuildParts
) -> None:
    number = requests_profile(sandbox.url)["subscriber_number"]
    parts = build_parts(sandbox.url)
    sign_in(qtbot, parts, number, DEMO[1])
    qtbot.waitUntil(parts.main_window.isVisible, timeout=10_000)


def test_lockout_counts_down_and_blocks_the_button(
    qtbot: QtBot, sandbox: SandboxProcess, build_parts: BuildParts
) -> None:
    parts = build_parts(sandbox.url)
    dialog = parts.sign_in_dialog
    dialog.show()
    qtbot.keyClicks(dialog.login_edit, DEMO[0])
    for attempt in range(5):
        dialog.password_edit.setText(f"wrong-{attempt}")
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: dialog.error_label.isVisible() and not dialog._busy, timeout=10_000)
    if dialog.sign_in_button.isEnabled():  # the 5th failure may already lock: else the 6th does
        dialog.password_edit.setText(DEMO[1])  # even the right password is refused now
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Too many attempts" in dialog.error_label.text(), timeout=10_000)
    first = dialog.error_label.text()
    assert "try again in" in first
    assert not dialog.sign_in_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.error_label.text() != first, timeout=5_000)  # it counts down
    assert not parts.main_window.isVisible()


def test_a_failing_server_has_its_own_message(
    qtbot: QtBot, tmp_path: Path, build_parts: BuildParts
) -> None:
    server = start_sandbox(tmp_path, "--faults", "error_rate=1,seed=3")
    try:
        parts = build_parts(server.url)
        sign_in(qtbot, parts, *DEMO)
        dialog = parts.sign_in_dialog
        qtbot.waitUntil(dialog.error_label.isVisible, timeout=15_000)
        assert "server has a problem" in dialog.error_label.text()
        assert "password" not in dialog.error_label.text()
    finally:
        server.stop()


def requests_profile(server_url: str) -> dict[str, str]:
    api = f"{server_url}/api/v1"
    token = requests.post(
        f"{api}/auth/login", json={"login": DEMO[0], "password": DEMO[1]}, timeout=10
    ).json()["access_token"]
    profile: dict[str, str] = requests.get(
        f"{api}/me", headers={"Authorization": f"Bearer {token}"}, timeout=10
    ).json()
    return profile


def test_enter_in_the_password_field_signs_in(
    qtbot: QtBot, sandbox: SandboxProcess, build_parts: BuildParts
) -> None:
    """Keyboard-only use: type, press Enter — not a click on another button."""
    parts = build_parts(sandbox.url)
    dialog = parts.sign_in_dialog
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.login_edit, DEMO[0])
    qtbot.keyClicks(dialog.password_edit, DEMO[1])
    qtbot.keyClick(dialog.password_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(parts.main_window.isVisible, timeout=10_000)
