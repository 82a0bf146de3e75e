"""Bills tab (F13–F19): the bills with filters and search, one bill's detail and PDF, pay
now, report a problem, a year's export, calendar reminders; the payment history and the
spending chart as sub-tabs. Everything shown comes from the cache (offline too)."""

from __future__ import annotations

import logging
from dataclasses import replace
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core import actions, exports
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing
from icanal_desktop.gui.models.bills_model import (
    STATUSES,
    BillsTableModel,
    PreparedBills,
    build_search_keys,
    status_text,
)
from icanal_desktop.gui.problems import describe_error
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.billing.bill_detail import BillDetailPane
from icanal_desktop.gui.views.billing.bills_exports import BillsExporter
from icanal_desktop.gui.views.billing.pay_bill_dialog import PayBillDialog
from icanal_desktop.gui.views.billing.payments_view import PaymentsView
from icanal_desktop.gui.views.common.online_gate import OnlineGate
from icanal_desktop.gui.views.common.reload_when_shown import ReloadWhenShown
from icanal_desktop.gui.views.dashboard.spending_chart import SpendingChart
from icanal_desktop.gui.views.support.new_ticket_dialog import NewTicketDialog

log = logging.getLogger(__name__)

SEARCH_DELAY_MS = 150


class BillsTab(QWidget):
    def __init__(self, session: Session, gate: OnlineGate, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("billsTab")
        self._session = session
        # Pay and report depend on the selected bill as well as on the connection, so this
        # tab enables them itself (`gate` would re-enable them with no bill selected).
        self._gate = gate
        self._current_id: str | None = None
        self._detail_token = 0
        self._loading = self._reload_pending = False
        self._generation = 0  # one per account shown: a late result of another is dropped
        self._filter_waiting = False  # a search waits for the rows' search text
        self.pay_dialog: PayBillDialog | None = None
        self.ticket_dialog: NewTicketDialog | None = None
        self.model = BillsTableModel(self)
        self.model.search_ready.connect(self._search_ready)
        self.exporter = BillsExporter(session, self)

        self.year_filter = QComboBox()
        self.year_filter.setObjectName("billsYearFilter")
        self.year_filter.setAccessibleName(self.tr("Year"))
        self.year_filter.addItem(self.tr("All years"), None)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("billsStatusFilter")
        self.status_filter.setAccessibleName(self.tr("Status"))
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in STATUSES:
            self.status_filter.addItem(status_text(status), status)
        self.search = QLineEdit()
        self.search.setObjectName("billsSearch")
        self.search.setAccessibleName(self.tr("Search bills"))
        self.search.setPlaceholderText(self.tr("Search by number, date, amount…"))
        self.search.setClearButtonEnabled(True)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(SEARCH_DELAY_MS)
        self._debounce.timeout.connect(self.apply_filter)
        self.search.textChanged.connect(self._debounce.start)
        self.year_filter.currentIndexChanged.connect(self.apply_filter)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)
        self.count_label = QLabel()
        self.count_label.setObjectName("billsCount")
        self.count_label.setAccessibleName(self.tr("Number of bills shown"))
        self.export_button = QPushButton(self.tr("&Export year…"))
        self.export_button.setObjectName("billsExportYear")
        self.export_button.setAccessibleName(self.tr("Export the year's bills (PDFs and CSV)"))
        self.export_button.clicked.connect(self._ask_export_year)
        self.calendar_button = QPushButton(self.tr("Add to &calendar…"))
        self.calendar_button.setObjectName("billsExportCalendar")
        self.calendar_button.setAccessibleName(self.tr("Export due dates as a calendar file"))
        self.calendar_button.setToolTip(
            self.tr("Save the upcoming due dates and the renewal date as an .ics file")
        )
        self.calendar_button.clicked.connect(self._ask_export_calendar)
        self.status = QLabel()
        self.status.setObjectName("billsStatusMessage")
        self.status.setAccessibleName(self.tr("Bills message"))
        self.status.setWordWrap(True)

        self.table = QTableView()
        self.table.setObjectName("billsTable")
        self.table.setAccessibleName(self.tr("Bills"))
        self.table.setModel(self.model)
        # The server's order (newest first) until a header is clicked.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Widths follow the texts of the first rows (not all 100,000: a bounded sample). A
        # hidden table (another tab on screen when bills arrive) measures that many rows at
        # every cell's data(): 200 rows took ~50 ms of GUI thread after a sync (B3).
        header.setResizeContentsPrecision(20)
        self._columns_sized = False
        self.table.selectionModel().selectionChanged.connect(self._on_selection)

        self.detail = BillDetailPane()
        self.detail.pay_button.clicked.connect(self.open_pay_dialog)
        self.detail.report_button.clicked.connect(self.open_ticket_dialog)
        self.detail.tabs.currentChanged.connect(lambda _: self._load_pdf())

        filters = QHBoxLayout()
        filters.addWidget(self.year_filter)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.search, 1)
        filters.addWidget(self.count_label)
        filters.addWidget(self.export_button)
        filters.addWidget(self.calendar_button)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.setObjectName("billsSplitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([700, 360])
        bills_page = QWidget()
        page_layout = QVBoxLayout(bills_page)
        page_layout.addLayout(filters)
        page_layout.addWidget(splitter, 1)
        page_layout.addWidget(self.status)

        self.payments = PaymentsView()
        self.spending = SpendingChart()
        self.sub_tabs = QTabWidget()
        self.sub_tabs.setObjectName("billsSubTabs")
        self.sub_tabs.setAccessibleName(self.tr("Bills, payments and spending"))
        self.sub_tabs.setDocumentMode(True)
        self.sub_tabs.addTab(bills_page, self.tr("Bills"))
        self.sub_tabs.addTab(self.payments, self.tr("Payments"))
        self.sub_tabs.addTab(self.spending, self.tr("Spending"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.sub_tabs)

        self.payments.export_requested.connect(self._write_payments_csv)
        self.detail.pdf.save_requested.connect(self._write_pdf)
        self.exporter.message.connect(self.status.setText)
        self.exporter.finished.connect(self._update_buttons)
        self.reloads = ReloadWhenShown(self, session, self._on_resources)
        session.state_changed.connect(self._on_state)
        session.account_opened.connect(self._on_account_opened)
        self._update_count()
        self._update_buttons()
        self._on_resources(frozenset({"bills", "payments"}))  # built while an account is open

    # -- loading ----------------------------------------------------------------------------
    def _on_account_opened(self, _known: object) -> None:
        """Another account: nothing of the previous one stays on screen, and a load of its
        bills still running is forgotten (the session drops its result) so that it cannot
        hold back the new account's."""
        self._generation += 1
        self._loading = self._reload_pending = False
        self.model.set_rows([])
        self._show(None)
        self._update_count()

    def _on_resources(self, names: frozenset[str]) -> None:
        if "bills" in names:
            self.reload_bills()
        if "payments" in names:
            self._session.load(lambda cache: cache.payments(), self._payments_loaded, owner=self)

    def reload_bills(self) -> None:
        if self._loading:  # one at a time; the newest request runs after it
            self._reload_pending = True
            return
        self._loading = True

        def load(cache: AccountCache) -> PreparedBills:
            # The search text comes in a second step, once the rows are shown (B4).
            return BillsTableModel.prepare(cache.bill_rows(), search_keys=False)

        if self._session.load(load, self._bills_loaded, owner=self) is None:
            self._loading = False  # no account open: nothing to wait for

    def _bills_loaded(self, prepared: PreparedBills) -> None:
        if prepared.keys is None and (self.search.text().split() or self.model.searching()):
            # A search is on: the new rows wait for their search text (built off the GUI
            # thread); the rows shown stay until then, and a newer reload after them.
            rows, generation = prepared.rows, self._generation

            def keyed(ready: PreparedBills) -> None:
                if generation == self._generation:  # still the same account's bills
                    self._bills_loaded(ready)

            self._session.run_in_background(
                lambda: replace(prepared, keys=build_search_keys(rows)),
                keyed,
                self._search_keys_failed,
                owner=self,
            )
            return
        self._loading = False
        if self._reload_pending:
            self._reload_pending = False
            self.reload_bills()
        self.model.set_rows(prepared)
        if not self._columns_sized and self.model.total_count():
            self._columns_sized = True  # once: later a user's own widths stay
            self.table.resizeColumnsToContents()
        year = self.year_filter.currentData()
        self.year_filter.blockSignals(True)
        while self.year_filter.count() > 1:
            self.year_filter.removeItem(1)
        for value in self.model.years():
            self.year_filter.addItem(str(value), value)
        self.year_filter.setCurrentIndex(max(0, self.year_filter.findData(year)))
        self.year_filter.blockSignals(False)
        self.apply_filter()
        self.model.build_search_keys_soon()

    def _search_keys_failed(self, exc: Exception) -> None:
        log.error("building the bills' search text failed", exc_info=exc)
        self._loading = False
        if self._reload_pending:
            self._reload_pending = False
            self.reload_bills()

    # -- files the user asked for, written off the GUI thread ---------------------------------
    def _write_payments_csv(self, path: Path, payments: list[billing.Payment]) -> None:
        self._session.run_in_background(
            lambda: exports.write_payments_csv(path, payments),
            lambda count: self.payments.show_exported(path, count),
            self.payments.show_export_failed,
            owner=self,
        )

    def _write_pdf(self, path: Path, data: bytes) -> None:
        self._session.run_in_background(
            lambda: path.write_bytes(data),
            lambda _: None,
            self.detail.pdf.show_save_failed,
            owner=self,
        )

    def _payments_loaded(self, payments: list[billing.Payment]) -> None:
        self.payments.set_payments(payments)
        self.spending.set_payments(payments)

    # -- filters ----------------------------------------------------------------------------
    def apply_filter(self) -> None:
        self._debounce.stop()
        if self.search.text().split() and not self.model.has_search_keys():
            # Right after a load the search text is still being built, in slices: the
            # search waits for it rather than hold the window to build it all at once.
            self._filter_waiting = True
            self.model.build_search_keys_soon()
            return
        self._filter_waiting = False
        self.model.set_filter(
            self.year_filter.currentData(), self.status_filter.currentData(), self.search.text()
        )
        self._update_count()
        self._reselect()
        self._update_buttons()

    def _search_ready(self) -> None:
        if self._filter_waiting:
            self.apply_filter()

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), self.model.total_count()
        if shown == total:
            self.count_label.setText(self.tr("{n} bill(s)").format(n=total))
        else:
            self.count_label.setText(self.tr("{shown} of {n} bills").format(shown=shown, n=total))

    def _reselect(self) -> None:
        row = self.model.row_of(self._current_id) if self._current_id else -1
        if row < 0 and self.model.rowCount():
            row = 0  # the first bill shown, so the detail pane is never empty
        if row < 0:
            self.table.clearSelection()
            if self._current_id is not None:
                self._show(None)
            return
        self.table.selectRow(row)
        bill = self.model.bill(row)
        if self.detail.bill != bill:  # e.g. its status changed after a payment
            self._show(bill)

    def _on_selection(self, selected: QItemSelection, _: QItemSelection) -> None:
        rows = selected.indexes()
        if not rows:
            return
        bill = self.model.bill(rows[0].row())
        if bill.id != self._current_id or self.detail.bill != bill:
            self._show(bill)

    # -- one bill ---------------------------------------------------------------------------
    def _show(self, bill: billing.Bill | None) -> None:
        self._current_id = None if bill is None else bill.id
        self._detail_token += 1
        token = self._detail_token
        self.detail.show_bill(bill)
        self._update_buttons()
        if bill is None:
            return
        bill_id = bill.id
        self._session.load(
            lambda cache: cache.bill_detail(bill_id),
            lambda detail: self._detail_loaded(token, detail),
            owner=self,
        )
        self._load_pdf()

    def _detail_loaded(self, token: int, detail: billing.BillDetail | None) -> None:
        if token != self._detail_token:
            return
        bill = self.detail.bill
        if detail is not None or bill is None or not self._session.online:
            self.detail.show_detail(detail)  # None: "not downloaded yet" (offline)
            return
        # Only recent bills' details are synced: fetch this one now (and keep it).
        bill_id = bill.id
        self._session.run_action(
            f"bill-detail:{bill_id}",
            lambda client, cache: actions.bill_detail(client, cache, bill_id),
            lambda fetched: (
                self.detail.show_detail(fetched) if token == self._detail_token else None
            ),
            lambda exc: (
                self.detail.detail_note.setText(describe_error(exc))
                if token == self._detail_token
                else None
            ),
            owner=self,
        )

    def _load_pdf(self) -> None:
        """The PDF is read (or downloaded) only when its tab is shown."""
        bill = self.detail.bill
        if bill is None or self.detail.tabs.currentIndex() != BillDetailPane.PDF:
            return
        token, bill_id = self._detail_token, bill.id
        self.detail.pdf.show_message(self.tr("Opening the PDF…"))
        self._session.load(
            lambda cache: cache.pdf(bill_id),
            lambda data: self._pdf_read(token, bill, data),
            owner=self,
        )

    def _pdf_read(self, token: int, bill: billing.Bill, data: bytes | None) -> None:
        if token != self._detail_token:
            return
        if data is not None:
            self.detail.pdf.show_pdf(data, exports.bill_pdf_name(bill))
            return
        if not self._session.online:
            self.detail.pdf.show_message(
                self.tr(
                    "The PDF of bill {number} has not been downloaded to this computer yet, "
                    "and iCanal cannot be reached now. It will be available as soon as you "
                    "are back online."
                ).format(number=bill.number)
            )
            return
        self.detail.pdf.show_message(self.tr("Downloading the PDF…"))
        bill_id = bill.id

        def failed(exc: Exception) -> None:
            if token == self._detail_token:
                self.detail.pdf.show_message(
                    self.tr("The PDF could not be downloaded: {reason}").format(
                        reason=describe_error(exc)
                    )
                )

        self._session.run_action(
            f"bill-pdf:{bill_id}",
            lambda client, cache: actions.bill_pdf(client, cache, bill_id),
            lambda pdf: self._pdf_read(token, bill, pdf) if token == self._detail_token else None,
            failed,
            owner=self,
        )

    # -- actions ----------------------------------------------------------------------------
    def _on_state(self, *_: Any) -> None:
        self._update_buttons()
        if self.detail.bill is not None and not self.detail.pdf.has_pdf:
            self._load_pdf()  # back online: download what was missing; offline: say so

    def _update_buttons(self) -> None:
        online = self._session.online
        self.detail.pay_button.setEnabled(online and self.detail.payable)
        self.detail.report_button.setEnabled(online and self.detail.bill is not None)
        self.detail.report_button.setToolTip(
            self.tr("Report a problem with this bill")
            if online
            else self.tr("Not available offline: this needs a connection to iCanal.")
        )
        if not online:
            self.detail.pay_button.setToolTip(
                self.tr("Not available offline: this needs a connection to iCanal.")
            )
        elif self.detail.bill is not None and not self.detail.payable:
            self.detail.pay_button.setToolTip(self.tr("This bill is already paid."))
        else:
            self.detail.pay_button.setToolTip("")
        has_year = self.year_filter.currentData() is not None
        self.export_button.setEnabled(has_year)
        self.export_button.setToolTip(
            "" if has_year else self.tr("Choose a year in the list first.")
        )

    def open_pay_dialog(self) -> None:
        bill = self.detail.bill
        if bill is None or not self.detail.payable:
            return

        def show(methods: list[billing.PaymentMethod]) -> None:
            if self.detail.bill is None or self.detail.bill.id != bill.id:
                return
            self.pay_dialog = PayBillDialog(self._session, bill, methods, self)
            self.pay_dialog.open()

        self._session.load(lambda cache: cache.payment_methods(), show, owner=self)

    def open_ticket_dialog(self) -> None:
        bill = self.detail.bill
        if bill is None:
            return
        self.ticket_dialog = NewTicketDialog(
            self._session, bill_id=bill.id, bill_number=bill.number, category="billing", parent=self
        )
        self.ticket_dialog.created.connect(
            lambda thread: self.status.setText(
                self.tr("Request {number} sent to the support team.").format(
                    number=thread.ticket.number
                )
            )
        )
        self.ticket_dialog.open()

    # -- exports ----------------------------------------------------------------------------
    def _ask_export_year(self) -> None:
        year = self.year_filter.currentData()
        if year is None:
            return
        folder = QFileDialog.getExistingDirectory(
            self, self.tr("Export the bills of {year} to…").format(year=year)
        )
        if folder:
            self.export_year_to(Path(folder), int(year))

    def export_year_to(self, folder: Path, year: int) -> None:
        """PDFs + CSV of one year into `folder` (the button asks for the folder)."""
        self.export_button.setEnabled(False)
        self.exporter.export_year(folder, year)

    def _ask_export_calendar(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save the reminders"), "icanal.ics", self.tr("Calendar files (*.ics)")
        )
        if path:
            self.export_calendar_to(Path(path))

    def export_calendar_to(self, path: Path) -> None:
        """The upcoming due dates and the renewal as an .ics file."""
        self.exporter.export_calendar(path)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.model.update_palette(self.palette())
