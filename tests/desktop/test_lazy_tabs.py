"""The main window builds each tab but the Dashboard the first time it is shown (B1): a tab
built late must look and behave as one built at start."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts
from icanal_desktop.gui.views.shell.lazy_tabs import LazyTabWidget
from icanal_desktop.gui.views.subscription.subscription_tab import SubscriptionTab

from ..conftest import DEMO, SandboxProcess
from .driver import Api, OpenApp, app_opener, build, sign_in

TITLES = ["Dashboard", "Subscription", "Bills", "Payment methods", "Support", "Profile"]


@pytest.fixture
def open_app(qtbot: QtBot, data_dir: Path, qapp: QApplication) -> Iterator[OpenApp]:
    yield from app_opener(qtbot, data_dir)


def built(parts: AppParts) -> list[bool]:
    tabs = parts.main_window.tabs
    return [tabs.is_built(index) for index in range(tabs.count())]


def test_only_the_dashboard_is_built_until_another_tab_is_shown(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    window = parts.main_window
    tabs = window.tabs
    assert built(parts) == [True, False, False, False, False, False]
    assert [tabs.tabText(i) for i in range(tabs.count())] == TITLES

    qtbot.mouseClick(
        tabs.tabBar(), Qt.MouseButton.LeftButton, pos=tabs.tabBar().tabRect(1).center()
    )
    assert tabs.currentIndex() == 1
    page = tabs.currentWidget()
    assert isinstance(page, SubscriptionTab)  # the real tab, not a placeholder
    assert page.isVisible()
    assert page.accessibleName() == "Subscription"
    assert built(parts) == [True, True, False, False, False, False]  # no neighbour built

    # Built after the account opened, it still shows the account (it loads what it shows).
    sub = Api(sandbox.url).all_items("/subscriptions")[0]
    qtbot.waitUntil(lambda: sub["plan"]["name"] in page.fields["plan"].text())

    tabs.setCurrentIndex(0)
    tabs.setCurrentIndex(1)
    assert tabs.currentWidget() is page  # built once
    assert window.subscription is page


def test_asking_for_a_tab_builds_it_without_showing_it(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    window = parts.main_window
    bills = window.bills
    assert window.tabs.currentIndex() == 0  # still on the Dashboard
    assert window.tabs.indexOf(bills) == 2
    qtbot.waitUntil(lambda: bills.model.total_count() > 0)


def test_the_current_placeholder_swapped_keeps_the_current_tab(qtbot: QtBot) -> None:
    tabs = LazyTabWidget()
    qtbot.addWidget(tabs)
    made: list[str] = []

    def maker(name: str) -> QWidget:
        made.append(name)
        page = QWidget()
        page.setObjectName(name)
        return page

    changes: list[int] = []
    for name in ("a", "b", "c"):
        tabs.add_lazy_tab(partial(maker, name), name.upper())
    tabs.currentChanged.connect(changes.append)
    assert made == ["a"]  # the first one is shown at once

    tabs.setCurrentIndex(2)
    assert made == ["a", "c"]
    assert tabs.currentIndex() == 2
    current = tabs.currentWidget()
    assert current is not None
    assert current.objectName() == "c"
    assert changes == [2]  # the swap itself is not a change of tab

    assert tabs.page(1).objectName() == "b"
    assert tabs.currentIndex() == 2  # building another page does not move
    assert [tabs.tabText(i) for i in range(3)] == ["A", "B", "C"]
    assert made == ["a", "c", "b"]
    assert tabs.page(1) is tabs.widget(1)


def test_tabs_built_before_any_account_opens_show_it_once_it_opens(
    qtbot: QtBot, sandbox: SandboxProcess, data_dir: Path
) -> None:
    parts = build(qtbot, sandbox.url, data_dir)
    try:
        window = parts.main_window
        bills, subscription = window.bills, window.subscription  # built with no account
        sign_in(qtbot, parts, *DEMO)
        window.tabs.setCurrentWidget(bills)  # a hidden tab loads when it is shown
        qtbot.waitUntil(lambda: bills.model.total_count() > 0)
        window.tabs.setCurrentWidget(subscription)
        qtbot.waitUntil(lambda: subscription.channels.rowCount() > 0)
    finally:
        parts.shutdown()


class Page(QWidget):
    def __init__(self, name: str, shown: list[str]) -> None:
        super().__init__()
        self.setObjectName(name)
        self._shown = shown

    def showEvent(self, event: QShowEvent) -> None:
        self._shown.append(self.objectName())
        super().showEvent(event)


def test_building_the_current_tab_shows_no_other_page(qtbot: QtBot) -> None:
    tabs = LazyTabWidget()
    qtbot.addWidget(tabs)
    shown: list[str] = []
    for name in ("a", "b", "c"):
        tabs.add_lazy_tab(partial(Page, name, shown), name.upper())
    tabs.page(2)  # built, not shown
    tabs.show()
    qtbot.waitExposed(tabs)
    shown.clear()
    tabs.setTabToolTip(1, "the B tab")
    tabs.setCurrentIndex(1)  # its placeholder leaves: "c" next to it must not show
    assert shown == ["b"]
    assert tabs.tabToolTip(1) == "the B tab"


def test_a_tab_that_fails_to_build_is_tried_again(qtbot: QtBot) -> None:
    tabs = LazyTabWidget()
    qtbot.addWidget(tabs)
    attempts: list[int] = []

    def flaky() -> QWidget:
        attempts.append(1)
        if len(attempts) == 1:
            raise RuntimeError("first time")
        page = QWidget()
        page.setObjectName("real")
        return page

    tabs.add_lazy_tab(QWidget, "A")
    tabs.add_lazy_tab(flaky, "B")
    with pytest.raises(RuntimeError):
        tabs.page(1)
    assert not tabs.is_built(1)
    assert tabs.page(1).objectName() == "real"
    assert tabs.is_built(1)
    assert len(attempts) == 2
