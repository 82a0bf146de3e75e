"""A tab reloads what changed when it is on screen; a hidden tab waits until it is shown.

At the end of a sync every resource may have changed; if every tab the user ever opened
reloaded its tables then, their results would come back to the GUI thread together and
stall it (benchmark B3, docs/PERFORMANCE.md). A hidden tab needs fresh data only when it
is shown again, and then it loads once, whatever changed meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from icanal_desktop.gui.session import Session

Reload = Callable[[frozenset[str]], None]


class ReloadWhenShown(QObject):
    """Hands `reload` the names of the resources the session says changed: at once while
    `widget` is visible, else when it is next shown (every name gathered meanwhile, in one
    call). A child of `widget`: it goes with it."""

    def __init__(self, widget: QWidget, session: Session, reload: Reload) -> None:
        super().__init__(widget)
        self._widget = widget
        self._reload = reload
        self.pending: frozenset[str] = frozenset()
        widget.installEventFilter(self)
        session.resources_changed.connect(self._on_resources)  # bound: dies with us

    def _on_resources(self, names: frozenset[str]) -> None:
        if self._widget.isVisible():
            self._reload(names)
        else:
            self.pending |= names

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.pending:
            names, self.pending = self.pending, frozenset()
            self._reload(names)
        return False
