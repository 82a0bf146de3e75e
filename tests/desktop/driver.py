"""Drives the real app in-process for tests: build it, sign in through the dialog, wait;
and the server's own view of an account, asked with plain `requests`, to check the app."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import requests
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts, build_app
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.config import AppConfig
from icanal_desktop.gui.session import ConnectionState

from ..conftest import DEMO

OpenApp = Callable[..., AppParts]


def build(qtbot: QtBot, server_url: str, data_dir: Path) -> AppParts:
    parts = build_app(AppConfig(server_url=server_url, data_dir=data_dir))
    qtbot.addWidget(parts.sign_in_dialog)
    qtbot.addWidget(parts.main_window)
    return parts


def sign_in(
    qtbot: QtBot,
    parts: AppParts,
    login: str,
    password: str,
    *,
    remember: bool = False,
    timeout: int = 20_000,
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
    wait_synced(qtbot, parts, timeout)


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


def app_opener(qtbot: QtBot, data_dir: Path) -> Iterator[OpenApp]:
    """For a fixture: `open_(server_url, login=DEMO)` builds the app and signs in."""
    built: list[AppParts] = []

    def open_(server_url: str, login: tuple[str, str] = DEMO, sync_s: int = 15) -> AppParts:
        parts = build_app(AppConfig(server_url=server_url, data_dir=data_dir))
        built.append(parts)
        sign_in(qtbot, parts, *login, timeout=sync_s * 1000)
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
    """The server's view of one account, asked without the app."""

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

    def all_items(self, path: str) -> list[Any]:
        items: list[Any] = []
        cursor = None
        while True:
            sep = "&" if "?" in path else "?"
            page = self.get(f"{path}{sep}limit=200" + (f"&cursor={cursor}" if cursor else ""))
            items.extend(page["items"])
            cursor = page["next_cursor"]
            if not cursor:
                return items

    def methods(self) -> list[dict[str, Any]]:
        return self.all_items("/payment-methods")


def can_sign_in(server_url: str, login: str, password: str) -> bool:
    answer = requests.post(
        f"{server_url}/api/v1/auth/login", json={"login": login, "password": password}, timeout=10
    )
    return answer.status_code == 200


def forget_detail(cache: AccountCache, kind: str, item_id: str) -> object:
    """Writer thread: drops a kept bill detail or ticket thread, as a copy made by an older
    version lacks it; returns what the cache then has (None)."""
    with cache.transaction() as conn:
        conn.execute("DELETE FROM details WHERE kind = ? AND id = ?", (kind, item_id))
    return cache.bill_detail(item_id) if kind == "bill" else cache.ticket_thread(item_id)
