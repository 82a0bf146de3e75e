"""This computer's settings of the app (F29): interface language (switched live), theme,
server address (used at the next start), desktop notifications, and the local cache."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from icanal_desktop.gui.operations import local_copy
from icanal_desktop.gui.operations import profile as profile_ops
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.settings import AppSettings
from icanal_desktop.gui.views.common.online_gate import OnlineGate
from icanal_desktop.gui.views.profile.archive_settings import ArchiveSettings

# Each language by its own name, so anyone can find theirs.
LANGUAGE_NAMES = (("fr", "Français"), ("en", "English"))


class AppSettingsView(QGroupBox):
    def __init__(
        self,
        session: Session,
        gate: OnlineGate,
        settings: AppSettings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._settings = settings
        self.setObjectName("appSettings")
        self.setTitle(self.tr("This app on this computer"))

        self.language_combo = QComboBox()
        self.language_combo.setObjectName("settingsLanguage")
        self.language_combo.setAccessibleName(self.tr("Interface language"))
        self.language_combo.addItem(self.tr("As the system"), "")
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(name, code)
        self.language_combo.setCurrentIndex(self.language_combo.findData(settings.language))
        self.language_combo.currentIndexChanged.connect(
            lambda _: settings.set_language(str(self.language_combo.currentData()))
        )

        self.theme_combo = QComboBox()
        self.theme_combo.setObjectName("settingsTheme")
        self.theme_combo.setAccessibleName(self.tr("Theme"))
        for code, text in (
            ("system", self.tr("As the system")),
            ("light", self.tr("Light")),
            ("dark", self.tr("Dark")),
        ):
            self.theme_combo.addItem(text, code)
        self.theme_combo.setCurrentIndex(self.theme_combo.findData(settings.theme))
        self.theme_combo.currentIndexChanged.connect(
            lambda _: settings.set_theme(str(self.theme_combo.currentData()))
        )

        self.notifications_check = QCheckBox(
            self.tr("Remind me of due dates, renewals and card expiry")
        )
        self.notifications_check.setObjectName("settingsNotifications")
        self.notifications_check.setAccessibleName(self.tr("Desktop notifications"))
        self.notifications_check.setChecked(settings.notifications_enabled)
        self.notifications_check.toggled.connect(settings.set_notifications_enabled)

        self.server_edit = QLineEdit(settings.server_url or session.server_url)
        self.server_edit.setObjectName("settingsServerUrl")
        self.server_edit.setAccessibleName(self.tr("Server address"))
        self.server_save = QPushButton(self.tr("Save"))
        self.server_save.setObjectName("settingsServerUrlSave")
        self.server_save.setAccessibleName(self.tr("Save the server address"))
        self.server_save.clicked.connect(self.save_server_url)
        self.server_edit.returnPressed.connect(self.save_server_url)
        self.server_note = QLabel(
            self.tr("In use: {url}. A new address is used the next time the app starts.").format(
                url=session.server_url
            )
        )
        self.server_note.setObjectName("settingsServerNote")
        self.server_note.setWordWrap(True)
        server_row = QHBoxLayout()
        server_row.addWidget(self.server_edit, 1)
        server_row.addWidget(self.server_save)

        self.cache_label = QLabel("—")
        self.cache_label.setObjectName("settingsCacheSize")
        self.cache_label.setAccessibleName(self.tr("Size of the saved data"))
        self.clear_button = QPushButton(self.tr("Clear and download again"))
        self.clear_button.setObjectName("settingsClearCache")
        self.clear_button.setAccessibleName(self.tr("Clear the saved data"))
        self.clear_button.setToolTip(
            self.tr(
                "Deletes the data and PDFs saved on this computer; the next sync gets them "
                "again, except the bills the server no longer keeps."
            )
        )
        self.clear_button.clicked.connect(self.clear_cache)
        gate.add(self.clear_button)  # offline, clearing would leave nothing to show
        cache_row = QHBoxLayout()
        cache_row.addWidget(self.cache_label, 1)
        cache_row.addWidget(self.clear_button)

        form = QFormLayout(self)
        form.addRow(self.tr("Language"), self.language_combo)
        form.addRow(self.tr("Theme"), self.theme_combo)
        form.addRow(self.tr("Notifications"), self.notifications_check)
        form.addRow(self.tr("Server"), server_row)
        form.addRow("", self.server_note)
        form.addRow(self.tr("Saved data"), cache_row)
        self.archive = ArchiveSettings(session)
        form.addRow(self.tr("Bills offline"), self.archive)

        session.resources_changed.connect(self._on_resources_changed)  # bound: dies with us
        self.reload_cache_size()

    def _on_resources_changed(self, _names: frozenset[str]) -> None:
        self.reload_cache_size()

    def save_server_url(self) -> None:
        text = self.server_edit.text().strip()
        url = profile_ops.checked_server_url(text)
        if isinstance(url, Problem):
            self.server_note.setText(url.text)
            self.server_note.setStyleSheet("QLabel { color: #c62828; }")
            return
        self._settings.set_server_url(url)
        self.server_note.setStyleSheet("")
        self.server_note.setText(
            self.tr("Saved: {url} will be used the next time the app starts.").format(url=url)
        )

    def reload_cache_size(self) -> None:
        self._session.operations.read(local_copy.size(), self._show_size, owner=self)

    def _show_size(self, size: int) -> None:
        self.cache_label.setText(QLocale().formattedDataSize(size))

    def clear_cache(self) -> None:
        self.clear_button.setEnabled(False)

        def done(_: object) -> None:
            self.clear_button.setEnabled(self._session.online)
            self.reload_cache_size()
            self._session.sync()

        def failed(problem: Problem) -> None:
            self.clear_button.setEnabled(self._session.online)
            self.cache_label.setText(problem.text)

        self._session.operations.start(local_copy.clear(), done, failed, owner=self)
