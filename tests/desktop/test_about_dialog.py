"""Help menu of the real main window: About (version and licences of the bundled
components, from their metadata) and Open log folder (the folder the app logs to)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from importlib import metadata
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from icanal_desktop import __version__
from icanal_desktop.app import AppParts, build_app
from icanal_desktop.core.config import AppConfig
from icanal_desktop.core.logs import setup_logging
from icanal_desktop.gui.views.shell.about_dialog import AboutDialog, bundled_components


class UrlCatcher(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def parts(qtbot: QtBot, data_dir: Path) -> Iterator[AppParts]:
    # No server is contacted: nothing signs in.
    built = build_app(AppConfig(server_url="http://127.0.0.1:9", data_dir=data_dir))
    qtbot.addWidget(built.main_window)
    qtbot.addWidget(built.sign_in_dialog)
    yield built
    built.shutdown()


def action(parts: AppParts, name: str) -> QAction:
    found = parts.main_window.findChild(QAction, name)
    assert isinstance(found, QAction), name
    return found


def test_about_shows_the_version_and_the_licences(qtbot: QtBot, parts: AppParts) -> None:
    window = parts.main_window
    assert window.help_menu.title() == "&Help"
    action(parts, "aboutAction").trigger()
    dialog = window.findChild(AboutDialog, "aboutDialog")
    assert isinstance(dialog, AboutDialog)
    qtbot.waitUntil(dialog.isVisible)
    assert __version__ in dialog.title.text()

    table = dialog.components
    rows = {
        cells[0]: (cells[1], cells[2])
        for cells in (
            [table.item(row, column).text() for column in range(3)]  # type: ignore[union-attr]
            for row in range(table.rowCount())
        )
    }
    assert rows["PySide6 (Qt for Python)"] == (
        metadata.version("pyside6-essentials"),
        "LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only",
    )
    assert rows["Qt"][1] == "LGPL-3.0-only"
    assert rows["requests"] == (metadata.version("requests"), "Apache-2.0")
    assert rows["keyring"] == (metadata.version("keyring"), "MIT")
    assert rows["sqlite-utils"] == (metadata.version("sqlite-utils"), "Apache-2.0")
    assert rows["platformdirs"] == (metadata.version("platformdirs"), "MIT")
    assert all(version and licence for version, licence in rows.values())
    note = dialog.findChild(QLabel, "aboutLgplNote")
    assert isinstance(note, QLabel)
    assert "Lesser General Public License" in note.text()

    action(parts, "aboutAction").trigger()  # once more: the same dialog, not a second one
    assert len(window.findChildren(AboutDialog)) == 1


def test_components_missing_here_are_left_out() -> None:
    names = [c.name for c in bundled_components()]
    assert "Python" in names
    assert len(names) == len(set(names))


def test_open_log_folder_opens_the_folder_the_app_logs_to(parts: AppParts, tmp_path: Path) -> None:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")  # type: ignore[arg-type]
    root = logging.getLogger()
    before = list(root.handlers)
    log_file = setup_logging(tmp_path / "app-logs")
    try:
        action(parts, "openLogFolderAction").trigger()
    finally:
        QDesktopServices.unsetUrlHandler("file")
        for handler in root.handlers[len(before) :]:
            handler.close()
            root.removeHandler(handler)
        logging.captureWarnings(False)
    assert [url.toLocalFile() for url in catcher.urls] == [str(log_file.parent)]


def test_the_window_actions_have_svg_icons(parts: AppParts) -> None:
    for name in ("refreshAction", "signOutAction", "aboutAction", "openLogFolderAction"):
        assert not action(parts, name).icon().isNull(), name
    # The menu itself has none: in a menu bar an icon would replace the word "Help".
    assert parts.main_window.help_menu.icon().isNull()
