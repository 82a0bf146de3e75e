"""The `icanal-desktop` command: reads the command line, then builds the app through the
composition root (`composition.py`) and runs it, or its installation self-test."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from PySide6.QtWidgets import QApplication

from icanal_desktop import __version__
from icanal_desktop.core.api.transport import check_server_url
from icanal_desktop.core.cache.paths import DATA_DIR_ENV, default_data_dir
from icanal_desktop.core.config import build_parser, config_from_args
from icanal_desktop.core.errors import InsecureTransportError
from icanal_desktop.core.logs import default_log_dir, setup_logging
from icanal_desktop.gui.composition import AppParts, build_app, install_translations
from icanal_desktop.gui.settings import AppSettings
from icanal_desktop.gui.startup_probe import install_if_asked
from icanal_desktop.gui.views.common.icons import app_icon
from icanal_desktop.gui.views.common.theme import apply_theme
from icanal_desktop.gui.views.shell.crash_reporter import CrashReporter

DEMO_LOGIN = ("demo@icanal.example", "Demo-2026!")
__all__ = ["DEMO_LOGIN", "AppParts", "build_app", "install_translations", "main"]


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
            from icanal_desktop.gui.self_test import run_self_test, self_test_login

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
