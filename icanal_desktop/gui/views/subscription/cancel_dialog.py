"""Cancel a subscription (F12): reason, the real consequences, one explicit confirmation.

As short as changing plan: one screen, no retention maze, no pre-ticked boxes, no guilt.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.catalog import CancellationPreview
from icanal_desktop.core.domain.records import Subscription
from icanal_desktop.gui.models.formatting import date_text, money_text
from icanal_desktop.gui.operations import subscription as contract
from icanal_desktop.gui.problems import Problem
from icanal_desktop.gui.session import Session


class CancelDialog(QDialog):
    finished_with = Signal(str)

    def __init__(
        self, session: Session, subscription: Subscription, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._session = session
        self._sub = subscription
        self._preview: CancellationPreview | None = None
        self.setObjectName("cancelDialog")
        self.setWindowTitle(self.tr("Cancel my subscription"))
        self.setMinimumWidth(680)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

        self.reason = QComboBox()
        self.reason.setObjectName("cancelReason")
        self.reason.setAccessibleName(self.tr("Reason"))
        for code, text in (
            ("too_expensive", self.tr("It is too expensive")),
            ("not_enough_content", self.tr("Not enough content for me")),
            ("technical_issues", self.tr("Technical problems")),
            ("moving", self.tr("I am moving")),
            ("other", self.tr("Another reason")),
        ):
            self.reason.addItem(text, code)
        self.comment = QLineEdit()
        self.comment.setObjectName("cancelComment")
        self.comment.setAccessibleName(self.tr("Comment (optional)"))
        self.comment.setPlaceholderText(self.tr("Optional"))
        self.comment.setMaxLength(500)

        self.when_earliest = QRadioButton()
        self.when_earliest.setObjectName("cancelEarliest")
        self.when_earliest.setChecked(True)
        self.when_commitment = QRadioButton()
        self.when_commitment.setObjectName("cancelAtCommitmentEnd")
        self.when_earliest.toggled.connect(self._show_consequences)
        self.consequences = QLabel(self.tr("Checking the terms of your contract…"))
        self.consequences.setObjectName("cancelConsequences")
        self.consequences.setAccessibleName(self.tr("What cancelling means"))
        self.consequences.setWordWrap(True)
        self.consequences.setStyleSheet("font-weight: 600;")
        self.understood = QCheckBox()
        self.understood.setObjectName("cancelUnderstood")
        self.understood.setEnabled(False)
        self.understood.toggled.connect(self._update_button)

        self.error = QLabel()
        self.error.setObjectName("cancelError")
        self.error.setStyleSheet("color: #c42b1c;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.confirm_button = QPushButton(self.tr("Cancel my subscription"))
        self.confirm_button.setObjectName("confirmCancelButton")
        self.confirm_button.setAccessibleName(self.tr("Cancel my subscription"))
        self.confirm_button.setEnabled(False)
        self.confirm_button.clicked.connect(self._confirm)
        self.confirm_button.setDefault(True)  # disabled until the checkbox is ticked
        keep = QPushButton(self.tr("Keep my subscription"))
        keep.setAutoDefault(False)
        keep.setObjectName("keepSubscriptionButton")
        keep.clicked.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Comment"), self.comment)
        form.addRow(self.tr("When"), self.when_earliest)
        form.addRow("", self.when_commitment)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(keep)
        buttons.addWidget(self.confirm_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("{plan}, contract {number}").format(
                    plan=subscription.plan.name, number=subscription.contract_number
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.consequences)
        layout.addWidget(self.understood)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._load_preview()

    def _load_preview(self) -> None:
        def failed(problem: Problem) -> None:
            self.consequences.setText("")
            self._show_error(problem.text)

        self._session.operations.start(
            contract.preview_cancellation(self._sub.id), self._on_preview, failed, owner=self
        )

    def _on_preview(self, preview: CancellationPreview) -> None:
        self._preview = preview
        self.when_earliest.setText(
            self.tr("As soon as possible: {date}").format(
                date=date_text(preview.earliest_effective_date)
            )
        )
        has_commitment = preview.remaining_commitment_months > 0 and preview.commitment_end
        self.when_commitment.setText(
            self.tr("At the end of my commitment, free of charge: {date}").format(
                date=date_text(preview.fee_free_date)
            )
        )
        self.when_commitment.setVisible(bool(has_commitment))
        self.understood.setEnabled(True)
        self._show_consequences()

    def _when(self) -> str:
        return "earliest" if self.when_earliest.isChecked() else "end_of_commitment"

    def _show_consequences(self) -> None:
        p = self._preview
        if p is None:
            return
        if self._when() == "earliest":
            date, fee = p.earliest_effective_date, p.early_termination_fee
        else:
            date, fee = p.fee_free_date, None
        if fee is not None and fee.amount > 0:
            text = self.tr(
                "Your subscription ends on {date}. {months} months of commitment remain: an "
                "early-termination fee of {fee} will be on your last bill."
            ).format(
                date=date_text(date), months=p.remaining_commitment_months, fee=money_text(fee)
            )
        else:
            text = self.tr("Your subscription ends on {date}. No fee applies.").format(
                date=date_text(date)
            )
        text += " " + self.tr("You keep access to your bills, and can reactivate until that date.")
        self.consequences.setText(text)
        self.understood.setText(
            self.tr("I understand that my subscription ends on {date}.").format(
                date=date_text(date)
            )
        )
        self.understood.setChecked(False)

    def _update_button(self) -> None:
        self.confirm_button.setEnabled(self.understood.isChecked() and self._preview is not None)

    def _confirm(self) -> None:
        if not self.understood.isChecked():
            return
        self.confirm_button.setEnabled(False)
        self.confirm_button.setText(self.tr("Cancelling…"))
        self.error.hide()
        reason, comment, when = self.reason.currentData(), self.comment.text().strip(), self._when()
        # The operation keeps one key for this reason and date until the server answered:
        # a retry after a lost answer cannot register a second cancellation.

        def done(sub: Subscription) -> None:
            end = sub.cancellation.effective_date if sub.cancellation else None
            text = self.tr(
                "Your cancellation is registered: the subscription ends on {date}."
            ).format(date=date_text(end) if end else "—")
            self.finished_with.emit(text)
            self.accept()

        def failed(problem: Problem) -> None:
            self.confirm_button.setText(self.tr("Cancel my subscription"))
            self._update_button()
            self._show_error(problem.text)

        self._session.operations.start(
            contract.cancel(self._sub.id, reason, comment or None, when), done, failed, owner=self
        )

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
