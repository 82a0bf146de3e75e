"""Shared by the account tabs' tests: the app signed in through the real dialog against a
real sandbox, and the server's own view of the account (asked with `requests`)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import requests
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts, build_app
from icanal_desktop.config import AppConfig
from icanal_desktop.session import ConnectionState

from ..conftest import DEMO

OpenApp = Callable[..., AppParts]


def app_opener(qtbot: QtBot, data_dir: Path) -> Iterator[OpenApp]:
    """For a fixture: builds the app and signs in; waits for the first sync."""
    built: list[AppParts] = []

    def open_(server_url: str, login: tuple[str, str] = DEMO, sync_s: int = 15) -> AppParts:
        parts = build_app(AppConfig(server_url=server_url, data_dir=data_dir))
        built.append(parts)
        dialog = parts.sign_in_dialog
        dialog.show()
        qtbot.keyClicks(dialog.login_edit, login[0])
        qtbot.keyClicks(dialog.password_edit, login[1])
        qtbot.mouseClick(dialog.sign_in_button, Qt.MouseButton.LeftButton)
        session = parts.session
        qtbot.waitUntil(lambda: session.state == ConnectionState.ONLINE, timeout=15_000)
        qtbot.waitUntil(
            lambda: session.snapshot is not None and not session.busy, timeout=sync_s * 1000
        )
        return parts

    yield open_
    for parts in built:
        parts.shutdown()
        # The window and the dialog may have been rebuilt (language switch): close the
        # current ones; the old ones are already gone.
        for widget in (parts.main_window, parts.sign_in_dialog):
            if shiboken6.isValid(widget):
                widget.close()
                widget.deleteLater()


class Api:
    """The server's view, asked without the app."""

    def __init__(self, server_url: str, login: tuple[str, str] = DEMO) -> None:
        self.base = f"{server_url}/api/v1"
        answer = requests.post(
            f"{self.base}/auth/login", json={"login": login[0], "password": login[1]}, timeout=10
        )
        answer.raise_for_status()
        self.headers = {"Authorization": f"Bearer {answer.json()['access_token']}"}

    def get(self, path: str) -> Any:
        answer = requests.get(f"{self.base}{path}", headers=self.headers, timeout=10)
        answer.raise_for_status()
        return answer.json()

    def methods(self) -> list[dict[str, Any]]:
        return list(self.get("/payment-methods?limit=100")["items"])


def can_sign_in(server_url: str, login: str, password: str) -> bool:
    answer = requests.post(
        f"{server_url}/api/v1/auth/login", json={"login": login, "password": password}, timeout=10
    )
    return answer.status_code == 200
