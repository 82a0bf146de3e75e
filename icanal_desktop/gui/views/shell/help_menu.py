"""The Help menu of the main window: open the log folder, About. Built by one call from
MainWindow (`add_help_menu(self)`)."""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices
from PySide6.QtWidgets import QMainWindow, QMenu

from icanal_desktop.core.logs import LOG_FILE_NAME, default_log_dir
from icanal_desktop.gui.views.common.icons import icon

# lupdate finds the strings of literal translate("Context", "text") calls.
translate = QCoreApplication.translate


def current_log_file() -> Path:
    """The file the app logs to (logs.setup_logging), else where it would."""
    for handler in logging.getLogger().handlers:
        if isinstance(handler, logging.handlers.RotatingFileHandler):
            return Path(handler.baseFilename)
    return default_log_dir() / LOG_FILE_NAME


def open_folder(folder: Path) -> bool:
    """Opens a folder in the system's file manager (created first if need be)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def add_help_menu(window: QMainWindow) -> QMenu:
    menu = window.menuBar().addMenu(translate("HelpMenu", "&Help"))
    menu.setObjectName("helpMenu")

    open_logs = QAction(icon("log-folder"), translate("HelpMenu", "Open &log folder"), window)
    open_logs.setObjectName("openLogFolderAction")
    open_logs.setToolTip(
        translate("HelpMenu", "The app's log, to send to support when something goes wrong.")
    )
    open_logs.triggered.connect(lambda: open_folder(current_log_file().parent))
    menu.addAction(open_logs)
    menu.addSeparator()

    about = QAction(icon("about"), translate("HelpMenu", "&About iCanal Desktop"), window)
    about.setObjectName("aboutAction")
    about.setMenuRole(QAction.MenuRole.AboutRole)
    about.triggered.connect(lambda: _show_about(window))
    menu.addAction(about)
    return menu


def _show_about(window: QMainWindow) -> None:
    from icanal_desktop.gui.views.shell.about_dialog import AboutDialog

    dialog = window.findChild(AboutDialog, "aboutDialog")
    if dialog is None:
        dialog = AboutDialog(window)
    dialog.open()
