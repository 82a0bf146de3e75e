"""`icanal-desktop --self-test`: checks that this installation works, for the packaging smoke
test (packaging/smoke_test.sh) and for support.

It builds the real app offscreen, shows the sign-in window, signs in through the real dialog
("remember me" ticked when the keyring is secure), waits for the main window and the first
sync, then does a keyring round trip with the real CredentialStore. It prints one JSON object
and returns 0 when everything worked, 1 otherwise. A keyring that fell back to an insecure
backend (keyring's `fail`, as when a bundle lost its Secret Service chain) is a failure.

    icanal-desktop --self-test --server URL --login L --password-stdin < password
    icanal-desktop --self-test --demo     # the embedded sandbox and its demo account
"""

from __future__ import annotations

import argparse
import json
import os
import secrets
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from icanal_desktop import __version__
from icanal_desktop.core.config import AppConfig
from icanal_desktop.core.credentials import CredentialStore

if TYPE_CHECKING:
    from icanal_desktop.gui.views.shell.lazy_tabs import LazyTabWidget

TIMEOUT_S = 60.0


def _wait_until(predicate: Callable[[], bool], timeout: float) -> bool:
    from PySide6.QtCore import QCoreApplication, QEventLoop

    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            return False
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.01)
    return True


def self_test_login(args: argparse.Namespace, demo_login: tuple[str, str]) -> tuple[str, str]:
    """The login from --login (or the demo's with --demo), the password from standard input
    with --password-stdin (never from the command line, where `ps` shows it)."""
    login, password = demo_login if args.demo else ("", "")
    login = args.login or login
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    return login, password


def run_self_test(
    config: AppConfig, login: str, password: str, credentials: CredentialStore | None = None
) -> int:
    """Runs the checks with `config` (its data folder is replaced by a temporary one) and the
    system's keyring (or `credentials`, for tests)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    report: dict[str, Any] = {
        "version": __version__,
        "frozen": bool(getattr(sys, "frozen", False)),
        "server": config.server_url,
        "errors": [],
    }
    with tempfile.TemporaryDirectory(prefix="icanal-self-test-") as folder:
        try:
            config = replace(config, data_dir=Path(folder))
            _run(config, login, password, credentials or CredentialStore(), report)
        except Exception as exc:  # reported, never a traceback instead of the JSON
            report["errors"].append(f"{type(exc).__name__}: {exc}")
    report["ok"] = not report["errors"]
    print(json.dumps(report, indent=2, sort_keys=True), flush=True)
    return 0 if report["ok"] else 1


def _run(
    config: AppConfig,
    login: str,
    password: str,
    credentials: CredentialStore,
    report: dict[str, Any],
) -> None:
    from PySide6.QtCore import QSize, qVersion
    from PySide6.QtWidgets import QApplication

    from icanal_desktop.core.credentials import SERVICE
    from icanal_desktop.core.resources import resource_path
    from icanal_desktop.gui.composition import build_app, install_translations
    from icanal_desktop.gui.session import ConnectionState
    from icanal_desktop.gui.views.common.icons import app_icon

    errors: list[str] = report["errors"]
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    report["qt"] = qVersion()
    report["platform"] = app.platformName()
    translators = install_translations(app, config.language)
    report["translations"] = len(translators)
    if config.language == "fr" and not translators:
        errors.append("the French translation did not load")
    icon = app_icon()
    pixmap = icon.pixmap(QSize(32, 32), 2.0)
    report["icon_2x"] = [pixmap.width(), pixmap.height()]
    if icon.isNull() or pixmap.width() != 64:
        errors.append("the SVG app icon does not render (SVG plugins missing?)")
    report["resources"] = str(resource_path())

    status = credentials.status()
    report["keyring_backend"] = status.backend
    report["keyring_secure"] = status.secure
    if not status.secure:
        errors.append(f"no secure keyring: {status.reason} ({status.backend})")

    parts = build_app(config, credentials=credentials)
    try:
        dialog = parts.sign_in_dialog
        dialog.show()
        if not _wait_until(dialog.isVisible, 10):
            errors.append("the sign-in window did not show")
            return
        report["sign_in_window"] = dialog.windowTitle()
        dialog.login_edit.setText(login)
        dialog.password_edit.setText(password)
        _wait_until(lambda: parts.session.storage_status is not None, TIMEOUT_S)
        if dialog.remember_check.isEnabled():
            dialog.remember_check.setChecked(True)
        dialog.sign_in_button.click()
        session = parts.session

        def signed_in() -> bool:
            return (
                session.state == ConnectionState.ONLINE
                and parts.main_window.isVisible()
                and session.snapshot is not None
                and not session.busy
            )

        _wait_until(lambda: signed_in() or dialog.error_label.isVisible(), TIMEOUT_S)
        if not signed_in():
            error = dialog.error_label.text() if dialog.error_label.isVisible() else ""
            errors.append(f"sign-in did not complete: {error or session.state.value}")
            return
        known = session.account
        assert known is not None
        report["signed_in_as"] = known.label
        report["window_title"] = parts.main_window.windowTitle()
        report["remembered"] = known.remembered
        if status.secure and not known.remembered:
            errors.append("the refresh token was not saved in the keyring at sign-in")
        credentials.forget(known.key)  # leave nothing of the self-test in the keyring

        report["bill_pdf_bytes"] = _first_bill_pdf_size(config, login, password)
        report["tabs"] = _build_every_tab(parts.main_window.tabs, errors)

        user = f"self-test-{secrets.token_hex(4)}"
        value = secrets.token_urlsafe(24)
        saved = credentials.save_refresh_token(user, value)
        read_back = credentials.load_refresh_token(user)
        credentials.forget(user)
        gone = status.secure and credentials.backend.get_password(SERVICE, user) is None
        report["keyring_round_trip"] = saved and read_back == value and gone
        if not report["keyring_round_trip"]:
            errors.append("the keyring round trip failed")
    finally:
        parts.shutdown()
        for widget in (parts.main_window, parts.sign_in_dialog):
            widget.hide()
            widget.deleteLater()
        for translator in translators:
            app.removeTranslator(translator)


def _first_bill_pdf_size(config: AppConfig, login: str, password: str) -> int:
    """Downloads the first bill's PDF with the app's client: the server's PDF (with --demo,
    the embedded sandbox's fpdf2 inside the bundle) and the app's PDF check both work."""
    from icanal_desktop.core.api import ApiClient

    client = ApiClient(config.server_url, ca_bundle=config.ca_bundle)
    try:
        client.login(login, password)
        bills = client.get_json("bills", "/bills").data["items"]
        pdf = client.get_pdf("bill_pdf", f"/bills/{bills[0]['id']}/pdf").content
        return len(pdf or b"")
    finally:
        client.close()


def _build_every_tab(tabs: LazyTabWidget, errors: list[str]) -> list[str]:
    """Builds the tabs the window builds on first showing (the Bills tab with QtPdf and
    QtCharts…), so that a bundle missing what one of them needs fails here, not on a
    user's first click."""
    built = []
    for index in range(tabs.count()):
        try:
            built.append(tabs.page(index).objectName())
        except Exception as exc:  # what the user would have met: report it
            errors.append(f"the {tabs.tabText(index)!r} tab could not be built: {exc!r}")
    return built
