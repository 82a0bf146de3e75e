"""Payment history (F17): date, amount, method, reference, status; search; CSV export."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain import billing
from icanal_desktop.gui.models.filter_proxy import RecordFilterProxy
from icanal_desktop.gui.models.payments_model import payments_model


class PaymentsView(QWidget):
    exported = Signal(str)  # the file written
    # The owner of this view writes the file off the GUI thread, then calls
    # show_exported / show_export_failed.
    export_requested = Signal(object, object)  # Path, list[billing.Payment]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("paymentsView")
        self.model = payments_model(self)
        self.proxy = RecordFilterProxy(self)
        self.proxy.setSourceModel(self.model)

        self.search = QLineEdit()
        self.search.setObjectName("paymentsSearch")
        self.search.setAccessibleName(self.tr("Search payments"))
        self.search.setPlaceholderText(self.tr("Search by reference, method, amount…"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(150)
        self._debounce.timeout.connect(lambda: self.proxy.set_search(self.search.text()))
        self.search.textChanged.connect(self._debounce.start)
        self.count_label = QLabel()
        self.count_label.setObjectName("paymentsCount")
        self.count_label.setAccessibleName(self.tr("Number of payments"))
        self.export_button = QPushButton(self.tr("Export CSV…"))
        self.export_button.setObjectName("paymentsExportCsv")
        self.export_button.setAccessibleName(self.tr("Export the payment history as CSV"))
        self.export_button.clicked.connect(self._ask_export)
        self.status = QLabel()
        self.status.setObjectName("paymentsExportStatus")
        self.status.setAccessibleName(self.tr("Export result"))

        self.table = QTableView()
        self.table.setObjectName("paymentsTable")
        self.table.setAccessibleName(self.tr("Payment history"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        # Columns fit the rows on screen when payments arrive: measuring every row's text
        # (ResizeToContents) took ~1.5 s of GUI thread for 1,000 payments (benchmarks B3).
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setResizeContentsPrecision(0)
        header.setStretchLastSection(True)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)
        self._columns_fitted = True

        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.count_label)
        bar.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self._update_count()

    def set_payments(self, payments: Sequence[billing.Payment]) -> None:
        self.model.set_records(payments)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Columns fit the rows on screen; a hidden table (another sub-tab is shown) would
        measure every row, so it waits until it is shown."""
        self._columns_fitted = self.table.isVisible()
        if self._columns_fitted:
            self.table.resizeColumnsToContents()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._columns_fitted:
            self._fit_columns()

    def _update_count(self, *_: object) -> None:
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        if shown == total:
            self.count_label.setText(self.tr("{n} payment(s)").format(n=total))
        else:
            self.count_label.setText(self.tr("{shown} of {n}").format(shown=shown, n=total))

    def visible_payments(self) -> list[billing.Payment]:
        proxy = self.proxy
        source_rows = (proxy.mapToSource(proxy.index(r, 0)).row() for r in range(proxy.rowCount()))
        return [self.model.record(row) for row in source_rows]

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export payments"), "paiements.csv", self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        """Asks for the payments shown (search applied), in the table's order, to be
        written to `path`."""
        self.export_button.setEnabled(False)
        self.export_requested.emit(path, self.visible_payments())

    def show_exported(self, path: Path, count: int) -> None:
        self.export_button.setEnabled(True)
        self.status.setText(
            self.tr("{n} payment(s) exported to {path}").format(n=count, path=str(path))
        )
        self.exported.emit(str(path))

    def show_export_failed(self, exc: Exception) -> None:
        self.export_button.setEnabled(True)
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        self.status.setText(
            self.tr("The file could not be written: {reason}").format(reason=reason)
        )
