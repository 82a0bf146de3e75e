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
        """The real page at `index`, built now if it was not yet. If building fails, the
        placeholder stays and the next call tries again."""
        placeholder = self.widget(index)
        if placeholder is None:
            raise IndexError(f"no tab at {index}")
        build = self._builders.get(placeholder)
        if build is None:
            return placeholder
        page = build()
        del self._builders[placeholder]
        title = self.tabText(index)
        page.setAccessibleName(title)
        # The page goes in right after its placeholder and becomes current before the
        # placeholder leaves, so no neighbour is shown in between; the swap must not look
        # like the user changing tabs either.
        with QSignalBlocker(self):
            was_current = self.currentIndex() == index
            self.insertTab(index + 1, page, self.tabIcon(index), title)
            self.setTabToolTip(index + 1, self.tabToolTip(index))
            self.setTabWhatsThis(index + 1, self.tabWhatsThis(index))
            self.setTabEnabled(index + 1, self.isTabEnabled(index))
            if was_current:
                self.setCurrentIndex(index + 1)
            self.removeTab(index)
        placeholder.deleteLater()
        return page

    def _build_current(self, index: int) -> None:
        if index >= 0:
            self.page(index)
