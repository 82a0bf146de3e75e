"""`--lang fr` shows the window in French; English is the source language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from icanal_desktop.app import build_app, install_translations
from icanal_desktop.core.config import AppConfig


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    before = QLocale()
    translators = install_translations(qapp, "fr")
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(before)


@pytest.mark.usefixtures("french")
def test_french_window(qtbot: QtBot, data_dir: Path) -> None:
    parts = build_app(AppConfig(server_url="http://127.0.0.1:9", data_dir=data_dir))
    qtbot.addWidget(parts.main_window)
    qtbot.addWidget(parts.sign_in_dialog)
    tabs = parts.main_window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == [
        "Tableau de bord",
        "Abonnement",
        "Factures",
        "Moyens de paiement",
        "Assistance",
        "Profil",
    ]
    assert parts.sign_in_dialog.sign_in_button.text() == "Se connecter"
    parts.shutdown()


def test_english_by_default(qtbot: QtBot, data_dir: Path) -> None:
    parts = build_app(AppConfig(server_url="http://127.0.0.1:9", data_dir=data_dir))
    qtbot.addWidget(parts.main_window)
    qtbot.addWidget(parts.sign_in_dialog)
    assert parts.main_window.tabs.tabText(0) == "Dashboard"
    parts.shutdown()
