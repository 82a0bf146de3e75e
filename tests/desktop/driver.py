"""Drives the real app in-process for tests: build it, sign in through the dialog, wait."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import requests
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts, build_app
from icanal_desktop.config import AppConfig
from icanal_desktop.session import ConnectionState


def build(qtbot: QtBot, server_url: str, data_dir: Path) -> AppParts:
    parts = build_app(AppConfig(server_url=server_url, data_dir=data_dir))
    qtbot.addWidget(parts.sign_in_dialog)
    qtbot.addWidget(parts.main_window)
    return parts


def sign_in(
    qtbot: QtBot, parts: AppParts, login: str, password: str, *, remember: bool = False
) -> None:
    """Types into the real dialog, clicks Sign in and waits for the first sync to end."""
    dialog = parts.sign_in_dialog
    if not dialog.isVisible():
        dialog.ask()
    dialog.login_edit.setText(login)
    dialog.password_edit.setText(password)
    if remember:
        qtbot.waitUntil(dialog.remember_check.isEnabled)
        dialog.remember_check.setChecked(True)
    qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
    wait_synced(qtbot, parts)


def wait_synced(qtbot: QtBot, parts: AppParts, timeout: int = 20_000) -> None:
    session = parts.session
    qtbot.waitUntil(
        lambda: (
            session.state == ConnectionState.ONLINE
            and session.snapshot is not None
            and not session.busy
        ),
        timeout=timeout,
    )


class Api:
    """The server's own view of an account, asked without the app (to check the app)."""

    def __init__(self, server_url: str, login: str, password: str) -> None:
        self.base = f"{server_url}/api/v1"
        token = requests.post(
            f"{self.base}/auth/login", json={"login": login, "password": password}, timeout=10
        ).json()["access_token"]
        self.headers = {"Authorization": f"Bearer {token}"}

    def get(self, path: str) -> Any:
        response = requests.get(f"{self.base}{path}", headers=self.headers, timeout=10)
        response.raise_for_status()
        return response.json()

    def all_items(self, path: str) -> list[Any]:
        items: list[Any] = []
        cursor = None
        while True:
            sep = "&" if "?" in path else "?"
            page = self.get(f"{path}{sep}limit=200" + (f"&cursor={cursor}" if cursor else ""))
            assert isinstance(page, dict)
            items.extend(page["items"])
            cursor = page["next_cursor"]
            if not cursor:
                return items
