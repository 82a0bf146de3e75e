"""One bill beside the table (F14, F15): totals, line items, payments applied, its PDF, and
the actions on it (pay now, report a problem)."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain import billing
from icanal_desktop.gui.models.bills_model import (
    PAYABLE,
    bill_lines_model,
    short_date,
    status_color,
    status_text,
)
from icanal_desktop.gui.models.formatting import money_text
from icanal_desktop.gui.models.payments_model import payments_model
from icanal_desktop.gui.views.billing.pdf_viewer import PdfViewer


def _table(name: str, accessible: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setAccessibleName(accessible)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(False)
    return table


class BillDetailPane(QWidget):
    DETAILS, PDF = range(2)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("billDetail")
        self.bill: billing.Bill | None = None
        self.title = QLabel()
        self.title.setObjectName("billDetailTitle")
        self.title.setAccessibleName(self.tr("Selected bill"))
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.status = QLabel()
        self.status.setObjectName("billDetailStatus")
        self.status.setAccessibleName(self.tr("Bill status"))

        self.pay_button = QPushButton(self.tr("Pay &now…"))
        self.pay_button.setObjectName("billPayNow")
        self.pay_button.setAccessibleName(self.tr("Pay this bill now"))
        self.report_button = QPushButton(self.tr("&Report a problem…"))
        self.report_button.setObjectName("billReportProblem")
        self.report_button.setAccessibleName(self.tr("Report a problem with this bill"))
        self.report_button.setToolTip(self.tr("Report a problem with this bill"))

        self.fields: dict[str, QLabel] = {}
        form = QFormLayout()
        for key, title in (
            ("period", self.tr("Period")),
            ("issued", self.tr("Issued")),
            ("due", self.tr("Due date")),
            ("excl", self.tr("Total excl. VAT")),
            ("tax", self.tr("VAT")),
            ("total", self.tr("Total")),
        ):
            label = QLabel("—")
            label.setObjectName(f"billDetail{key.capitalize()}")
            label.setAccessibleName(title)
            self.fields[key] = label
            form.addRow(title, label)

        self.lines_model = bill_lines_model(self)
        self.lines_table = _table("billLines", self.tr("Line items"))
        self.lines_table.setModel(self.lines_model)
        self.lines_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.payments_model = payments_model(self)
        self.payments_table = _table("billPayments", self.tr("Payments applied"))
        self.payments_table.setModel(self.payments_model)
        self.detail_note = QLabel()
        self.detail_note.setObjectName("billDetailNote")
        self.detail_note.setWordWrap(True)

        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addLayout(form)
        details_layout.addWidget(QLabel(self.tr("Line items")))
        details_layout.addWidget(self.lines_table, 2)
        details_layout.addWidget(QLabel(self.tr("Payments applied")))
        details_layout.addWidget(self.payments_table, 1)
        details_layout.addWidget(self.detail_note)

        self.pdf = PdfViewer()
        self.tabs = QTabWidget()
        self.tabs.setObjectName("billDetailTabs")
        self.tabs.setAccessibleName(self.tr("Bill details and PDF"))
        self.tabs.addTab(details, self.tr("Details"))
        self.tabs.addTab(self.pdf, self.tr("PDF"))

        head = QHBoxLayout()
        head.addWidget(self.title, 1)
        head.addWidget(self.status)
        actions = QHBoxLayout()
        actions.addWidget(self.pay_button)
        actions.addWidget(self.report_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addWidget(self.tabs, 1)
        self.show_bill(None)

    def show_bill(self, bill: billing.Bill | None) -> None:
        """The list's view of the bill, at once; `show_detail` adds lines and payments."""
        self.bill = bill
        self.lines_model.set_records([])
        self.payments_model.set_records([])
        if bill is None:
            self.title.setText(self.tr("No bill selected"))
            self.status.setText("")
            for label in self.fields.values():
                label.setText("—")
            self.detail_note.setText("")
            self.pdf.show_message(self.tr("Select a bill to see its PDF."))
            return
        self.title.setText(self.tr("Bill {number}").format(number=bill.number))
        self.status.setText(status_text(bill.status))
        color = status_color(bill.status, self.palette()).name()
        self.status.setStyleSheet(f"color: {color}; font-weight: 600;")
        locale = QLocale().name()
        self.fields["period"].setText(
            self.tr("{start} to {end}").format(
                start=short_date(bill.period_start.isoformat(), locale),
                end=short_date(bill.period_end.isoformat(), locale),
            )
        )
        self.fields["issued"].setText(short_date(bill.issue_date.isoformat(), locale))
        self.fields["due"].setText(short_date(bill.due_date.isoformat(), locale))
        self.fields["excl"].setText(money_text(bill.total_excl_tax))
        self.fields["tax"].setText(money_text(bill.tax))
        self.fields["total"].setText(money_text(bill.total))
        self.detail_note.setText(self.tr("Loading the details…"))

    def show_detail(self, detail: billing.BillDetail | None) -> None:
        if detail is None:
            self.detail_note.setText(
                self.tr("The details of this bill have not been downloaded yet.")
            )
            return
        self.lines_model.set_records(detail.lines)
        self.payments_model.set_records(detail.payments)
        self.detail_note.setText(
            "" if detail.payments else self.tr("No payment applied to this bill yet.")
        )

    @property
    def payable(self) -> bool:
        return self.bill is not None and self.bill.status in PAYABLE
