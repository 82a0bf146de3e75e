"""Start-up timing for `benchmarks/b1_startup.py`, off unless asked for.

With `ICANAL_STARTUP_PROBE=1` in the environment, the app prints
`icanal-startup-shown <time.monotonic()>` when the main window has finished painting with
the account's cached data (the first paint after the snapshot arrived), then quits.
"""

from __future__ import annotations

import os
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

from icanal_desktop.gui.session import Session

ENV = "ICANAL_STARTUP_PROBE"
PREFIX = "icanal-startup-shown"
_PAINTS = (QEvent.Type.Expose, QEvent.Type.UpdateRequest, QEvent.Type.Paint)


class _Probe(QObject):
    def __init__(self, window: QWidget, session: Session) -> None:
        super().__init__(window)
        self._session = session
        self._done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._done or event.type() not in _PAINTS:
            return False
        if self._session.snapshot is None or not isinstance(watched, QWidget):
            return False
        self._done = True
        watched.event(event)  # paint now, so the time below includes the painting
        print(f"{PREFIX} {time.monotonic():.6f}", flush=True)
        QTimer.singleShot(0, QCoreApplication.quit)
        return True


def install_if_asked(window: QWidget, session: Session) -> None:
    if os.environ.get(ENV):
        _Probe(window, session)
