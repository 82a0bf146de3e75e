"""Pay a bill now (F16): choose the method, confirm the amount, see the receipt.

Never charged twice: the dialog makes one idempotency key when it opens and sends it with
every attempt, so a retry after a lost answer replays the first charge instead of making a
second; the Pay button is disabled while the request runs (a double click sends once), and
after an attempt whose outcome is unknown the method can no longer be changed (a retry must
be the same request). Only a declined payment, whose outcome is known, gets a fresh key.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core import actions
from icanal_desktop.core.api import ApiClient
from icanal_desktop.core.api.client import new_idempotency_key
from icanal_desktop.core.cache import AccountCache
from icanal_desktop.core.domain import billing
from icanal_desktop.core.errors import OfflineError
from icanal_desktop.gui.models.formatting import date_text, datetime_text, money_text
from icanal_desktop.gui.problems import describe_error
from icanal_desktop.gui.session import Session


class PayBillDialog(QDialog):
    paid = Signal(object)  # billing.Payment (succeeded or declined)

    def __init__(
        self,
        session: Session,
        bill: billing.Bill,
        methods: list[billing.PaymentMethod],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.bill = bill
        self.methods = methods
        self.idempotency_key = new_idempotency_key()
        self.attempts = 0
        self.payment: billing.Payment | None = None
        self.setObjectName("payBillDialog")
        self.setWindowTitle(self.tr("Pay bill {number}").format(number=bill.number))
        self.setMinimumWidth(460)

        amount = bill.amount_due or bill.total
        self.amount_label = QLabel(money_text(amount))
        self.amount_label.setObjectName("payAmount")
        self.amount_label.setAccessibleName(self.tr("Amount to pay"))
        self.amount_label.setStyleSheet("font-size: 14pt; font-weight: 600;")
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("payMethod")
        self.method_combo.setAccessibleName(self.tr("Payment method"))
        for method in methods:
            self.method_combo.addItem(method.label, method.id)
        default = next((n for n, m in enumerate(methods) if m.is_default), 0)
        self.method_combo.setCurrentIndex(default if methods else -1)
        self.method_combo.currentIndexChanged.connect(self._update_confirmation)
        self.confirmation = QLabel()
        self.confirmation.setObjectName("payConfirmation")
        self.confirmation.setAccessibleName(self.tr("What will be charged"))
        self.confirmation.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("payError")
        self.error.setAccessibleName(self.tr("Payment problem"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet(
            "color: white; background-color: #b3261e; padding: 6px; border-radius: 3px;"
        )
        self.error.hide()

        form = QFormLayout()
        form.addRow(self.tr("Bill"), QLabel(bill.number))
        form.addRow(self.tr("Due date"), QLabel(date_text(bill.due_date)))
        form.addRow(self.tr("Amount"), self.amount_label)
        form.addRow(self.tr("Pay with"), self.method_combo)
        form_page = QWidget()
        page_layout = QVBoxLayout(form_page)
        page_layout.setContentsMargins(0, 0, 0, 0)
        page_layout.addLayout(form)
        page_layout.addWidget(self.confirmation)
        page_layout.addWidget(self.error)
        page_layout.addStretch(1)

        self.receipt = QLabel()
        self.receipt.setObjectName("payReceipt")
        self.receipt.setAccessibleName(self.tr("Payment receipt"))
        self.receipt.setWordWrap(True)
        self.receipt.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.receipt.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.pages = QStackedWidget()
        self.pages.addWidget(form_page)
        self.pages.addWidget(self.receipt)

        self.buttons = QDialogButtonBox()
        self.pay_button = QPushButton()
        self.pay_button.setObjectName("payButton")
        self.pay_button.setAccessibleName(self.tr("Pay"))
        self.pay_button.setDefault(True)
        self.pay_button.clicked.connect(self.pay)
        self.buttons.addButton(self.pay_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button.setObjectName("payClose")
        self.close_button.clicked.connect(self.reject)
        # Not through the window's OnlineGate: it outlives this dialog.
        session.state_changed.connect(self._update_confirmation)
        self.offline_note = self.tr("Not available offline: this needs a connection to iCanal.")

        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._update_confirmation()

    def _method(self) -> billing.PaymentMethod | None:
        index = self.method_combo.currentIndex()
        return self.methods[index] if 0 <= index < len(self.methods) else None

    def _update_confirmation(self, *_: object) -> None:
        method = self._method()
        amount = money_text(self.bill.amount_due or self.bill.total)
        self.pay_button.setText(self.tr("Pay {amount}").format(amount=amount))
        if method is None:
            self.confirmation.setText(
                self.tr("Add a payment method in the Payment methods tab first.")
            )
            self.pay_button.setEnabled(False)
            return
        self.confirmation.setText(
            self.tr("{amount} will be charged now to {method}.").format(
                amount=amount, method=method.label
            )
        )
        online = self._session.online
        self.pay_button.setEnabled(online and not self._running() and self.payment is None)
        self.pay_button.setToolTip("" if online else self.offline_note)

    def _running(self) -> bool:
        return self._session.action_running(self._action_name())

    def _action_name(self) -> str:
        return f"pay-bill:{self.bill.id}"

    # -- paying -----------------------------------------------------------------------------
    def pay(self) -> None:
        method = self._method()
        if method is None or self._running() or self.payment is not None:
            return
        self.pay_button.setEnabled(False)
        self.method_combo.setEnabled(False)
        self.error.hide()
        self.attempts += 1
        key, bill_id = self.idempotency_key, self.bill.id

        def work(client: ApiClient, cache: AccountCache) -> actions.Outcome[billing.Payment]:
            return actions.pay_bill(client, cache, bill_id, method.id, idempotency_key=key)

        self._session.run_action(self._action_name(), work, self._done, self._failed, owner=self)

    def _done(self, outcome: actions.Outcome[billing.Payment]) -> None:
        payment = outcome.value
        self.paid.emit(payment)
        if payment.status != "succeeded":
            # Declined: the outcome is known, so the next attempt is a new request.
            self.idempotency_key = new_idempotency_key()
            reason = payment.failure_reason or self.tr("no reason given")
            self._show_error(
                self.tr("The payment was declined ({reason}). Try another method.").format(
                    reason=reason
                ),
                method_locked=False,
            )
            return
        self.payment = payment
        self.receipt.setText(self._receipt_text(payment))
        self.pages.setCurrentIndex(1)
        self.pay_button.hide()
        self.close_button.setText(self.tr("Close"))

    def _failed(self, exc: Exception) -> None:
        # The answer may have been lost after the charge: the retry must be the same
        # request (same key, same method) so the server replays it instead of charging.
        uncertain = isinstance(exc, OfflineError) or getattr(exc, "status", 0) >= 500
        text = describe_error(exc)
        if uncertain:
            text += " " + self.tr(
                "If the payment went through, trying again will not charge you twice."
            )
        self._show_error(text, method_locked=uncertain or not self.method_combo.isEnabled())

    def _show_error(self, text: str, method_locked: bool) -> None:
        self.error.setText(text)
        self.error.show()
        self.method_combo.setEnabled(not method_locked)
        self.pay_button.setEnabled(self._session.online)

    def _receipt_text(self, payment: billing.Payment) -> str:
        rows = (
            (self.tr("Reference"), payment.reference),
            (self.tr("Amount"), money_text(payment.amount)),
            (self.tr("Date"), datetime_text(payment.created_at)),
            (self.tr("Method"), payment.method_summary),
            (self.tr("Bill"), payment.bill_number or self.bill.number),
        )
        cells = "".join(
            f"<tr><td><b>{escape(k)}</b></td><td>&nbsp;{escape(v)}</td></tr>" for k, v in rows
        )
        title = escape(self.tr("Payment received — thank you."))
        return f"<p style='font-size:13pt'>{title}</p><table>{cells}</table>"
