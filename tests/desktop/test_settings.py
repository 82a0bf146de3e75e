"""App settings (F29) through the real widgets: the interface language switched live (a new
window in French, the old one deleted, the session and its data kept), the theme changes the
palette, settings kept in the data folder, the cache size and clearing it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from icanal_desktop.app import AppParts
from icanal_desktop.gui.settings import AppSettings
from icanal_desktop.gui.views.common.theme import apply_theme, is_dark
from icanal_desktop.gui.views.methods.payment_methods_tab import PaymentMethodsTab
from icanal_desktop.gui.views.profile.profile_tab import ProfileTab

from ..conftest import SECOND, SandboxProcess
from .driver import OpenApp, app_opener

ENGLISH_TABS = ["Dashboard", "Subscription", "Bills", "Payment methods", "Support", "Profile"]
FRENCH_TABS = [
    "Tableau de bord",
    "Abonnement",
    "Factures",
    "Moyens de paiement",
    "Assistance",
    "Profil",
]


@pytest.fixture
def open_app(qtbot: QtBot, data_dir: Path, qapp: QApplication) -> Iterator[OpenApp]:
    locale = QLocale()
    opened: list[AppParts] = []

    def open_(*args: object) -> AppParts:
        parts = opener(*args)
        opened.append(parts)
        return parts

    generator = app_opener(qtbot, data_dir)
    opener = next(generator)
    yield open_
    for parts in opened:  # back to English for the next tests
        for translator in parts.translators:
            qapp.removeTranslator(translator)
    QLocale.setDefault(locale)
    apply_theme(qapp, "system")
    next(generator, None)


def tab_titles(parts: AppParts) -> list[str]:
    tabs = parts.main_window.tabs
    return [tabs.tabText(i) for i in range(tabs.count())]


def profile(parts: AppParts) -> ProfileTab:
    tab = parts.main_window.profile
    assert isinstance(tab, ProfileTab)
    return tab


def choose(combo: object, data: str) -> None:
    from PySide6.QtWidgets import QComboBox

    assert isinstance(combo, QComboBox)
    index = combo.findData(data)
    assert index >= 0
    combo.setCurrentIndex(index)


def test_switch_the_language_live(qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp) -> None:
    parts = open_app(sandbox.url)
    old = parts.main_window
    assert tab_titles(parts) == ENGLISH_TABS
    old.tabs.setCurrentWidget(old.profile)
    qtbot.waitUntil(lambda: old.payment_methods.model.rowCount() > 0)  # loaded off the GUI thread
    methods = old.payment_methods.model.rowCount()

    choose(profile(parts).app_settings.language_combo, "fr")
    qtbot.waitUntil(lambda: parts.main_window is not old)
    window = parts.main_window
    assert tab_titles(parts) == FRENCH_TABS
    assert window.isVisible()
    assert window.tabs.currentWidget() is window.profile  # same place
    assert parts.sign_in_dialog.sign_in_button.text() == "Se connecter"
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not shiboken6.isValid(old)  # deleted, not just hidden
    tab = window.payment_methods
    assert isinstance(tab, PaymentMethodsTab)
    qtbot.waitUntil(lambda: tab.model.rowCount() == methods)  # the data came back
    assert tab.model.headerData(4, Qt.Orientation.Horizontal) == "État"
    assert parts.settings.language == "fr"

    # Signals from the session no longer reach the deleted window (no error in any slot).
    with qtbot.waitSignal(parts.session.sync_finished, timeout=15_000):
        parts.session.sync()

    choose(profile(parts).app_settings.language_combo, "en")
    french = parts.main_window
    qtbot.waitUntil(lambda: parts.main_window is not french)
    assert tab_titles(parts) == ENGLISH_TABS


def test_theme_switch_changes_the_palette(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp, qapp: QApplication
) -> None:
    parts = open_app(sandbox.url)
    settings = profile(parts).app_settings
    choose(settings.theme_combo, "dark")
    assert is_dark(qapp.palette())
    assert qapp.style().name().lower() == "fusion"
    qtbot.waitUntil(lambda: is_dark(parts.main_window.palette()))  # the window follows
    choose(settings.theme_combo, "light")
    assert not is_dark(qapp.palette())
    qtbot.waitUntil(lambda: not is_dark(parts.main_window.palette()))
    assert parts.settings.theme == "light"


def test_settings_are_kept_in_the_data_folder(tmp_path: Path) -> None:
    first = AppSettings.in_folder(tmp_path)
    assert (first.language, first.theme, first.notifications_enabled) == ("", "system", True)
    first.set_language("fr")
    first.set_theme("dark")
    first.set_notifications_enabled(False)
    first.set_server_url("https://example.test")
    again = AppSettings.in_folder(tmp_path)
    assert again.language == "fr"
    assert again.theme == "dark"
    assert again.notifications_enabled is False
    assert again.store.value("notifications/enabled") in (False, "false")
    assert again.server_url == "https://example.test"
    with pytest.raises(ValueError, match="unknown theme"):
        again.set_theme("pink")


def test_server_url_and_notifications_and_cache(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    view = profile(parts).app_settings
    view.server_edit.setText("http://icanal.example")
    view.save_server_url()
    assert "not secure" in view.server_note.text()
    assert parts.settings.server_url == ""
    view.server_edit.setText("https://espace-client.icanal.example/")
    view.save_server_url()
    assert parts.settings.server_url == "https://espace-client.icanal.example"

    view.notifications_check.setChecked(False)
    assert parts.settings.notifications_enabled is False

    qtbot.waitUntil(lambda: view.cache_label.text() not in ("—", ""))
    assert any(unit in view.cache_label.text() for unit in ("KiB", "MiB", "kB", "MB"))
    # Cleared, the next sync downloads everything again (not just "unchanged" answers).
    with qtbot.waitSignal(parts.session.sync_finished, timeout=20_000) as synced:
        view.clear_button.click()
    assert {"bills", "payment_methods", "profile"} <= set(synced.args[0].fetched)


def test_after_a_language_switch_another_account_reaches_only_the_new_window(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    old = parts.main_window
    choose(profile(parts).app_settings.language_combo, "fr")
    qtbot.waitUntil(lambda: parts.main_window is not old)
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    dialog = parts.sign_in_dialog
    parts.session.sign_in_needed.emit(None)  # "Add another account…"
    qtbot.waitUntil(dialog.isVisible)
    dialog.login_edit.setText(SECOND[0])
    dialog.password_edit.setText(SECOND[1])
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: parts.session.account is not None
                    and parts.session.account.login == SECOND[0], timeout=15_000)  # fmt: skip
    qtbot.waitUntil(lambda: not parts.session.busy, timeout=15_000)
    assert parts.main_window.isVisible()


def test_the_archive_size_and_a_limit_that_asks_before_removing(
    qtbot: QtBot, sandbox: SandboxProcess, open_app: OpenApp
) -> None:
    parts = open_app(sandbox.url)
    session = parts.session
    qtbot.waitUntil(lambda: not session.busy, timeout=20_000)  # the archive is downloaded
    archive = profile(parts).app_settings.archive
    archive.reload()
    qtbot.waitUntil(lambda: "Every bill is kept offline" in archive.status_label.text())
    assert archive.cap_combo.currentData() is None
    status = archive._status
    assert status is not None
    assert status.kept == status.bills > 30
    # A limit smaller than the archive: asked first, Cancel (the default) keeps everything.
    smallest = archive.cap_combo.findData(50 * 1024 * 1024)
    fake_small = 20_000
    archive.cap_combo.setItemData(smallest, fake_small)  # the demo's PDFs are small
    archive.cap_combo.setCurrentIndex(smallest)
    archive.cap_combo.activated.emit(smallest)
    qtbot.waitUntil(lambda: archive.confirm_box is not None and archive.confirm_box.isVisible())
    box = archive.confirm_box
    assert box is not None
    assert box.defaultButton() is box.button(box.StandardButton.Cancel)
    assert "oldest bills" in box.text()
    box.button(box.StandardButton.Cancel).click()
    qtbot.waitUntil(lambda: archive.cap_combo.currentData() is None)
    # Chosen again and confirmed: the oldest PDFs go, and the view says why.
    archive.cap_combo.setCurrentIndex(smallest)
    archive.cap_combo.activated.emit(smallest)
    qtbot.waitUntil(lambda: archive.confirm_box is not box and archive.confirm_box is not None)
    confirm = archive.confirm_box
    assert confirm is not None
    remove = next(b for b in confirm.buttons() if b.text() == "Remove them")
    remove.click()
    qtbot.waitUntil(lambda: "left out by the size limit" in archive.status_label.text())
    assert archive._status is not None
    assert archive._status.bytes <= fake_small
    assert 0 < archive._status.kept < status.bills
