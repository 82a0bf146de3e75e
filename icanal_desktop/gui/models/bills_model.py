"""The bills table (F13) and the line items of one bill (F14).

`BillsTableModel` holds the cache's raw `bill_rows()` rows (one SELECT, no record objects;
amounts may come as text, so they are int()-ed where used),
so filling it with 100,000 bills is a list assignment. Display text is computed only for the
rows Qt paints, memoised by value (many bills share a date). Filtering by year, status and
search words is one list comprehension over the tuples and lower-cased search strings
(built once: in slices between the GUI thread's events once the rows are shown, see
`build_search_keys_soon`, else on the first search), followed by a model reset; sorting is
a Python sort of the same lists (keys taken with `itemgetter`), so neither calls into
Python per row through Qt.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import itemgetter
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from icanal_desktop.core.cache.store import (
    BILL_CURRENCY,
    BILL_DUE_DATE,
    BILL_ID,
    BILL_ISSUE_DATE,
    BILL_NUMBER,
    BILL_PERIOD_END,
    BILL_PERIOD_START,
    BILL_STATUS,
    BILL_TOTAL,
    bill_from_row,
)
from icanal_desktop.core.domain import billing, records
from icanal_desktop.core.exports import ZERO_DECIMALS, decimal_text
from icanal_desktop.gui.models.formatting import money_text
from icanal_desktop.gui.models.record_table_model import Column, RecordTableModel
from icanal_desktop.gui.models.roles import OBJECT_ROLE, SEARCH_ROLE, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex
Row = Sequence[Any]  # a `bill_rows()` row (a list of strings, or a tuple)
translate = QCoreApplication.translate

STATUSES = ("due", "overdue", "failed", "paid")
PAYABLE = frozenset({"due", "overdue", "failed"})
STATUS_ORDER = {status: n for n, status in enumerate(STATUSES)}
SEARCH_KEYS_SLICE = 4096  # rows whose search text is built between two events (~5 ms)


def status_text(status: str) -> str:
    texts = {
        "paid": translate("Bills", "Paid"),
        "due": translate("Bills", "Due"),
        "overdue": translate("Bills", "Overdue"),
        "failed": translate("Bills", "Payment failed"),
    }
    return texts.get(status, status)


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def status_color(status: str, palette: QPalette | None = None) -> QColor:
    """Readable on the palette's base colour, light or dark."""
    dark = is_dark(palette or QGuiApplication.palette())
    light_colors = {"paid": "#1b7a3a", "due": "#9a5b00", "overdue": "#b3261e", "failed": "#b3261e"}
    dark_colors = {"paid": "#7fd69a", "due": "#ffc46b", "overdue": "#ff8a80", "failed": "#ff8a80"}
    return QColor((dark_colors if dark else light_colors).get(status, "#808080"))


@lru_cache(maxsize=4096)
def short_date(iso: str, locale_name: str) -> str:
    day = dt.date.fromisoformat(iso)
    return QLocale(locale_name).toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


@lru_cache(maxsize=4096)
def period_text(start_iso: str, end_iso: str, locale_name: str) -> str:
    start, end = dt.date.fromisoformat(start_iso), dt.date.fromisoformat(end_iso)
    loc = QLocale(locale_name)
    next_day = end + dt.timedelta(days=1)
    if start.day == 1 and next_day.day == 1 and (start.year, start.month) == (end.year, end.month):
        return loc.toString(QDate(start.year, start.month, 1), "MMMM yyyy")
    if start.year == end.year:
        first = loc.toString(QDate(start.year, start.month, start.day), "d MMM")
        return f"{first} – {short_date(end_iso, locale_name)}"
    return f"{short_date(start_iso, locale_name)} – {short_date(end_iso, locale_name)}"


def _dot(color: QColor) -> QIcon:
    pixmap = QPixmap(10, 10)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(color)
    painter.drawEllipse(0, 0, 10, 10)
    painter.end()
    return QIcon(pixmap)


class BillsTableModel(QAbstractTableModel):
    NUMBER, PERIOD, ISSUED, DUE, AMOUNT, STATUS = range(6)
    search_ready = Signal()  # every row's search text is there (see `build_search_keys_soon`)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Row] = []  # every bill, in the current sort order
        self._keys: list[str] | None = None  # lower-cased search text, aligned with _all
        self._keys_for = 0  # bumped whenever _all or the search text's language changes
        self._building: tuple[int, list[str]] = (0, [])  # (_keys_for, keys of _all so far)
        self._build_timer = QTimer(self)
        self._build_timer.setInterval(0)
        self._build_timer.timeout.connect(self._build_search_keys_slice)
        self._years: list[int] | None = None
        self._rows: list[Row] = []  # what the table shows
        self._year: str | None = None
        self._status: str | None = None
        self._words: list[str] = []
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._colors: dict[str, QColor] = {}
        self._icons: dict[str, QIcon] = {}
        self.update_palette(QGuiApplication.palette())

    # -- content ----------------------------------------------------------------------------
    @staticmethod
    def prepare(rows: Sequence[Row], *, search_keys: bool = True) -> PreparedBills:
        """Off the GUI thread (in the loader): the rows with their years and, unless
        `search_keys` is False, their search text (then built in a second step, once the
        rows are shown: `build_search_keys_soon`)."""
        rows = list(rows)
        return PreparedBills(rows, build_search_keys(rows) if search_keys else None, _years(rows))

    def set_rows(self, rows: Sequence[Row] | PreparedBills) -> None:
        """All the account's bills, as `AccountCache.bill_rows()` returns them (or prepared
        with `prepare()`, so the first search does not build its index on the GUI thread).
        Rows without search text while a search is on: it is built here, on this thread."""
        self.beginResetModel()
        if isinstance(rows, PreparedBills):
            keys = None if rows.keys is None else list(rows.keys)
            self._all, self._keys, self._years = list(rows.rows), keys, rows.years
        else:
            self._all, self._keys, self._years = list(rows), None, None
        self._keys_for += 1
        if self._sort is not None:
            self._sort_all(*self._sort)
        self._rows = self._filtered()
        self.endResetModel()

    def searching(self) -> bool:
        """A search (words) is part of the filter applied now."""
        return bool(self._words)

    def has_search_keys(self) -> bool:
        return self._keys is not None

    def build_search_keys_soon(self) -> None:
        """Builds the rows' search text in slices of SEARCH_KEYS_SLICE rows between the GUI
        thread's events (the rows are painted first), then emits `search_ready`. Not in a
        thread: its Python would hold the GIL while the table paints (B4: +0.1 s)."""
        if self._keys is None and not self._build_timer.isActive():
            self._build_timer.start()

    def _build_search_keys_slice(self) -> None:
        if self._keys is not None:  # a search built them meanwhile
            self._build_timer.stop()
            return
        token, keys = self._building
        if token != self._keys_for:  # the rows were replaced, sorted or retranslated
            token, keys = self._keys_for, []
            self._building = (token, keys)
        done = len(keys)
        keys += build_search_keys(self._all[done : done + SEARCH_KEYS_SLICE])
        if len(keys) == len(self._all) and token == self._keys_for:
            self._keys, self._building = keys, (0, [])
            self._build_timer.stop()
            self.search_ready.emit()

    def years(self) -> list[int]:
        """The years that have bills, newest first."""
        if self._years is None:
            self._years = _years(self._all)
        return self._years[::-1]

    def total_count(self) -> int:
        return len(self._all)

    def row_data(self, row: int) -> Row:
        return self._rows[row]

    def bill(self, row: int) -> billing.Bill:
        return bill_from_row(self._rows[row])

    def row_of(self, bill_id: str) -> int:
        return next((n for n, r in enumerate(self._rows) if r[BILL_ID] == bill_id), -1)

    def visible_bills(self) -> list[billing.Bill]:
        return [bill_from_row(r) for r in self._rows]

    # -- filtering --------------------------------------------------------------------------
    def set_filter(
        self, year: int | None = None, status: str | None = None, text: str = ""
    ) -> None:
        self._year = None if year is None else f"{year:04d}-"
        self._status = status
        self._words = text.casefold().split()
        self.beginResetModel()
        self._rows = self._filtered()
        self.endResetModel()

    def _search_keys(self) -> list[str]:
        if self._keys is None:
            self._keys = build_search_keys(self._all)
        return self._keys

    def _filtered(self) -> list[Row]:
        year, status, words = self._year, self._status, self._words
        rows = self._all
        if not words:
            if year is None and status is None:
                return list(rows)
            if status is None:
                return [r for r in rows if r[BILL_ISSUE_DATE].startswith(year)]
            if year is None:
                return [r for r in rows if r[BILL_STATUS] == status]
            return [r for r in rows if r[BILL_STATUS] == status and r[BILL_ISSUE_DATE][:5] == year]
        keys = self._search_keys()
        if len(words) == 1 and year is None and status is None:
            word = words[0]
            return [r for r, k in zip(rows, keys, strict=True) if word in k]
        return [
            r
            for r, k in zip(rows, keys, strict=True)
            if (year is None or r[BILL_ISSUE_DATE].startswith(year))
            and (status is None or r[BILL_STATUS] == status)
            and all(w in k for w in words)
        ]

    # -- sorting ----------------------------------------------------------------------------
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        if self._sort == (column, order):
            return  # already so (QTableView.sortByColumn() asks twice; the sort is stable)
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()  # the selection, the current cell: a few
        old_rows = [self._rows[i.row()] for i in old]
        self._sort = (column, order)
        self._sort_all(column, order)
        self._rows = self._filtered()  # the same rows as before, in the new order
        if old:
            where = _positions(self._rows, old_rows)
            new = [self.index(where[id(r)], i.column()) for r, i in zip(old_rows, old, strict=True)]
            self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _sort_all(self, column: int, order: Qt.SortOrder) -> None:
        rows = self._all
        positions = _sorted_positions(rows, column, order == Qt.SortOrder.DescendingOrder)
        self._all = list(map(rows.__getitem__, positions))
        self._keys_for += 1
        if self._keys is not None:
            self._keys = list(map(self._keys.__getitem__, positions))

    # -- look -------------------------------------------------------------------------------
    def update_palette(self, palette: QPalette) -> None:
        self._colors = {s: status_color(s, palette) for s in STATUSES}
        self._icons = {}  # drawn when first painted
        if self._rows:
            self.dataChanged.emit(
                self.index(0, self.STATUS), self.index(len(self._rows) - 1, self.STATUS)
            )

    def _icon(self, status: str) -> QIcon | None:
        if status not in self._icons and status in self._colors:
            self._icons[status] = _dot(self._colors[status])
        return self._icons.get(status)

    def retranslate(self) -> None:
        """The language changed: headers, statuses and search text follow."""
        self._keys = None  # rebuilt by the next search
        self._keys_for += 1
        short_date.cache_clear()
        period_text.cache_clear()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)
        if self._rows:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._rows) - 1, self.columnCount() - 1)
            )

    # -- QAbstractItemModel -----------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < 6:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("Bills", "Number"),
                translate("Bills", "Period"),
                translate("Bills", "Issued"),
                translate("Bills", "Due on"),
                translate("Bills", "Amount"),
                translate("Bills", "Status"),
            )[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if column == self.STATUS and role == Qt.ItemDataRole.ForegroundRole:
            return self._colors.get(row[BILL_STATUS])
        if column == self.STATUS and role == Qt.ItemDataRole.DecorationRole:
            return self._icon(row[BILL_STATUS])
        if role == SORT_ROLE:
            return _SORT_KEYS[column](row)
        if role == OBJECT_ROLE:
            return bill_from_row(row)
        if role == SEARCH_ROLE:
            return _search_key(row)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.STATUS:
            return status_text(row[BILL_STATUS])
        return None

    def _display(self, row: Row, column: int) -> str:
        locale = QLocale().name()
        if column == self.NUMBER:
            return str(row[BILL_NUMBER])
        if column == self.PERIOD:
            return period_text(row[BILL_PERIOD_START], row[BILL_PERIOD_END], locale)
        if column == self.ISSUED:
            return short_date(row[BILL_ISSUE_DATE], locale)
        if column == self.DUE:
            return short_date(row[BILL_DUE_DATE], locale)
        if column == self.AMOUNT:
            return money_text(records.Money(int(row[BILL_TOTAL]), row[BILL_CURRENCY]))
        return status_text(row[BILL_STATUS])


@dataclass(frozen=True)
class PreparedBills:
    rows: list[Row]
    keys: list[str] | None  # None: built later (`BillsTableModel.build_search_keys_soon`)
    years: list[int]


def _years(rows: Sequence[Row]) -> list[int]:
    """The years that have bills, oldest first (from the distinct dates: bills share them)."""
    return sorted({int(day[:4]) for day in set(map(itemgetter(BILL_ISSUE_DATE), rows))})


def build_search_keys(rows: Sequence[Row]) -> list[str]:
    """Lower-cased search text of every row: number, dates, amount ("29.90" and "29,90")
    and status (its API word and its label in the current language)."""
    labels = {s: f"{s} {status_text(s)}".casefold() for s in STATUSES}
    cents = [int(r[BILL_TOTAL]) for r in rows]
    amounts = [
        f"{c // 100}.{c % 100:02d} {c // 100},{c % 100:02d}"
        if r[BILL_CURRENCY] not in ZERO_DECIMALS and c >= 0
        else _amount_key(c, r[BILL_CURRENCY])
        for r, c in zip(rows, cents, strict=True)
    ]
    return [
        f"{r[BILL_NUMBER].casefold()}\x1f{r[BILL_ISSUE_DATE]}\x1f{r[BILL_DUE_DATE]}\x1f"
        f"{r[BILL_PERIOD_START]}\x1f{a}\x1f{labels.get(r[BILL_STATUS]) or r[BILL_STATUS]}"
        for r, a in zip(rows, amounts, strict=True)
    ]


def _search_key(row: Row) -> str:
    """What a search matches against, for one row (the table builds them all at once)."""
    return (
        f"{row[BILL_NUMBER]}\x1f{row[BILL_ISSUE_DATE]}\x1f{row[BILL_DUE_DATE]}\x1f"
        f"{row[BILL_PERIOD_START]}\x1f{_amount_key(int(row[BILL_TOTAL]), row[BILL_CURRENCY])}\x1f"
        f"{row[BILL_STATUS]} {status_text(row[BILL_STATUS])}"
    ).casefold()


def _amount_key(amount: int, currency: str) -> str:
    text = decimal_text(records.Money(amount, currency))
    return f"{text} {text.replace('.', ',')}"


# One row's sort key (the SORT_ROLE); `_sorted_positions` sorts by the same keys.
_SORT_KEYS: tuple[Callable[[Row], Any], ...] = (
    lambda r: r[BILL_NUMBER],
    lambda r: r[BILL_PERIOD_START],
    lambda r: r[BILL_ISSUE_DATE],
    lambda r: r[BILL_DUE_DATE],
    lambda r: int(r[BILL_TOTAL]),
    lambda r: (STATUS_ORDER.get(r[BILL_STATUS], 9), r[BILL_DUE_DATE]),
)
_SORT_FIELDS = (BILL_NUMBER, BILL_PERIOD_START, BILL_ISSUE_DATE, BILL_DUE_DATE, BILL_TOTAL)


def _sorted_positions(rows: Sequence[Row], column: int, reverse: bool) -> list[int]:
    """The positions of `rows` in the order of `_SORT_KEYS[column]` (stable), with the keys
    taken by `itemgetter` (no Python call per row). The status column sorts by due date,
    then (stable) by status: the order of its (status, due date) tuples, compared faster."""
    if column == BillsTableModel.STATUS:
        due = list(map(itemgetter(BILL_DUE_DATE), rows))
        by_due = sorted(range(len(rows)), key=due.__getitem__, reverse=reverse)
        ranks = list(map(STATUS_ORDER.get, map(itemgetter(BILL_STATUS), rows), repeat(9)))
        return sorted(by_due, key=ranks.__getitem__, reverse=reverse)
    values: list[Any] = list(map(itemgetter(_SORT_FIELDS[column]), rows))
    if column == BillsTableModel.AMOUNT:
        values = list(map(int, values))  # raw rows may hold amounts as text
    return sorted(range(len(rows)), key=values.__getitem__, reverse=reverse)


def _positions(rows: list[Row], wanted: Sequence[Row]) -> dict[int, int]:
    """Where each of `wanted` (the same objects, e.g. the selected rows) is in `rows`, by
    `id()`: a C scan of `rows` each for a few (a selection), one pass for many."""
    distinct = {id(r): r for r in wanted}
    if len(distinct) <= 8:
        return {key: rows.index(r) for key, r in distinct.items()}
    return {key: n for n, r in enumerate(rows) if (key := id(r)) in distinct}


# -- one bill's line items (F14) ----------------------------------------------------------
def _rate_text(basis_points: int) -> str:
    return QLocale().toString(basis_points / 100, "f", 1 if basis_points % 100 else 0) + " %"


LINE_COLUMNS: list[Column[billing.BillLine]] = [
    Column(lambda: translate("Bills", "Item"), lambda line: line.label),
    Column(
        lambda: translate("Bills", "Qty"),
        lambda line: str(line.quantity),
        sort_key=lambda line: line.quantity,
        align_right=True,
    ),
    Column(
        lambda: translate("Bills", "Unit price"),
        lambda line: money_text(line.unit_price),
        sort_key=lambda line: line.unit_price.amount,
        align_right=True,
    ),
    Column(
        lambda: translate("Bills", "VAT"),
        lambda line: _rate_text(line.tax_rate_bp),
        sort_key=lambda line: line.tax_rate_bp,
        align_right=True,
    ),
    Column(
        lambda: translate("Bills", "Amount"),
        lambda line: money_text(line.amount),
        sort_key=lambda line: line.amount.amount,
        align_right=True,
    ),
]


def bill_lines_model(parent: QObject | None = None) -> RecordTableModel[billing.BillLine]:
    return RecordTableModel(
        LINE_COLUMNS, search_text=lambda line: line.label.casefold(), parent=parent
    )
