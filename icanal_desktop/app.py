"""Composition root: builds settings, client, store, credentials, session and windows, and
passes each its collaborators through its constructor. Nothing else creates them."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from icanal_desktop import __version__
from icanal_desktop.accounts import AccountRegistry
from icanal_desktop.api import ApiClient
from icanal_desktop.api.errors import InsecureTransportError
from icanal_desktop.api.transport import check_server_url
from icanal_desktop.cache.paths import DATA_DIR_ENV, default_data_dir
from icanal_desktop.config import AppConfig, build_parser, config_from_args
from icanal_desktop.credentials import CredentialStore
from icanal_desktop.logs import default_log_dir, setup_logging
from icanal_desktop.resources import resource_path
from icanal_desktop.session import Session
from icanal_desktop.settings import AppSettings
from icanal_desktop.startup_probe import install_if_asked
from icanal_desktop.tasks import TaskRunner
from icanal_desktop.views.crash_reporter import CrashReporter
from icanal_desktop.views.icons import app_icon
from icanal_desktop.views.main_window import MainWindow
from icanal_desktop.views.sign_in_dialog import SignInDialog
from icanal_desktop.views.theme import apply_theme

DEMO_LOGIN = ("demo@icanal.example", "Demo-2026!")


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


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    with ExitStack() as cleanup:
        if args.demo and args.data_dir is None and not os.environ.get(DATA_DIR_ENV):
            # A demo never touches the user's real data.
            args.data_dir = Path(
                cleanup.enter_context(tempfile.TemporaryDirectory(prefix="icanal-demo-"))
            )
        if args.demo and args.server is None:
            args.server = cleanup.enter_context(_embedded_sandbox())
        settings = AppSettings.in_folder(args.data_dir or default_data_dir())
        if args.server is None and settings.server_url:
            args.server = settings.server_url
        config = config_from_args(args)
        try:
            check_server_url(config.server_url)
        except InsecureTransportError as exc:
            sys.exit(f"icanal-desktop: {exc}")
        if args.self_test:  # packaging/smoke_test.sh: checks this installation, no window
            from icanal_desktop.self_test import run_self_test, self_test_login

            return run_self_test(config, *self_test_login(args, DEMO_LOGIN))
        log_file = setup_logging(args.data_dir / "logs" if args.data_dir else default_log_dir())

        app = QApplication(sys.argv[:1])
        app.setApplicationName("iCanal Desktop")
        app.setApplicationVersion(__version__)
        app.setOrganizationName("iCanal")
        app.setDesktopFileName("icanal-desktop")
        app.setWindowIcon(app_icon())
        CrashReporter(log_file, app).install()  # a dialog instead of a silent exit
        translators = install_translations(app, config.language or settings.language or None)
        apply_theme(app, settings.theme)

        parts = build_app(config, prefill=DEMO_LOGIN if config.demo else None, settings=settings)
        parts.translators = translators
        parts.quit_when_sign_in_cancelled = True
        app.aboutToQuit.connect(parts.shutdown)
        install_if_asked(parts.main_window, parts.session)  # benchmarks only
        parts.start()
        return app.exec()


@contextmanager
def _embedded_sandbox() -> Iterator[str]:
    """Starts the reference server on a free loopback port with a fresh demo database."""
    from icanal_sandbox.embedded import start_embedded  # only --demo needs the sandbox

    with tempfile.TemporaryDirectory(prefix="icanal-sandbox-") as folder:
        server = start_embedded(Path(folder) / "sandbox.sqlite3", seed="demo")
        try:
            yield server.url
        finally:
            server.stop()


if __name__ == "__main__":
    sys.exit(main())
