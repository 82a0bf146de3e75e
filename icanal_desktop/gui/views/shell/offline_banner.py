"""The banner that says the window shows saved data, since when, and when it retries (F30)."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

from icanal_desktop.gui.models.formatting import datetime_text
from icanal_desktop.gui.session import ConnectionState, Session


class OfflineBanner(QFrame):
    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.setObjectName("offlineBanner")
        self.setAccessibleName(self.tr("Connection status"))
        self.setStyleSheet(
            "#offlineBanner { background: #fff4ce; border: 1px solid #e0c36a; border-radius: 4px; }"
            "#offlineBanner QLabel { color: #3d3000; }"
        )
        self.text = QLabel()
        self.text.setObjectName("offlineBannerText")
        self.text.setWordWrap(True)
        self.retry_button = QPushButton(self.tr("Retry now"))
        self.retry_button.setObjectName("offlineRetryButton")
        self.retry_button.setAccessibleName(self.tr("Retry now"))
        self.retry_button.clicked.connect(session.retry_now)
        layout = QHBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.retry_button)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._refresh)
        session.state_changed.connect(self._refresh)
        session.snapshot_changed.connect(self._refresh)
        session.busy_changed.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        state = self._session.state
        if state not in (ConnectionState.OFFLINE, ConnectionState.CONNECTING):
            self._tick.stop()
            self.hide()
            return
        snapshot = self._session.snapshot
        since = (
            self.tr("last updated {when}").format(when=datetime_text(snapshot.last_sync))
            if snapshot is not None and snapshot.last_sync is not None
            else self.tr("nothing saved on this computer yet")
        )
        if state == ConnectionState.CONNECTING:
            self.text.setText(
                self.tr("Connecting… Showing saved data ({since}).").format(since=since)
            )
            self.retry_button.hide()
        else:
            self.text.setText(self._offline_text(since))
            self.retry_button.setVisible(not self._session.busy)
        self.show()
        if not self._tick.isActive():
            self._tick.start()

    def _offline_text(self, since: str) -> str:
        problem = self._session.offline_problem
        if problem is not None and problem.session_ended:
            return self.tr("Signed out — {since}. Sign in again to update.").format(since=since)
        headline = self.tr("Offline — {since}.").format(since=since)
        detail = problem.text if problem is not None else ""
        wait = self._session.seconds_until_retry()
        retry = self.tr("Retrying in {n} s.").format(n=wait) if wait else self.tr("Retrying…")
        return " ".join(part for part in (headline, detail, retry) if part)
