"""A new support ticket (F25), optionally linked to a bill ("Report a problem with this
bill"). The same request sent again after a lost answer is the same action (one idempotency
key, kept by the operation): it does not open a second ticket. Checked before sending: a
subject of 3 to 120 characters and a message."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain import catalog
from icanal_desktop.gui.operations import Request, support
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session

translate = QCoreApplication.translate


def category_titles() -> dict[str, str]:
    return {
        "billing": translate("NewTicketDialog", "Billing"),
        "payment": translate("NewTicketDialog", "Payment"),
        "technical": translate("NewTicketDialog", "Technical problem"),
        "subscription": translate("NewTicketDialog", "Subscription"),
        "other": translate("NewTicketDialog", "Other"),
    }


class NewTicketDialog(QDialog):
    created = Signal(object)  # catalog.TicketThread

    def __init__(
        self,
        session: Session,
        *,
        bill_id: str | None = None,
        bill_number: str | None = None,
        category: str = "other",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._session = session
        self.bill_id = bill_id
        self._sending: Request[catalog.TicketThread] | None = None
        self.ticket: catalog.TicketThread | None = None
        self.setObjectName("newTicketDialog")
        self.setWindowTitle(self.tr("New support request"))
        self.setMinimumWidth(480)

        self.category_combo = QComboBox()
        self.category_combo.setObjectName("ticketCategory")
        self.category_combo.setAccessibleName(self.tr("Category"))
        for key, title in category_titles().items():
            self.category_combo.addItem(title, key)
        self.category_combo.setCurrentIndex(max(0, self.category_combo.findData(category)))
        self.subject_edit = QLineEdit()
        self.subject_edit.setObjectName("ticketSubject")
        self.subject_edit.setAccessibleName(self.tr("Subject"))
        self.subject_edit.setMaxLength(120)
        self.message_edit = QPlainTextEdit()
        self.message_edit.setObjectName("ticketMessage")
        self.message_edit.setAccessibleName(self.tr("Message"))
        self.message_edit.setPlaceholderText(self.tr("Describe the problem…"))
        self.error = QLabel()
        self.error.setObjectName("ticketError")
        self.error.setAccessibleName(self.tr("Problem with the request"))
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.error.hide()

        form = QFormLayout()
        if bill_number:
            self.bill_label = QLabel(bill_number)
            self.bill_label.setObjectName("ticketBill")
            self.bill_label.setAccessibleName(self.tr("Linked bill"))
            form.addRow(self.tr("Bill"), self.bill_label)
            self.subject_edit.setText(
                self.tr("Problem with bill {number}").format(number=bill_number)
            )
        form.addRow(self.tr("Category"), self.category_combo)
        form.addRow(self.tr("Subject"), self.subject_edit)
        form.addRow(self.tr("Message"), self.message_edit)

        buttons = QDialogButtonBox()
        self.send_button = QPushButton(self.tr("&Send"))
        self.send_button.setObjectName("ticketSend")
        self.send_button.setAccessibleName(self.tr("Send the request"))
        self.send_button.setDefault(True)
        self.send_button.clicked.connect(self.send)
        buttons.addButton(self.send_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.clicked.connect(self.reject)
        session.state_changed.connect(self._update_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self._update_button()

    def _update_button(self, *_: object) -> None:
        online = self._session.online
        sending = self._sending is not None and self._session.operations.is_running(self._sending)
        self.send_button.setEnabled(online and not sending)
        self.send_button.setToolTip(
            "" if online else self.tr("Not available offline: this needs a connection to iCanal.")
        )

    def send(self) -> None:
        subject = self.subject_edit.text().strip()
        message = self.message_edit.toPlainText().strip()
        if len(subject) < 3:
            self._show_error(self.tr("The subject needs at least 3 characters."))
            return
        if not message:
            self._show_error(self.tr("Write a message for the support team."))
            return
        if self._sending is not None and self._session.operations.is_running(self._sending):
            return
        self.error.hide()
        self.send_button.setEnabled(False)
        category = str(self.category_combo.currentData())
        self._sending = support.create_ticket(category, subject, message, self.bill_id)
        self._session.operations.start(self._sending, self._done, self._failed, owner=self)

    def _done(self, thread: catalog.TicketThread) -> None:
        self.ticket = thread
        self.created.emit(thread)
        self.accept()

    def _failed(self, problem: Problem) -> None:
        self._show_error("\n".join(problem.fields.values()) or problem.text)
        self._update_button()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
