"""Composition root: builds settings, client, store, credentials, session and windows, and
passes each its collaborators through its constructor. Nothing else creates them."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from icanal_desktop import __version__
from icanal_desktop.accounts import AccountRegistry
from icanal_desktop.api import ApiClient
from icanal_desktop.api.errors import InsecureTransportError
from icanal_desktop.api.transport import check_server_url
from icanal_desktop.cache.paths import DATA_DIR_ENV
from icanal_desktop.config import AppConfig, build_parser, config_from_args
from icanal_desktop.credentials import CredentialStore
from icanal_desktop.resources import resource_path
from icanal_desktop.session import Session
from icanal_desktop.tasks import TaskRunner
from icanal_desktop.views.main_window import MainWindow
from icanal_desktop.views.sign_in_dialog import SignInDialog

DEMO_LOGIN = ("demo@icanal.example", "Demo-2026!")


@dataclass
class AppParts:
    """Everything the running app is made of; tests and scripts drive these directly."""

    config: AppConfig
    runner: TaskRunner
    session: Session
    sign_in_dialog: SignInDialog
    main_window: MainWindow

    def start(self) -> None:
        """Opens the last remembered account (offline if need be) or the sign-in dialog."""
        self.session.start()

    def shutdown(self) -> None:
        self.session.shutdown()


def build_app(
    config: AppConfig,
    *,
    credentials: CredentialStore | None = None,
    prefill: tuple[str, str] | None = None,
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
    login, password = prefill or ("", "")
    dialog = SignInDialog(session, login, password)
    window = MainWindow(session)
    session.account_opened.connect(lambda _: window.show())
    session.sign_in_needed.connect(dialog.ask)
    return AppParts(config, runner, session, dialog, window)


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
        config = config_from_args(args)
        try:
            check_server_url(config.server_url)
        except InsecureTransportError as exc:
            sys.exit(f"icanal-desktop: {exc}")

        app = QApplication(sys.argv[:1])
        app.setApplicationName("iCanal Desktop")
        app.setApplicationVersion(__version__)
        app.setOrganizationName("iCanal")
        install_translations(app, config.language)

        parts = build_app(config, prefill=DEMO_LOGIN if config.demo else None)
        window = parts.main_window
        # Cancelling the sign-in with no account on screen ends the app.
        parts.sign_in_dialog.rejected.connect(lambda: None if window.isVisible() else app.quit())
        app.aboutToQuit.connect(parts.shutdown)
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
