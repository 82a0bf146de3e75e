"""A read-only table of records, described by a list of columns.

Each concrete model (channels, bills, payments…) is just its column list: a title, how to
display a record in that column, and how it sorts. Display text is computed only for the
rows Qt asks about, so filling the model with 100,000 records costs one list assignment.
It sorts itself in Python, one key per record (`RecordFilterProxy` hands it the sort): a
proxy sorting through data() calls twice per comparison took ~0.2 s of GUI thread for
1,000 payments (benchmarks B3).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from icanal_desktop.gui.models.roles import OBJECT_ROLE, SEARCH_ROLE, SORT_ROLE

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[R]):
    title: Callable[[], str]  # called at display time, so a language switch shows at once
    display: Callable[[R], str]
    sort_key: Callable[[R], Any] | None = None  # default: the display text
    align_right: bool = False
    foreground: Callable[[R], QColor | None] | None = None
    tooltip: Callable[[R], str] | None = None


class RecordTableModel(QAbstractTableModel, Generic[R]):
    def __init__(
        self,
        columns: Sequence[Column[R]],
        search_text: Callable[[R], str] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._columns = list(columns)
        self._records: list[R] = []
        self._search_text = search_text
        self._sort: tuple[int, Qt.SortOrder] | None = None  # kept across set_records()

    # -- content --------------------------------------------------------------------------
    def set_records(self, records: Sequence[R]) -> None:
        self.beginResetModel()
        self._records = list(records)
        self._sort_records()
        self.endResetModel()

    def records(self) -> list[R]:
        return list(self._records)

    def record(self, row: int) -> R:
        return self._records[row]

    # -- sorting ------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sorts by the column's sort key (its display text, compared as the locale does,
        when it has none); the order holds when new records are set."""
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        old_records = [id(self._records[i.row()]) for i in old]
        self._sort = (column, order)
        self._sort_records()
        if old:
            position = {id(record): n for n, record in enumerate(self._records)}
            self.changePersistentIndexList(
                old,
                [
                    self.index(position[r], i.column())
                    for r, i in zip(old_records, old, strict=True)
                ],
            )
        self.layoutChanged.emit()

    def sort_order(self) -> tuple[int, Qt.SortOrder] | None:
        return self._sort

    def _sort_records(self) -> None:
        if self._sort is None:
            return
        column, order = self._sort
        spec = self._columns[column]
        key: Callable[[R], Any]
        if spec.sort_key is not None:
            key = spec.sort_key
        else:
            collator = QCollator()  # the default locale's rules, as Qt's own sorting
            display = spec.display
            key = lambda record: collator.sortKey(display(record))  # noqa: E731
        self._records.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)

    # -- QAbstractItemModel -------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._records)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._records)):
            return None
        record = self._records[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.display(record)
        if role == SORT_ROLE:
            return column.display(record) if column.sort_key is None else column.sort_key(record)
        if role == OBJECT_ROLE:
            return record
        if role == SEARCH_ROLE:
            return self._search_text(record) if self._search_text else column.display(record)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column.foreground is not None:
            return column.foreground(record)
        if role == Qt.ItemDataRole.ToolTipRole and column.tooltip is not None:
            return column.tooltip(record)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section].title()
        return None
