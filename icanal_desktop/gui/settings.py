"""The app's own settings (not the account's): interface language, theme, server address,
desktop notifications. A thin typed layer over QSettings, built once by the composition root
and handed to the views that need it; it says when a value changes."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal

from icanal_desktop.core.cache.paths import private_dir

LANGUAGE_KEY = "ui/language"  # "fr", "en", or "" to follow the system
THEME_KEY = "ui/theme"  # "system", "light" or "dark"
SERVER_URL_KEY = "connection/server_url"  # "" for the built-in default
NOTIFICATIONS_KEY = "notifications/enabled"  # desktop reminders (views/notifications.py)

LANGUAGES = ("", "fr", "en")
THEMES = ("system", "light", "dark")
SETTINGS_FILE = "settings.ini"


class AppSettings(QObject):
    language_changed = Signal(str)
    theme_changed = Signal(str)
    server_url_changed = Signal(str)
    notifications_changed = Signal(bool)

    def __init__(self, store: QSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store

    @classmethod
    def in_folder(cls, folder: Path, parent: QObject | None = None) -> AppSettings:
        """Settings kept as an INI file in the app's data folder (tests get their own)."""
        store = QSettings(str(private_dir(folder) / SETTINGS_FILE), QSettings.Format.IniFormat)
        return cls(store, parent)

    def _text(self, key: str, default: str) -> str:
        value = self.store.value(key, default)
        return value if isinstance(value, str) else default

    def _set(self, key: str, value: object) -> bool:
        """Stores a value; True when it changed."""
        if self.store.value(key) == value:
            return False
        self.store.setValue(key, value)
        self.store.sync()
        return True

    # -- interface language ---------------------------------------------------------------
    @property
    def language(self) -> str:
        value = self._text(LANGUAGE_KEY, "")
        return value if value in LANGUAGES else ""

    def set_language(self, language: str) -> None:
        if language not in LANGUAGES:
            raise ValueError(f"unknown language {language!r}")
        if language != self.language and self._set(LANGUAGE_KEY, language):
            self.language_changed.emit(language)

    # -- theme ----------------------------------------------------------------------------
    @property
    def theme(self) -> str:
        value = self._text(THEME_KEY, "system")
        return value if value in THEMES else "system"

    def set_theme(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        if theme != self.theme and self._set(THEME_KEY, theme):
            self.theme_changed.emit(theme)

    # -- server address (used at the next start) ------------------------------------------
    @property
    def server_url(self) -> str:
        return self._text(SERVER_URL_KEY, "")

    def set_server_url(self, url: str) -> None:
        url = url.strip()
        if url != self.server_url and self._set(SERVER_URL_KEY, url):
            self.server_url_changed.emit(url)

    # -- desktop notifications ------------------------------------------------------------
    @property
    def notifications_enabled(self) -> bool:
        value = self.store.value(NOTIFICATIONS_KEY, True)
        if isinstance(value, str):  # INI files give text back
            return value.lower() not in ("false", "0", "no")
        return bool(value)

    def set_notifications_enabled(self, enabled: bool) -> None:
        if enabled != self.notifications_enabled:
            self._set(NOTIFICATIONS_KEY, enabled)
            self.notifications_changed.emit(enabled)
