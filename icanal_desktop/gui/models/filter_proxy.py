"""Sorting and filtering for record tables: sort by SORT_ROLE, search by SEARCH_ROLE."""

from __future__ import annotations

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from icanal_desktop.gui.models.record_table_model import RecordTableModel
from icanal_desktop.gui.models.roles import SEARCH_ROLE, SORT_ROLE


class RecordFilterProxy(QSortFilterProxyModel):
    """Case-insensitive "contains" search over the whole row, plus correct sorting."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterRole(SEARCH_ROLE)
        self.setFilterKeyColumn(0)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setSortLocaleAware(True)

    def set_search(self, text: str) -> None:
        self.setFilterFixedString(text.strip())

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """A RecordTableModel sorts itself (one key per record, in Python) and this proxy
        keeps its order; sorting here would call data() twice per comparison."""
        source = self.sourceModel()
        if isinstance(source, RecordTableModel) and column >= 0:
            if self.sortColumn() != -1:
                super().sort(-1)
            source.sort(column, order)
            return
        super().sort(column, order)
