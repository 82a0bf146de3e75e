"""B1's baseline: a bare PySide6 script that shows a QMainWindow with six empty tabs and
prints `time.monotonic()` when its first paint is done (then quits)."""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget

PAINTS = (QEvent.Type.Expose, QEvent.Type.UpdateRequest, QEvent.Type.Paint)


class FirstPaint(QObject):
    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.done = False
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.done or event.type() not in PAINTS or not isinstance(watched, QWidget):
            return False
        self.done = True
        watched.event(event)  # paint now, as the app's probe does
        print(f"icanal-startup-shown {time.monotonic():.6f}", flush=True)
        QTimer.singleShot(0, QCoreApplication.quit)
        return True


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1100, 720)  # the app's window size
    tabs = QTabWidget()
    for n in range(6):
        tabs.addTab(QWidget(), f"Tab {n + 1}")
    window.setCentralWidget(tabs)
    FirstPaint(window)
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
