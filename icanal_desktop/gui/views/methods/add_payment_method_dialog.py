"""Adding a payment method (F21): a card, a SEPA direct debit mandate or a mobile-money wallet,
one page each. Every field is checked here before anything is sent; each error shows next to
its field. Card data goes to the vault (tokenization) only, and the fields are masked,
never logged or stored, and emptied when the dialog closes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from icanal_desktop.core.domain.billing import PaymentMethod
from icanal_desktop.gui.models.payment_methods_model import OPERATORS
from icanal_desktop.gui.operations import Request, methods
from icanal_desktop.gui.problems import Problem, ProblemKind
from icanal_desktop.gui.session import Session
from icanal_desktop.gui.views.methods.payment_method_checks import (
    card_field_errors,
    iban_field_errors,
    mobile_field_errors,
)

TYPES = ("card", "sepa_debit", "mobile_money")
# The server's field names -> ours.
SERVER_FIELDS = {
    "number": "number", "exp_month": "exp", "exp_year": "exp", "cvc": "cvc",
    "holder": "holder", "iban": "iban", "sepa_debit.iban": "iban",
    "mandate_accepted": "mandate", "sepa_debit.mandate_accepted": "mandate",
    "operator": "operator", "mobile_money.operator": "operator", "msisdn": "msisdn",
    "mobile_money.msisdn": "msisdn",
}  # fmt: skip


class AddPaymentMethodDialog(QDialog):
    def __init__(self, session: Session, kind: str = "card", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        # The card being added: tokenized once, its token (never the card) kept for a retry.
        self._card = methods.NewCard()
        self.setObjectName("addPaymentMethodDialog")
        self.setWindowTitle(self.tr("Add a payment method"))
        self.setMinimumWidth(520)
        self._errors: dict[str, QLabel] = {}

        self.type_buttons = QButtonGroup(self)
        types_row = QHBoxLayout()
        for index, (text, object_name) in enumerate(
            (
                (self.tr("&Card"), "addMethodTypeCard"),
                (self.tr("SEPA &direct debit"), "addMethodTypeSepa"),
                (self.tr("&Mobile money"), "addMethodTypeMobile"),
            )
        ):
            button = QRadioButton(text)
            button.setObjectName(object_name)
            button.setAccessibleName(text.replace("&", ""))
            self.type_buttons.addButton(button, index)
            types_row.addWidget(button)
        types_row.addStretch(1)
        self.pages = QStackedWidget()
        self.pages.setObjectName("addMethodPages")
        self.pages.addWidget(self._card_page())
        self.pages.addWidget(self._sepa_page())
        self.pages.addWidget(self._mobile_page())
        self.type_buttons.idToggled.connect(self._on_type)

        self.general_error = self._error_label("addMethodError")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.submit_button = QPushButton(self.tr("Add"))
        self.submit_button.setObjectName("addMethodSubmit")
        self.submit_button.setAccessibleName(self.tr("Add this payment method"))
        self.submit_button.setDefault(True)
        self.buttons.addButton(self.submit_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.submit_button.clicked.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(types_row)
        layout.addWidget(self.pages)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.type_buttons.button(TYPES.index(kind) if kind in TYPES else 0).setChecked(True)

    # -- pages ----------------------------------------------------------------------------
    def _error_label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setAccessibleName(self.tr("Error"))
        # Not wrapped: a stacked page gives wrapped labels no height for their width.
        label.setStyleSheet("color: #c62828;")
        label.hide()
        return label

    def _field(
        self, form: QFormLayout, label: str, widget: QWidget, name: str, field: str, a11y: str
    ) -> None:
        widget.setObjectName(name)
        widget.setAccessibleName(a11y)
        error = self._error_label(f"{name}Error")
        self._errors[field] = error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        column.addWidget(error)
        form.addRow(label, box)

    def _line(self, on_edit: Callable[[], None] | None = None) -> QLineEdit:
        edit = QLineEdit()
        edit.textEdited.connect(lambda _: self._clear_errors())
        if on_edit is not None:
            edit.textEdited.connect(lambda _: on_edit())
        return edit

    def _card_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.card_number = self._line(self._forget_token)
        # Shown while typed, dots as soon as the field loses the focus; never kept.
        self.card_number.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        self.card_number.setMaxLength(23)
        self.card_number.setPlaceholderText("4242 4242 4242 4242")
        self.card_expiry = self._line(self._forget_token)
        self.card_expiry.setInputMask("99/99;_")
        self.card_cvc = self._line(self._forget_token)
        self.card_cvc.setEchoMode(QLineEdit.EchoMode.Password)
        self.card_cvc.setMaxLength(4)
        self.card_cvc.setMaximumWidth(80)
        self.card_holder = self._line(self._forget_token)
        self._field(form, self.tr("Card number"), self.card_number, "cardNumber", "number",
                    self.tr("Card number"))  # fmt: skip
        self._field(form, self.tr("Expiry (MM/YY)"), self.card_expiry, "cardExpiry", "exp",
                    self.tr("Expiry date"))  # fmt: skip
        self._field(form, self.tr("Security code"), self.card_cvc, "cardCvc", "cvc",
                    self.tr("Security code"))  # fmt: skip
        self._field(form, self.tr("Name on the card"), self.card_holder, "cardHolder", "holder",
                    self.tr("Name on the card"))  # fmt: skip
        note = QLabel(
            self.tr(
                "Your card details go straight to our secure vault; this computer never keeps them."
            )
        )
        note.setWordWrap(True)
        form.addRow(note)
        return page

    def _sepa_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.iban = self._line()
        self.iban.setPlaceholderText("FR76 3000 6000 0112 3456 7890 189")
        self.iban.setMaxLength(42)
        self.sepa_holder = self._line()
        mandate = QLabel(
            self.tr(
                "I authorise iCanal to send instructions to my bank to debit my account, "
                "and my bank to debit it in accordance with these instructions (SEPA mandate)."
            )
        )
        mandate.setObjectName("sepaMandateText")
        mandate.setWordWrap(True)
        # A wrapped label in a stacked page gets no height for its width: reserve the lines.
        mandate.setMinimumHeight(4 * mandate.fontMetrics().lineSpacing())
        self.mandate_check = QCheckBox(self.tr("I accept this direct debit mandate"))
        self.mandate_check.toggled.connect(lambda _: self._clear_errors())
        self._field(form, self.tr("IBAN"), self.iban, "sepaIban", "iban", self.tr("IBAN"))
        self._field(form, self.tr("Account holder"), self.sepa_holder, "sepaHolder", "sepa-holder",
                    self.tr("Account holder"))  # fmt: skip
        form.addRow(mandate)
        self._field(form, "", self.mandate_check, "sepaMandate", "mandate",
                    self.tr("Accept the SEPA mandate"))  # fmt: skip
        return page

    def _mobile_page(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.operator_combo = QComboBox()
        self.operator_combo.addItem(self.tr("Choose…"), "")
        for code, name in OPERATORS.items():
            self.operator_combo.addItem(name, code)
        self.operator_combo.currentIndexChanged.connect(lambda _: self._clear_errors())
        self.msisdn = self._line()
        self.msisdn.setPlaceholderText("+2250700000000")
        self._field(form, self.tr("Operator"), self.operator_combo, "mobileOperator", "operator",
                    self.tr("Mobile money operator"))  # fmt: skip
        self._field(form, self.tr("Phone number"), self.msisdn, "mobileNumber", "msisdn",
                    self.tr("Mobile money phone number"))  # fmt: skip
        return page

    # -- state ----------------------------------------------------------------------------
    @property
    def kind(self) -> str:
        return TYPES[self.pages.currentIndex()]

    def _on_type(self, index: int, checked: bool) -> None:
        if checked:
            self.pages.setCurrentIndex(index)
            self._clear_errors()

    def _forget_token(self) -> None:
        self._card_token = None  # the card changed: the next submit tokenizes it again

    def _clear_errors(self) -> None:
        for label in [*self._errors.values(), self.general_error]:
            label.clear()
            label.hide()

    def show_errors(self, errors: dict[str, str]) -> None:
        self._clear_errors()
        for field, message in errors.items():
            label = self._errors.get(field, self.general_error)
            label.setText(message)
            label.show()
        self.adjustSize()  # room for the messages

    def visible_errors(self) -> dict[str, str]:
        """For tests and screen readers: the errors on screen, by field."""
        shown = {f: label.text() for f, label in self._errors.items() if label.text()}
        if self.general_error.text():
            shown["general"] = self.general_error.text()
        return shown

    def _set_sending(self, sending: bool) -> None:
        self.submit_button.setEnabled(not sending)
        self.submit_button.setText(self.tr("Adding…") if sending else self.tr("Add"))
        self.pages.setEnabled(not sending)
        for button in self.type_buttons.buttons():
            button.setEnabled(not sending)

    # -- sending --------------------------------------------------------------------------
    def local_errors(self) -> dict[str, str]:
        if self.kind == "card":
            return card_field_errors(
                self.card_number.text(),
                self.card_expiry.text(),
                self.card_cvc.text(),
                self.card_holder.text(),
            )
        if self.kind == "sepa_debit":
            errors = iban_field_errors(
                self.iban.text(), self.sepa_holder.text(), self.mandate_check.isChecked()
            )
            if "holder" in errors:
                errors["sepa-holder"] = errors.pop("holder")
            return errors
        return mobile_field_errors(self.operator_combo.currentData() or "", self.msisdn.text())

    def submit(self) -> None:
        if not self.submit_button.isEnabled():
            return
        errors = self.local_errors()
        if errors:
            self.show_errors(errors)
            return
        self._clear_errors()
        self._set_sending(True)
        self._session.operations.start(self._request(), self._on_added, self._on_failed, owner=self)

    def _request(self) -> Request[PaymentMethod]:
        if self.kind == "card":
            month, _, year = self.card_expiry.text().partition("/")
            number, cvc = self.card_number.text().replace(" ", ""), self.card_cvc.text()
            return self._card.add(
                number, int(month), 2000 + int(year), cvc, self.card_holder.text()
            )
        if self.kind == "sepa_debit":
            return methods.add_sepa_debit(
                self.iban.text(), self.sepa_holder.text(), self.mandate_check.isChecked()
            )
        operator, msisdn = str(self.operator_combo.currentData()), self.msisdn.text().strip()
        return methods.add_mobile_money(operator, msisdn)

    def _on_added(self, _: PaymentMethod) -> None:
        self._set_sending(False)
        self.accept()

    def _on_failed(self, problem: Problem) -> None:
        self._set_sending(False)
        if problem.kind in (ProblemKind.INVALID, ProblemKind.REFUSED):
            # A refusal is final for this request: the corrected one is a new request.
            self._card.forget()
        if problem.fields:
            fields = {SERVER_FIELDS.get(f, "general"): text for f, text in problem.fields.items()}
            if self.kind == "sepa_debit" and "holder" in fields:
                fields["sepa-holder"] = fields.pop("holder")
            self.show_errors(fields)
            return
        self.show_errors({"general": problem.text})

    def done(self, result: int) -> None:
        # Nothing typed here outlives the dialog.
        for edit in (self.card_number, self.card_cvc, self.card_expiry, self.card_holder):
            edit.clear()
        self._card.forget()
        super().done(result)
