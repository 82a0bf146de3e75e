"""Disables what needs the server while the app is offline, and says why in the tooltip."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QWidget

from icanal_desktop.gui.session import ConnectionState, Session

Control = QWidget | QAction


class OnlineGate(QObject):
    def __init__(self, session: Session, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._controls: list[tuple[Control, str]] = []
        session.state_changed.connect(self._apply)

    def add(self, *controls: Control) -> None:
        for control in controls:
            self._controls.append((control, control.toolTip()))
        self._apply()

    def _apply(self) -> None:
        online = self._session.state == ConnectionState.ONLINE
        reason = self.tr("Not available offline: this needs a connection to iCanal.")
        for control, tooltip in self._controls:
            control.setEnabled(online)
            control.setToolTip(tooltip if online else reason)
