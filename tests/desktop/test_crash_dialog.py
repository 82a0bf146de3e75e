"""An unexpected exception, on the GUI thread or another one, shows the crash dialog with
what to do and where the log is, and goes to the log redacted — never a silent exit."""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from icanal_desktop.core.logs import setup_logging
from icanal_desktop.gui.views.shell.crash_dialog import CrashDialog
from icanal_desktop.gui.views.shell.crash_reporter import CrashReporter

CARD = "4111111111111111"


class UrlCatcher(QObject):
    """Stands in for the file manager: QDesktopServices hands it the URLs it would open."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened_urls() -> Iterator[list[QUrl]]:
    catcher = UrlCatcher()
    QDesktopServices.setUrlHandler("file", catcher, "open")  # type: ignore[arg-type]
    yield catcher.urls
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def reporter(qtbot: QtBot, tmp_path: Path) -> Iterator[CrashReporter]:
    logger = logging.getLogger("icanal_desktop")
    log_file = setup_logging(tmp_path / "logs", logger=logger)
    crash = CrashReporter(log_file)
    crash.install()
    yield crash
    crash.uninstall()
    if crash.dialog is not None:
        crash.dialog.close()
        crash.dialog.deleteLater()
    for handler in list(logger.handlers):
        handler.close()
        logger.removeHandler(handler)
    logging.captureWarnings(False)


def fail_with_a_card() -> None:
    raise RuntimeError(f"payment view broke on card {CARD}")


def test_an_exception_on_the_gui_thread_shows_the_dialog(
    qtbot: QtBot, reporter: CrashReporter, opened_urls: list[QUrl]
) -> None:
    assert sys.excepthook == reporter.excepthook
    try:
        fail_with_a_card()
    except RuntimeError:
        sys.excepthook(*sys.exc_info())  # what Python does with an uncaught exception

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    dialog = reporter.dialog
    assert isinstance(dialog, CrashDialog)
    assert str(reporter.log_file) in dialog.log_path_label.text()
    assert "support" in dialog.message.text()
    details = dialog.details.toPlainText()
    assert "RuntimeError: payment view broke on card [card]" in details
    assert "fail_with_a_card" in details  # the traceback, for support
    assert CARD not in details

    logged = reporter.log_file.read_text(encoding="utf-8")
    assert "unexpected error in main thread" in logged
    assert "RuntimeError: payment view broke on card [card]" in logged
    assert CARD not in logged

    qtbot.mouseClick(dialog.open_folder_button, Qt.MouseButton.LeftButton)
    assert [url.toLocalFile() for url in opened_urls] == [str(reporter.log_file.parent)]
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert "[card]" in QGuiApplication.clipboard().text()
    qtbot.mouseClick(dialog.continue_button, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()


def test_an_exception_in_another_thread_shows_the_dialog_on_the_gui_thread(
    qtbot: QtBot, reporter: CrashReporter
) -> None:
    assert threading.excepthook == reporter.thread_excepthook
    worker = threading.Thread(target=fail_with_a_card, name="sync-worker")
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.isVisible())
    assert reporter.dialog is not None
    app = QGuiApplication.instance()
    assert app is not None
    assert reporter.dialog.thread() == app.thread()  # built by the GUI thread, not the worker
    assert "RuntimeError" in reporter.dialog.details.toPlainText()
    assert "unexpected error in sync-worker" in reporter.log_file.read_text(encoding="utf-8")


def test_a_second_problem_goes_to_the_open_dialog(qtbot: QtBot, reporter: CrashReporter) -> None:
    for message in ("first", "second"):
        try:
            raise ValueError(message)
        except ValueError:
            sys.excepthook(*sys.exc_info())
    qtbot.waitUntil(lambda: reporter.dialog is not None and reporter.dialog.count == 2)
    assert reporter.dialog is not None
    details = reporter.dialog.details.toPlainText()
    assert "ValueError: first" in details
    assert "ValueError: second" in details


def test_uninstall_gives_back_the_previous_hooks(reporter: CrashReporter) -> None:
    reporter.uninstall()
    assert sys.excepthook != reporter.excepthook
    assert threading.excepthook != reporter.thread_excepthook


APP_THAT_FAILS = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from icanal_desktop import app
from icanal_desktop.gui.views.shell.crash_dialog import CrashDialog

real_build_app = app.build_app

def build_app(*args, **kwargs):
    parts = real_build_app(*args, **kwargs)

    def fail():
        raise RuntimeError("slot failed with card 4111111111111111")

    def report():
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, CrashDialog)]
        shown = [d for d in dialogs if d.isVisible()]
        print("crash dialogs shown:", len(shown), flush=True)
        if shown:
            print("log:", shown[0].log_file, flush=True)
        QApplication.quit()

    QTimer.singleShot(300, fail)
    QTimer.singleShot(2000, report)
    return parts

app.build_app = build_app
sys.exit(app.main(sys.argv[1:]))
"""


def test_the_app_installs_the_reporter_and_its_log_file(tmp_path: Path) -> None:
    """app.main, in its own process: an exception in a slot opens the crash dialog instead of
    a silent exit, and lands redacted in the log file of the data folder."""
    import os
    import subprocess

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ICANAL_DATA_DIR", None)
    env.pop("ICANAL_LOG_DIR", None)
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            APP_THAT_FAILS,
            "--server",
            "http://127.0.0.1:9",
            "--data-dir",
            str(tmp_path),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    log_file = tmp_path / "logs" / "icanal-desktop.log"
    assert "crash dialogs shown: 1" in result.stdout, result.stderr
    assert f"log: {log_file}" in result.stdout
    logged = log_file.read_text(encoding="utf-8")
    assert "RuntimeError: slot failed with card [card]" in logged
    assert CARD not in logged
    assert result.returncode == 0
