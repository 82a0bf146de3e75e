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
from typing import Generic, Protocol, TypeVar, cast, overload

from PySide6.QtCore import QSignalBlocker
from PySide6.QtWidgets import QTabWidget, QWidget

Builder = Callable[[], QWidget]
W = TypeVar("W", bound=QWidget)


class LazyTabWidget(QTabWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._builders: dict[QWidget, Builder] = {}  # placeholder -> how to build its page
        self._named: dict[str, QWidget] = {}  # name -> its placeholder, then its page
        self.currentChanged.connect(self._build_current)

    def add_lazy_tab(self, build: Builder, title: str, name: str = "") -> int:
        """Adds a tab whose page `build()` makes on first need; returns its index. A `name`
        lets `named()` (and a `LazyTab` attribute) find it."""
        placeholder = QWidget()
        placeholder.setAccessibleName(title)
        index = self.addTab(placeholder, title)
        self._builders[placeholder] = build
        if name:
            self._named[name] = placeholder
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
        for name, widget in self._named.items():
            if widget is placeholder:
                self._named[name] = page
        placeholder.deleteLater()
        return page

    def named(self, name: str) -> QWidget:
        """The real page added with `name`, built now if it was not yet."""
        return self.page(self.indexOf(self._named[name]))

    def _build_current(self, index: int) -> None:
        if index >= 0:
            self.page(index)


class HasLazyTabs(Protocol):
    tabs: LazyTabWidget


class LazyTab(Generic[W]):
    """A class attribute for a named lazy tab of `owner.tabs`, built on first access:
    `bills: LazyTab[BillsTab] = LazyTab()` in the class, `window.bills` gives the tab."""

    def __set_name__(self, owner: type, name: str) -> None:
        self._name = name

    @overload
    def __get__(self, obj: None, objtype: type | None = None) -> LazyTab[W]: ...
    @overload
    def __get__(self, obj: HasLazyTabs, objtype: type | None = None) -> W: ...
    def __get__(self, obj: HasLazyTabs | None, objtype: type | None = None) -> LazyTab[W] | W:
        if obj is None:
            return self
        return cast(W, obj.tabs.named(self._name))
