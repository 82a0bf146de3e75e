"""Qt helpers for the benchmark child processes (each child is one fresh process)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtPdf import QPdfPageRenderer
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication


def application() -> QApplication:
    app = QApplication.instance()
    if isinstance(app, QApplication):
        return app
    return QApplication(["icanal-benchmark"])


def wait_until(predicate: Callable[[], bool], timeout: float = 60.0) -> None:
    """Runs the event loop until `predicate()` holds; RuntimeError after `timeout` s."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise RuntimeError("timed out waiting for the app")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
        time.sleep(0.001)


def spin(seconds: float) -> None:
    """Runs the real event loop for `seconds` (timers, paints, queued callbacks)."""
    loop = QEventLoop()
    QTimer.singleShot(int(seconds * 1000), loop.quit)
    loop.exec()


class Heartbeat(QObject):
    """A 10 ms timer on the GUI thread; the longest gap between two beats is the longest
    time the GUI thread could not react (a stall)."""

    def __init__(self, interval_ms: int = 10) -> None:
        super().__init__()
        self.interval_ms = interval_ms
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(interval_ms)
        self._timer.timeout.connect(self._beat)
        self._last = 0.0
        self.max_gap = 0.0
        self.beats = 0

    def start(self) -> None:
        self.max_gap, self.beats = 0.0, 0
        self._last = time.perf_counter()
        self._timer.start()

    def stop(self) -> float:
        """Stops; returns the longest gap in ms (the gap up to now counts too)."""
        self._beat()
        self._timer.stop()
        return self.max_gap * 1000

    def _beat(self) -> None:
        now = time.perf_counter()
        self.max_gap = max(self.max_gap, now - self._last)
        self._last = now
        self.beats += 1


class PdfPainted(QObject):
    """Tells when a QPdfView has painted a rendered page: QPdfView renders pages on its
    own thread (QPdfPageRenderer) and repaints when one is ready. `arm()` then wait for
    `done_at` (a perf_counter value, just after that paint)."""

    def __init__(self, view: QPdfView) -> None:
        super().__init__(view)
        self._viewport = view.viewport()
        renderer = view.findChild(QPdfPageRenderer)
        if renderer is None:  # pragma: no cover - Qt's internals moved
            raise RuntimeError("QPdfView has no QPdfPageRenderer child")
        renderer.pageRendered.connect(self._rendered)
        self._viewport.installEventFilter(self)
        self._armed = self._rendered_yet = False
        self.done_at: float | None = None

    def arm(self) -> None:
        self._armed, self._rendered_yet, self.done_at = True, False, None

    def _rendered(self, *_: object) -> None:
        if self._armed:
            self._rendered_yet = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and self._rendered_yet and event.type() == QEvent.Type.Paint:
            self._armed = False
            QTimer.singleShot(0, self._painted)  # runs right after this paint
        return False

    def _painted(self) -> None:
        self.done_at = time.perf_counter()
