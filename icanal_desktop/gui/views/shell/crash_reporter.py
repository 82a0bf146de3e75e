"""An unexpected exception shows a dialog that says what to do and where the log is, instead
of a silent exit. `CrashReporter.install()` (called by app.main) replaces sys.excepthook and
threading.excepthook: the exception is written to the log (redacted, logs.RedactingFilter)
and the dialog (views/crash_dialog.py, imported only when needed: it is not on the way to
the first window) opens on the GUI thread, whichever thread failed."""

from __future__ import annotations

import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from icanal_desktop.core.logs import redact

if TYPE_CHECKING:
    from icanal_desktop.gui.views.shell.crash_dialog import CrashDialog

log = logging.getLogger(__name__)

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


def describe(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> str:
    """The traceback as text, secrets redacted (the user may paste it in a support request)."""
    return redact("".join(traceback.format_exception(exc_type, exc, tb)).rstrip())


class CrashReporter(QObject):
    """Owns the hooks and the dialog. Create it on the GUI thread, after the QApplication."""

    _crashed = Signal(str)  # the redacted traceback; queued to the GUI thread

    def __init__(self, log_file: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.log_file = log_file
        self.dialog: CrashDialog | None = None
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._crashed.connect(self._show)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self.excepthook
        threading.excepthook = self.thread_excepthook

    def uninstall(self) -> None:
        if sys.excepthook == self.excepthook:
            sys.excepthook = self._previous_hook
        if threading.excepthook == self.thread_excepthook:
            threading.excepthook = self._previous_thread_hook

    def excepthook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc, tb)
            return
        self.report((exc_type, exc, tb), "main thread")

    def thread_excepthook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        name = args.thread.name if args.thread is not None else "a thread"
        self.report((args.exc_type, args.exc_value, args.exc_traceback), name)

    def report(self, exc_info: ExcInfo, where: str) -> None:
        """Logs the exception and asks the GUI thread to show it (safe from any thread)."""
        log.critical("unexpected error in %s", where, exc_info=exc_info)
        self._crashed.emit(describe(*exc_info))

    def _show(self, details: str) -> None:
        # Never raises: an exception here would come back through the hook, to this slot.
        try:
            self._open_dialog(details)
        except Exception:
            log.exception("the crash dialog could not be shown")

    def _open_dialog(self, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.add(details)
            return
        if self.dialog is not None:
            self.dialog.deleteLater()
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        from icanal_desktop.gui.views.shell.crash_dialog import CrashDialog

        parent = QApplication.activeWindow()
        self.dialog = CrashDialog(self.log_file, details, parent)
        self.dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.dialog.open()
