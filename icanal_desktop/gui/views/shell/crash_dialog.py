"""The dialog an unexpected exception opens (views/crash_reporter.py decides when): it says
what to do and where the log is, instead of a silent exit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.gui.views.shell.help_menu import open_folder


class CrashDialog(QDialog):
    def __init__(self, log_file: Path, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setWindowTitle(self.tr("iCanal Desktop — unexpected problem"))
        self.setMinimumWidth(640)
        self.log_file = log_file
        self.count = 1

        icon = QLabel()
        icon.setPixmap(
            self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning).pixmap(48)
        )
        self.message = QLabel(
            self.tr(
                "<b>Something went wrong in iCanal Desktop.</b><br><br>"
                "Your account is safe: nothing was paid or changed because of this problem. "
                "You can keep working; if the app behaves strangely, quit it and start it "
                "again.<br><br>"
                "If it happens again, send the log file below to iCanal support (Support tab, "
                "New request) and say what you were doing. The log holds no password, token "
                "or card number."
            )
        )
        self.message.setObjectName("crashMessage")
        self.message.setAccessibleName(self.tr("What happened and what to do"))
        self.message.setWordWrap(True)
        self.message.setTextFormat(Qt.TextFormat.RichText)

        self.log_path_label = QLabel(self.tr("Log file: {path}").format(path=str(log_file)))
        self.log_path_label.setObjectName("crashLogPath")
        self.log_path_label.setAccessibleName(self.tr("Log file"))
        self.log_path_label.setWordWrap(True)
        self.log_path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.details = QPlainTextEdit(details)
        self.details.setObjectName("crashDetails")
        self.details.setAccessibleName(self.tr("Technical details"))
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(160)

        self.open_folder_button = QPushButton(self.tr("Open log folder"))
        self.open_folder_button.setObjectName("crashOpenLogFolder")
        self.open_folder_button.setAccessibleName(self.tr("Open log folder"))
        self.open_folder_button.clicked.connect(lambda: open_folder(self.log_file.parent))
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("crashCopyDetails")
        self.copy_button.setAccessibleName(self.tr("Copy details"))
        self.copy_button.clicked.connect(self._copy)
        self.quit_button = QPushButton(self.tr("Quit iCanal Desktop"))
        self.quit_button.setObjectName("crashQuit")
        self.quit_button.setAccessibleName(self.tr("Quit iCanal Desktop"))
        self.quit_button.clicked.connect(QApplication.quit)
        self.continue_button = QPushButton(self.tr("Continue"))
        self.continue_button.setObjectName("crashContinue")
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.continue_button.setDefault(True)
        self.continue_button.clicked.connect(self.accept)

        buttons = QDialogButtonBox()
        buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        buttons.addButton(self.continue_button, QDialogButtonBox.ButtonRole.AcceptRole)

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(icon, 0, Qt.AlignmentFlag.AlignTop)
        top.addWidget(self.message, 1)
        layout.addLayout(top)
        layout.addWidget(self.log_path_label)
        layout.addWidget(self.details)
        layout.addWidget(buttons)

    def add(self, details: str) -> None:
        """Another problem while the dialog is open: one dialog, all the details."""
        self.count += 1
        self.details.appendPlainText("\n" + details)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(
            f"{self.log_path_label.text()}\n\n{self.details.toPlainText()}"
        )
