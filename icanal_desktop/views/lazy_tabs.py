"""A QTabWidget whose pages are built the first time they are needed.

The main window has six tabs; building them all (and importing their modules: dialogs, the
PDF viewer, the chart) before the window shows was most of the app's start-up time
(docs/PERFORMANCE.md, B1). Here a page starts as an empty placeholder and is replaced by the
real widget the first time it becomes the current tab or the code asks for it with
`page()`. Each real page loads its own data when it is built (the views' convention), so a
page built late shows the same as one built at start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget

Builder = Callable[[], QWidget]


class LazyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders: dict[QWidget, Builder] = {}  # placeholder -> how to build its page
        self.currentChanged.connect(self._build_current)

    def add_lazy_tab(self, build: Builder, title: str) -> int:
        """Adds a tab whose page `build()` makes on first need; returns its index."""
        placeholder = QWidget()
        placeholder.setAccessibleName(title)
        index = self.addTab(placeholder, title)
        self._builders[placeholder] = build
        if self.currentIndex() == index:  # the first tab added is shown at once
            self.page(index)
        return index

    def is_built(self, index: int) -> bool:
        return self.widget(index) not in self._builders

    def page(self, index: int) -> QWidget:
        """The real page at `index`, built now if it was not yet."""
        placeholder = self.widget(index)
        if placeholder is None:
            raise IndexError(f"no tab at {index}")
        build = self._builders.pop(placeholder, None)
        if build is None:
            return placeholder
        page = build()
        title = self.tabText(index)
        page.setAccessibleName(title)
        current = self.currentIndex()
        # Swapping the page must not look like the user changing tabs (nor build a
        # neighbour when the placeholder being removed is the current one).
        with QSignalBlocker(self):
            self.removeTab(index)
            self.insertTab(index, page, title)
            self.setCurrentIndex(current)
        placeholder.deleteLater()
        return page

    def _build_current(self, index: int) -> None:
        if index >= 0:
            self.page(index)
