"""What the running app is made of, built and wired in one place: settings, client, store,
credentials, session and windows, each handed its collaborators through its constructor.
Nothing else creates them. `app.main` (the command) and `self_test` both build through it."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from icanal_desktop.core.accounts import AccountRegistry
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.transport import check_server_url
from icanal_desktop.core.config import AppConfig
from icanal_desktop.core.credentials import CredentialStore
from icanal_desktop.core.resources import resource_path
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.settings import AppSettings
from icanal_desktop.gui.tasks import TaskRunner
from icanal_desktop.gui.views.common.theme import apply_theme
from icanal_desktop.gui.views.shell.main_window import MainWindow
from icanal_desktop.gui.views.shell.sign_in_dialog import SignInDialog


@dataclass
class AppParts:
    """Everything the running app is made of; tests and scripts drive these directly."""

    config: AppConfig
    runner: TaskRunner
    session: Session
    sign_in_dialog: SignInDialog
    main_window: MainWindow
    settings: AppSettings
    translators: list[QTranslator] = field(default_factory=list)
    quit_when_sign_in_cancelled: bool = False

    def start(self) -> None:
        """Opens the last remembered account (offline if need be) or the sign-in dialog."""
        self.session.start()

    def shutdown(self) -> None:
        self.session.shutdown()

    def _show_window(self) -> None:
        self.main_window.show()

    def _sign_in_cancelled(self) -> None:
        # Cancelling the sign-in with no account on screen ends the app.
        if self.quit_when_sign_in_cancelled and not self.main_window.isVisible():
            QApplication.quit()

    def set_language(self, language: str) -> None:
        """Switches the interface language live: new translators, then a new main window
        (every tab, whoever wrote it, is built again in the new language and loads what it
        shows; the session, its account and its cache stay)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        for translator in self.translators:
            app.removeTranslator(translator)
        self.translators = install_translations(app, language or None)
        self._rebuild_window()

    def _rebuild_window(self) -> None:
        old = self.main_window
        window = MainWindow(self.session, self.settings)
        window.restoreGeometry(old.saveGeometry())
        window.tabs.setCurrentIndex(old.tabs.currentIndex())
        self.main_window = window
        if old.isVisible():
            window.show()
        old.hide()
        old.deleteLater()  # its slots are bound methods: Qt disconnects them with it
        if not self.sign_in_dialog.isVisible():
            old_dialog = self.sign_in_dialog
            self.sign_in_dialog = self._new_sign_in_dialog(old_dialog.login_edit.text(), "")
            old_dialog.deleteLater()

    def _new_sign_in_dialog(self, login: str, password: str) -> SignInDialog:
        dialog = SignInDialog(self.session, login, password)
        dialog.rejected.connect(self._sign_in_cancelled)
        return dialog


def build_app(
    config: AppConfig,
    *,
    credentials: CredentialStore | None = None,
    prefill: tuple[str, str] | None = None,
    settings: AppSettings | None = None,
) -> AppParts:
    """Builds the app's objects (a QApplication must exist). Nothing is shown until
    `start()`, or until a test shows the sign-in dialog itself."""
    runner = TaskRunner()

    def new_client(server_url: str) -> ApiClient:
        return ApiClient(server_url, ca_bundle=config.ca_bundle)

    session = Session(
        new_client,
        credentials or CredentialStore(),
        AccountRegistry(config.data_dir),
        runner,
        config.data_dir,
        check_server_url(config.server_url),
    )
    settings = settings or AppSettings.in_folder(config.data_dir)
    window = MainWindow(session, settings)
    login, password = prefill or ("", "")
    parts = AppParts(
        config, runner, session, SignInDialog(session, login, password), window, settings
    )
    parts.sign_in_dialog.rejected.connect(parts._sign_in_cancelled)
    # Through `parts`, so they reach whichever window and dialog are current.
    session.account_opened.connect(lambda _: parts._show_window())
    session.sign_in_needed.connect(lambda known: parts.sign_in_dialog.ask(known))
    settings.language_changed.connect(
        lambda lang: QTimer.singleShot(0, lambda: parts.set_language(lang))
    )
    settings.theme_changed.connect(_apply_theme)
    return parts


def _apply_theme(theme: str) -> None:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_theme(app, theme)


def install_translations(app: QApplication, language: str | None) -> list[QTranslator]:
    """Installs our French strings (English is the source language) and Qt's own."""
    locale = QLocale(language) if language else QLocale.system()
    QLocale.setDefault(locale)
    installed = []
    for name, folder in (
        ("icanal", str(resource_path("translations"))),
        ("qtbase", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)),
    ):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed
