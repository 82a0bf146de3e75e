"""Item roles shared by every model of the app."""

from PySide6.QtCore import Qt

OBJECT_ROLE = Qt.ItemDataRole.UserRole + 1  # the record behind a row
SORT_ROLE = Qt.ItemDataRole.UserRole + 2  # a value that sorts right (dates, money, numbers)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 3  # lower-cased text that filters match against
